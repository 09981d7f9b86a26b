import type { HearthDb } from '../db/database.js';
import type { Viewer } from '../auth/viewer.js';
import type { RequestAccess } from '../auth/request-access.js';
import type { CrisisClassifierOptions } from '../modules/content-pipeline/content-pipeline.js';
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
