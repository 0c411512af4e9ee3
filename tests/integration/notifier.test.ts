import type { Database } from '../../cloudfunctions/_core/db/database';
import { enqueueJob, notify } from '../../cloudfunctions/_core/notify';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

let db: Database;
let community: TestCommunity;

beforeAll(async () => {
  db = await openSuiteDatabase();
  community = await buildCommunity(db, '通知', { members: 3, residents: 1 });
});
afterAll(() => db.close());

const inboxOf = (userId: string) =>
  db.query<{ kind: string; event_key: string; title: string }>(`select kind, event_key, title from notifications where user_id = $1 order by created_at`, [userId]);

describe('notify', () => {
  it('writes one notification per user and event, however often its cause runs', async () => {
    const [first, second] = community.members;
    const notice = { kind: 'order_accepted' as const, eventKey: 'accepted:one', title: '接单成功', body: '您已接单' };
    await db.transaction((tx) => notify(tx, new Date(), [first.id, second.id, first.id], notice));
    await db.transaction((tx) => notify(tx, new Date(), [first.id], notice));
    expect(await inboxOf(first.id)).toEqual([{ kind: 'order_accepted', event_key: 'accepted:one', title: '接单成功' }]);
    expect(await inboxOf(second.id)).toHaveLength(1);
  });

  it('skips a user who turned the kind off, unless the rules require the kind', async () => {
    const member = community.members[2];
    for (const kind of ['order_reminder', 'order_cancelled']) {
      await db.query(`insert into notification_preferences (user_id, kind, enabled, updated_at) values ($1, $2, false, now())`, [member.id, kind]);
    }
    await db.transaction((tx) => notify(tx, new Date(), [member.id], { kind: 'order_reminder', eventKey: 'reminder:x', title: '提醒', body: '明天有服务' }));
    await db.transaction((tx) => notify(tx, new Date(), [member.id], { kind: 'order_cancelled', eventKey: 'cancelled:x', title: '取消', body: '订单已取消' }));
    expect((await inboxOf(member.id)).map((row) => row.kind)).toEqual(['order_cancelled']);
  });

  it('writes nothing when the action that notifies fails', async () => {
    const member = community.members[0];
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, new Date(), [member.id], { kind: 'order_invited', eventKey: 'invited:rolled-back', title: '邀请', body: '请接单' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect((await inboxOf(member.id)).map((row) => row.event_key)).not.toContain('invited:rolled-back');
  });

  it('gives each notification of a WeChat user one delivery job', async () => {
    const member = community.members[1];
    await db.query(`update users set wx_openid = 'openid-notify-test' where id = $1`, [member.id]);
    const [id] = await db.transaction((tx) =>
      notify(tx, new Date(), [member.id], { kind: 'order_invited', eventKey: 'invited:wechat', title: '邀请', body: '请接单', fields: { activity: '助老' } }),
    );
    const jobs = await db.query<{ kind: string; payload: { notificationId: string; fields: Record<string, string> } }>(`select kind, payload from jobs where job_key = $1`, [`deliver:${id}`]);
    expect(jobs).toEqual([{ kind: 'wechat.deliver', payload: { notificationId: id, fields: { activity: '助老' } } }]);
  });

  it('enqueues a job key once', async () => {
    const at = new Date();
    expect(await db.transaction((tx) => enqueueJob(tx, { kind: 'test.once', key: 'once:1', runAt: at }, at))).toBe(true);
    expect(await db.transaction((tx) => enqueueJob(tx, { kind: 'test.once', key: 'once:1', runAt: at }, at))).toBe(false);
  });
});
