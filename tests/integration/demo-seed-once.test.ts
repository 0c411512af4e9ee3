import { hasData, seedDemoDataIfEmpty } from '../../gateway/demo-seed';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { openSuiteDatabase } from '../support/test-database';

/** Several gateways started together on one empty server each seed the demo world unless it is there. */
describe('demo data seeded by gateways starting at the same time', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('should seed one demo world when two gateways start together, and neither start fails', async () => {
    expect(await hasData(db)).toBe(false);
    const options = { now: new Date(), passwordCost: 1024 };

    const outcomes = await Promise.allSettled([seedDemoDataIfEmpty(db, options), seedDemoDataIfEmpty(db, options)]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    const seeded = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
    expect(seeded.filter((accounts) => accounts === null)).toHaveLength(1);
    expect(seeded.find((accounts) => accounts !== null)?.map((account) => account.role)).toEqual(['secretary', 'member', 'resident', 'district_admin', 'unit_admin']);
    const [{ districts }] = await db.query<{ districts: string }>("select count(*) as districts from organisations where kind = 'district'");
    expect(Number(districts)).toBe(1);
  });

  it('should leave a seeded database as it is on the next start', async () => {
    const [before] = await db.query<{ n: string }>('select count(*) as n from users');
    expect(await seedDemoDataIfEmpty(db, { now: new Date(), passwordCost: 1024 })).toBeNull();
    const [after] = await db.query<{ n: string }>('select count(*) as n from users');
    expect(after.n).toBe(before.n);
  });
});
