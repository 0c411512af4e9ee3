import { sameAnswer } from '../../bench/organisation-rates';
import { generateDistrict } from '../../bench/large-district';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { businessYear } from '../../cloudfunctions/_core/shared/business-time';
import { openSuiteDatabase } from '../support/test-database';

// The bench's raw aggregate is only a floor if it answers what the product answers: checked here on a small district.
jest.setTimeout(120_000);

describe('BENCH_ONLY=rates: the raw aggregate and loadOrganisationRates on the generated district', () => {
  let db: Database;
  const now = new Date();
  beforeAll(async () => {
    db = await openSuiteDatabase();
    await generateDistrict(db, { records: 2_000, now });
  });
  afterAll(() => db.close());

  it('should give every organisation the same counts, with 回访 and registrations to count', async () => {
    const organisations = await sameAnswer(db, businessYear(now));
    const total = (pick: (rates: (typeof organisations)[number]['rates']) => number) => organisations.reduce((sum, one) => sum + pick(one.rates), 0);
    expect(organisations.length).toBeGreaterThan(3);
    expect(total((rates) => rates.satisfaction_rate.denominator)).toBeGreaterThan(0);
    expect(total((rates) => rates.satisfaction_rate.numerator)).toBeLessThan(total((rates) => rates.satisfaction_rate.denominator));
    expect(total((rates) => rates.registration_rate.denominator)).toBeGreaterThan(total((rates) => rates.registration_rate.numerator));
    expect(total((rates) => rates.participation_rate.numerator)).toBeGreaterThan(0);
  });
});
