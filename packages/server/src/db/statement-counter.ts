import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements per request. The request handler opens a scope; the database's query log adds to it.
 * Tests read the count to prove that list queries are batched (N+1 designed out), and the request log prints it.
 */
export interface StatementTally {
  statements: number;
}

const activeTally = new AsyncLocalStorage<StatementTally>();

export function countStatementsIn<T>(tally: StatementTally, work: () => T): T {
  return activeTally.run(tally, work);
}

export function recordStatement(): void {
  const tally = activeTally.getStore();
  if (tally) tally.statements += 1;
}
