import type { Logger } from 'pino';
import type { HearthDb } from '../db/database.js';
import type { Viewer } from '../auth/viewer.js';
import type { RequestAccess } from '../auth/request-access.js';
import type { RateLimiter } from '../rate-limits/rate-limits.js';

/** Everything a resolver may use. A new context per request: loaders and caches never outlive it. */
export interface HearthContext {
  db: HearthDb;
  viewer: Viewer;
  access: RequestAccess;
  requestId: string;
  /** The server's one rate limiter (shared by every request, unlike the rest of the context). */
  rateLimiter: RateLimiter;
  /** How the content pipeline calls an institution's own crisis classifier (the server's timeout and logger). */
  crisisClassifier: CrisisClassifierOptions;
}

/**
 * How the content pipeline calls an institution's own crisis classifier (modules/content-pipeline/
 * crisis-classifier-stage.ts): the server's settings, here beside the context that carries them, so this layer
 * names nothing of a module.
 */
export interface CrisisClassifierOptions {
  /** How long to wait for an answer before the built-in detector decides alone. @default 1500 */
  timeoutMs?: number | undefined;
  /** Where failures of the classifier are logged (never with the text). */
  logger?: Logger | undefined;
}

/**
 * The server's services that domain functions running the content pipeline take (after `db` and the viewer's
 * access): the domain layer is handed what it uses, never the request context. Typed by the context's own fields
 * (it satisfies the content pipeline's `ContentServices`) so this layer still names nothing of a module.
 */
export function contentServicesOf(context: HearthContext): Pick<HearthContext, 'rateLimiter' | 'crisisClassifier'> {
  return { rateLimiter: context.rateLimiter, crisisClassifier: context.crisisClassifier };
}
