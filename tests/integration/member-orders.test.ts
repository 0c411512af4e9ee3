import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { makeCheckinCode } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, renewTokens, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

type Listed = { items: { id: string; title: string; myAssignment: { phase: string | null } | null }[]; total: number };

describe("the member's lists: 我的任务 in time order and the order hall's search", () => {
  let db: Database;
  let community: TestCommunity;
  const start = new Date('2026-11-23T01:00:00Z');
  const clock = useWallClock(start);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'M', { members: 4, residents: 1 });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const createOrder = async (title: string, fromMinutes: number, toMinutes: number, extra: Record<string, unknown> = {}) =>
    ok<{ id: string }>(call(orders, 'create', {
      title, category: '社区服务', place: '幸福小区活动室', startsAt: inMinutes(fromMinutes), endsAt: inMinutes(toMinutes),
      capacity: 3, dispatch: 'open', ...extra,
    }, community.secretary));

  const titles = (page: Listed) => page.items.map((item) => item.title);

  describe('我的任务', () => {
    let member: TestUser;

    beforeAll(async () => {
      clock.set(start);
      member = community.members[0];
      // Created in an order that is none of the expected ones, so that no insertion order can pass for the rule.
      const plan: [string, number, number][] = [
        ['下周的宣传', 300, 360],
        ['早上的巡逻', 10, 30],
        ['开始了未签到', 60, 180],
        ['刚结束的清扫', 20, 40],
        ['已签到的服务', 30, 120],
        ['明天的义诊', 200, 260],
      ];
      const ids: Record<string, string> = {};
      for (const [title, from, to] of plan) {
        ids[title] = (await createOrder(title, from, to)).id;
        await ok(call(orders, 'accept', { orderId: ids[title] }, member));
      }
      const device = await ok(call(checkin, 'issueDeviceSecret', {}, member));
      clock.set(new Date(start.getTime() + 35 * 60_000));
      await ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: ids['已签到的服务'], code: makeCheckinCode(device, new Date()) }, community.secretary));
      clock.set(new Date(start.getTime() + 70 * 60_000));
    });

    it('should put what is happening now first, then what is to come soonest first, then what is done most recent first', async () => {
      const all = await ok<Listed>(call(orders, 'listMine', {}, member));
      expect(titles(all)).toEqual(['已签到的服务', '开始了未签到', '明天的义诊', '下周的宣传', '刚结束的清扫', '早上的巡逻']);
      expect(all.items.map((item) => item.myAssignment?.phase)).toEqual(['in_service', 'upcoming', 'upcoming', 'upcoming', 'done', 'done']);
      expect(all.total).toBe(6);
    });

    it.each([
      ['upcoming', ['开始了未签到', '明天的义诊', '下周的宣传']],
      ['in_service', ['已签到的服务']],
      ['done', ['刚结束的清扫', '早上的巡逻']],
    ])('should keep the same order within the %s phase, and count only that phase', async (phase, expected) => {
      const page = await ok<Listed>(call(orders, 'listMine', { phase }, member));
      expect(titles(page)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    });

    it('should page through the same order', async () => {
      const first = await ok<Listed>(call(orders, 'listMine', { page: { limit: 4, offset: 0 } }, member));
      const second = await ok<Listed>(call(orders, 'listMine', { page: { limit: 4, offset: 4 } }, member));
      expect([...titles(first), ...titles(second)]).toEqual(['已签到的服务', '开始了未签到', '明天的义诊', '下周的宣传', '刚结束的清扫', '早上的巡逻']);
    });
  });

  describe('the order hall search', () => {
    let member: TestUser;
    const hall = (data: Record<string, unknown>) => ok<Listed>(call(orders, 'listOpen', data, member));

    beforeAll(async () => {
      clock.set(new Date(start.getTime() + 24 * 60 * 60_000));
      await renewTokens(db, community);
      member = community.members[1];
      await createOrder('楼道大扫除', 60, 120, { description: '清理楼道堆放的杂物', place: '幸福小区3栋' });
      await createOrder('助老送餐', 90, 150, { description: '为独居老人送午餐', place: '社区长者食堂' });
      await createOrder('百分百到场_演练', 100, 160, { description: '消防演练', place: '文化广场' });
      await createOrder('明天的助老探访', 24 * 60 + 60, 24 * 60 + 120, { category: '爱心扶助', description: '探望独居老人', place: '和平里' });
      const need = await ok<{ id: string }>(call(demands, 'post', {
        category: '社区服务', subItem: '家电、水电维修', description: '厨房水管漏水', address: '测试小区1栋101室', contactPhone: '13800002222',
      }, community.residents[0]));
      await createOrder('上门修水管', 120, 180, { demandId: need.id, place: undefined, description: '' });
    });

    it('should find a word in the title, the service content or the place', async () => {
      expect(titles(await hall({ query: '大扫除' }))).toEqual(['楼道大扫除']);
      expect(titles(await hall({ query: '午餐' }))).toEqual(['助老送餐']);
      expect(titles(await hall({ query: '长者食堂' }))).toEqual(['助老送餐']);
      expect(titles(await hall({ query: '独居老人' }))).toEqual(['助老送餐', '明天的助老探访']);
    });

    it('should want every word, in any of the fields, and count only what it found', async () => {
      const found = await hall({ query: ' 老人   午餐 ' });
      expect(titles(found)).toEqual(['助老送餐']);
      expect(found.total).toBe(1);
      expect(titles(await hall({ query: '老人 楼道' }))).toEqual([]);
    });

    it('should keep the category and date filters alongside the words', async () => {
      expect(titles(await hall({ query: '老人', category: '爱心扶助' }))).toEqual(['明天的助老探访']);
      expect(titles(await hall({ query: '老人', date: '2026-11-24' }))).toEqual(['助老送餐']);
    });

    it('should take % and _ as the characters they are', async () => {
      expect(titles(await hall({ query: '%' }))).toEqual([]);
      expect(titles(await hall({ query: '_演练' }))).toEqual(['百分百到场_演练']);
      expect(titles(await hall({ query: '场_' }))).toEqual(['百分百到场_演练']);
      expect(titles(await hall({ query: '到_' }))).toEqual([]);
    });

    it("should not find a home service by the resident's address, which the hall shows masked", async () => {
      const everything = await hall({});
      expect(titles(everything)).toContain('上门修水管');
      expect(titles(await hall({ query: '101室' }))).toEqual([]);
      expect(titles(await hall({ query: '水管' }))).toEqual(['上门修水管']);
    });

    it('should treat an empty or blank query as no search', async () => {
      const everything = await hall({});
      expect((await hall({ query: '   ' })).total).toBe(everything.total);
      expect((await hall({ query: '' })).total).toBe(everything.total);
    });

    it.each([
      [{ query: '很'.repeat(31) }, '搜索词不能超过30个字'],
      [{ query: 12 }, '搜索词须为文字'],
    ])('should refuse a bad query %j with VALIDATION_FAILED naming 搜索词', async (data, message) => {
      const error = await failed(call(orders, 'listOpen', data, member));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toEqual({ query: message });
    });
  });
});
