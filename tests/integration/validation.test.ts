import type { z } from 'zod';
import { FUNCTION_ACTIONS } from '../../cloudfunctions/_core/function-catalogue';
import type { Database } from '../../cloudfunctions/_core/db/database';
import type { ActionTable } from '../../cloudfunctions/_core/runtime';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { call, failed, inMinutes, ok, type Main } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;

const FUNCTIONS: [string, Main, ActionTable][] = Object.entries(FUNCTION_ACTIONS).map(([fn, table]) => [fn, cloudFunctions[fn] as Main, table]);
const { orders, demands, checkin } = cloudFunctions as Record<string, Main>;

const ACTIONS = FUNCTIONS.flatMap(([fn, main, table]) =>
  Object.entries(table).map(([action, definition]) => ({ name: `${fn}.${action}`, main, action, input: definition.input })),
);

type Def = { type: string; format?: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; checks?: { _zod: { def: { check: string; format?: string } } }[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const unwrap = (schema: z.ZodType): z.ZodType => {
  const def = defOf(schema);
  // A nullable field refuses a wrong kind as its inner field does.
  return def.type === 'optional' || def.type === 'default' || def.type === 'nullable' ? unwrap(def.innerType!) : schema;
};
const shapeOf = (schema: z.ZodType) => defOf(schema).shape ?? {};

/** The top-level fields the action cannot do without. */
const requiredKeys = (schema: z.ZodType) =>
  Object.entries(shapeOf(schema)).filter(([, field]) => !field.safeParse(undefined).success).map(([key]) => key);

/**
 * A value of the wrong kind for every field, however deep, with the paths that must be named:
 * numbers for texts, texts for numbers, bad uuids, the phone 12345, date-times without an offset, unknown options.
 */
function wrongValue(schema: z.ZodType, path: string): { value: unknown; paths: string[] } {
  const def = defOf(unwrap(schema));
  const here = { paths: [path] };
  switch (def.type) {
    case 'string':
      if (def.format === 'uuid') return { value: 'not-a-uuid', ...here };
      if (def.format === 'datetime') return { value: '2026-11-23T09:00:00', ...here };
      if (def.checks?.some((check) => check._zod.def.format === 'regex')) return { value: '12345', ...here };
      return { value: 12345, ...here };
    case 'number':
      return { value: '12', ...here };
    case 'boolean':
      return { value: '是', ...here };
    case 'enum':
      return { value: '不存在的选项', ...here };
    case 'record':
      return { value: 'not-a-record', ...here };
    case 'array': {
      const element = wrongValue(def.element!, `${path}.0`);
      return { value: [element.value], paths: element.paths };
    }
    case 'object': {
      const fields = Object.entries(def.shape!).map(([key, field]) => [key, wrongValue(field, path ? `${path}.${key}` : key)] as const);
      return { value: Object.fromEntries(fields.map(([key, wrong]) => [key, wrong.value])), paths: fields.flatMap(([, wrong]) => wrong.paths) };
    }
    default:
      throw new Error(`no wrong value for a ${def.type} at ${path || 'the root'}`);
  }
}

/** Top-level fields holding a list or a nested object. */
const containerKeys = (schema: z.ZodType) =>
  Object.entries(shapeOf(schema)).filter(([, field]) => ['array', 'object'].includes(defOf(unwrap(field)).type)).map(([key]) => key);

describe('bad input on every action of every cloud function', () => {
  let db: Database;
  let community: TestCommunity;
  const clock = useWallClock(new Date('2026-11-23T01:00:00Z'));

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'V', { members: 2, residents: 1 });
    const order = await ok(call(orders, 'create', {
      title: '已有订单', category: '社区服务', place: '社区', startsAt: inMinutes(30), endsAt: inMinutes(90), capacity: 2, dispatch: 'open',
    }, community.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, community.members[0]));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** Sends `data` and expects VALIDATION_FAILED naming exactly `paths`, each in Chinese, with nothing written. */
  async function expectFieldsRefused(main: Main, action: string, data: unknown, paths: string[]) {
    const before = await countRows(db);
    const error = await failed(call(main, action, data, community.secretary));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(CHINESE);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([...paths].sort());
    for (const [path, message] of Object.entries(error.fields!)) expect([path, message]).toEqual([path, expect.stringMatching(CHINESE)]);
    expect(await countRows(db)).toEqual(before);
    return error;
  }

  it('should cover every action: 214 of them, of which these need no input', () => {
    expect(ACTIONS).toHaveLength(214);
    expect(ACTIONS.filter(({ input }) => requiredKeys(input).length === 0).map(({ name }) => name)).toEqual([
      'auth.wxLogin', 'auth.loginLocks', 'auth.me', 'auth.logout',
      'demands.formDefaults', 'demands.listMine', 'demands.listForCommunity',
      'orders.listOpen', 'orders.listMine', 'orders.listForCommunity', 'orders.calendar', 'orders.briefsDue',
      'checkin.issueDeviceSecret', 'checkin.issueVerifierDevice', 'checkin.refusedScans', 'checkin.verifiableOrders',
      'records.myHours', 'records.listForCommunity', 'records.missingCheckouts', 'records.listDisputes', 'records.queues', 'records.myDisputes',
      'records.listTrainings', 'records.listAwards', 'records.trainingCandidates', 'records.myTrainingsAndAwards',
      'registration.options', 'registration.listSlips', 'registration.mine', 'registration.listPending',
      'privacy.accessLog', 'privacy.myData', 'privacy.exportMyData',
      'reports.communityRegister', 'reports.exportCommunityRegister', 'reports.unitStatistics', 'reports.exportUnitStatistics',
      'reports.quarterlyReport', 'reports.exportQuarterlyReport', 'reports.quarterlyReportStatus',
      'org.tree', 'org.settings', 'org.listTeams',
      'assessment.ruleSet', 'assessment.listExemptions',
      'assessment.organisationRates', 'assessment.districtCompliance',
      'assessment.mySuggestions', 'assessment.listSuggestions', 'assessment.myCommitments', 'assessment.listCommitments',
      'assessment.myStanding', 'assessment.warnings',
      'assessment.complianceList', 'assessment.unitStanding', 'assessment.exportComplianceList', 'assessment.exportOrganisationRates',
      'assessment.presets',
      'documents.recordCard',
      'certificates.request', 'certificates.myCertificates', 'certificates.pending', 'certificates.decided',
      'incentives.incentiveRules', 'incentives.incentivePresets', 'incentives.incentiveRuleHistory',
      'incentives.myIncentives', 'incentives.myPoints', 'incentives.settleLedger',
      'incentives.myTimeBank', 'incentives.timeBankForNeed', 'incentives.familyLinks', 'incentives.communityBank', 'incentives.expireTimeBanks',
      'incentives.shopGoods', 'incentives.myRedemptions', 'incentives.manageGoods', 'incentives.pickUps', 'incentives.returnOverdue',
      'incentives.checkLedger',
      'notify.inbox', 'notify.unreadCount', 'notify.markRead', 'notify.preferences', 'notify.runJobs', 'notify.settings',
    ]);
  });

  const withRequiredInput = ACTIONS.filter(({ input }) => requiredKeys(input).length > 0);
  it.each(withRequiredInput)('should refuse $name with every required field missing, naming each', async ({ main, action, input }) => {
    await expectFieldsRefused(main, action, {}, requiredKeys(input));
  });

  it.each(withRequiredInput)('should refuse $name when data is left out altogether', async ({ main, action, input }) => {
    const before = await countRows(db);
    const error = await failed(main({ action, token: community.secretary.token }, {}));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(Object.keys(error.fields!).sort()).toEqual(requiredKeys(input).sort());
    expect(await countRows(db)).toEqual(before);
  });

  const withFields = ACTIONS.filter(({ input }) => Object.keys(shapeOf(input)).length > 0);
  it.each(withFields)('should refuse $name with a wrong value in every field, naming each', async ({ main, action, input }) => {
    const wrong = wrongValue(input, '');
    await expectFieldsRefused(main, action, wrong.value, wrong.paths);
  });

  const withContainers = ACTIONS.filter(({ input }) => containerKeys(input).length > 0);
  it.each(withContainers)('should refuse $name when a list or nested field is given as text', async ({ main, action, input }) => {
    const keys = containerKeys(input);
    const valid = Object.fromEntries(Object.entries(shapeOf(input)).filter(([key]) => !keys.includes(key)).map(([key, field]) => [key, wrongValue(field, key).value]));
    const paths = [...keys, ...Object.keys(valid).flatMap((key) => wrongValue(shapeOf(input)[key], key).paths)];
    await expectFieldsRefused(main, action, { ...valid, ...Object.fromEntries(keys.map((key) => [key, 'not-a-list'])) }, paths);
  });

  it.each(ACTIONS)('should refuse $name when data is not an object, in Chinese', async ({ main, action }) => {
    await expectFieldsRefused(main, action, '{"not":"parsed"}', ['_']);
    await expectFieldsRefused(main, action, [1, 2], ['_']);
  });

  describe('the event itself', () => {
    it('should answer UNKNOWN_ACTION to an action the function does not have, without repeating it', async () => {
      const error = await failed(orders({ action: 'deleteEverything', data: {}, token: community.secretary.token }, {}));
      expect(error).toEqual({ code: 'UNKNOWN_ACTION', message: '不支持的操作' });
      const flood = await failed(orders({ action: '<script>'.repeat(640), data: {} }, {}));
      expect(flood).toEqual({ code: 'UNKNOWN_ACTION', message: '不支持的操作' });
    });

    it('should not take an inherited property for an action', async () => {
      for (const action of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        expect((await failed(orders({ action, data: {} }, {}))).code).toBe('UNKNOWN_ACTION');
      }
    });

    it('should answer VALIDATION_FAILED naming action to an event without one', async () => {
      for (const event of [{ data: {} }, { action: '', data: {} }, { action: 42 }, undefined, null]) {
        const error = await failed(demands(event, {}));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.fields).toEqual({ action: '缺少 action（要执行的操作）' });
      }
    });

    it('should answer VALIDATION_FAILED in Chinese to an event that is not an object', async () => {
      const error = await failed(demands('post', {}));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(Object.values(error.fields!)).toEqual([expect.stringMatching(CHINESE)]);
    });
  });

  describe('rules that read like validation', () => {
    const order = (overrides: Record<string, unknown>) => ({
      title: '社区活动', category: '社区服务', place: '社区活动室', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 2, dispatch: 'open', ...overrides,
    });
    const need = (overrides: Record<string, unknown>) => ({
      category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: '1栋101', contactPhone: '13800001111', ...overrides,
    });

    it('should name endsAt when the order ends before it starts', async () => {
      const error = await expectFieldsRefused(orders, 'create', order({ startsAt: inMinutes(120), endsAt: inMinutes(60) }), ['endsAt']);
      expect(error.fields).toEqual({ endsAt: '结束时间须晚于开始时间' });
    });

    it('should name endsAt when the order ends as it starts', async () => {
      await expectFieldsRefused(orders, 'create', order({ startsAt: inMinutes(60), endsAt: inMinutes(60) }), ['endsAt']);
    });

    it('should name inviteeIds when a directed order invites nobody', async () => {
      const error = await expectFieldsRefused(orders, 'create', order({ dispatch: 'directed' }), ['inviteeIds']);
      expect(error.fields).toEqual({ inviteeIds: '定向派单须至少选择一名党员' });
    });

    it('should name place when an activity has none', async () => {
      await expectFieldsRefused(orders, 'create', order({ place: undefined }), ['place']);
    });

    it('should name wantedUntil when a need is wanted until before it is wanted from', async () => {
      const error = await expectFieldsRefused(demands, 'post', need({
        wantedFrom: '2026-11-24T09:00:00+08:00', wantedUntil: '2026-11-24T08:00:00+08:00',
      }), ['wantedUntil']);
      expect(error.fields).toEqual({ wantedUntil: '希望什么时候来：结束时间不能早于开始时间' });
    });

    it('should refuse a sub-item of another category as DEMAND_SUB_ITEM_MISMATCH, naming subItem', async () => {
      const before = await countRows(db);
      const error = await failed(call(demands, 'post', need({ category: '法律援助', subItem: '家电、水电维修' }), community.residents[0]));
      expect(error).toEqual({
        code: 'DEMAND_SUB_ITEM_MISMATCH', message: '服务子项不属于所选服务类别', fields: { subItem: '服务子项不属于所选服务类别' },
      });
      expect(await countRows(db)).toEqual(before);
    });

    it('should refuse an order starting in the past as ORDER_STARTS_IN_PAST, naming startsAt', async () => {
      const before = await countRows(db);
      const error = await failed(call(orders, 'create', order({ startsAt: inMinutes(-11), endsAt: inMinutes(60) }), community.secretary));
      expect(error).toMatchObject({ code: 'ORDER_STARTS_IN_PAST', fields: { startsAt: expect.stringMatching(CHINESE) } });
      expect(error.message).toMatch(CHINESE);
      expect(await countRows(db)).toEqual(before);
    });

    it('should allow a start that passed less than 10 minutes ago', async () => {
      const created = await ok(call(orders, 'create', order({ startsAt: inMinutes(-9), endsAt: inMinutes(60) }), community.secretary));
      expect(await db.query('select status from orders where id = $1', [created.id])).toEqual([{ status: 'published' }]);
    });

    it('should refuse an order longer than 24 hours as ORDER_TOO_LONG, naming endsAt', async () => {
      const before = await countRows(db);
      const error = await failed(call(orders, 'create', order({ startsAt: inMinutes(60), endsAt: inMinutes(60 + 24 * 60 + 1) }), community.secretary));
      expect(error).toMatchObject({ code: 'ORDER_TOO_LONG', fields: { endsAt: expect.stringMatching(CHINESE) } });
      expect(await countRows(db)).toEqual(before);
    });

    it('should leave the need untouched when its order is refused half-way', async () => {
      const posted = await ok(call(demands, 'post', need({}), community.residents[0]));
      const before = await countRows(db);
      const error = await failed(call(orders, 'create', order({
        demandId: posted.id, place: undefined, dispatch: 'directed', inviteeIds: [community.residents[0].id],
      }), community.secretary));
      expect(error).toMatchObject({ code: 'ORDER_INVITEE_NOT_MEMBER', fields: { inviteeIds: expect.stringMatching(CHINESE) } });
      expect(await countRows(db)).toEqual(before);
      expect(await db.query('select status from demands where id = $1', [posted.id])).toEqual([{ status: 'submitted' }]);
    });

    it('should refuse an empty upload, naming scans', async () => {
      const error = await expectFieldsRefused(checkin, 'uploadQueue', { deviceId: '00000000-0000-4000-8000-000000000000', scans: [] }, ['scans']);
      expect(error.fields).toEqual({ scans: '没有要上传的扫码记录' });
    });

    it('should name a text that is too long with its limit', async () => {
      const error = await expectFieldsRefused(demands, 'reject', { demandId: '8f14e45f-ceea-4e7a-a5a4-4a1e2b7c9d01', reason: '很'.repeat(201) }, ['reason']);
      expect(error.fields).toEqual({ reason: '驳回理由不能超过200个字' });
    });

    it('should name a list that is too long in Chinese', async () => {
      const posts = ['政策法规宣传岗', '社区工作参议岗', '文明创建示范岗', '公益事业推动岗', '困难群众帮扶岗', '社区稳定维护岗', '环境保护卫士岗', '青少年教育服务岗'];
      const error = await expectFieldsRefused(orders, 'create', order({ requiredPosts: [...posts, posts[0]] }), ['requiredPosts']);
      expect(error.fields!.requiredPosts).toContain('8');
    });
  });
});
