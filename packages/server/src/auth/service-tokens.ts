import { createHash, randomBytes } from 'node:crypto';

/**
 * Service tokens are an institution backend's key to the admin API. Only a SHA-256 digest is stored; the token
 * itself is shown once, when it is created. The prefix lets the server (and secret scanners) tell them from JWTs.
 */
export const serviceTokenPrefix = 'hearth_st_';

export function generateServiceToken(): { token: string; tokenHash: string } {
  const token = serviceTokenPrefix + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashServiceToken(token) };
}

export function hashServiceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeServiceToken(token: string): boolean {
  return token.startsWith(serviceTokenPrefix);
}

/** A fresh HS256 secret for an institution's SSO key: 256 random bits. */
export function generateSsoSecret(): string {
  return randomBytes(32).toString('base64url');
}
