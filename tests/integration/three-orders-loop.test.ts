import { main as auth } from '../../cloudfunctions/auth/index';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { makeCheckinCode } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';
import { setCommunityJoined } from '../support/assessment-fixtures';
import { randomUUID } from 'node:crypto';

describe('the 三单 loop, end to end through the cloud functions', () => {
  let db: Database;
  let community: TestCommunity;
  const clock = useWallClock(new Date('2026-11-23T01:00:00Z'));

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'L', { members: 3, residents: 1 });
    // Members of the whole year, so that myHours shows the rule set's full yearly target (a joiner's is pro rata).
    for (const member of community.members) await setCommunityJoined(db, member.id, '2026-01-01T00:00:00+08:00');
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should carry a need from 点单 through 下单, 接单, check-in and check-out to the evaluations', async () => {
    const [resident] = community.residents;
    const [memberA, memberB] = community.members;
    const secretary = community.secretary;

    const need = await ok(call(demands, 'post', {
      category: '爱心扶助', subItem: '上门慰问', description: '独居老人需要有人陪同聊天、帮忙打扫',
      address: '测试小区1栋101室', contactPhone: '13800001111',
    }, resident));
    expect(need).toMatchObject({ status: 'submitted', channel: 'self', requesterName: resident.name });

    const pool = await ok(call(demands, 'listForCommunity', { status: 'submitted' }, secretary));
    expect(pool.items.map((item: { id: string }) => item.id)).toContain(need.id);

    const order = await ok(call(orders, 'create', {
      demandId: need.id, title: '陪伴独居老人', category: '爱心扶助', startsAt: inMinutes(10), endsAt: inMinutes(70),
      capacity: 2, dispatch: 'open',
    }, secretary));
    // The place is the need's address, shown to the secretary masked (revealed through privacy.reveal, logged).
    expect(order).toMatchObject({ status: 'published', kind: 'demand', place: '测试小****', acceptedCount: 0 });
    expect((await ok(call(demands, 'get', { demandId: need.id }, resident))).status).toBe('accepted');

    const hall = await ok(call(orders, 'listOpen', {}, memberA));
    const seen = hall.items.find((item: { id: string }) => item.id === order.id);
    expect(seen.place).not.toBe('测试小区1栋101室');
    expect(seen.requester.phone).toBe('138****1111');

    const accepted = await ok(call(orders, 'accept', { orderId: order.id }, memberA));
    expect(accepted).toMatchObject({ acceptedCount: 1, status: 'published', myAssignment: { status: 'accepted', phase: 'upcoming' } });
    expect(accepted.place).toBe('测试小区1栋101室');
    expect(accepted.requester.phone).toBe('13800001111');
    expect((await ok(call(orders, 'accept', { orderId: order.id }, memberB))).status).toBe('staffed');

    const deviceA = await ok(call(checkin, 'issueDeviceSecret', {}, memberA));
    const deviceB = await ok(call(checkin, 'issueDeviceSecret', {}, memberB));
    const scan = (device: typeof deviceA) =>
      call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(device, new Date()) }, secretary);

    const inA = await ok(scan(deviceA));
    expect(inA).toMatchObject({ outcome: 'checked_in', member: { name: memberA.name }, headline: `签到成功 · ${memberA.name}` });
    await ok(scan(deviceB));
    expect((await ok(call(orders, 'get', { orderId: order.id }, secretary))).status).toBe('in_service');

    clock.advanceMinutes(75);
    const outA = await ok(scan(deviceA));
    expect(outA).toMatchObject({ outcome: 'checked_out', minutesCredited: 75, pendingApproval: false });
    expect((await ok(call(orders, 'get', { orderId: order.id }, secretary))).status).toBe('in_service');

    clock.advanceMinutes(60);
    const outB = await ok(scan(deviceB));
    expect(outB.minutesCredited).toBe(90); // 135 measured, capped at 60 scheduled + 30
    expect((await ok(call(orders, 'get', { orderId: order.id }, secretary))).status).toBe('completed');

    // A home service counts once the resident confirms it happened: until then it waits, shown apart.
    const waiting = await ok(call(records, 'myHours', {}, memberA));
    expect(waiting).toMatchObject({ creditedHours: 0, awaitingResidentHours: 1.25, services: 0 });
    expect(waiting.records[0]).toMatchObject({ status: 'awaiting_resident', residentConfirmed: false, verifierName: secretary.name, orderTitle: order.title });

    const rated = await ok(call(demands, 'confirmService', { demandId: need.id, rating: 'satisfied', comment: '很贴心' }, resident));
    expect(rated.rating).toEqual({ rating: 'satisfied', comment: '很贴心' });
    expect(rated.timeline.map((entry: { label: string }) => entry.label)).toEqual([
      '已提交需求', '社区已受理并派单', '党员已到达，服务中', '服务已完成', '已确认并评价',
    ]);
    expect((await failed(call(demands, 'confirmService', { demandId: need.id, rating: 'basic' }, resident))).code).toBe('DEMAND_ALREADY_RATED');

    const hours = await ok(call(records, 'myHours', {}, memberA));
    expect(hours).toMatchObject({ awaitingResidentHours: 0, creditedHours: 1.25, scannedHours: 1.25, manualHours: 0, services: 1, targetHours: 25 });
    expect(hours.byQuarter[3]).toEqual({ quarter: 4, hours: 1.25, services: 1 });
    // The record outlives the order: the resident's address in it is masked, even to the member who served.
    expect(hours.records[0]).toMatchObject({
      content: '爱心扶助：陪伴独居老人', place: '测试小****', serviceDate: '2026-11-23', certifiedBy: '测试社区L', source: 'scan',
    });


    await ok(call(records, 'selfEvaluate', { orderId: order.id, rating: 'good', comment: '陪老人聊了家常，打扫了厨房' }, memberA));
    const graded = await ok(call(orders, 'evaluate', { orderId: order.id, rating: 'excellent', comment: '服务周到' }, secretary));
    expect(graded.evaluation).toEqual({ rating: 'excellent', comment: '服务周到' });

    const record = (await ok(call(records, 'myHours', {}, memberA))).records[0];
    expect(record).toMatchObject({ residentConfirmed: true, residentRating: 'satisfied', organisationRating: 'excellent', selfEvaluation: '陪老人聊了家常，打扫了厨房', selfRating: 'good', status: 'credited' });
  });

  it('should let a resident withdraw a pending need and a secretary reject one with a reason', async () => {
    const [resident] = community.residents;
    const post = () => ok(call(demands, 'post', { category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: '1栋101', contactPhone: '13800001111' }, resident));
    const first = await post();
    expect((await ok(call(demands, 'withdraw', { demandId: first.id }, resident))).status).toBe('withdrawn');
    clock.advanceMinutes(1);
    const second = await post();
    const rejected = await ok(call(demands, 'reject', { demandId: second.id, reason: '已转物业维修' }, community.secretary));
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '已转物业维修' });
    expect((await ok(call(demands, 'listMine', {}, resident))).items[0].timeline.at(-1).label).toBe('社区未受理：已转物业维修');
    expect((await failed(call(demands, 'withdraw', { demandId: second.id }, resident))).code).toBe('DEMAND_NOT_PENDING');
  });

  it('should let a secretary record a need phoned in, and log in with phone and password', async () => {
    const recorded = await ok(call(demands, 'record', {
      category: '医疗卫生服务', subItem: '医疗保健', description: '行动不便需要上门量血压', address: '3栋302',
      contactPhone: '13900002222', requesterName: '王阿姨', channel: 'phone',
    }, community.secretary));
    expect(recorded).toMatchObject({ channel: 'phone', requesterName: '王阿姨', status: 'submitted' });

    const session = await ok(call(auth, 'login', { phone: community.secretary.phone, password: community.secretary.password }));
    expect(session.profile.roles).toEqual([expect.objectContaining({ role: 'secretary', orgName: '测试社区L' })]);
    const me = await ok(auth({ action: 'me', data: {}, token: session.token }));
    expect(me.name).toBe(community.secretary.name);
    expect((await failed(call(auth, 'login', { phone: community.secretary.phone, password: 'wrong' }))).code).toBe('AUTH_BAD_CREDENTIALS');
  });
});
