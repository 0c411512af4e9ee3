import { randomUUID } from 'node:crypto';
import { main as notifyMain } from '../../cloudfunctions/notify/index';
import { main as ordersMain } from '../../cloudfunctions/orders/index';
import { loadConfig, type AppConfig } from '../../cloudfunctions/_core/config/config';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { enqueueJob, notify } from '../../cloudfunctions/_core/notify';
import type { JobHandler } from '../../cloudfunctions/_core/notify/job-handlers';
import { runDueJobs } from '../../cloudfunctions/_core/notify/worker/run-due-jobs';
import { WechatSendError, type SubscribeMessage } from '../../cloudfunctions/_core/notify/wechat/sender';
import { call, failed, inMinutes, ok } from '../support/call';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const TEMPLATES: NonNullable<AppConfig['SUBSCRIBE_TEMPLATES']> = {
  service_reminder: { id: 'tmpl-reminder', keywords: { thing1: 'activity', time2: 'time', thing3: 'place' } },
  order_status: { id: 'tmpl-status', keywords: { thing1: 'activity', phrase2: 'status', thing3: 'note' } },
};

/** WeChat's limits as the platform checks them, written out here apart from the code under test. */
function limitProblems(data: Record<string, { value: string }>): string[] {
  const limits: Record<string, number> = { thing: 20, phrase: 5, character_string: 32, name: 10, number: 32 };
  return Object.entries(data).flatMap(([keyword, { value }]) => {
    const type = keyword.replace(/\d+$/, '');
    const chars = [...value].length;
    if (type === 'time') return /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/.test(value) ? [] : [keyword];
    if (chars === 0 || chars > (limits[type] ?? 0)) return [keyword];
    if (type === 'phrase' && !/^\p{Script=Han}+$/u.test(value)) return [keyword];
    return [];
  });
}

/** A fake `openapi.subscribeMessage.send`: checks the payload against the template's limits (47003 as WeChat would) and records the calls. */
function fakeSend(answer: (message: SubscribeMessage) => Promise<void> = async () => undefined) {
  const calls: SubscribeMessage[] = [];
  const send = async (message: SubscribeMessage) => {
    calls.push(message);
    if (limitProblems(message.data).length > 0) throw new WechatSendError(47003, `argument invalid! ${limitProblems(message.data).join(',')}`);
    await answer(message);
  };
  return { calls, send };
}

let db: Database;
let community: TestCommunity;
let config: AppConfig;
const T0 = new Date('2026-09-10T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  db = await openSuiteDatabase();
  community = await buildCommunity(db, '队列', { members: 6, residents: 1 });
  config = { ...loadConfig(), SUBSCRIBE_TEMPLATES: TEMPLATES };
});
afterAll(() => db.close());

const jobOf = async (key: string) =>
  (await db.query<{ attempts: number; done_at: Date | null; failed_at: Date | null; run_at: Date; last_error: string | null }>(`select attempts, done_at, failed_at, run_at, last_error from jobs where job_key = $1`, [key]))[0];

describe('runDueJobs', () => {
  it('runs a due job once, and not before its time', async () => {
    const key = `test:${randomUUID()}`;
    const runs: string[] = [];
    const handlers: Record<string, JobHandler> = { 'test.count': async (_tx, job) => void runs.push(job.key) };
    await db.transaction((tx) => enqueueJob(tx, { kind: 'test.count', key, runAt: at(10) }, T0));
    await runDueJobs(db, { now: at(9), workerId: 'w1', config, handlers });
    expect(runs).toEqual([]);
    await runDueJobs(db, { now: at(10), workerId: 'w1', config, handlers });
    await runDueJobs(db, { now: at(20), workerId: 'w2', config, handlers });
    expect(runs).toEqual([key]);
    expect(await jobOf(key)).toMatchObject({ attempts: 1, failed_at: null, done_at: at(10) });
  });

  it('retries a handler that throws after the back-off (1 min, 5 min…) and gives up after max attempts', async () => {
    const key = `test:${randomUUID()}`;
    let runs = 0;
    const handlers: Record<string, JobHandler> = {
      'test.fail': async () => {
        runs++;
        throw new Error('boom');
      },
    };
    await db.transaction((tx) => enqueueJob(tx, { kind: 'test.fail', key, runAt: T0, maxAttempts: 3 }, T0));
    await runDueJobs(db, { now: T0, workerId: 'w1', config, handlers });
    expect(await jobOf(key)).toMatchObject({ attempts: 1, run_at: at(1), last_error: 'boom', failed_at: null });
    await runDueJobs(db, { now: at(0.5), workerId: 'w1', config, handlers });
    expect(runs).toBe(1);
    await runDueJobs(db, { now: at(1), workerId: 'w1', config, handlers });
    expect(await jobOf(key)).toMatchObject({ attempts: 2, run_at: at(6) });
    await runDueJobs(db, { now: at(6), workerId: 'w1', config, handlers });
    await runDueJobs(db, { now: at(600), workerId: 'w1', config, handlers });
    expect(runs).toBe(3);
    expect(await jobOf(key)).toMatchObject({ attempts: 3, failed_at: at(6), done_at: null });
  });

  it('lets two workers at once run each job exactly once', async () => {
    const keys = Array.from({ length: 12 }, () => `test:${randomUUID()}`);
    const runs: string[] = [];
    const handlers: Record<string, JobHandler> = {
      'test.race': async (tx, job) => {
        await tx.query('select pg_sleep(0.01)');
        runs.push(job.key);
      },
    };
    await db.transaction(async (tx) => {
      for (const key of keys) await enqueueJob(tx, { kind: 'test.race', key, runAt: T0 }, T0);
    });
    await Promise.all(['a', 'b', 'c'].map((worker) => runDueJobs(db, { now: at(1), workerId: worker, config, handlers, limit: 5 }).then(() => runDueJobs(db, { now: at(1), workerId: worker, config, handlers, limit: 5 }))));
    expect([...runs].sort()).toEqual([...keys].sort());
  });
});

describe('run counts', () => {
  it('counts a job whose lease another worker took meanwhile as lost, not done', async () => {
    const [first, second] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const reached = new Promise<void>((resolve) => (started = resolve));
    // The first run of the first job waits on the network after its transaction, past its lease.
    const handlers: Record<string, JobHandler> = {
      'test.lease': async (_tx, job, env) => {
        runs++;
        if (job.key === first && runs === 1) {
          env.afterCommit!(async () => {
            started();
            await gate;
          });
        }
      },
    };
    await db.transaction(async (tx) => {
      await enqueueJob(tx, { kind: 'test.lease', key: first, runAt: at(-2) }, T0);
      await enqueueJob(tx, { kind: 'test.lease', key: second, runAt: at(-1) }, T0);
    });
    const slow = runDueJobs(db, { now: T0, workerId: 'slow', config, handlers, limit: 2, leaseSeconds: 60 });
    await reached;
    // Two minutes on, the slow worker's leases have run out: another takes both jobs and finishes them.
    const other = await runDueJobs(db, { now: at(2), workerId: 'other', config, handlers, limit: 2 });
    expect(other).toMatchObject({ claimed: 2, done: 2, retried: 0, failed: 0, lost: 0 });
    release();
    expect(await slow).toEqual({ claimed: 2, done: 0, retried: 0, failed: 0, lost: 2 });
    expect(await jobOf(first)).toMatchObject({ done_at: at(2), failed_at: null });
  });

  it('counts a failure after the lease was lost as lost, and leaves the job to the worker that holds it', async () => {
    const key = `test:${randomUUID()}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const reached = new Promise<void>((resolve) => (started = resolve));
    let runs = 0;
    const handlers: Record<string, JobHandler> = {
      'test.lease_fail': async (_tx, _job, env) => {
        if (++runs > 1) return;
        env.afterCommit!(async () => {
          started();
          await gate;
          throw new Error('network gone');
        });
      },
    };
    await db.transaction((tx) => enqueueJob(tx, { kind: 'test.lease_fail', key, runAt: at(-1) }, T0));
    const slow = runDueJobs(db, { now: T0, workerId: 'slow', config, handlers, leaseSeconds: 60 });
    await reached;
    expect(await runDueJobs(db, { now: at(2), workerId: 'other', config, handlers })).toMatchObject({ claimed: 1, done: 1 });
    release();
    expect(await slow).toEqual({ claimed: 1, done: 0, retried: 0, failed: 0, lost: 1 });
    expect(await jobOf(key)).toMatchObject({ done_at: at(2), last_error: null });
  });
});

describe('the WeChat channel', () => {
  let serial = 0;
  async function noticeFor(user: TestUser, kind: 'order_reminder' | 'order_cancelled', fields: Record<string, string>) {
    await db.query(`update users set wx_openid = $2 where id = $1`, [user.id, `openid-${user.id}`]);
    const [id] = await db.transaction((tx) => notify(tx, T0, [user.id], { kind, eventKey: `test:${++serial}`, title: '提醒', body: '明天有服务', page: `/pages/member/order-detail/index?id=${serial}`, fields }));
    return id;
  }
  const grant = (user: TestUser, templateId: string, result = 'accept') => db.query(
    `insert into wechat_subscription_credits (user_id, template_id, credits, updated_at) values ($1, $2, $3, now())
     on conflict (user_id, template_id) do update set credits = wechat_subscription_credits.credits + excluded.credits`,
    [user.id, templateId, result === 'accept' ? 1 : 0],
  );
  const deliveryOf = async (id: string) => (await db.query<{ status: string; error_code: string | null }>(`select status, error_code from wechat_deliveries where notification_id = $1`, [id]))[0];
  const creditsOf = async (user: TestUser, templateId: string) => (await db.query<{ credits: number }>(`select credits from wechat_subscription_credits where user_id = $1 and template_id = $2`, [user.id, templateId]))[0]?.credits ?? 0;
  const fields = { activity: '社区助老：陪老人去医院复诊并代取药品（需细心）', time: '2026-09-11 09:00', place: '幸福里3号楼' };

  it('uses a granted credit for one message, fitted to the limits; a second notification without credit stays in the inbox', async () => {
    const member = community.members[0];
    await grant(member, 'tmpl-reminder');
    const first = await noticeFor(member, 'order_reminder', fields);
    const second = await noticeFor(member, 'order_reminder', fields);
    const wechat = fakeSend();
    await runDueJobs(db, { now: at(1), workerId: 'w1', config, sender: wechat.send });
    expect(wechat.calls).toHaveLength(1);
    expect(wechat.calls[0]).toMatchObject({ touser: `openid-${member.id}`, templateId: 'tmpl-reminder', page: expect.stringMatching(/^pages\/member\/order-detail/) });
    expect(wechat.calls[0].data).toEqual({ thing1: { value: '社区助老：陪老人去医院复诊并代取药品（…' }, time2: { value: '2026年09月11日 09:00' }, thing3: { value: '幸福里3号楼' } });
    expect(await deliveryOf(first)).toMatchObject({ status: 'sent' });
    expect(await deliveryOf(second)).toMatchObject({ status: 'no_credit' });
    expect(await creditsOf(member, 'tmpl-reminder')).toBe(0);
  });

  it('marks a declined subscription no_credit: the inbox has it, WeChat is not called', async () => {
    const member = community.members[1];
    await grant(member, 'tmpl-reminder', 'reject');
    const id = await noticeFor(member, 'order_reminder', fields);
    const wechat = fakeSend();
    await runDueJobs(db, { now: at(1), workerId: 'w1', config, sender: wechat.send });
    expect(wechat.calls).toHaveLength(0);
    expect(await deliveryOf(id)).toMatchObject({ status: 'no_credit' });
    expect((await db.query(`select id from notifications where id = $1`, [id]))).toHaveLength(1);
  });

  it('marks 43101 refused and clears the credits counted for the template', async () => {
    const member = community.members[2];
    await grant(member, 'tmpl-reminder');
    await grant(member, 'tmpl-reminder');
    const id = await noticeFor(member, 'order_reminder', fields);
    const wechat = fakeSend(async () => {
      throw new WechatSendError(43101, 'user refuse to accept the msg');
    });
    await runDueJobs(db, { now: at(1), workerId: 'w1', config, sender: wechat.send });
    expect(wechat.calls).toHaveLength(1);
    expect(await deliveryOf(id)).toMatchObject({ status: 'refused', error_code: '43101' });
    expect(await creditsOf(member, 'tmpl-reminder')).toBe(0);
  });

  it('never sends a payload over a field limit: a status too long to fit is refused before the send', async () => {
    const member = community.members[3];
    await grant(member, 'tmpl-status');
    const id = await noticeFor(member, 'order_cancelled', { activity: '助老', status: '已由社区书记取消', note: '天气原因' });
    const wechat = fakeSend();
    await runDueJobs(db, { now: at(1), workerId: 'w1', config, sender: wechat.send });
    expect(wechat.calls).toHaveLength(0);
    expect(await deliveryOf(id)).toMatchObject({ status: 'failed', error_code: 'PAYLOAD_DOES_NOT_FIT' });
    expect(await creditsOf(member, 'tmpl-status')).toBe(1);
    // The fake itself refuses what WeChat would: the check the code above keeps.
    await expect(wechat.send({ touser: 'x', templateId: 'tmpl-status', data: { phrase2: { value: '已由社区书记取消' } } })).rejects.toMatchObject({ errCode: 47003 });
  });

  it('gives the credit back and retries on a transient error, then sends once', async () => {
    const member = community.members[4];
    await grant(member, 'tmpl-reminder');
    const id = await noticeFor(member, 'order_reminder', fields);
    let busy = true;
    const wechat = fakeSend(async () => {
      if (busy) throw new WechatSendError(-1, 'system error');
    });
    await runDueJobs(db, { now: at(1), workerId: 'w1', config, sender: wechat.send });
    expect(await deliveryOf(id)).toMatchObject({ status: 'failed', error_code: '-1' });
    expect(await creditsOf(member, 'tmpl-reminder')).toBe(1);
    busy = false;
    await runDueJobs(db, { now: at(3), workerId: 'w1', config, sender: wechat.send });
    expect(wechat.calls).toHaveLength(2);
    expect(await deliveryOf(id)).toMatchObject({ status: 'sent' });
    expect(await creditsOf(member, 'tmpl-reminder')).toBe(0);
  });

  it('sends nothing twice when the worker died between the send and its record: the rerun after the lease marks it unknown', async () => {
    const member = community.members[5];
    await grant(member, 'tmpl-reminder');
    await grant(member, 'tmpl-reminder');
    const id = await noticeFor(member, 'order_reminder', fields);
    let sent!: () => void;
    const reached = new Promise<void>((resolve) => (sent = resolve));
    // The first worker's send goes out and never comes back: the process died there.
    const dying = fakeSend(() => {
      sent();
      return new Promise<void>(() => undefined);
    });
    void runDueJobs(db, { now: at(1), workerId: 'dies', config, sender: dying.send, leaseSeconds: 120 });
    await reached;
    expect(await deliveryOf(id)).toMatchObject({ status: 'sending' });
    const next = fakeSend();
    await runDueJobs(db, { now: at(2), workerId: 'w2', config, sender: next.send });
    expect(next.calls).toHaveLength(0);
    await runDueJobs(db, { now: at(4), workerId: 'w2', config, sender: next.send });
    expect(dying.calls).toHaveLength(1);
    expect(next.calls).toHaveLength(0);
    expect(await deliveryOf(id)).toMatchObject({ status: 'unknown' });
    expect(await creditsOf(member, 'tmpl-reminder')).toBe(1);
  });
});

describe('接单成功 on WeChat', () => {
  it('retries a failed delivery of order_accepted after the back-off and sends it once', async () => {
    const place = await buildCommunity(db, '队列接单', { members: 1, residents: 0 });
    const [member] = place.members;
    await db.query(`update users set wx_openid = $2 where id = $1`, [member.id, `openid-${member.id}`]);
    // The credit 接单 asks for (the functions' own configuration has no templates here; the worker's has).
    await db.query(`insert into wechat_subscription_credits (user_id, template_id, credits, updated_at) values ($1, 'tmpl-status', 1, now())`, [member.id]);
    const order = await ok(call(ordersMain, 'create', {
      title: '助老送餐', category: '环保绿化服务', place: '幸福里3号楼', startsAt: inMinutes(600), endsAt: inMinutes(660), capacity: 2, dispatch: 'open',
    }, place.secretary));
    await ok(call(ordersMain, 'accept', { orderId: order.id }, member));
    const [notification] = await db.query<{ id: string }>(`select id from notifications where user_id = $1 and kind = 'order_accepted'`, [member.id]);
    let down = true;
    const wechat = fakeSend(async () => {
      if (down) throw new WechatSendError(-1, 'system error');
    });
    const toMember = () => wechat.calls.filter((message) => message.touser === `openid-${member.id}`);
    const now = Date.now();
    const later = (minutes: number) => new Date(now + minutes * 60_000);
    await runDueJobs(db, { now: later(0), workerId: 'w1', config, sender: wechat.send });
    expect(toMember()).toHaveLength(1);
    expect((await db.query(`select status from wechat_deliveries where notification_id = $1`, [notification.id]))[0]).toEqual({ status: 'failed' });
    down = false;
    // Not before the minute's back-off; then once, and never again.
    await runDueJobs(db, { now: later(0.5), workerId: 'w1', config, sender: wechat.send });
    expect(toMember()).toHaveLength(1);
    await runDueJobs(db, { now: later(2), workerId: 'w2', config, sender: wechat.send });
    await runDueJobs(db, { now: later(10), workerId: 'w3', config, sender: wechat.send });
    expect(toMember()).toHaveLength(2);
    expect(toMember()[1]).toMatchObject({ templateId: 'tmpl-status', data: { thing1: { value: '助老送餐' }, phrase2: { value: '已接单' } } });
    expect((await db.query(`select status from wechat_deliveries where notification_id = $1`, [notification.id]))[0]).toEqual({ status: 'sent' });
    expect((await jobOf(`deliver:${notification.id}`))).toMatchObject({ attempts: 2, failed_at: null });
  });
});

describe('notify function', () => {
  it('answers grantSubscriptions and refuses an unknown template id by its field', async () => {
    const error = await failed(call(notifyMain, 'grantSubscriptions', { results: [{ templateId: 'nope', result: 'accept' }] }, community.members[0]));
    expect(error.code).toBe('SUBSCRIBE_UNKNOWN_TEMPLATE');
    expect(error.message).toContain('templateId');
    const bad = await failed(call(notifyMain, 'grantSubscriptions', { results: [{ templateId: 'x', result: 'maybe' }] }, community.members[0]));
    expect(bad.message).toContain('result');
  });

  it('runs the tick on a timer event', async () => {
    const key = `test:${randomUUID()}`;
    await db.transaction((tx) => enqueueJob(tx, { kind: 'wechat.deliver', key, runAt: new Date(Date.now() - 1000), payload: { notificationId: randomUUID() } }, new Date()));
    const answer = await notifyMain({ Type: 'Timer', TriggerName: 'drainJobs', Time: new Date().toISOString() }, {});
    expect(answer).toMatchObject({ ok: true });
    expect((await jobOf(key)).done_at).not.toBeNull();
  });
});
