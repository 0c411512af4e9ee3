import { main as assessment } from '../../cloudfunctions/assessment/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('建议: a member suggests, the secretary replies, forwards or adopts, and what counts', () => {
  let db: Database;
  let home: TestCommunity;
  let other: TestCommunity;
  const clock = useWallClock(new Date('2026-11-23T01:00:00Z'));

  beforeAll(async () => {
    db = await openSuiteDatabase();
    home = await buildCommunity(db, 'S', { members: 3, residents: 1 });
    other = await buildCommunity(db, 'T', { members: 1, residents: 0 });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** Every suggestion as stored, to show a refused call changed nothing. */
  const stored = () => db.query('select * from suggestions order by id');

  const expectRefused = (act: () => ReturnType<typeof call>, code: string) => refusedUnchanged(stored, act, code);

  const submit = (member = home.members[0], body = '小区东门路灯坏了，晚上很暗，建议尽快维修') =>
    ok(call(assessment, 'submitSuggestion', { category: '环境卫生', body }, member));

  it('should file a suggestion to the member’s community and count it this year', async () => {
    const member = home.members[0];
    const suggestion = await submit(member);
    expect(suggestion).toMatchObject({
      category: '环境卫生', body: '小区东门路灯坏了，晚上很暗，建议尽快维修', status: 'submitted', reply: null, forwardedTo: null, handledAt: null,
      member: { id: member.id, name: member.name, gridName: '第1网格' }, communityName: '测试社区S',
    });
    const [row] = await db.query('select community_id, member_id, status from suggestions where id = $1', [suggestion.id]);
    expect(row).toEqual({ community_id: home.communityId, member_id: member.id, status: 'submitted' });
    const mine = await ok(call(assessment, 'mySuggestions', {}, member));
    expect(mine).toMatchObject({ total: 1, countedThisYear: 1 });
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([suggestion.id]);
  });

  it('should refuse a bad suggestion naming the field, writing nothing', async () => {
    const member = home.members[1];
    const short = await expectRefused(() => call(assessment, 'submitSuggestion', { category: '环境卫生', body: '  太短了 ' }, member), 'VALIDATION_FAILED');
    expect(short.fields).toEqual({ body: '建议内容至少需要5个字' });
    const long = await expectRefused(() => call(assessment, 'submitSuggestion', { category: '其他', body: '长'.repeat(501) }, member), 'VALIDATION_FAILED');
    expect(long.fields).toEqual({ body: '建议内容不能超过500个字' });
    const category = await expectRefused(() => call(assessment, 'submitSuggestion', { category: '随便', body: '这是一条建议内容' }, member), 'VALIDATION_FAILED');
    expect(category.fields).toEqual({ category: '建议类别须为以下之一：社区治理、环境卫生、为民服务、党建工作、其他' });
    expect(JSON.stringify(category)).not.toContain('随便');
  });

  it('should take suggestions from members only', async () => {
    const error = await expectRefused(() => call(assessment, 'submitSuggestion', { category: '其他', body: '居民也想提建议' }, home.residents[0]), 'FORBIDDEN');
    expect(error.message).toContain('党员义工');
    await expectRefused(() => call(assessment, 'submitSuggestion', { category: '其他', body: '书记不是党员义工' }, home.secretary), 'FORBIDDEN');
  });

  it('should let the member withdraw an unanswered suggestion, which then no longer counts', async () => {
    const member = home.members[1];
    const suggestion = await submit(member, '建议在活动室加装空调');
    await expectRefused(() => call(assessment, 'withdrawSuggestion', { suggestionId: suggestion.id }, home.members[2]), 'FORBIDDEN');
    const withdrawn = await ok(call(assessment, 'withdrawSuggestion', { suggestionId: suggestion.id }, member));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', handledAt: null });
    expect(await ok(call(assessment, 'mySuggestions', {}, member))).toMatchObject({ total: 1, countedThisYear: 0 });
    await expectRefused(() => call(assessment, 'withdrawSuggestion', { suggestionId: suggestion.id }, member), 'SUGGESTION_ALREADY_HANDLED');
    await expectRefused(
      () => call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'reply', reply: '收到' }, home.secretary),
      'SUGGESTION_WITHDRAWN',
    );
  });

  it('should count last year’s suggestions in last year, by the Beijing calendar', async () => {
    const member = home.members[2];
    clock.set(new Date('2025-12-31T15:59:00Z')); // 23:59 on 31 December in Beijing
    await submit(member, '去年年底的一条建议');
    clock.set(new Date('2025-12-31T16:00:00Z')); // midnight: 1 January 2026 in Beijing
    await submit(member, '今年第一天的一条建议');
    clock.set(new Date('2026-11-23T01:00:00Z'));
    expect(await ok(call(assessment, 'mySuggestions', {}, member))).toMatchObject({ total: 2, countedThisYear: 1 });
  });

  it('should show the secretary her community’s suggestions, those waiting first, with the count waiting', async () => {
    const list = await ok(call(assessment, 'listSuggestions', {}, home.secretary));
    expect(list.waiting).toBe(3);
    expect(list.total).toBe(4);
    expect(list.items.map((item: { status: string }) => item.status)).toEqual(['submitted', 'submitted', 'submitted', 'withdrawn']);
    const withdrawn = await ok(call(assessment, 'listSuggestions', { status: 'withdrawn' }, home.secretary));
    expect(withdrawn).toMatchObject({ total: 1, waiting: 3 });
    const paged = await ok(call(assessment, 'listSuggestions', { page: { limit: 1, offset: 1 } }, home.secretary));
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(4);
  });

  it('should let the secretary reply, and the member read the reply; a settled suggestion is not handled again', async () => {
    const member = home.members[0];
    const suggestion = await submit(member, '建议在小区增设快递柜');
    const missing = await expectRefused(() => call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'reply' }, home.secretary), 'VALIDATION_FAILED');
    expect(missing.fields).toEqual({ reply: '请填写答复内容' });
    const replied = await ok(call(assessment, 'handleSuggestion', {
      suggestionId: suggestion.id, decision: 'reply', reply: '已联系物业，下月安装',
    }, home.secretary));
    expect(replied).toMatchObject({ status: 'replied', reply: '已联系物业，下月安装', handledAt: new Date().toISOString() });
    const mine = await ok(call(assessment, 'mySuggestions', {}, member));
    expect(mine.items.find((item: { id: string }) => item.id === suggestion.id)).toMatchObject({ status: 'replied', reply: '已联系物业，下月安装' });
    expect(mine.countedThisYear).toBe(2);
    await expectRefused(
      () => call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'adopt', reply: '再次处理' }, home.secretary),
      'SUGGESTION_ALREADY_HANDLED',
    );
    await expectRefused(() => call(assessment, 'withdrawSuggestion', { suggestionId: suggestion.id }, member), 'SUGGESTION_ALREADY_HANDLED');
  });

  it('should forward a suggestion to whoever can act on it, then adopt it when word comes back', async () => {
    const suggestion = await submit(home.members[0], '建议修缮社区篮球场');
    const missing = await expectRefused(() => call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'forward' }, home.secretary), 'VALIDATION_FAILED');
    expect(missing.fields).toEqual({ forwardedTo: '请填写转交单位' });
    const forwarded = await ok(call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'forward', forwardedTo: '街道城管科' }, home.secretary));
    expect(forwarded).toMatchObject({ status: 'forwarded', forwardedTo: '街道城管科', reply: null });
    await expectRefused(
      () => call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'forward', forwardedTo: '区体育局' }, home.secretary),
      'SUGGESTION_ALREADY_HANDLED',
    );
    const adopted = await ok(call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'adopt', reply: '街道已立项，年底完工' }, home.secretary));
    expect(adopted).toMatchObject({ status: 'adopted', forwardedTo: '街道城管科', reply: '街道已立项，年底完工' });
  });

  it('should refuse another community’s secretary and a member who would handle a suggestion', async () => {
    const suggestion = await submit(home.members[1], '建议周末开放图书室');
    const reply = { suggestionId: suggestion.id, decision: 'reply', reply: '好的' };
    await expectRefused(() => call(assessment, 'handleSuggestion', reply, other.secretary), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'handleSuggestion', reply, home.members[0]), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'listSuggestions', { communityId: home.communityId }, other.secretary), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'listSuggestions', {}, home.members[0]), 'FORBIDDEN');
    const theirs = await ok(call(assessment, 'listSuggestions', {}, other.secretary));
    expect(theirs).toEqual({ items: [], total: 0, waiting: 0 });
    const unknown = await expectRefused(
      () => call(assessment, 'handleSuggestion', { ...reply, suggestionId: '00000000-0000-4000-8000-000000000000' }, home.secretary),
      'SUGGESTION_NOT_FOUND',
    );
    expect(unknown.message).toBe('找不到该建议');
  });

  it('should let the district admin read a community of her district, not one of another', async () => {
    const admin = await createDistrictAdmin(db, home.districtId);
    const list = await ok(call(assessment, 'listSuggestions', { communityId: home.communityId }, admin));
    expect(list.waiting).toBe(4);
    await expectRefused(() => call(assessment, 'listSuggestions', { communityId: other.communityId }, admin), 'FORBIDDEN');
  });
});
