/**
 * Intl formatters, one per locale and options for the whole page. Building one costs far more than using it, and
 * the widgets format on every render: each card's time, count and list, re-rendered every minute.
 */
const formatters = new Map<string, unknown>();

/** The formatter stored under `key` (locale and options), made by `create` the first time. */
export function sharedFormatter<T>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) formatters.set(key, (formatter = create()));
  return formatter;
}
