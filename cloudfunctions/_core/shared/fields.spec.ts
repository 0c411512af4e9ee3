import * as z from 'zod';
import { DomainError } from './domain-error';
import { field, parseInput } from './fields';

const CHINESE = /[\u4e00-\u9fa5]/;

/** The DomainError parseInput throws for `data`. */
function refusal(schema: z.ZodType, data: unknown): DomainError {
  try {
    parseInput(schema, data);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected parseInput to refuse the input');
}

describe('parseInput', () => {
  const Schema = z.object({
    title: field.text('标题', { max: 10 }),
    description: field.text('需求描述', { min: 4, max: 50 }),
    note: field.optionalText('备注', 5),
    phone: field.phone('联系电话'),
    orderId: field.id('订单'),
    capacity: field.int('需要人数', { min: 1, max: 5 }),
    startsAt: field.instant('开始时间'),
    dispatch: field.oneOf('派单方式', ['open', 'directed'] as const),
    page: field.page(),
  });
  const good = {
    title: ' 陪伴老人 ',
    description: '陪老人聊天',
    phone: '13800001111',
    orderId: '8f14e45f-ceea-4e7a-a5a4-4a1e2b7c9d01',
    capacity: 2,
    startsAt: '2026-11-23T09:00:00+08:00',
    dispatch: 'open',
  };

  it('should return the parsed input, trimmed and with defaults', () => {
    expect(parseInput(Schema, good)).toEqual({ ...good, title: '陪伴老人', page: { limit: 20, offset: 0 } });
  });

  it('should treat missing data as an empty object', () => {
    expect(parseInput(z.object({ page: field.page() }), undefined)).toEqual({ page: { limit: 20, offset: 0 } });
    expect(parseInput(z.object({ page: field.page() }), null)).toEqual({ page: { limit: 20, offset: 0 } });
  });

  it('should name every missing required field in Chinese', () => {
    const error = refusal(Schema, {});
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual({
      title: '请填写标题',
      description: '请填写需求描述',
      phone: '请填写联系电话',
      orderId: '订单的编号格式不正确',
      capacity: '需要人数须为数字',
      startsAt: '开始时间须为带时区的日期时间，例如 2026-11-23T09:00:00+08:00',
      dispatch: '派单方式须为以下之一：open、directed',
    });
    expect(error.message).toMatch(/^填写的内容有误：/);
    for (const message of Object.values(error.fields!)) expect(message).toMatch(CHINESE);
  });

  it.each([
    ['title', '   ', '标题不能为空'],
    ['title', '一二三四五六七八九十一', '标题不能超过10个字'],
    ['title', 42, '请填写标题'],
    ['description', '太短', '需求描述至少需要4个字'],
    ['note', '超过五个字了', '备注不能超过5个字'],
    ['note', 5, '备注须为文字'],
    ['phone', '12345', '联系电话须为11位手机号码'],
    ['phone', '12800001111', '联系电话须为11位手机号码'],
    ['phone', 13800001111, '请填写联系电话'],
    ['orderId', 'not-a-uuid', '订单的编号格式不正确'],
    ['orderId', 7, '订单的编号格式不正确'],
    ['capacity', '2', '需要人数须为数字'],
    ['capacity', 1.5, '需要人数须为整数'],
    ['capacity', 0, '需要人数不能小于1'],
    ['capacity', 6, '需要人数不能大于5'],
    ['startsAt', '2026-11-23T09:00:00', '开始时间须为带时区的日期时间，例如 2026-11-23T09:00:00+08:00'],
    ['startsAt', '2026-11-23', '开始时间须为带时区的日期时间，例如 2026-11-23T09:00:00+08:00'],
    ['startsAt', 1_763_859_600_000, '开始时间须为带时区的日期时间，例如 2026-11-23T09:00:00+08:00'],
    ['dispatch', 'broadcast', '派单方式须为以下之一：open、directed'],
  ])('should name %s when it is %p', (key, value, message) => {
    const error = refusal(Schema, { ...good, [key]: value });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual({ [key]: message });
    expect(error.message).toBe(`填写的内容有误：${message}`);
  });

  it.each([
    [undefined, '请选择报到社区'],
    ['', '请选择报到社区'],
    ['not-a-uuid', '报到社区的编号格式不正确'],
    [7, '报到社区的编号格式不正确'],
  ])('should ask to pick a chosen id that is %p, naming the field as labelled', (communityId, message) => {
    expect(refusal(z.object({ communityId: field.chosenId('报到社区') }), { communityId }).fields).toEqual({ communityId: message });
  });

  it.each([
    [{ limit: 'ten' }, 'page.limit', '每页条数须为数字'],
    [{ limit: 0 }, 'page.limit', '每页条数至少为1'],
    [{ limit: 101 }, 'page.limit', '每页条数不能超过100'],
    [{ offset: -1 }, 'page.offset', '起始位置不能为负数'],
  ])('should name the nested page field for %p', (page, key, message) => {
    expect(refusal(Schema, { ...good, page }).fields).toEqual({ [key]: message });
  });

  it.each([
    ['page given as text', { ...good, page: 'first' }, 'page', '此项须为对象'],
    ['page.limit not a whole number', { ...good, page: { limit: 1.5 } }, 'page.limit', '每页条数须为整数'],
    ['page.offset not a whole number', { ...good, page: { offset: 0.5 } }, 'page.offset', '起始位置须为整数'],
    ['data that is not an object', 'title=1', '_', '请求内容须为对象'],
    ['data that is a list', [good], '_', '请求内容须为对象'],
  ])('should answer in Chinese for %s', (_case, data, key, message) => {
    const error = refusal(Schema, data);
    expect(error.fields).toEqual({ [key]: message });
    expect(error.message).toBe(`填写的内容有误：${message}`);
  });

  it('should fall back to a Chinese message for a check that has none of its own', () => {
    const error = refusal(z.object({ tags: z.array(z.string({ error: '标签须为文字' })).max(1), count: z.number().int() }), { tags: ['a', 'b'], count: 'x' });
    expect(error.fields).toEqual({ tags: '此项的格式不正确', count: '此项须为数字' });
  });

  it('should keep the first message when one field breaks several rules', () => {
    const error = refusal(z.object({ title: field.text('标题', { min: 4, max: 10 }).regex(/^\d+$/, '标题须为数字') }), { title: 'ab' });
    expect(error.fields).toEqual({ title: '标题至少需要4个字' });
  });
});

describe('text as a person typed it', () => {
  const Schema = z.object({ name: field.text('姓名', { max: 10 }), note: field.optionalText('备注', 10), comment: field.note('评语', 10) });
  const HIGH = '\uD83D';
  const LOW = '\uDE00';

  it.each([
    ['a NUL', '张\u0000三'],
    ['a NUL alone', '\u0000'],
    ['half a surrogate pair at the end', `张三${HIGH}`],
    ['the low half alone', `${LOW}张三`],
    ['the halves in the wrong order', `${LOW}${HIGH}`],
  ])('should refuse %s, naming the field', (_case, name) => {
    expect(refusal(Schema, { name }).fields).toEqual({ name: '姓名含有无法识别的字符' });
    expect(refusal(Schema, { name: '张三', note: name }).fields).toEqual({ note: '备注含有无法识别的字符' });
  });

  it('should take a whole surrogate pair (an emoji) and a joined emoji as they are', () => {
    expect(parseInput(Schema, { name: `张三${HIGH}${LOW}` }).name).toBe('张三😀');
    expect(parseInput(Schema, { name: '👨‍👩‍👧' }).name).toBe('👨‍👩‍👧');
  });

  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner and joiner', '\u200C\u200D'],
    ['byte-order mark', '\uFEFF'],
    ['word joiner', '\u2060'],
    ['zero-width characters among spaces', ' \u200B \u3000\u2060\t'],
    ['a Hangul filler and a soft hyphen', '\u3164\u00AD'],
  ])('should treat a text of nothing but %s as empty', (_case, blank) => {
    expect(refusal(Schema, { name: blank }).fields).toEqual({ name: '姓名不能为空' });
    expect(parseInput(Schema, { name: '张三', note: blank, comment: blank })).toEqual({ name: '张三', note: '', comment: '' });
  });

  it('should cut blanks from both ends and keep those inside', () => {
    expect(parseInput(Schema, { name: '\u200B 张\u200B三\u00A0\uFEFF' }).name).toBe('张\u200B三');
  });

  it('should count the length after the blanks are cut', () => {
    expect(parseInput(Schema, { name: `\u200B${'字'.repeat(10)}\u200B` }).name).toBe('字'.repeat(10));
  });

  it('should keep a password as typed, spaces and all, but refuse one no one can type', () => {
    const Login = z.object({ password: field.password('密码', { min: 1, max: 20 }, '请填写密码') });
    expect(parseInput(Login, { password: ' pass word ' }).password).toBe(' pass word ');
    expect(refusal(Login, { password: 'pass\u0000' }).fields).toEqual({ password: '密码含有无法识别的字符' });
    expect(refusal(Login, { password: `${HIGH}` }).fields).toEqual({ password: '密码含有无法识别的字符' });
  });

  it('should ask to pick a chosen id given as blanks', () => {
    expect(refusal(z.object({ communityId: field.chosenId('报到社区') }), { communityId: '\u200B ' }).fields).toEqual({ communityId: '请选择报到社区' });
  });

  it('should say the field and the characters in the whole message, never the text itself', () => {
    const error = refusal(Schema, { name: '<b>\u0000</b>' });
    expect(error.message).toBe('填写的内容有误：姓名含有无法识别的字符');
    expect(JSON.stringify(error.toBody())).not.toContain('<b>');
  });
});

describe('texts a schema takes without a field builder', () => {
  const Raw = z.object({ code: z.string(), tags: z.array(z.string()), nested: z.object({ word: z.string() }).optional() });

  it('should refuse NUL or half a surrogate pair anywhere, naming its path', () => {
    expect(refusal(Raw, { code: 'a\u0000', tags: ['ok', '\uD800'], nested: { word: '\uDFFF' } }).fields).toEqual({
      code: '此项含有无法识别的字符', 'tags.1': '此项含有无法识别的字符', 'nested.word': '此项含有无法识别的字符',
    });
  });

  it('should name an unreadable text even when other fields are wrong too', () => {
    expect(refusal(Raw, { code: 'a\u0000' }).fields).toEqual({ tags: '此项须为列表', code: '此项含有无法识别的字符' });
  });

  it('should refuse one in a key or under a key it does not know, without repeating a key that is not a plain name', () => {
    expect(refusal(Raw, { code: 'a', tags: [], extra: '\u0000' }).fields).toEqual({ extra: '此项含有无法识别的字符' });
    expect(refusal(Raw, { code: 'a', tags: [], nested: { word: 'w', ['<script>\u0000']: 1 } }).fields).toEqual({ nested: '此项含有无法识别的字符' });
    expect(refusal(Raw, { code: 'a', tags: [], ['<img src=x>']: '\u0000' }).fields).toEqual({ _: '此项含有无法识别的字符' });
  });

  it('should name at most ten unreadable texts, however many there are', () => {
    const flood = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, '\u0000']));
    expect(Object.keys(refusal(Raw, { code: 'a', tags: [], ...flood }).fields!)).toHaveLength(10);
  });

  it('should walk a deeply nested input without running out of stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal(Raw, { code: 'a', tags: [], deep }).fields).toEqual({ 'deep.0.0.0.0.0': '此项含有无法识别的字符' });
  });

  it('should leave an opaque key to its own parse', () => {
    const Event = z.object({ action: z.string(), data: z.unknown().optional() });
    expect(parseInput(Event, { action: 'post', data: { title: '\u0000' } }, { opaque: ['data'] })).toEqual({ action: 'post', data: { title: '\u0000' } });
    expect(refusal(Event, { action: 'post\u0000', data: {} }).fields).toEqual({ action: '此项含有无法识别的字符' });
  });
});

describe('dates a person means', () => {
  const Schema = z.object({
    startsAt: field.instant('开始时间').optional(),
    pairedOn: field.day('结对日期').optional(),
    birthMonth: field.month('出生年月', { from: 1900 }).optional(),
  });

  it.each([
    ['startsAt', '0001-01-01T00:00:00+08:00', '开始时间须在2000年至2100年之间'],
    ['startsAt', '9999-12-31T23:59:59+08:00', '开始时间须在2000年至2100年之间'],
    ['startsAt', '1999-12-31T23:59:59Z', '开始时间须在2000年至2100年之间'],
    ['pairedOn', '0001-01-01', '结对日期须在2000年至2100年之间'],
    ['pairedOn', '9999-12-31', '结对日期须在2000年至2100年之间'],
    ['pairedOn', '2026-02-30', '结对日期须为日期，例如 2026-11-23'],
    ['birthMonth', '0001-01', '出生年月须在1900年至2100年之间'],
    ['birthMonth', '9999-12', '出生年月须在1900年至2100年之间'],
    ['birthMonth', '1985-13', '出生年月须为年月，例如 1985-06'],
  ])('should refuse %s %s', (key, value, message) => {
    expect(refusal(Schema, { [key]: value }).fields).toEqual({ [key]: message });
  });

  it('should take dates within the years', () => {
    const dates = { startsAt: '2100-12-31T23:59:59+08:00', pairedOn: '2000-01-01', birthMonth: '1900-01' };
    expect(parseInput(Schema, dates)).toEqual(dates);
  });
});
