import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as privacy } from '../../cloudfunctions/privacy/index';
import { main as records } from '../../cloudfunctions/records/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { maskAddress, maskPhone } from '../../cloudfunctions/_core/shared/masking';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { valueOf } from '../support/db-state';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { insertMemberProfile, setResidentAddress } from '../support/privacy-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai.
const START = new Date('2026-11-23T01:00:00Z');
const at = (hhmm: string) => `2026-11-23T${hhmm}:00+08:00`;

const MEMBER_ADDRESS = '锦绣家园8栋302室';
const MEMBER_ID_NUMBER = '44078119850615002X';
const RESIDENT_ADDRESS = '幸福花园3栋1204室';

type Viewer = 'self' | 'secretary' | 'otherSecretary' | 'districtAdmin' | 'unitAdmin' | 'otherMember' | 'assignedMember' | 'assignedAfterCompletion' | 'otherResident';
type Field = 'memberPhone' | 'memberAddress' | 'memberIdNumber' | 'residentPhone' | 'residentAddress';
/** What the viewer's lists and details show (full, masked or nothing), and what privacy.reveal gives them. */
type Cell = [Viewer, Field, 'full' | 'masked' | 'none', 'full' | 'refused'];

// prettier-ignore
const TABLE: Cell[] = [
  ['self', 'memberPhone', 'full', 'full'], ['self', 'memberAddress', 'full', 'full'], ['self', 'memberIdNumber', 'full', 'full'],
  ['self', 'residentPhone', 'full', 'full'], ['self', 'residentAddress', 'full', 'full'],
  ['secretary', 'memberPhone', 'masked', 'full'], ['secretary', 'memberAddress', 'masked', 'full'], ['secretary', 'memberIdNumber', 'none', 'full'],
  ['secretary', 'residentPhone', 'masked', 'full'], ['secretary', 'residentAddress', 'masked', 'full'],
  ['otherSecretary', 'memberPhone', 'none', 'refused'], ['otherSecretary', 'memberAddress', 'none', 'refused'], ['otherSecretary', 'memberIdNumber', 'none', 'refused'],
  ['otherSecretary', 'residentPhone', 'none', 'refused'], ['otherSecretary', 'residentAddress', 'none', 'refused'],
  ['districtAdmin', 'memberPhone', 'masked', 'refused'], ['districtAdmin', 'memberAddress', 'masked', 'refused'], ['districtAdmin', 'memberIdNumber', 'none', 'refused'],
  ['districtAdmin', 'residentPhone', 'masked', 'refused'], ['districtAdmin', 'residentAddress', 'masked', 'refused'],
  ['unitAdmin', 'memberPhone', 'masked', 'refused'], ['unitAdmin', 'memberAddress', 'none', 'refused'], ['unitAdmin', 'memberIdNumber', 'none', 'refused'],
  ['unitAdmin', 'residentPhone', 'none', 'refused'], ['unitAdmin', 'residentAddress', 'none', 'refused'],
  ['otherMember', 'memberPhone', 'none', 'refused'], ['otherMember', 'memberAddress', 'none', 'refused'], ['otherMember', 'memberIdNumber', 'none', 'refused'],
  ['otherMember', 'residentPhone', 'masked', 'refused'], ['otherMember', 'residentAddress', 'masked', 'refused'],
  ['assignedMember', 'memberPhone', 'none', 'refused'], ['assignedMember', 'memberAddress', 'none', 'refused'], ['assignedMember', 'memberIdNumber', 'none', 'refused'],
  ['assignedMember', 'residentPhone', 'full', 'full'], ['assignedMember', 'residentAddress', 'full', 'full'],
  ['otherResident', 'memberPhone', 'none', 'refused'], ['otherResident', 'memberAddress', 'none', 'refused'], ['otherResident', 'memberIdNumber', 'none', 'refused'],
  ['otherResident', 'residentPhone', 'none', 'refused'], ['otherResident', 'residentAddress', 'none', 'refused'],
];
// prettier-ignore
const AFTER_COMPLETION: Cell[] = [
  ['assignedAfterCompletion', 'memberPhone', 'none', 'refused'], ['assignedAfterCompletion', 'memberAddress', 'none', 'refused'],
  ['assignedAfterCompletion', 'memberIdNumber', 'none', 'refused'],
  ['assignedAfterCompletion', 'residentPhone', 'masked', 'refused'], ['assignedAfterCompletion', 'residentAddress', 'masked', 'refused'],
];

describe('个人信息保护: who sees which phone, address and ID number, masked or in full (004 §二.3.(1))', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let viewers: Record<Viewer, TestUser>;
  let member: TestUser;
  let resident: TestUser;
  let need: { id: string };
  let homeOrder: { id: string };
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'P', { members: 3, residents: 2 });
    b = await buildCommunity(db, 'Q', { members: 1, residents: 1, districtId: a.districtId });
    [member] = a.members;
    [resident] = a.residents;
    await insertMemberProfile(db, member.id, { homeAddress: MEMBER_ADDRESS, idNumber: MEMBER_ID_NUMBER });
    await setResidentAddress(db, resident.id, RESIDENT_ADDRESS);
    const assigned = a.members[1];
    viewers = {
      self: member, // for the resident's fields, `self` is the resident: see subjectOf
      secretary: a.secretary,
      otherSecretary: b.secretary,
      districtAdmin: await createDistrictAdmin(db, a.districtId),
      unitAdmin: await createUnitAdmin(db, a.unitId),
      otherMember: a.members[2],
      assignedMember: assigned,
      assignedAfterCompletion: assigned,
      otherResident: a.residents[1],
    };

    // The member serves an activity (with a record the secretary enters) and, with another member, the resident's need.
    const activity = await ok(call(orders, 'create', { title: '义诊', category: '医疗卫生服务', place: '社区卫生站', startsAt: at('09:30'), endsAt: at('10:30'), capacity: 2, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: activity.id }, member));
    need = await ok(call(demands, 'post', { category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: RESIDENT_ADDRESS, contactPhone: resident.phone }, resident));
    homeOrder = await ok(call(orders, 'create', { demandId: need.id, title: '修水龙头', category: '社区服务', startsAt: at('14:00'), endsAt: at('15:00'), capacity: 3, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: homeOrder.id }, member));
    await ok(call(orders, 'accept', { orderId: homeOrder.id }, assigned));
    clock.set(new Date('2026-11-23T04:00:00Z'));
    await ok(call(records, 'enter', { orderId: activity.id, memberId: member.id, startedAt: at('09:30'), endedAt: at('10:30'), reason: '现场签到表为证' }, a.secretary));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const isMemberField = (field: Field) => field.startsWith('member');
  const subjectOf = (field: Field, viewer: Viewer) => ({
    user: isMemberField(field) ? member : viewer === 'self' ? resident : viewers[viewer],
    subjects: isMemberField(field) ? [{ memberId: member.id }] : [{ residentId: resident.id }, { demandId: need.id }],
    field: ({ memberPhone: 'phone', memberAddress: 'address', memberIdNumber: 'id_number', residentPhone: 'phone', residentAddress: 'address' } as const)[field],
  });
  const valuesOf = (field: Field) =>
    ({
      memberPhone: { full: member.phone, masked: maskPhone(member.phone) },
      memberAddress: { full: MEMBER_ADDRESS, masked: maskAddress(MEMBER_ADDRESS) },
      memberIdNumber: { full: MEMBER_ID_NUMBER, masked: null },
      residentPhone: { full: resident.phone, masked: maskPhone(resident.phone) },
      residentAddress: { full: RESIDENT_ADDRESS, masked: maskAddress(RESIDENT_ADDRESS) },
    })[field];

  /** Every answer the viewer gets from the lists, details, registers and reports that could show these fields, as one text. */
  async function everythingSeenBy(user: TestUser) {
    const views: [typeof demands, string, unknown][] = [
      [demands, 'get', { demandId: need.id }],
      [demands, 'listForCommunity', { communityId: a.communityId }],
      [demands, 'listMine', {}],
      [orders, 'get', { orderId: homeOrder.id }],
      [orders, 'listForCommunity', { communityId: a.communityId }],
      [orders, 'listOpen', {}],
      [orders, 'listMine', {}],
      [orders, 'recommend', { orderId: homeOrder.id, startsAt: at('14:00'), endsAt: at('15:00') }],
      [records, 'listForCommunity', { communityId: a.communityId }],
      [records, 'myHours', {}],
      [privacy, 'myData', {}],
      [privacy, 'accessLog', { communityId: a.communityId }],
      [reports, 'communityRegister', { communityId: a.communityId, memberType: 'all' }],
      [reports, 'unitStatistics', { unitId: a.unitId }],
      [registration, 'listPending', { communityId: a.communityId }],
      [org, 'tree', {}],
    ];
    const seen: unknown[] = [];
    for (const [main, action, data] of views) {
      const answer = await call(main, action, data, user);
      if (answer.ok) seen.push(answer.data);
    }
    return JSON.stringify(seen);
  }

  const logRows = async () => Number(await valueOf(db, 'select count(*) from access_log'));

  async function assertCell([viewer, field, listed, revealed]: Cell) {
    const { user, subjects, field: personalField } = subjectOf(field, viewer);
    const { full, masked } = valuesOf(field);
    const seen = await everythingSeenBy(viewer === 'self' ? user : viewers[viewer]);
    const shown = seen.includes(full) ? 'full' : masked && seen.includes(masked) ? 'masked' : 'none';
    expect({ viewer, field, shown }).toEqual({ viewer, field, shown: listed });

    const reader = viewer === 'self' ? user : viewers[viewer];
    for (const subject of subjects) {
      const before = await logRows();
      const answer = await call(privacy, 'reveal', { subject, field: personalField, purpose: '核对' }, reader);
      if (revealed === 'full') {
        expect(answer).toEqual({ ok: true, data: { value: full, logged: viewer !== 'self' } });
        expect(await logRows()).toBe(before + (viewer === 'self' ? 0 : 1));
      } else {
        expect((await failed(answer)).code).toBe('PRIVACY_FORBIDDEN');
        expect(await logRows()).toBe(before);
      }
    }
  }

  it.each(TABLE)('%s × %s: lists and details show it %s; reveal gives it %s', async (...cell) => {
    await assertCell(cell);
  });

  describe('after the order the member served is completed', () => {
    beforeAll(async () => {
      clock.set(new Date('2026-11-23T08:00:00Z'));
      await ok(call(orders, 'complete', { orderId: homeOrder.id }, a.secretary));
      // The record of the home service outlives the order: its place is the resident's address.
      await ok(call(records, 'enter', { orderId: homeOrder.id, memberId: viewers.assignedAfterCompletion.id, startedAt: at('14:00'), endedAt: at('15:00'), reason: '现场签到表为证' }, a.secretary));
    });

    it.each(AFTER_COMPLETION)('%s × %s: lists and details show it %s; reveal gives it %s', async (...cell) => {
      await assertCell(cell);
    });
  });
});
