/**
 * The one place a crisis resource becomes links: the composer's help panel and the thread's report form both
 * read a resource through these functions, so a number or an address is checked the same way everywhere.
 * Resources are written by an institution's staff (setCrisisResources) and shown at the worst moment: a link that
 * does nothing on a phone, or points anywhere but a secure page, is worse than none.
 */

/** A crisis resource as the API returns it. */
export interface CrisisResourceView {
  name: string;
  description?: string | null | undefined;
  phone?: string | null | undefined;
  url?: string | null | undefined;
  /** The language it is written in ("en", "ar"). */
  locale?: string | null | undefined;
}

/** What the reader can do with one resource: each link ready for a phone, or absent. */
export interface CrisisContacts {
  /** `tel:` link and the number as written for people. */
  call: { href: string; number: string } | null;
  /** `sms:` link, for services that take texts (their own words say so). */
  text: { href: string; number: string } | null;
  /** An https page (a chat, or the service's site) and its host to show. */
  online: { href: string; host: string } | null;
}

/**
 * The digits to dial for a number as written for people ("116 123", "+966 920033360", "(0800) 58-58-58"):
 * spaces, dots, dashes and brackets go; what is left must be 2 to 15 digits with an optional leading +. Anything
 * else (letters, extensions, two numbers in one field) is no number: it is shown as text but gets no link.
 */
export function dialableNumber(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[\s().\u00a0-]/g, '');
  return /^\+?\d{2,15}$/.test(digits) ? digits : null;
}

/** The address when it is an https URL with a host (no http, no javascript:, no credentials), else null. */
export function secureAddress(value: string | null | undefined): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'https:' && url.hostname && !url.username && !url.password ? url : null;
}

/**
 * The API has no field saying a line takes texts, so the resource's own words decide: "Call or text 988",
 * "Text SHOUT to 85258", «أرسل رسالة نصية». Only then is a `sms:` link offered. A line whose words speak of texts
 * and never of calls (Shout, UK: "Text SHOUT to 85258") takes no calls: a call link there rings nobody, at the
 * worst moment, so it gets none.
 */
const takesTexts = /\b(?:text|texts|texting|sms)\b|رسالة نصية|رسائل نصية|رسالة قصيرة|\bSMS\b/i;
const takesCalls = /\b(?:call|calls|calling|ring|phone|dial)\b|اتصل|اتصال|مكالمة|هاتف/i;
/** The word a service asks to be texted ("Text SHOUT to 85258", «بكلمة SHOUT»), prefilled in the message. */
const textKeyword = /\b[Tt]ext\s+([A-Z]{2,12})\s+to\b|بكلمة\s+([A-Za-z]{2,12})/;

export function crisisContacts(resource: CrisisResourceView): CrisisContacts {
  const number = dialableNumber(resource.phone);
  const words = `${resource.name} ${resource.description ?? ''}`;
  const url = secureAddress(resource.url);
  const texts = number !== null && takesTexts.test(words);
  const textOnly = texts && !takesCalls.test(words);
  const keyword = texts ? textKeyword.exec(words) : null;
  const body = keyword ? `?body=${encodeURIComponent(keyword[1] ?? keyword[2]!)}` : '';
  return {
    call: number && !textOnly ? { href: `tel:${number}`, number: resource.phone!.trim() } : null,
    text: number && texts ? { href: `sms:${number}${body}`, number: resource.phone!.trim() } : null,
    online: url ? { href: url.href, host: url.host } : null,
  };
}

/**
 * The resources in the reader's language first (an Arabic reader gets the Arabic lines of their hospital before
 * the English ones), otherwise in the institution's order.
 */
export function inReaderLanguageFirst<Resource extends CrisisResourceView>(resources: readonly Resource[], locale: string): Resource[] {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  const rank = (resource: Resource) => (resource.locale && resource.locale.toLowerCase().split(/[-_]/)[0] === language ? 0 : 1);
  return resources
    .map((resource, index) => ({ resource, index }))
    .sort((a, b) => rank(a.resource) - rank(b.resource) || a.index - b.index)
    .map(({ resource }) => resource);
}
