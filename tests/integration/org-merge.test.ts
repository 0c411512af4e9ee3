import { randomUUID } from 'node:crypto';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { orgRepository } from '../../cloudfunctions/_core/org';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { countOrgRows, countWhere, insertRegistration, insertReportSlip, ORG_TABLES } from '../support/org-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai.
const START = new Date('2026-11-23T01:00:00Z');
const at = (hhmm: string) => `2026-11-23T${hhmm}:00+08:00`;

describe('合并: merging grids, communities and streets loses nothing and keeps records readable', () => {
  let db: Database;
  let admin: TestUser;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** Two communities of one district, the first busy: needs, orders, records, registrations and 报到单. */
  async function busyDistrict(label: string) {
    const from = await buildCommunity(db, `${label}甲`, { members: 4, residents: 2 });
    const into = await buildCommunity(db, `${label}乙`, { members: 2, residents: 1, districtId: from.districtId });
    admin = await createDistrictAdmin(db, from.districtId);
    const need = await ok(call(demands, 'post', { category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: '1栋101', contactPhone: '13800001111' }, from.residents[0]));
    const needOrder = await ok(call(orders, 'create', { demandId: need.id, title: '修水龙头', category: '社区服务', startsAt: at('09:30'), endsAt: at('10:30'), capacity: 1, dispatch: 'open' }, from.secretary));
    await ok(call(orders, 'accept', { orderId: needOrder.id }, from.members[0]));
    const activity = await ok(call(orders, 'create', { title: '清扫楼道', category: '环保绿化服务', place: '3栋', startsAt: at('09:30'), endsAt: at('10:30'), capacity: 2, dispatch: 'open' }, from.secretary));
    await ok(call(orders, 'accept', { orderId: activity.id }, from.members[1]));
    const upcoming = await ok(call(orders, 'create', { title: '下周义诊', category: '医疗卫生服务', place: '卫生站', startsAt: '2026-11-30T09:00:00+08:00', endsAt: '2026-11-30T11:00:00+08:00', capacity: 3, dispatch: 'open' }, from.secretary));
    clock.set(new Date('2026-11-23T04:00:00Z'));
    const entered = [];
    for (const [order, member] of [[needOrder, from.members[0]], [activity, from.members[1]]] as const) {
      entered.push(await ok(call(records, 'enter', { orderId: order.id, memberId: member.id, startedAt: at('09:30'), endedAt: at('10:30'), reason: '现场签到表为证' }, from.secretary)));
    }
    // a unit paired with both keeps one pairing, from the earlier date
    await orgRepository.pairUnitWithCommunity(db, from.unitId, into.communityId, '2026-06-01');
    const openSlip = await insertReportSlip(db, { unitId: from.unitId, communityId: from.communityId, issuedBy: admin.id, phone: '13600000001', code: `${label === 'C' ? 'C' : 'S'}AAAAAA2` });
    const usedSlip = await insertReportSlip(db, { unitId: from.unitId, communityId: from.communityId, issuedBy: admin.id, phone: '13600000002', code: `${label === 'C' ? 'C' : 'S'}AAAAAA3` });
    const pending = await insertRegistration(db, { userId: from.members[2].id, communityId: from.communityId, gridId: from.gridIds[0], slipId: openSlip, status: 'pending' });
    const confirmed = await insertRegistration(db, { userId: from.members[3].id, communityId: from.communityId, gridId: from.gridIds[1], slipId: usedSlip, status: 'confirmed', decidedBy: from.secretary.id });
    await db.query(`insert into access_log (id, viewer_id, subject_user_id, community_id, field, purpose, at) values ($1, $2, $3, $4, 'phone', '联系居民', now())`,
      [randomUUID(), from.secretary.id, from.residents[0].id, from.communityId]);
    return { from, into, need, needOrder, activity, upcoming, records: entered, openSlip, usedSlip, pending, confirmed };
  }

  it('should merge a grid into another of its community, moving members, residents and pending registrations', async () => {
    const d = await busyDistrict('G');
    const [fromGrid, intoGrid] = d.from.gridIds;
    const before = await countOrgRows(db);
    const merged = await ok(call(org, 'merge', { fromId: fromGrid, intoId: intoGrid }, admin));
    // buildCommunity puts members 1, 3 and resident 1 in the first grid
    expect(merged).toEqual({
      from: { id: fromGrid, kind: 'grid', parentId: d.from.communityId, name: '第1网格' },
      into: { id: intoGrid, kind: 'grid', parentId: d.from.communityId, name: '第2网格' },
      moved: expect.objectContaining({ members: 2, residents: 1, registrations: 1, grids: 0, communities: 0 }),
    });
    expect(await countOrgRows(db)).toEqual(before);
    expect(await countWhere(db, 'members', 'grid_id', fromGrid)).toBe(0);
    expect(await countWhere(db, 'members', 'grid_id', intoGrid)).toBe(4);
    expect(await countWhere(db, 'residents', 'grid_id', intoGrid)).toBe(2);
    expect(await db.query('select grid_id from registrations where id = $1', [d.pending])).toEqual([{ grid_id: intoGrid }]);
    expect(await db.query('select merged_into, archived_at is not null as archived from organisations where id = $1', [fromGrid])).toEqual([{ merged_into: intoGrid, archived: true }]);
    const tree = await ok(call(org, 'tree', {}, admin));
    const community = tree.streets.find((s: { id: string }) => s.id === d.from.streetId).communities[0];
    expect(community.grids).toEqual([{ id: intoGrid, name: '第2网格', members: 4, residents: 2 }]);
  });

  it('should merge a community into another of the district: everything moves, nothing is lost, history is kept', async () => {
    const d = await busyDistrict('C');
    const { from, into } = d;
    const before = await countOrgRows(db);
    const loggedBefore = await countWhere(db, 'access_log', 'community_id', from.communityId);
    clock.set(new Date('2026-11-23T06:00:00Z'));
    const merged = await ok(call(org, 'merge', { fromId: from.communityId, intoId: into.communityId }, admin));
    expect(merged.moved).toEqual({
      members: 4, residents: 2, grids: 2, communities: 0, secretaries: 1, demands: 1, orders: 3, records: 2, pairings: 1, registrations: 1, reportSlips: 1,
    });
    // nothing deleted; each member's stay gets a continuation, each record an audit line, and the doubled pairing becomes one
    expect(await countOrgRows(db)).toEqual({
      ...before,
      member_community_history: before.member_community_history + 4,
      record_audit: before.record_audit + 2,
      unit_community_pairings: before.unit_community_pairings - 1,
    });
    for (const [table, column] of [['members', 'community_id'], ['residents', 'community_id'], ['demands', 'community_id'], ['orders', 'community_id'], ['service_records', 'certifying_org_id'], ['unit_community_pairings', 'community_id']] as const) {
      expect([table, await countWhere(db, table, column, from.communityId)]).toEqual([table, 0]);
    }
    expect(await countWhere(db, 'members', 'community_id', into.communityId)).toBe(6);
    expect(await countWhere(db, 'residents', 'community_id', into.communityId)).toBe(3);
    expect(await db.query('select paired_on::text from unit_community_pairings where unit_id = $1 and community_id = $2', [from.unitId, into.communityId])).toEqual([{ paired_on: '2026-01-01' }]);

    // grids moved under the community they joined, told apart by the old name
    expect(await db.query('select id, name from organisations where parent_id = $1 and archived_at is null order by name', [into.communityId])).toEqual(expect.arrayContaining([
      { id: from.gridIds[0], name: '第1网格（原测试社区C甲）' }, { id: from.gridIds[1], name: '第2网格（原测试社区C甲）' },
    ]));
    expect(await db.query('select merged_into, archived_at is not null as archived from organisations where id = $1', [from.communityId])).toEqual([{ merged_into: into.communityId, archived: true }]);

    // history: the stay in the merged community ends at the merge and goes on in the other
    const history = await db.query('select community_id, left_at is null as current from member_community_history where member_id = $1 order by joined_at, left_at nulls last', [from.members[0].id]);
    expect(history).toEqual([{ community_id: from.communityId, current: false }, { community_id: into.communityId, current: true }]);
    // decided registrations and used 报到单 stay where they were decided; pending ones and open slips move
    expect(await db.query('select community_id from registrations where id = any($1::uuid[]) order by status', [[d.confirmed, d.pending]])).toEqual([
      { community_id: from.communityId }, { community_id: into.communityId },
    ]);
    expect(await db.query('select id, community_id from report_slips where id = any($1::uuid[])', [[d.openSlip, d.usedSlip]])).toEqual(expect.arrayContaining([
      { id: d.openSlip, community_id: into.communityId }, { id: d.usedSlip, community_id: from.communityId },
    ]));
    // the access log is a log: it stays as written
    expect(loggedBefore).toBeGreaterThan(0);
    expect(await countWhere(db, 'access_log', 'community_id', from.communityId)).toBe(loggedBefore);

    // the merged community's secretary and members now act in the community it joined
    const roles = await db.query<{ role: string; org_id: string }>('select role, org_id from user_roles where user_id = any($1::uuid[])', [[from.secretary.id, from.members[0].id, from.residents[0].id]]);
    expect(roles.map((role) => role.org_id)).toEqual([into.communityId, into.communityId, into.communityId]);
    const listed = await ok(call(records, 'listForCommunity', { year: 2026 }, from.secretary));
    expect(listed.items.map((record: { id: string }) => record.id).sort()).toEqual(d.records.map((record: { id: string }) => record.id).sort());
    expect(listed.items.map((record: { certifiedBy: string }) => record.certifiedBy)).toEqual(['测试社区C乙', '测试社区C乙']);
    const history2 = await ok(call(records, 'history', { recordId: d.records[0].id }, into.secretary));
    expect(history2.entries.map((entry: { action: string }) => entry.action)).toEqual(['manual_entry', 'organisation_merge']);
    expect(history2.entries[1]).toMatchObject({ reason: expect.stringContaining('测试社区C甲并入测试社区C乙'), before: { certifyingOrgName: '测试社区C甲' } });
    const mine = await ok(call(records, 'myHours', { year: 2026 }, from.members[1]));
    expect(mine.creditedHours).toBe(1);
    const needs = await ok(call(demands, 'listForCommunity', {}, into.secretary));
    expect(needs.items.map((item: { id: string }) => item.id)).toContain(d.need.id);
    const communityOrders = await ok(call(orders, 'listForCommunity', {}, into.secretary));
    expect(communityOrders.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([d.needOrder.id, d.activity.id, d.upcoming.id]));
    const hall = await ok(call(orders, 'listOpen', {}, into.members[0]));
    expect(hall.items.map((item: { id: string }) => item.id)).toContain(d.upcoming.id);

    const tree = await ok(call(org, 'tree', {}, admin));
    expect(JSON.stringify(tree)).not.toContain(from.communityId);
    const joined = tree.streets.flatMap((s: { communities: { id: string }[] }) => s.communities).find((c: { id: string }) => c.id === into.communityId);
    expect(joined).toMatchObject({ members: 6, residents: 3 });
    expect(joined.secretaries.map((s: { userId: string }) => s.userId).sort()).toEqual([from.secretary.id, into.secretary.id].sort());
    expect(joined.grids).toHaveLength(4);
  });

  it('should merge a street into another, moving its communities with their people', async () => {
    const from = await buildCommunity(db, 'S甲', { members: 2, residents: 1 });
    const into = await buildCommunity(db, 'S乙', { members: 1, residents: 1, districtId: from.districtId });
    admin = await createDistrictAdmin(db, from.districtId);
    const before = await countOrgRows(db);
    const merged = await ok(call(org, 'merge', { fromId: from.streetId, intoId: into.streetId }, admin));
    expect(merged.moved).toMatchObject({ communities: 1, members: 2, residents: 1 });
    expect(await countOrgRows(db)).toEqual(before);
    expect(await db.query('select parent_id from organisations where id = $1', [from.communityId])).toEqual([{ parent_id: into.streetId }]);
    const tree = await ok(call(org, 'tree', {}, admin));
    expect(tree.streets).toEqual([expect.objectContaining({ id: into.streetId, members: 3, residents: 2 })]);
    expect(tree.streets[0].communities.map((c: { id: string }) => c.id).sort()).toEqual([into.communityId, from.communityId].sort());
  });

  describe('refusals, writing nothing', () => {
    let x: TestCommunity;
    let y: TestCommunity;
    let other: TestCommunity;

    beforeAll(async () => {
      x = await buildCommunity(db, 'R甲', { members: 1, residents: 1 });
      y = await buildCommunity(db, 'R乙', { members: 1, residents: 0, districtId: x.districtId });
      other = await buildCommunity(db, 'R丙', { members: 1, residents: 0 });
      admin = await createDistrictAdmin(db, x.districtId);
      // this admin also administers the other district: merging across the two is still refused
      await orgRepository.grantRole(db, { id: randomUUID(), userId: admin.id, role: 'district_admin', orgId: other.districtId });
    });

    it.each([
      ['into itself', () => ({ fromId: x.gridIds[0], intoId: x.gridIds[0] }), 'ORG_MERGE_INTO_ITSELF', 'intoId'],
      ['into another kind', () => ({ fromId: x.gridIds[0], intoId: x.communityId }), 'ORG_MERGE_KIND_MISMATCH', 'intoId'],
      ['a grid into another community’s grid', () => ({ fromId: x.gridIds[0], intoId: y.gridIds[0] }), 'ORG_MERGE_ACROSS_PARENT', 'intoId'],
      ['a community across districts', () => ({ fromId: x.communityId, intoId: other.communityId }), 'ORG_MERGE_ACROSS_PARENT', 'intoId'],
      ['a street across districts', () => ({ fromId: x.streetId, intoId: other.streetId }), 'ORG_MERGE_ACROSS_PARENT', 'intoId'],
      ['a district', () => ({ fromId: x.districtId, intoId: other.districtId }), 'ORG_MERGE_DISTRICT', 'fromId'],
      ['an unknown organisation', () => ({ fromId: randomUUID(), intoId: x.gridIds[0] }), 'ORG_NOT_FOUND', 'fromId'],
    ])('should refuse merging %s', async (_case, input, code, fieldName) => {
      const before = await countOrgRows(db);
      const error = await failed(call(org, 'merge', input(), admin));
      expect(error).toMatchObject({ code, fields: { [fieldName]: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
      expect(await countOrgRows(db)).toEqual(before);
    });

    it('should refuse merging an archived organisation, or into one', async () => {
      const grid = await ok(call(org, 'createOrganisation', { kind: 'grid', parentId: x.communityId, name: '第3网格' }, admin));
      await ok(call(org, 'merge', { fromId: grid.id, intoId: x.gridIds[0] }, admin));
      const before = await countOrgRows(db);
      expect(await failed(call(org, 'merge', { fromId: grid.id, intoId: x.gridIds[1] }, admin))).toMatchObject({ code: 'ORG_ARCHIVED', fields: { fromId: '「第3网格」已合并或撤销' } });
      expect((await failed(call(org, 'merge', { fromId: x.gridIds[1], intoId: grid.id }, admin))).code).toBe('ORG_ARCHIVED');
      expect(await countOrgRows(db)).toEqual(before);
    });

    it('should refuse the community’s secretary and another district’s admin', async () => {
      const outsider = await createDistrictAdmin(db, (await buildCommunity(db, 'R丁', { members: 0, residents: 0 })).districtId);
      const before = await countOrgRows(db, ORG_TABLES);
      expect((await failed(call(org, 'merge', { fromId: x.gridIds[1], intoId: x.gridIds[0] }, x.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(org, 'merge', { fromId: x.gridIds[1], intoId: x.gridIds[0] }, outsider))).code).toBe('ORG_NOT_IN_DISTRICT');
      expect(await countOrgRows(db, ORG_TABLES)).toEqual(before);
    });
  });
});
