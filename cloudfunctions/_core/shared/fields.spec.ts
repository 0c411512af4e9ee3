import { z } from 'zod';
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
