import type { z } from 'zod';
import { FUNCTION_ACTIONS } from '../../cloudfunctions/_core/function-catalogue';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { call, failed, inMinutes, ok, type Main } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;

/** Every action of every cloud function, with the schema of its input. */
const ACTIONS = Object.entries(FUNCTION_ACTIONS).flatMap(([fn, table]) =>
  Object.entries(table).map(([action, definition]) => ({ name: `${fn}.${action}`, main: cloudFunctions[fn] as Main, action, input: definition.input })),
);

type Def = { type: string; format?: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const unwrap = (schema: z.ZodType): z.ZodType => {
  const def = defOf(schema);
  if (['optional', 'default', 'nullable', 'prefault'].includes(def.type)) return unwrap(def.innerType!);
  if (def.type === 'pipe') return unwrap(def.in!);
  return schema;
};

/** What a field takes, as a caller sees it: free text, a format (id, date-time, day, month), or something that is not text. */
type Kind = 'text' | 'id' | 'instant' | 'day' | 'month' | 'choice' | 'number' | 'flag' | 'grid';
interface Leaf {
  path: (string | number)[];
  kind: Kind;
}

function kindOf(schema: z.ZodType): Kind {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      if (def.format === 'uuid') return 'id';
      if (def.format === 'datetime') return 'instant';
      if (def.format === 'date') return 'day';
      return schema.safeParse('2026-11').success && !schema.safeParse('2026-13').success ? 'month' : 'text';
    case 'enum':
    case 'literal':
      return 'choice';
    case 'number':
      return 'number';
    case 'boolean':
      return 'flag';
    default:
      return 'grid';
  }
}

/** Every field an input takes, however deep: one element of each list. */
function leavesOf(schema: z.ZodType, path: (string | number)[] = []): Leaf[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object') return Object.entries(def.shape!).flatMap(([key, field]) => leavesOf(field, [...path, key]));
  if (def.type === 'array') return leavesOf(def.element!, [...path, 0]);
  return [{ path, kind: kindOf(inner) }];
}

/** An input holding `valueFor(leaf)` at every leaf it gives a value for (undefined leaves it out). */
function payload(leaves: Leaf[], valueFor: (leaf: Leaf) => unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const leaf of leaves) {
    const value = valueFor(leaf);
    if (value === undefined) continue;
    let at: any = root;
    leaf.path.forEach((key, i) => {
      if (i === leaf.path.length - 1) at[key] = value;
      else at = at[key] ??= typeof leaf.path[i + 1] === 'number' ? [] : {};
    });
  }
  return root;
}

const pathOf = (leaf: Leaf) => leaf.path.join('.');
const TEXT_LIKE: Kind[] = ['text', 'month'];

/** Texts no one can type, and blanks that show nothing. */
const UNREADABLE = { NUL: '张\u0000三', 'a lone high surrogate': '张三\uD83D', 'a lone low surrogate': '\uDE00张三' };
const BLANK = ' \u200B\u200C\u200D\uFEFF\u2060\u3000 ';
const EXTREMES: Partial<Record<Kind, string[]>> = {
  instant: ['0001-01-01T00:00:00+08:00', '9999-12-31T23:59:59+08:00'],
  day: ['0001-01-01', '9999-12-31'],
  month: ['0001-01', '9999-12'],
};

describe('every input: NUL, lone surrogates, blanks and extreme dates on every action', () => {
  let db: Database;
  let community: TestCommunity;
  let countAll: () => Promise<Record<string, number>>;
  const clock = useWallClock(new Date('2026-11-23T01:00:00Z'));

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'F', { members: 1, residents: 1 });
    const tables = await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    const sql = `select ${tables.map(({ name }) => `(select count(*)::int from "${name}") as "${name}"`).join(', ')}`;
    countAll = async () => (await db.query<Record<string, number>>(sql))[0];
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** The answer to `data`, checked never to be INTERNAL and, if refused, to have written nothing in any table. */
  async function answer(main: Main, action: string, data: unknown) {
    const before = await countAll();
    const envelope = await call(main, action, data, community.secretary);
    if (!envelope.ok) {
      expect(envelope.error.code).not.toBe('INTERNAL');
      expect(await countAll()).toEqual(before);
    }
    return envelope;
  }

  /** Refused as VALIDATION_FAILED naming at least `paths`, every message in Chinese, and nothing written. */
  async function expectNamed(main: Main, action: string, data: unknown, paths: string[]) {
    const envelope = await answer(main, action, data);
    if (envelope.ok) throw new Error(`expected a refusal naming ${paths.join(', ')}`);
    expect(envelope.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(envelope.error.fields ?? {})).toEqual(expect.arrayContaining(paths));
    for (const message of [envelope.error.message, ...Object.values(envelope.error.fields!)]) expect(message).toMatch(CHINESE);
    return envelope.error;
  }

  const withFields = ACTIONS.map((entry) => ({ ...entry, leaves: leavesOf(entry.input).filter((leaf) => leaf.path.length > 0) }))
    .filter(({ leaves }) => leaves.length > 0);

  it('should find the fields of every action that takes any', () => {
    expect(withFields.length).toBeGreaterThan(60);
    expect(withFields.flatMap(({ leaves }) => leaves).filter((leaf) => leaf.kind === 'text').length).toBeGreaterThan(50);
  });

  describe.each(Object.entries(UNREADABLE))('%s in every field', (_case, bad) => {
    it.each(withFields)('should refuse $name naming each field, writing nothing', async ({ main, action, leaves }) => {
      const filled = leaves.filter((leaf) => leaf.kind !== 'grid');
      if (filled.length === 0) return;
      const error = await expectNamed(main, action, payload(filled, () => bad), filled.map(pathOf));
      expect(JSON.stringify(error)).not.toContain('张');
    });

    it.each(withFields)('should refuse $name with it in just one text, naming that field by its own label', async ({ main, action, leaves }) => {
      for (const leaf of leaves.filter((one) => one.kind === 'text')) {
        const error = await expectNamed(main, action, payload([leaf], () => bad), [pathOf(leaf)]);
        expect(error.fields![pathOf(leaf)]).not.toMatch(/^此项/);
      }
    });
  });

  it.each(withFields.filter(({ leaves }) => leaves.some((leaf) => TEXT_LIKE.includes(leaf.kind))))(
    'should answer $name with nothing but blanks in a text as it answers the empty text',
    async ({ main, action, leaves }) => {
      // A password is kept as typed: spaces may be part of it.
      for (const leaf of leaves.filter((one) => TEXT_LIKE.includes(one.kind) && !/password$/i.test(String(one.path.at(-1))))) {
        const blank = await answer(main, action, payload([leaf], () => BLANK));
        const empty = await answer(main, action, payload([leaf], () => ''));
        expect([pathOf(leaf), blank.ok ? 'ok' : { code: blank.error.code, fields: blank.error.fields }])
          .toEqual([pathOf(leaf), empty.ok ? 'ok' : { code: empty.error.code, fields: empty.error.fields }]);
      }
    },
  );

  const withDates = withFields.filter(({ leaves }) => leaves.some((leaf) => EXTREMES[leaf.kind]));
  it('should find the date fields', () => {
    expect(withDates.map(({ name }) => name)).toEqual(expect.arrayContaining([
      'orders.create', 'demands.post', 'demands.record', 'records.enter', 'records.correct', 'records.closeMissingCheckout',
      'checkin.uploadQueue', 'org.pair', 'registration.issueSlip', 'registration.submit', 'orders.listOpen',
    ]));
  });

  it.each(withDates)('should refuse $name with a date of year 0001 or 9999, naming the field', async ({ main, action, leaves }) => {
    for (const leaf of leaves.filter((one) => EXTREMES[one.kind])) {
      for (const extreme of EXTREMES[leaf.kind]!) await expectNamed(main, action, payload([leaf], () => extreme), [pathOf(leaf)]);
    }
  });

  describe('on otherwise good input', () => {
    const order = (overrides: Record<string, unknown>) => ({
      title: '社区活动', category: '社区服务', place: '社区活动室', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 2, dispatch: 'open', ...overrides,
    });
    const { orders, demands, org } = cloudFunctions as Record<string, Main>;

    it.each([
      ['NUL', { title: '社区\u0000活动' }, { title: '标题含有无法识别的字符' }],
      ['half a surrogate pair', { place: '活动室\uD800' }, { place: '服务地点含有无法识别的字符' }],
      ['zero-width characters only', { title: '\u200B\u200D\uFEFF' }, { title: '标题不能为空' }],
      ['a start in year 9999', { startsAt: '9999-12-31T09:00:00+08:00', endsAt: '9999-12-31T10:00:00+08:00' },
        { startsAt: '开始时间须在2000年至2100年之间', endsAt: '结束时间须在2000年至2100年之间' }],
      ['NUL in a list of skills', { requiredSkills: ['急救', '\u0000'] }, { 'requiredSkills.1': '所需技能含有无法识别的字符' }],
      ['NUL in the description', { description: '\u0000' }, { description: '服务内容含有无法识别的字符' }],
    ])('should refuse an order with %s, naming the field, writing nothing', async (_case, overrides, fields) => {
      const error = await expectNamed(orders, 'create', order(overrides), Object.keys(fields));
      expect(error.fields).toEqual(fields);
    });

    it('should keep an order title cut of its blank edges', async () => {
      const created = await ok(call(orders, 'create', order({ title: '\u200B 社区活动\u2060 ', description: '\u200B' }), community.secretary));
      expect(await db.query('select title, description from orders where id = $1', [created.id])).toEqual([{ title: '社区活动', description: '' }]);
    });

    it('should refuse a need wanted in year 0001 and a pairing on 9999-12-31', async () => {
      const need = { category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: '1栋101', contactPhone: '13800001111' };
      expect((await failed(call(demands, 'post', { ...need, wantedFrom: '0001-01-01T09:00:00+08:00' }, community.residents[0]))).fields)
        .toEqual({ wantedFrom: '希望什么时候来的开始时间须在2000年至2100年之间' });
      expect((await failed(call(org, 'pair', { unitId: community.unitId, communityId: community.communityId, pairedOn: '9999-12-31' }, community.secretary))).fields)
        .toEqual({ pairedOn: '结对日期须在2000年至2100年之间' });
    });
  });
});
