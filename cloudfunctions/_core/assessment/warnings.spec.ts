import { evaluateMemberStanding, type MemberFacts } from './evaluate-standing';
import { PRESETS } from './presets';
import { communityWarnings, memberWarnings, type Warning } from './warnings';

const facts = (partial: Partial<MemberFacts> = {}): MemberFacts => ({ memberType: 'community', services: [], suggestions: [], reported: true, ...partial });
const served = (day: string, minutes = 60) => ({ day, minutes });

const warningsAt = (preset: keyof typeof PRESETS, now: string, partial: Partial<MemberFacts> = {}, year = 2026) => {
  const member = facts(partial);
  const at = new Date(now);
  return memberWarnings(PRESETS[preset], year, at, evaluateMemberStanding(PRESETS[preset], year, at, member), member);
};
const kinds = (list: Warning[]) => list.map((warning) => `${warning.kind}:${warning.severity}`);

describe('memberWarnings', () => {
  // 台山 2012 every quarter needs a service; Q1 and Q2 served so that only the third quarter is at stake.
  const earlier = [served('2026-02-01', 600), served('2026-05-01', 600)];

  it.each([
    { now: '2026-09-15T12:00:00+08:00', expected: [] },
    { now: '2026-09-16T12:00:00+08:00', expected: ['quarter_ending_unmet:warning'] },
    { now: '2026-09-23T12:00:00+08:00', expected: ['quarter_ending_unmet:warning'] },
    { now: '2026-09-24T12:00:00+08:00', expected: ['quarter_ending_unmet:urgent'] },
    { now: '2026-09-30T23:59:00+08:00', expected: ['quarter_ending_unmet:urgent'] },
  ])('台山 2012 §五.(二)三: a quarter without a service warns in its last 15 days, urgently in the last 7 ($now)', ({ now, expected }) => {
    expect(kinds(warningsAt('taishan-2012', now, { services: earlier }))).toEqual(expected);
  });

  it('reads the quarter by Beijing time: 1 October 00:30 Beijing is the fourth quarter, whose end is far', () => {
    expect(kinds(warningsAt('taishan-2012', '2026-09-30T16:30:00Z', { services: [...earlier, served('2026-07-01', 600)] }))).toEqual([]);
  });

  it('台山 2020 §三.(二): hours behind the year’s pace warn, hours ahead do not', () => {
    // 1 July: 182 of 365 days gone, pace 25 × 182 / 365 = 12.5 h
    expect(warningsAt('taishan-2020', '2026-07-01T12:00:00+08:00', { services: [served('2026-03-01', 12 * 60)] })[0]).toMatchObject({
      kind: 'hours_behind_pace', text: '按年度进度此时应服务12.5小时，目前12小时；还需服务13小时，12月31日前需完成',
    });
    expect(warningsAt('taishan-2020', '2026-07-01T12:00:00+08:00', { services: [served('2026-03-01', 13 * 60)] })).toEqual([]);
  });

  it('holds a mid-year joiner to the pace of the quarters held', () => {
    // joined 15 April: held from 1 July, target 12.5 h; on 15 August 46 of 184 days gone, pace 3.1 h
    const joiner = { communityJoinedOn: '2026-04-15' };
    expect(warningsAt('taishan-2020', '2026-08-15T12:00:00+08:00', { ...joiner, services: [served('2026-07-10', 3 * 60)] })[0]).toMatchObject({
      kind: 'hours_behind_pace', text: '按年度进度此时应服务3.1小时，目前3小时；还需服务9.5小时，12月31日前需完成（年中加入，按2个季度考核）',
    });
  });

  it('has no warning in a closed year, for an exempted member, nor for a rule already met', () => {
    expect(warningsAt('taishan-2020', '2027-01-05T12:00:00+08:00', {}, 2026)).toEqual([]);
    expect(warningsAt('taishan-2020', '2026-12-30T12:00:00+08:00', { exemption: { reason: '身体原因', approvedBy: '街道党工委' } })).toEqual([]);
    expect(warningsAt('taishan-2020', '2026-12-30T12:00:00+08:00', { services: [served('2026-03-01', 25 * 60)] })).toEqual([]);
  });

  it('江苏 2014 §二.2(3): a suggestion still missing in the last month warns with the deadline', () => {
    const list = warningsAt('jiangsu-2014', '2026-12-01T12:00:00+08:00', { memberType: 'in_service', services: [served('2026-03-01'), served('2026-04-01')] });
    expect(list).toEqual([
      expect.objectContaining({ kind: 'deadline_near', severity: 'warning', due: '2026-12-31', text: '每年提出1条以上促进社区建设的建议：还需提出建议1条，12月31日前需完成（还剩31天）' }),
    ]);
  });
});

describe('communityWarnings', () => {
  it('counts each member once per kind, takes the earliest due day and is urgent when any member is', () => {
    const warning = (kind: Warning['kind'], due: string | null, severity: Warning['severity'] = 'warning'): Warning => ({
      kind, severity, text: '', due, action: { label: '', url: '' }, ruleId: null, count: null,
    });
    const list = communityWarnings(
      [
        [warning('deadline_near', '2026-12-31'), warning('deadline_near', '2026-12-31')],
        [warning('deadline_near', '2026-12-31', 'urgent')],
        [],
      ],
      [],
    );
    expect(list).toEqual([expect.objectContaining({ kind: 'deadline_near', severity: 'urgent', count: 2, due: '2026-12-31', text: '2名党员有考核项目将于12月31日到期仍未完成' })]);
  });

  it('puts the most pressing first: urgent, then the earliest due day, those without one last', () => {
    const warning = (kind: Warning['kind'], due: string | null, severity: Warning['severity'] = 'warning'): Warning => ({
      kind, severity, text: '', due, action: { label: '', url: '' }, ruleId: null, count: null,
    });
    const list = communityWarnings([[warning('activist_behind_cultivation', null)], [warning('hours_behind_pace', '2026-12-31')], [warning('quarter_ending_unmet', '2026-09-30')]], []);
    expect(list.map((item) => item.kind)).toEqual(['quarter_ending_unmet', 'hours_behind_pace', 'activist_behind_cultivation']);
    const urgent = communityWarnings([[warning('activist_behind_cultivation', null)], [warning('deadline_near', '2026-12-31', 'urgent')], [warning('quarter_ending_unmet', '2026-12-31')]], []);
    expect(urgent.map((item) => item.kind)).toEqual(['deadline_near', 'quarter_ending_unmet', 'activist_behind_cultivation']);
  });
});
