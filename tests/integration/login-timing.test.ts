import { main as auth } from '../../cloudfunctions/auth/index';
import { hashPassword } from '../../cloudfunctions/_core/auth';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed } from '../support/call';
import { buildCommunity, PASSWORD, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

/** The production cost, so that a dummy hash of any other cost would show (tests elsewhere run at 1024). */
const COST = 16384;
const TRIES = 30;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('login timing whatever the phone', () => {
  let db: Database;
  let member: TestUser;
  const costBefore = process.env.PASSWORD_COST;

  beforeAll(async () => {
    process.env.PASSWORD_COST = String(COST);
    db = await openSuiteDatabase();
    [member] = (await buildCommunity(db, 'LT', { members: 1, residents: 0 })).members;
    await db.query('update users set password_hash = $2 where id = $1', [member.id, await hashPassword(PASSWORD, COST)]);
  });
  afterAll(async () => {
    process.env.PASSWORD_COST = costBefore;
    await db.close();
  });

  const timed = async (phone: string) => {
    const started = performance.now();
    await failed(call(auth, 'login', { phone, password: 'not-the-password' }));
    return performance.now() - started;
  };

  it('should take as long for a phone with no account as for a known phone with a wrong password', async () => {
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      unknown.push(await timed(`1370000${String(i).padStart(4, '0')}`));
      known.push(await timed(member.phone));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
