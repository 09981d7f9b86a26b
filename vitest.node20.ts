/**
 * vitest 5 declares Node 22 and its reporter calls Map.groupBy / Object.groupBy (Node 21+) when printing
 * failures. Hearth supports Node 20, so the test runner's own process gets these two standard functions.
 */
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

if (typeof (Map as unknown as { groupBy?: GroupBy }).groupBy !== 'function') {
  (Map as unknown as { groupBy: GroupBy }).groupBy = (items, key) => {
    const groups = new Map();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      const list = groups.get(k) ?? [];
      list.push(item);
      groups.set(k, list);
    }
    return groups;
  };
}
if (typeof (Object as unknown as { groupBy?: unknown }).groupBy !== 'function') {
  (Object as unknown as { groupBy: unknown }).groupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) =>
    Object.fromEntries((Map as unknown as { groupBy: GroupBy }).groupBy(items, key));
}
