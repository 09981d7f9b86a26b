import { isDatabaseUnavailable } from '../db/availability.js';
import type { HearthDb } from '../db/database.js';
import { listAllowedOrigins } from '../modules/institutions/institution.queries.js';

/**
 * The origins CORS answers: every institution's embedding origins plus any set in configuration. Read from the
 * database at most every `refreshMs` (a preflight carries no token, so the set cannot be per institution). An
 * origin not in the set triggers an early re-read, at most every `missRefreshMs`, so an origin an admin has just
 * added works within seconds while a stream of unknown origins costs at most one query per interval.
 */
export class AllowedOrigins {
  private origins = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: HearthDb,
    private readonly extraOrigins: string[],
    private readonly refreshMs = 30_000,
    private readonly missRefreshMs = 2_000,
  ) {}

  async allows(origin: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > this.refreshMs) await this.refreshOrKeep();
    if (this.origins.has(origin)) return true;
    if (Date.now() - this.loadedAt < this.missRefreshMs) return false;
    await this.refreshOrKeep();
    return this.origins.has(origin);
  }

  /**
   * During a database outage the origins last read still answer, so a widget on an allowed site can read the
   * API's 503 and its Retry-After (without CORS headers the browser hides the response and reports a network
   * failure). The next read is tried again after `missRefreshMs`.
   */
  private async refreshOrKeep(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      this.loadedAt = Date.now() - this.refreshMs + this.missRefreshMs;
    }
  }

  /** Re-reads the origins now (called after an institution changes its list). */
  async refresh(): Promise<void> {
    this.loading ??= listAllowedOrigins(this.db)
      .then((origins) => {
        this.origins = new Set([...origins, ...this.extraOrigins].map((origin) => origin.replace(/\/$/, '')));
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    await this.loading;
  }
}
