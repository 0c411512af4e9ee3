import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('the need form that helps: plain kinds, defaults, who will come', () => {
  let db: Database;
  let community: TestCommunity;
  const clock = useWallClock(new Date('2026-11-23T01:00:00Z'));

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'N', { members: 3, residents: 2 });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should file a plain kind under its official category, which the secretary sees beside the plain one', async () => {
    const [resident] = community.residents;
    const need = await ok(call(demands, 'post', { kind: 'medicine', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    expect(need).toMatchObject({ kind: 'medicine', kindName: '买药代购', category: '爱心扶助', subItem: '敬老助残', description: '' });

    const pool = await ok(call(demands, 'listForCommunity', { status: 'submitted' }, community.secretary));
    expect(pool.items.find((item: { id: string }) => item.id === need.id)).toMatchObject({
      kindName: '买药代购', category: '爱心扶助', subItem: '敬老助残',
    });
    const [row] = await db.query<{ need_kind: string; category: string; sub_item: string }>(
      'select need_kind, category, sub_item from demands where id = $1', [need.id],
    );
    expect(row).toEqual({ need_kind: 'medicine', category: '爱心扶助', sub_item: '敬老助残' });
  });

  it('should file each kind where it belongs and keep asking 其他 for a description, in the form’s words', async () => {
    const [resident] = community.residents;
    const repair = await ok(call(demands, 'post', { kind: 'repair', description: '水龙头漏水', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    expect(repair).toMatchObject({ kindName: '上门维修', category: '社区服务', subItem: '家电、水电维修', description: '水龙头漏水' });

    const other = await failed(call(demands, 'post', { kind: 'other', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    expect(other).toMatchObject({ code: 'VALIDATION_FAILED', fields: { description: '请填写具体说说' } });
    const none = await failed(call(demands, 'post', { description: '帮我修一下门锁', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    expect(none.fields).toEqual({ kind: '请选择需要帮什么忙' });
    const described = await ok(call(demands, 'post', { kind: 'other', description: '帮忙修一下鞋柜', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    expect(described).toMatchObject({ kindName: '其他', category: '其他', subItem: '其他' });
  });

  it('should let the secretary record a plain kind, or override it with a catalogue item', async () => {
    const base = { requesterName: '王大爷', channel: 'phone', address: '测试小区2栋202室', contactPhone: '13800002222' };
    const plain = await ok(call(demands, 'record', { ...base, kind: 'company' }, community.secretary));
    expect(plain).toMatchObject({ kindName: '聊天陪伴', category: '爱心扶助', subItem: '探访谈心', channel: 'phone' });
    const chosen = await ok(call(demands, 'record', { ...base, kind: 'hospital', category: '医疗卫生服务', subItem: '医疗保健', description: '出院后复查' }, community.secretary));
    expect(chosen).toMatchObject({ kindName: '陪同就医', category: '医疗卫生服务', subItem: '医疗保健' });
    const mismatch = await failed(call(demands, 'record', { ...base, category: '法律援助', subItem: '义诊', description: '想问问法律问题' }, community.secretary));
    expect(mismatch.code).toBe('DEMAND_SUB_ITEM_MISMATCH');
  });

  it('should start the form with the account’s phone and registered address, then with the last need’s', async () => {
    const resident = community.residents[1];
    expect(await ok(call(demands, 'formDefaults', {}, resident))).toEqual({
      contactPhone: resident.phone,
      address: '测试小区2栋102室',
      community: { name: '测试社区N', servicePhone: null },
    });
    await ok(call(demands, 'post', { kind: 'phone', address: '测试小区2栋102室（女儿家）', contactPhone: '13900003333' }, resident));
    // What the secretary recorded for her by phone is not what she typed herself.
    await ok(call(demands, 'record', {
      requesterName: resident.name, channel: 'phone', residentId: resident.id, kind: 'cleaning', address: '别处', contactPhone: '13700004444',
    }, community.secretary));
    await db.query('update organisations set service_phone = $2 where id = $1', [community.communityId, '0750-5550199']);
    expect(await ok(call(demands, 'formDefaults', {}, resident))).toEqual({
      contactPhone: '13900003333',
      address: '测试小区2栋102室（女儿家）',
      community: { name: '测试社区N', servicePhone: '0750-5550199' },
    });
  });

  it('should tell the resident who will come and give the community’s phone, never the member’s own', async () => {
    const [resident] = community.residents;
    const [first, second, third] = community.members;
    await db.query('update organisations set service_phone = $2 where id = $1', [community.communityId, '0750-5550199']);
    const need = await ok(call(demands, 'post', { kind: 'repair', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    const order = await ok(call(orders, 'create', {
      demandId: need.id, title: '上门维修', category: '社区服务', startsAt: inMinutes(24 * 60), endsAt: inMinutes(25 * 60), capacity: 3, dispatch: 'open',
    }, community.secretary));
    expect((await ok(call(demands, 'get', { demandId: need.id }, resident))).order.members).toEqual([]);

    await ok(call(orders, 'accept', { orderId: order.id }, second));
    clock.advanceMinutes(1);
    await ok(call(orders, 'accept', { orderId: order.id }, first));
    await ok(call(orders, 'accept', { orderId: order.id }, third));
    await ok(call(orders, 'cancelAcceptance', { orderId: order.id, reason: '临时有事' }, third));

    const seen = await ok(call(demands, 'get', { demandId: need.id }, resident));
    expect(seen.order.members).toEqual([{ name: second.name }, { name: first.name }]);
    expect(seen.community).toEqual({ name: '测试社区N', servicePhone: '0750-5550199' });
    const mine = await ok(call(demands, 'listMine', {}, resident));
    expect(mine.items.find((item: { id: string }) => item.id === need.id).order.members).toEqual([{ name: second.name }, { name: first.name }]);
    // 004 §二.3.(1): a member's own number is not for the resident to see, in full or masked.
    for (const member of [first, second]) {
      expect(JSON.stringify([seen, mine])).not.toContain(member.phone);
      expect(JSON.stringify([seen, mine])).not.toContain(`${member.phone.slice(0, 3)}****${member.phone.slice(7)}`);
    }
  });
});
