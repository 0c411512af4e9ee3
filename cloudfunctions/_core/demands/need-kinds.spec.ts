import { isSubItemOf } from '../catalogue/service-catalogue';
import { PostDemandInput, RecordDemandInput } from './demands.schemas';
import { NEED_KINDS, needKindOf, officialCategoryOf } from './need-kinds';

const contact = { address: '幸福小区3栋2单元501', contactPhone: '13800138000' };

/** The messages the resident's form would show, by field. */
function postErrors(data: Record<string, unknown>): Record<string, string> {
  const result = PostDemandInput.safeParse({ ...contact, ...data });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the plain kinds of need', () => {
  it.each(NEED_KINDS.map((kind) => [kind.name, kind] as const))('should file %s under a sub-item of its own category', (_name, kind) => {
    expect(isSubItemOf(kind.official.category, kind.official.subItem)).toBe(true);
  });

  it('should have distinct keys and names, and 其他 last', () => {
    expect(new Set(NEED_KINDS.map((kind) => kind.key)).size).toBe(NEED_KINDS.length);
    expect(new Set(NEED_KINDS.map((kind) => kind.name)).size).toBe(NEED_KINDS.length);
    expect(NEED_KINDS[NEED_KINDS.length - 1]).toMatchObject({ key: 'other', name: '其他', needsDescription: true });
  });

  it('should offer what a resident asks for in everyday words', () => {
    expect(NEED_KINDS.map((kind) => kind.name)).toEqual(
      expect.arrayContaining(['买药代购', '买菜送餐', '上门维修', '陪同就医', '教用手机', '打扫卫生', '聊天陪伴', '代办事务', '其他']),
    );
  });

  it('should resolve a kind to its official item, unless a category is chosen', () => {
    expect(officialCategoryOf({ kind: 'medicine' })).toEqual({ category: '爱心扶助', subItem: '敬老助残' });
    expect(officialCategoryOf({ kind: 'repair' })).toEqual({ category: '社区服务', subItem: '家电、水电维修' });
    expect(officialCategoryOf({ kind: 'hospital' })).toEqual({ category: '交通运输服务', subItem: '提供驾驶服务' });
    expect(officialCategoryOf({ kind: 'medicine', category: '医疗卫生服务', subItem: '' })).toEqual({ category: '医疗卫生服务', subItem: null });
    expect(officialCategoryOf({ kind: 'unknown' })).toBeNull();
    expect(needKindOf(null)).toBeUndefined();
  });
});

describe('the resident’s need, as the server checks it', () => {
  it('should take a plain kind without a description, but not 其他', () => {
    expect(postErrors({ kind: 'medicine' })).toEqual({});
    expect(postErrors({ kind: 'other' })).toEqual({ description: '请填写具体说说' });
    expect(postErrors({ kind: 'other', description: '修鞋' })).toEqual({ description: '具体说说至少需要4个字' });
    expect(postErrors({ kind: 'other', description: '帮忙修一下鞋柜' })).toEqual({});
  });

  it('should name the fields in the words the form shows', () => {
    expect(postErrors({})).toEqual({ kind: '请选择需要帮什么忙', description: '请填写具体说说' });
    expect(postErrors({ kind: 'medicine', address: ' ', contactPhone: '123' })).toEqual({
      address: '服务地址不能为空',
      contactPhone: '联系电话须为11位手机号码',
    });
    expect(postErrors({ kind: '买药' }).kind).toBe(`需要帮什么忙须为以下之一：${NEED_KINDS.map((kind) => kind.name).join('、')}`);
    expect(postErrors({ kind: 'repair', wantedFrom: '2026-11-24T12:00:00+08:00', wantedUntil: '2026-11-24T08:00:00+08:00' })).toEqual({
      wantedUntil: '希望什么时候来：结束时间不能早于开始时间',
    });
  });

  it('should ask the secretary for a category or a kind, in the secretary’s words', () => {
    const record = RecordDemandInput.safeParse({ ...contact, requesterName: '王大爷', channel: 'phone' });
    expect(record.success ? {} : Object.fromEntries(record.error.issues.map((issue) => [issue.path.join('.'), issue.message]))).toEqual({
      category: '请选择服务类别',
      description: '请填写需求描述',
    });
    expect(RecordDemandInput.safeParse({ ...contact, requesterName: '王大爷', channel: 'phone', kind: 'company' }).success).toBe(true);
  });
});
