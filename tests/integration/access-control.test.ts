import { randomUUID } from 'node:crypto';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { signSessionToken } from '../../cloudfunctions/_core/auth';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { orgRepository } from '../../cloudfunctions/_core/org';
import { call, failed, inMinutes, ok, type Main } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, createDistrictAdmin, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;
const START = new Date('2026-11-23T01:00:00Z');

describe('authorisation: role and scope on every action', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let needOfA: { id: string };
  let openOrderOfA: { id: string };
  let openOrderOfB: { id: string };
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'A', { members: 2, residents: 2 });
    b = await buildCommunity(db, 'B', { members: 1, residents: 1, districtId: a.districtId });
    needOfA = await ok(call(demands, 'post', {
      category: '爱心扶助', subItem: '敬老助残', description: '需要有人陪同去医院复查', address: '测试小区1栋101室', contactPhone: '13800001111',
    }, a.residents[0]));
    openOrderOfA = await ok(call(orders, 'create', {
      title: '社区垃圾分类宣传', category: '环保绿化服务', place: 'A社区广场', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 3, dispatch: 'open',
    }, a.secretary));
    await ok(call(orders, 'accept', { orderId: openOrderOfA.id }, a.members[0]));
    openOrderOfB = await ok(call(orders, 'create', {
      title: '社区义诊', category: '医疗卫生服务', place: 'B社区卫生站', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 3, dispatch: 'open',
    }, b.secretary));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** Everything an action could change, read straight from the database. */
  const state = async () => ({
    counts: await countRows(db),
    demands: await db.query('select id, status, reject_reason, updated_at from demands order by id'),
    orders: await db.query('select id, status, accepted_count, cancel_reason, completed_at from orders order by id'),
    assignments: await db.query('select order_id, member_id, status from assignments order by order_id, member_id'),
  });

  async function expectRefused(main: Main, action: string, data: unknown, user: TestUser | undefined, code: string) {
    const before = await state();
    const error = await failed(call(main, action, data, user));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(CHINESE);
    expect(await state()).toEqual(before);
    return error;
  }

  describe("another community's secretary", () => {
    const cases: [string, Main, string, () => object][] = [
      ['demands.get', demands, 'get', () => ({ demandId: needOfA.id })],
      ['demands.reject', demands, 'reject', () => ({ demandId: needOfA.id, reason: '不属于本社区' })],
      ['demands.listForCommunity', demands, 'listForCommunity', () => ({ communityId: a.communityId })],
      ['orders.create from its need', orders, 'create', () => ({
        demandId: needOfA.id, title: '陪同就医', category: '爱心扶助', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 1, dispatch: 'open',
      })],
      ['orders.get', orders, 'get', () => ({ orderId: openOrderOfA.id })],
      ['orders.cancel', orders, 'cancel', () => ({ orderId: openOrderOfA.id, reason: '取消别人的订单' })],
      ['orders.complete', orders, 'complete', () => ({ orderId: openOrderOfA.id })],
      ['orders.listForCommunity', orders, 'listForCommunity', () => ({ communityId: a.communityId })],
      ['records.listForCommunity', records, 'listForCommunity', () => ({ communityId: a.communityId })],
      ['records.missingCheckouts', records, 'missingCheckouts', () => ({ communityId: a.communityId })],
      ['orders.evaluate', orders, 'evaluate', () => ({ orderId: openOrderOfA.id, rating: 'fair' })],
    ];

    it.each(cases)('should get FORBIDDEN on %s of community A, and change nothing', async (_name, main, action, data) => {
      await expectRefused(main, action, data(), b.secretary, 'FORBIDDEN');
    });

    it("should get CHECKIN_VERIFIER_FORBIDDEN on checkin.attendance of A's order", async () => {
      await expectRefused(checkin, 'attendance', { orderId: openOrderOfA.id }, b.secretary, 'CHECKIN_VERIFIER_FORBIDDEN');
    });

    it("should get ORDER_INVITEE_NOT_MEMBER sending its own order to A's members", async () => {
      const error = await expectRefused(orders, 'create', {
        title: '跨社区派单', category: '社区服务', place: 'B社区', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 1,
        dispatch: 'directed', inviteeIds: [a.members[0].id],
      }, b.secretary, 'ORDER_INVITEE_NOT_MEMBER');
      expect(error.fields).toEqual({ inviteeIds: expect.stringMatching(CHINESE) });
    });

    it("should get DEMAND_RESIDENT_NOT_IN_COMMUNITY recording a need for A's resident", async () => {
      await expectRefused(demands, 'record', {
        category: '社区服务', description: '代登记一个需求', address: '2栋', contactPhone: '13800002222', requesterName: '居民', channel: 'window',
        residentId: a.residents[0].id,
      }, b.secretary, 'DEMAND_RESIDENT_NOT_IN_COMMUNITY');
    });

    it('should still manage its own community', async () => {
      const page = await ok(call(orders, 'listForCommunity', {}, b.secretary));
      expect(page.items.map((item: { id: string }) => item.id)).toEqual([openOrderOfB.id]);
    });
  });

  describe('a resident', () => {
    it.each([
      ['demands.reject', demands, 'reject', () => ({ demandId: needOfA.id, reason: '自己驳回' })],
      ['demands.listForCommunity', demands, 'listForCommunity', () => ({})],
      ['demands.record', demands, 'record', () => ({
        category: '社区服务', description: '帮邻居登记一个需求', address: '2栋', contactPhone: '13800002222', requesterName: '邻居', channel: 'phone',
      })],
      ['orders.create', orders, 'create', () => ({
        title: '自己派单', category: '社区服务', place: '家里', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 1, dispatch: 'open',
      })],
      ['orders.create from their own need', orders, 'create', () => ({
        demandId: needOfA.id, title: '自己派单', category: '爱心扶助', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 1, dispatch: 'open',
      })],
      ['orders.listForCommunity', orders, 'listForCommunity', () => ({})],
      ['orders.cancel', orders, 'cancel', () => ({ orderId: openOrderOfA.id, reason: '不想要了' })],
      ['records.listForCommunity', records, 'listForCommunity', () => ({})],
    ] as [string, Main, string, () => object][])('should get FORBIDDEN on the secretary action %s', async (_name, main, action, data) => {
      await expectRefused(main, action, data(), a.residents[0], 'FORBIDDEN');
    });

    it.each([
      ['demands.get', 'get', () => ({ demandId: needOfA.id })],
      ['demands.withdraw', 'withdraw', () => ({ demandId: needOfA.id })],
      ['demands.confirmService', 'confirmService', () => ({ demandId: needOfA.id, rating: 'unsatisfied' })],
    ] as [string, string, () => object][])("should get FORBIDDEN on %s of another resident's need", async (_name, action, data) => {
      await expectRefused(demands, action, data(), a.residents[1], 'FORBIDDEN');
    });

    it("should not see another resident's need in their own list", async () => {
      const mine = await ok(call(demands, 'listMine', {}, a.residents[1]));
      expect(mine).toEqual({ items: [], total: 0 });
    });
  });

  describe("a member outside the order's reach", () => {
    it("should not see A's open orders in the order hall", async () => {
      const hall = await ok(call(orders, 'listOpen', {}, b.members[0]));
      const ids = hall.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(openOrderOfB.id);
      expect(ids).not.toContain(openOrderOfA.id);
    });

    it("should get ORDER_NOT_FOR_YOU accepting A's open order, taking no place", async () => {
      await expectRefused(orders, 'accept', { orderId: openOrderOfA.id }, b.members[0], 'ORDER_NOT_FOR_YOU');
      expect(await db.query('select accepted_count from orders where id = $1', [openOrderOfA.id])).toEqual([{ accepted_count: 1 }]);
    });

    it("should get FORBIDDEN opening A's order", async () => {
      await expectRefused(orders, 'get', { orderId: openOrderOfA.id }, b.members[0], 'FORBIDDEN');
    });

    it('should get FORBIDDEN opening a directed order of its own community sent to someone else', async () => {
      const directed = await ok(call(orders, 'create', {
        title: '定向帮扶', category: '爱心扶助', place: 'A社区', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 1,
        dispatch: 'directed', inviteeIds: [a.members[0].id],
      }, a.secretary));
      await expectRefused(orders, 'get', { orderId: directed.id }, a.members[1], 'FORBIDDEN');
      expect((await ok(call(orders, 'get', { orderId: directed.id }, a.members[0]))).myAssignment).toEqual({ status: 'invited', phase: null });
    });
  });

  describe('the session', () => {
    const validNeed = { category: '社区服务', subItem: '家电、水电维修', description: '楼道灯坏了需要维修', address: '2栋', contactPhone: '13800002222' };

    it('should answer UNAUTHENTICATED without a token, writing nothing', async () => {
      await expectRefused(demands, 'post', validNeed, undefined, 'UNAUTHENTICATED');
      await expectRefused(orders, 'listOpen', {}, undefined, 'UNAUTHENTICATED');
      await expectRefused(auth, 'me', {}, undefined, 'UNAUTHENTICATED');
    });

    it('should answer UNAUTHENTICATED to a tampered token', async () => {
      const resident = a.residents[0];
      const [sessionId, userId, expires, signature] = resident.token.split('.');
      const forged = [
        `${sessionId}.${userId}.${Number(expires) + 3600}.${signature}`,
        `${sessionId}.${a.secretary.id}.${expires}.${signature}`,
        `${sessionId}.${userId}.${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
        'not-a-token',
      ];
      for (const token of forged) {
        await expectRefused(demands, 'post', validNeed, { ...resident, token }, 'UNAUTHENTICATED');
      }
    });

    it('should answer SESSION_EXPIRED to an expired token', async () => {
      const resident = a.residents[0];
      const token = await sessionTokenFor(db, resident.id, new Date(Date.now() - 25 * 3_600_000), 24);
      await expectRefused(demands, 'post', validNeed, { ...resident, token }, 'SESSION_EXPIRED');
    });

    it('should answer UNAUTHENTICATED to a well-signed token of a user who does not exist', async () => {
      const token = signSessionToken({ sessionId: randomUUID(), userId: randomUUID(), expiresAt: Math.floor(Date.now() / 1000) + 3600 }, process.env.SESSION_SECRET!);
      await expectRefused(demands, 'post', validNeed, { ...a.residents[0], token }, 'UNAUTHENTICATED');
    });
  });

  describe('a district admin', () => {
    it("should list the needs of every community in the district, given the community's id", async () => {
      const admin = await createDistrictAdmin(db, a.districtId);
      const ofA = await ok(call(demands, 'listForCommunity', { communityId: a.communityId }, admin));
      expect(ofA.items.map((item: { id: string }) => item.id)).toContain(needOfA.id);
      expect(ofA.items[0].contactPhone).toBe('138****1111');
      const ofB = await ok(call(demands, 'listForCommunity', { communityId: b.communityId }, admin));
      expect(ofB).toEqual({ items: [], total: 0 });
      const ordersOfA = await ok(call(orders, 'listForCommunity', { communityId: a.communityId }, admin));
      const orderIds = ordersOfA.items.map((item: { id: string }) => item.id);
      expect(orderIds).toContain(openOrderOfA.id);
      expect(orderIds).not.toContain(openOrderOfB.id);
    });

    it("should get FORBIDDEN on a community of another district", async () => {
      const otherDistrict = randomUUID();
      await orgRepository.createOrganisation(db, { id: otherDistrict, kind: 'district', parentId: null, name: '另一个区' });
      const outsider = await createDistrictAdmin(db, otherDistrict);
      await expectRefused(demands, 'listForCommunity', { communityId: a.communityId }, outsider, 'FORBIDDEN');
      await expectRefused(demands, 'get', { demandId: needOfA.id }, outsider, 'FORBIDDEN');
    });
  });

  describe('WeChat identity', () => {
    const saved = { keys: process.env.WX_CONTEXT_KEYS, openid: process.env.WX_OPENID, appid: process.env.WX_APPID };
    const inWechat = (openid: string) => {
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
      process.env.WX_OPENID = openid;
      process.env.WX_APPID = 'wx-test-appid';
    };
    const restore = () => {
      for (const [name, value] of [['WX_CONTEXT_KEYS', saved.keys], ['WX_OPENID', saved.openid], ['WX_APPID', saved.appid]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    };
    afterEach(restore);
    const openidOf = async (user: TestUser) => (await db.query('select wx_openid from users where id = $1', [user.id]))[0].wx_openid;

    it('should bind the WeChat openid with phone and password, then log in by it without a token', async () => {
      const member = a.members[1];
      inWechat('o-test-openid-member');
      const loaded = performance.now();

      const bound = await ok(call(auth, 'bindWechat', { phone: member.phone, password: member.password }));

      expect(performance.now() - loaded).toBeLessThan(10_000);
      expect(bound.profile).toMatchObject({ userId: member.id, name: member.name, wechatBound: true });
      expect(await openidOf(member)).toBe('o-test-openid-member');
      const session = await ok(call(auth, 'wxLogin', {}));
      expect(session.profile).toMatchObject({ userId: member.id, name: member.name, wechatBound: true, roles: [expect.objectContaining({ role: 'member' })] });
      expect((await ok(auth({ action: 'me', data: {}, token: session.token }))).userId).toBe(member.id);
      expect((await ok(call(orders, 'listOpen', {}))).items.map((item: { id: string }) => item.id)).toContain(openOrderOfA.id);
    });

    it('should refuse to bind with a wrong password as AUTH_BAD_CREDENTIALS', async () => {
      const resident = a.residents[1];
      inWechat('o-test-openid-wrong-password');
      await expectRefused(auth, 'bindWechat', { phone: resident.phone, password: 'wrong-password' }, undefined, 'AUTH_BAD_CREDENTIALS');
      expect(await openidOf(resident)).toBeNull();
    });

    it('should refuse an openid already bound to someone else as AUTH_WECHAT_BOUND_ELSEWHERE', async () => {
      inWechat('o-test-openid-shared');
      await ok(call(auth, 'bindWechat', { phone: a.secretary.phone, password: a.secretary.password }));
      await expectRefused(auth, 'bindWechat', { phone: b.secretary.phone, password: b.secretary.password }, undefined, 'AUTH_WECHAT_BOUND_ELSEWHERE');
      expect(await openidOf(b.secretary)).toBeNull();
    });

    it('should undo a WeChat binding when the password changes elsewhere, keeping the WeChat that changed it', async () => {
      const [member, other] = [b.residents[0], b.members[0]];
      inWechat('o-test-openid-before-change');
      await ok(call(auth, 'bindWechat', { phone: member.phone, password: member.password }));
      restore();
      const changed = await ok(call(auth, 'changePassword', { oldPassword: member.password, newPassword: 'chunfeng2026' }, member));
      expect(await openidOf(member)).toBeNull();
      inWechat('o-test-openid-before-change');
      await expectRefused(auth, 'wxLogin', {}, undefined, 'AUTH_WECHAT_NOT_BOUND');
      await ok(call(auth, 'bindWechat', { phone: member.phone, password: 'chunfeng2026' }));
      await ok(auth({ action: 'changePassword', data: { oldPassword: 'chunfeng2026', newPassword: 'qiuyue2027' } }, {}));
      expect(await openidOf(member)).toBe('o-test-openid-before-change');
      expect(changed.token).toEqual(expect.any(String));

      inWechat('o-test-openid-logout');
      await ok(call(auth, 'bindWechat', { phone: other.phone, password: other.password }));
      await ok(call(auth, 'logout', {}));
      expect(await openidOf(other)).toBeNull();
      await expectRefused(auth, 'wxLogin', {}, undefined, 'AUTH_WECHAT_NOT_BOUND');
    });

    it('should answer AUTH_WECHAT_NOT_BOUND to an openid nobody bound', async () => {
      inWechat('o-test-openid-stranger');
      await expectRefused(auth, 'wxLogin', {}, undefined, 'AUTH_WECHAT_NOT_BOUND');
    });

    it('should answer AUTH_WECHAT_UNAVAILABLE outside WeChat', async () => {
      restore();
      expect(process.env.WX_CONTEXT_KEYS).toBeUndefined();
      await expectRefused(auth, 'wxLogin', {}, undefined, 'AUTH_WECHAT_UNAVAILABLE');
      const member = a.members[0];
      await expectRefused(auth, 'bindWechat', { phone: member.phone, password: member.password }, undefined, 'AUTH_WECHAT_UNAVAILABLE');
      expect(await openidOf(member)).toBeNull();
    });
  });
});
