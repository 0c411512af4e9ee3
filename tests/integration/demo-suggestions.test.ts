import { main as assessment } from '../../cloudfunctions/assessment/index';
import { main as auth } from '../../cloudfunctions/auth/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { seedDemoData, type DemoAccount } from '../../gateway/demo-seed';
import { call, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import type { TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('the demo seed’s suggestions and commitments', () => {
  let db: Database;
  let accounts: DemoAccount[];
  const clock = useWallClock(new Date('2026-11-23T02:00:00Z'));

  beforeAll(async () => {
    db = await openSuiteDatabase();
    accounts = await seedDemoData(db, { now: new Date(), passwordCost: 1024 });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  async function logIn(role: DemoAccount['role']): Promise<TestUser> {
    const account = accounts.find((item) => item.role === role)!;
    const session = await ok(call(auth, 'login', { phone: account.phone, password: account.password }));
    return { id: session.profile.userId, name: account.name, phone: account.phone, password: account.password, token: session.token };
  }

  it('should give the demo member an answered suggestion and a 好事 committed for this year', async () => {
    const member = await logIn('member');
    const suggestions = await ok(call(assessment, 'mySuggestions', {}, member));
    expect(suggestions).toMatchObject({ total: 1, countedThisYear: 1 });
    expect(suggestions.items[0]).toMatchObject({ status: 'replied', reply: expect.stringContaining('物业') });
    const commitments = await ok(call(assessment, 'myCommitments', {}, member));
    expect(commitments.items).toEqual([expect.objectContaining({ year: 2026, kind: 'member', status: 'committed', beneficiary: '独居老人陈阿婆' })]);
  });

  it('should leave one suggestion and one reported commitment waiting for the demo secretary', async () => {
    const secretary = await logIn('secretary');
    const suggestions = await ok(call(assessment, 'listSuggestions', {}, secretary));
    expect(suggestions).toMatchObject({ total: 2, waiting: 1 });
    expect(suggestions.items[0]).toMatchObject({ status: 'submitted', category: '为民服务' });
    const commitments = await ok(call(assessment, 'listCommitments', {}, secretary));
    expect(commitments).toMatchObject({ total: 2, waiting: 1 });
    expect(commitments.items[0]).toMatchObject({ status: 'fulfilled', beneficiary: '困难家庭小明' });
  });
});
