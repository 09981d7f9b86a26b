/** Links for crisis resources that work on a phone: shared by the composer's crisis panel and the group finder. */

/** A `tel:` link for a number as written for people ("116 123", "+966 920033360"), or null. */
export function telephoneHref(phone: string | null): string | null {
  const digits = phone?.replace(/[\s().-]/g, '') ?? '';
  return /^\+?\d{2,15}$/.test(digits) ? `tel:${digits}` : null;
}

/** Only http(s) addresses become links. */
export function webHref(value: string | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
