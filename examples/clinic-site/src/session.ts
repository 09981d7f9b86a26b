import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Edition, SiteUser } from './editions.js';

/**
 * The site's own sign-in, as simple as a demo can make it and no simpler: an HttpOnly cookie holding the user's
 * id and an HMAC of it under a key this process draws at start (so a restart signs everyone out, and nobody can
 * mint a cookie for someone else). One cookie per hospital, because each language version is its own hospital.
 */
export class Sessions {
  readonly #key = randomBytes(32);

  cookieName(edition: Edition): string {
    return `clinic_session_${edition.institution}`;
  }

  #signature(edition: Edition, externalId: string): Buffer {
    return createHmac('sha256', this.#key).update(`${edition.institution}\n${externalId}`).digest();
  }

  /** The Set-Cookie value that signs `user` in to this edition's hospital. */
  signInCookie(edition: Edition, user: SiteUser): string {
    const value = `${user.externalId}.${this.#signature(edition, user.externalId).toString('base64url')}`;
    return `${this.cookieName(edition)}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${12 * 60 * 60}`;
  }

  signOutCookie(edition: Edition): string {
    return `${this.cookieName(edition)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }

  /** The signed-in user of this edition, or null when the cookie is absent, forged or names nobody we know. */
  signedInUser(request: IncomingMessage, edition: Edition): SiteUser | null {
    const value = readCookie(request, this.cookieName(edition));
    const separator = value?.lastIndexOf('.') ?? -1;
    if (!value || separator <= 0) return null;
    const externalId = value.slice(0, separator);
    const given = Buffer.from(value.slice(separator + 1), 'base64url');
    const expected = this.#signature(edition, externalId);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return edition.users.find((user) => user.externalId === externalId) ?? null;
  }
}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
