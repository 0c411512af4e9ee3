import { randomUUID } from 'node:crypto';
import { main as records } from '../../cloudfunctions/records/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { loadTrainingsAndAwards } from '../../cloudfunctions/_core/volunteer-record/training-awards.repository';
import { call, failed, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildTwoDistricts, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Thursday 2026-08-20 10:00 Beijing.
const NOW = new Date('2026-08-20T02:00:00Z');

const training = (memberIds: string[], overrides: Record<string, unknown> = {}) => ({
  kind: 'pre_service',
  title: '在职党员岗前培训',
  organiser: '测试社区TA党委',
  startedOn: '2026-03-01',
  endedOn: '2026-03-02',
  hours: 1.5,
  memberIds,
  ...overrides,
});

const award = (memberId: string, overrides: Record<string, unknown> = {}) => ({
  memberId,
  title: '优秀党员义工',
  level: 'city',
  awardedOn: '2026-06-30',
  awardingBody: '台山市委组织部',
  ...overrides,
});

describe('trainings and awards in the volunteer record (issue 14 item 6)', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let other: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  const clock = useWallClock(NOW);

  const trainingState = async () => ({
    trainings: await db.query('select id, title, minutes, withdrawn_at from trainings order by id'),
    participants: await db.query('select training_id, member_id from training_participants order by 1, 2'),
    audit: await db.query('select count(*)::int as n from training_audit'),
  });
  const awardState = async () => ({
    awards: await db.query('select id, title, withdrawn_at from awards order by id'),
    audit: await db.query('select count(*)::int as n from award_audit'),
  });

  beforeAll(async () => {
    db = await openSuiteDatabase();
    ({ a, b, other, districtAdmin, otherDistrictAdmin, unitAdmin } = await buildTwoDistricts(db, ['TA', 'TB', 'TO'], {
      a: { members: 3, residents: 0 },
      b: { members: 1, residents: 0 },
      other: { members: 1, residents: 0 },
    }));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should record a training with its participants, and each participant sees it in their own record', async () => {
    const [m1, m2, m3] = a.members;
    const saved = await ok(call(records, 'recordTraining', training([m1.id, m2.id]), a.secretary));
    expect(saved).toMatchObject({
      kind: 'pre_service', kindLabel: '岗前培训', title: '在职党员岗前培训', organiser: '测试社区TA党委', scopeName: '测试社区TA',
      startedOn: '2026-03-01', endedOn: '2026-03-02', hours: 1.5, recordedBy: a.secretary.name, withdrawn: false,
      history: [{ action: '登记', actor: a.secretary.name, reason: '登记培训', at: NOW.toISOString() }],
    });
    expect(saved.participants.map((p: { memberId: string }) => p.memberId).sort()).toEqual([m1.id, m2.id].sort());

    const mine = await ok(call(records, 'myTrainingsAndAwards', { year: 2026 }, m1));
    expect(mine).toEqual({
      year: 2026,
      trainings: [{ id: saved.id, kind: 'pre_service', kindLabel: '岗前培训', title: '在职党员岗前培训', organiser: '测试社区TA党委', startedOn: '2026-03-01', endedOn: '2026-03-02', hours: 1.5 }],
      awards: [],
      trainingHours: 1.5,
    });
    expect(await ok(call(records, 'myTrainingsAndAwards', {}, m3))).toEqual({ year: 2026, trainings: [], awards: [], trainingHours: 0 });
    expect((await ok(call(records, 'myTrainingsAndAwards', { year: 2025 }, m1))).trainings).toEqual([]);
  });

  it('should let the district admin record a district-wide 骨干培训 for members of several communities, and list it with her communities', async () => {
    const saved = await ok(call(records, 'recordTraining', training([a.members[0].id, b.members[0].id], { kind: 'backbone', title: '党员义工骨干培训班', organiser: '测试区TA委组织部', hours: 6 }), districtAdmin));
    expect(saved).toMatchObject({ kindLabel: '骨干培训', scopeName: '测试区TA', hours: 6 });
    const districtList = await ok(call(records, 'listTrainings', { year: 2026 }, districtAdmin));
    expect(districtList.items.map((item: { title: string }) => item.title).sort()).toEqual(['党员义工骨干培训班', '在职党员岗前培训']);
    const communityList = await ok(call(records, 'listTrainings', {}, a.secretary));
    expect(communityList.items.map((item: { title: string }) => item.title)).toEqual(['在职党员岗前培训']);
    expect((await ok(call(records, 'myTrainingsAndAwards', { year: 2026 }, a.members[0]))).trainingHours).toBe(7.5);
  });

  it('should correct a training with a reason, keeping before and after, and withdraw it so it leaves the record', async () => {
    const [m1, , m3] = a.members;
    const saved = await ok(call(records, 'recordTraining', training([m1.id], { title: '待更正的培训' }), a.secretary));
    const corrected = await ok(call(records, 'correctTrainingRecord', { trainingId: saved.id, ...training([m3.id], { title: '更正后的培训', hours: 2 }), reason: '参训人登记错了' }, a.secretary));
    expect(corrected).toMatchObject({ title: '更正后的培训', hours: 2, participants: [{ memberId: m3.id }] });
    expect(corrected.history.map((entry: { action: string; reason: string }) => [entry.action, entry.reason])).toEqual([['登记', '登记培训'], ['更正', '参训人登记错了']]);
    const [audit] = await db.query<{ before: { title: string; memberIds: string[] }; after: { title: string } }>(
      `select before, after from training_audit where training_id = $1 and action = 'corrected'`, [saved.id],
    );
    expect(audit.before).toMatchObject({ title: '待更正的培训', memberIds: [m1.id], hours: 1.5 });
    expect(audit.after).toMatchObject({ title: '更正后的培训', memberIds: [m3.id], hours: 2 });
    expect((await ok(call(records, 'myTrainingsAndAwards', {}, m3))).trainings.map((t: { title: string }) => t.title)).toEqual(['更正后的培训']);

    const withdrawn = await ok(call(records, 'withdrawTraining', { id: saved.id, reason: '重复登记' }, a.secretary));
    expect(withdrawn).toMatchObject({ withdrawn: true, withdrawReason: '重复登记' });
    expect((await ok(call(records, 'myTrainingsAndAwards', {}, m3))).trainings).toEqual([]);
    expect((await ok(call(records, 'listTrainings', {}, a.secretary))).items.find((item: { id: string }) => item.id === saved.id)).toMatchObject({ withdrawn: true });
    await refusedUnchanged(trainingState, () => call(records, 'withdrawTraining', { id: saved.id, reason: '再撤一次' }, a.secretary), 'TRAINING_WITHDRAWN');
    await refusedUnchanged(trainingState, () => call(records, 'correctTrainingRecord', { trainingId: saved.id, ...training([m3.id]), reason: '已撤回还改' }, a.secretary), 'TRAINING_WITHDRAWN');
  });

  it('should refuse bad training input naming the field, and write nothing', async () => {
    const [m1] = a.members;
    const missing = await failed(call(records, 'recordTraining', { kind: 'x', title: '', hours: 0.3, memberIds: [] }, a.secretary));
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(missing.fields).toMatchObject({
      kind: expect.stringContaining('培训类别'), title: expect.stringContaining('培训名称'), organiser: expect.stringContaining('主办单位'),
      startedOn: expect.stringContaining('开始日期'), endedOn: expect.stringContaining('结束日期'), hours: '培训时数至少为0.5小时', memberIds: '请至少选择一名参训党员',
    });
    expect((await failed(call(records, 'recordTraining', training([m1.id, m1.id]), a.secretary))).fields).toEqual({ memberIds: '参训党员不能重复' });
    expect((await failed(call(records, 'recordTraining', training([m1.id], { hours: 1.2 }), a.secretary))).fields).toEqual({ hours: '培训时数须以0.5小时为单位' });
    const order = await refusedUnchanged(trainingState, () => call(records, 'recordTraining', training([m1.id], { startedOn: '2026-03-05', endedOn: '2026-03-04' }), a.secretary), 'TRAINING_END_BEFORE_START');
    expect(order.fields).toEqual({ endedOn: '结束日期不能早于开始日期' });
    await refusedUnchanged(trainingState, () => call(records, 'recordTraining', training([m1.id], { endedOn: '2026-08-21' }), a.secretary), 'TRAINING_IN_FUTURE');
  });

  it('should keep each manager to her own members and trainings', async () => {
    const [m1] = a.members;
    // another community's member, even in the same district, is not the secretary's to enrol
    const outside = await refusedUnchanged(trainingState, () => call(records, 'recordTraining', training([m1.id, b.members[0].id]), a.secretary), 'TRAINING_PARTICIPANT_OUT_OF_SCOPE');
    expect(outside.fields).toEqual({ memberIds: '有参训党员不属于本社区（区级培训为本区）' });
    await refusedUnchanged(trainingState, () => call(records, 'recordTraining', { communityId: b.communityId, ...training([b.members[0].id]) }, a.secretary), 'FORBIDDEN');
    await refusedUnchanged(trainingState, () => call(records, 'recordTraining', training([other.members[0].id]), districtAdmin), 'TRAINING_PARTICIPANT_OUT_OF_SCOPE');
    await refusedUnchanged(trainingState, () => call(records, 'recordTraining', { communityId: a.communityId, ...training([m1.id]) }, otherDistrictAdmin), 'ORG_NOT_IN_DISTRICT');
    for (const caller of [m1, unitAdmin]) {
      await refusedUnchanged(trainingState, () => call(records, 'recordTraining', training([m1.id]), caller), 'FORBIDDEN');
      expect((await failed(call(records, 'listTrainings', {}, caller))).code).toBe('FORBIDDEN');
    }
    const saved = await ok(call(records, 'recordTraining', training([m1.id], { title: '只属于TA的培训' }), a.secretary));
    for (const stranger of [b.secretary, other.secretary, otherDistrictAdmin]) {
      await refusedUnchanged(trainingState, () => call(records, 'withdrawTraining', { id: saved.id, reason: '不是我的' }, stranger), 'TRAINING_NOT_FOUND');
    }
    expect((await ok(call(records, 'listTrainings', {}, b.secretary))).items).toEqual([]);
    expect(await ok(call(records, 'withdrawTraining', { id: saved.id, reason: '区里撤回' }, districtAdmin))).toMatchObject({ withdrawn: true });
    await refusedUnchanged(trainingState, () => call(records, 'withdrawTraining', { id: randomUUID(), reason: '不存在' }, a.secretary), 'TRAINING_NOT_FOUND');
    expect((await failed(call(records, 'myTrainingsAndAwards', {}, a.secretary))).code).toBe('FORBIDDEN');
  });

  it('should record an award (secretary of the member’s community or the district admin), show it to the member, and withdraw it', async () => {
    const [, m2] = a.members;
    const saved = await ok(call(records, 'recordAward', award(m2.id), a.secretary));
    expect(saved).toMatchObject({ memberId: m2.id, memberName: m2.name, title: '优秀党员义工', level: 'city', levelLabel: '市级', awardedOn: '2026-06-30', awardingBody: '台山市委组织部', withdrawn: false });
    const byDistrict = await ok(call(records, 'recordAward', award(b.members[0].id, { title: '最美志愿者', level: 'county', awardingBody: '测试区委' }), districtAdmin));
    expect((await ok(call(records, 'myTrainingsAndAwards', {}, m2))).awards).toEqual([
      { id: saved.id, title: '优秀党员义工', level: 'city', levelLabel: '市级', awardedOn: '2026-06-30', awardingBody: '台山市委组织部' },
    ]);
    expect((await ok(call(records, 'listAwards', {}, a.secretary))).items.map((item: { id: string }) => item.id)).toEqual([saved.id]);
    expect((await ok(call(records, 'listAwards', {}, b.secretary))).items.map((item: { id: string }) => item.id)).toEqual([byDistrict.id]);
    expect((await ok(call(records, 'listAwards', { year: 2026 }, districtAdmin))).items).toHaveLength(2);

    await refusedUnchanged(awardState, () => call(records, 'recordAward', award(b.members[0].id), a.secretary), 'AWARD_MEMBER_OUT_OF_SCOPE');
    await refusedUnchanged(awardState, () => call(records, 'recordAward', award(other.members[0].id), districtAdmin), 'AWARD_MEMBER_OUT_OF_SCOPE');
    await refusedUnchanged(awardState, () => call(records, 'recordAward', award(m2.id), unitAdmin), 'FORBIDDEN');
    await refusedUnchanged(awardState, () => call(records, 'recordAward', award(m2.id), m2), 'FORBIDDEN');
    const future = await refusedUnchanged(awardState, () => call(records, 'recordAward', award(m2.id, { awardedOn: '2026-08-21' }), a.secretary), 'AWARD_IN_FUTURE');
    expect(future.fields).toEqual({ awardedOn: '表彰日期不能晚于今天' });
    const bad = await failed(call(records, 'recordAward', { memberId: m2.id, title: '奖', level: '特级', awardedOn: '2026-02-30', awardingBody: '' }, a.secretary));
    expect(bad.fields).toMatchObject({
      title: '表彰名称至少需要2个字', level: expect.stringContaining('表彰级别'), awardedOn: expect.stringContaining('表彰日期'), awardingBody: expect.stringContaining('授予单位'),
    });

    await refusedUnchanged(awardState, () => call(records, 'withdrawAward', { id: byDistrict.id, reason: '不是我的' }, a.secretary), 'AWARD_NOT_FOUND');
    const withdrawn = await ok(call(records, 'withdrawAward', { id: saved.id, reason: '登记错了人' }, a.secretary));
    expect(withdrawn).toMatchObject({ withdrawn: true, withdrawReason: '登记错了人' });
    expect((await ok(call(records, 'myTrainingsAndAwards', {}, m2))).awards).toEqual([]);
    await refusedUnchanged(awardState, () => call(records, 'withdrawAward', { id: saved.id, reason: '再撤一次' }, a.secretary), 'AWARD_WITHDRAWN');
    const [audit] = await db.query<{ before: { title: string } }>(`select before from award_audit where award_id = $1 and action = 'withdrawn'`, [saved.id]);
    expect(audit.before).toMatchObject({ title: '优秀党员义工', withdrawn: false });
  });

  it('should list the members a manager may pick: her community’s, or the district’s for the district admin', async () => {
    const names = (answer: { members: { name: string }[] }) => answer.members.map((m) => m.name).sort();
    expect(names(await ok(call(records, 'trainingCandidates', {}, a.secretary)))).toEqual(a.members.map((m) => m.name).sort());
    expect(names(await ok(call(records, 'trainingCandidates', {}, districtAdmin)))).toEqual([...a.members, ...b.members].map((m) => m.name).sort());
    expect(names(await ok(call(records, 'trainingCandidates', { query: '党员TB' }, districtAdmin)))).toEqual([b.members[0].name]);
    expect((await ok(call(records, 'trainingCandidates', { communityId: b.communityId }, districtAdmin))).scopeName).toBe('测试社区TB');
    for (const caller of [a.members[0], unitAdmin]) expect((await failed(call(records, 'trainingCandidates', {}, caller))).code).toBe('FORBIDDEN');
    expect((await failed(call(records, 'trainingCandidates', { communityId: a.communityId }, otherDistrictAdmin))).code).toBe('ORG_NOT_IN_DISTRICT');
  });

  it('loadTrainingsAndAwards reads the live entries of a period for many members at once', async () => {
    const [m1] = other.members;
    const members = [...a.members, ...b.members];
    const loaded = await loadTrainingsAndAwards(db, [...members.map((m) => m.id), m1.id], { from: '2026-01-01', to: '2026-12-31' });
    expect(loaded.size).toBe(members.length + 1);
    expect(loaded.get(a.members[0].id)!.trainings.map((t) => `${t.title} ${t.hours}`).sort()).toEqual(['党员义工骨干培训班 6', '在职党员岗前培训 1.5'].sort());
    expect(loaded.get(b.members[0].id)).toEqual({
      trainings: [expect.objectContaining({ kind: 'backbone', title: '党员义工骨干培训班', startedOn: '2026-03-01', endedOn: '2026-03-02', hours: 6 })],
      awards: [expect.objectContaining({ title: '最美志愿者', level: 'county', awardedOn: '2026-06-30', awardingBody: '测试区委' })],
    });
    expect(loaded.get(m1.id)).toEqual({ trainings: [], awards: [] });
    const narrow = await loadTrainingsAndAwards(db, [a.members[0].id], { from: '2026-03-03', to: '2026-12-31' });
    expect(narrow.get(a.members[0].id)!.trainings).toEqual([]);
    expect((await loadTrainingsAndAwards(db, [], { from: '2026-01-01', to: '2026-12-31' })).size).toBe(0);
  });
});
