import { expect, it } from 'vitest';
import { countStatementsIn, type StatementTally } from '../db/statement-counter.js';
import { createTestInstitution } from '../../test-support/factories.js';
import { describeEachDatabase } from '../../test-support/test-api.js';
import { updateInstitution } from '../modules/institutions/institution.queries.js';
import { AllowedOrigins } from './allowed-origins.js';

describeEachDatabase('allowed origins', (api) => {
  it("answers every institution's embedding origins and the configured extras, and nothing else", async () => {
    const db = api().database.db;
    await createTestInstitution(db, { allowedOrigins: ['https://a.clinic.example'] });
    await createTestInstitution(db, { allowedOrigins: ['https://b.clinic.example:8443'] });
    const origins = new AllowedOrigins(db, ['http://localhost:5173/']);
    expect(await origins.allows('https://a.clinic.example')).toBe(true);
    expect(await origins.allows('https://b.clinic.example:8443')).toBe(true);
    expect(await origins.allows('http://localhost:5173')).toBe(true);
    for (const origin of ['https://b.clinic.example', 'http://a.clinic.example', 'https://a.clinic.example.evil.example', 'null', '']) {
      expect(await origins.allows(origin), origin).toBe(false);
    }
  });

  it('re-reads on a miss at most once per interval, and sees an origin added since', async () => {
    const db = api().database.db;
    const clinic = await createTestInstitution(db, { allowedOrigins: ['https://before.example'] });
    const origins = new AllowedOrigins(db, [], 60_000, 60_000);
    expect(await origins.allows('https://before.example')).toBe(true);
    await updateInstitution(db, clinic.row.id, { allowed_origins: ['https://before.example', 'https://after.example'] });

    // Within both intervals nothing is re-read: misses cost no query.
    const tally: StatementTally = { statements: 0 };
    await countStatementsIn(tally, async () => {
      for (let i = 0; i < 5; i += 1) expect(await origins.allows(`https://unknown-${i}.example`)).toBe(false);
    });
    expect(tally.statements).toBe(0);
    expect(await origins.allows('https://after.example')).toBe(false);

    const eager = new AllowedOrigins(db, [], 60_000, 0);
    expect(await eager.allows('https://before.example')).toBe(true);
    await updateInstitution(db, clinic.row.id, { allowed_origins: ['https://later.example'] });
    expect(await eager.allows('https://later.example')).toBe(true);
  });

  it('shares one read between concurrent checks', async () => {
    const db = api().database.db;
    const origins = new AllowedOrigins(db, []);
    const tally: StatementTally = { statements: 0 };
    await countStatementsIn(tally, () => Promise.all(Array.from({ length: 10 }, () => origins.allows('https://x.example'))));
    // One shared read; the misses that follow come within the miss interval and read nothing more.
    expect(tally.statements).toBe(1);
  });
});
