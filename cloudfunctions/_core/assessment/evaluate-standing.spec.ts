import { consequenceLabels, evaluateMemberStanding, evaluateTeamStanding } from './evaluate-standing';
import type { MemberFacts, ServiceFact, Standing } from './evaluate-standing';
import { PRESETS } from './presets';
import type { RuleSet } from './rule-set.schema';

const at = (instant: string) => new Date(instant);

/** `count` services of `minutes` each on the given Beijing day (at 10:00). */
const services = (day: string, count: number, minutes = 60, extra: Pick<ServiceFact, 'focusedActivityOfTeam' | 'goodDeedForBeneficiary'> = {}): ServiceFact[] =>
  Array.from({ length: count }, () => ({ at: at(`${day}T10:00:00+08:00`), minutes, ...extra }));

const member = (facts: Partial<MemberFacts> = {}): MemberFacts => ({ memberType: 'community', services: [], suggestions: [], reported: true, ...facts });

const ruleOf = (standing: Standing, id: string) => {
  const rule = standing.rules.find((outcome) => outcome.ruleId === id);
  if (!rule) throw new Error(`no outcome for rule ${id}`);
  return rule;
};

const standing = (ruleSet: RuleSet, now: string, facts: Partial<MemberFacts>, year = 2026) => evaluateMemberStanding(ruleSet, year, at(now), member(facts));

describe('evaluateMemberStanding — 台山 2020', () => {
  const preset = PRESETS['taishan-2020'];

  it.each([
    {
      clause: '000 §三.(二) 25 hours in the year meet the rule',
      now: '2026-12-01T12:00:00+08:00',
      facts: { services: services('2026-05-01', 25) },
      expected: { status: 'met', open: true, figure: 25, target: 25, left: 0, consequences: [] },
    },
    {
      clause: '000 §三.(二) 20 hours by June leave 5 to do by 31 December',
      now: '2026-06-15T12:00:00+08:00',
      facts: { services: services('2026-05-01', 20) },
      expected: { status: 'not_met', open: true, figure: 20, left: 5, by: '2026-12-31', advice: '还需服务5小时，12月31日前需完成', consequences: ['not_excellent', 'no_commendation'] },
    },
    {
      clause: '000 §三.(三)1 24.5 hours in a closed year: not 优秀, no 评选表彰',
      now: '2027-01-10T12:00:00+08:00',
      facts: { services: [...services('2026-05-01', 24), ...services('2026-11-01', 1, 30)] },
      expected: { status: 'not_met', open: false, figure: 24.5, left: 0.5, by: null, advice: '2026年未达标：服务时数24.5小时，目标25小时' },
    },
    {
      clause: '000 §三.(二) services of the years around it do not count (Beijing time)',
      now: '2027-01-10T12:00:00+08:00',
      facts: {
        services: [
          { at: at('2025-12-31T23:30:00+08:00'), minutes: 600 },
          { at: at('2026-12-31T16:30:00Z'), minutes: 600 },
          { at: at('2026-12-31T23:30:00+08:00'), minutes: 90 },
        ],
      },
      expected: { status: 'not_met', figure: 1.5 },
    },
    {
      clause: '000 §三.(一) a member unfit to serve, exempted with the upper committee’s approval',
      now: '2027-01-10T12:00:00+08:00',
      facts: { exemption: { reason: '因病长期住院', approvedBy: '市直机关工委' } },
      expected: { status: 'exempt', figure: 0, consequences: [], advice: '经市直机关工委批准免除：因病长期住院', exemption: { reason: '因病长期住院', approvedBy: '市直机关工委' } },
    },
  ])('member-hours: $clause', ({ now, facts, expected }) => {
    expect(ruleOf(standing(preset, now, facts), 'member-hours')).toMatchObject(expected);
  });

  it('000 §三.(三)1: a closed year below 25 hours applies both consequences; a running one only puts them at risk', () => {
    const closed = standing(preset, '2027-01-10T12:00:00+08:00', { services: services('2026-05-01', 10) });
    expect(consequenceLabels(closed.consequences)).toEqual(['年度民主评议不得评为优秀', '不得参加评选表彰']);
    expect(closed.atRisk).toEqual([]);
    const running = standing(preset, '2026-06-15T12:00:00+08:00', { services: services('2026-05-01', 10) });
    expect(running.consequences).toEqual([]);
    expect(running.atRisk).toEqual(['not_excellent', 'no_commendation']);
  });

  it('000 §三.(一): an exempted member has no consequences to face', () => {
    const exempted = standing(preset, '2027-01-10T12:00:00+08:00', { exemption: { reason: '因病长期住院', approvedBy: '上级党委' } });
    expect(exempted.consequences).toEqual([]);
  });

  it.each([
    {
      clause: '000 §三.(二) an activist whose cultivation period spans 2025 and 2026 counts both years',
      now: '2026-06-15T12:00:00+08:00',
      facts: {
        memberType: 'activist' as const,
        activistSince: '2025-09-01',
        services: [{ at: at('2025-08-31T23:30:00+08:00'), minutes: 600 }, ...services('2025-10-01', 30), ...services('2026-03-01', 15)],
      },
      expected: { status: 'not_met', open: true, figure: 45, target: 50, left: 5, by: null, advice: '培养期内还需服务5小时（自2025年9月1日起累计45小时）' },
    },
    {
      clause: '000 §三.(二) an activist who reached 50 hours over the cultivation period',
      now: '2026-06-15T12:00:00+08:00',
      facts: { memberType: 'activist' as const, activistSince: '2025-09-01', services: [...services('2025-12-01', 30), ...services('2026-02-01', 20)] },
      expected: { status: 'met', open: true, figure: 50 },
    },
    {
      clause: '000 §三.(二) the cultivation period ends on joining the party: later hours do not count',
      now: '2026-12-01T12:00:00+08:00',
      facts: { memberType: 'probationary' as const, activistSince: '2025-03-01', joinedOn: '2026-05-10', services: [...services('2025-06-01', 40), ...services('2026-06-01', 20)] },
      expected: { status: 'not_met', open: false, figure: 40, advice: '培养期（2025年3月1日至2026年5月10日）未达标：服务时数40小时，目标50小时' },
    },
    {
      clause: '000 §三.(二) an activist without the date they became one cannot be counted',
      now: '2026-06-15T12:00:00+08:00',
      facts: { memberType: 'activist' as const },
      expected: { status: 'not_applicable', advice: '缺少成为入党积极分子的日期，无法按培养期考核' },
    },
  ])('activist-hours: $clause', ({ now, facts, expected }) => {
    expect(ruleOf(standing(preset, now, facts), 'activist-hours')).toMatchObject(expected);
  });

  it('000 §三.(二): the 25-hour rule is the party member’s, not the activist’s, and the reverse', () => {
    const activist = standing(preset, '2026-06-15T12:00:00+08:00', { memberType: 'activist', activistSince: '2026-01-01' });
    expect(ruleOf(activist, 'member-hours')).toMatchObject({ status: 'not_applicable', advice: '此项考核党员，不适用于入党积极分子' });
    const partyMember = standing(preset, '2026-06-15T12:00:00+08:00', {});
    expect(ruleOf(partyMember, 'activist-hours')).toMatchObject({ status: 'not_applicable', advice: '此项只考核入党积极分子' });
  });

  it('lists only member and activist rules, not the organisation’s rates', () => {
    expect(standing(preset, '2026-06-15T12:00:00+08:00', {}).rules.map((rule) => rule.ruleId)).toEqual(['member-hours', 'activist-hours']);
  });

  it('follows an edited threshold: the same hours meet 20 h but not 25 h', () => {
    const edited: RuleSet = { ...preset, version: 2, rules: preset.rules.map((rule) => (rule.id === 'member-hours' ? { ...rule, threshold: 20 } : rule)) };
    const facts = { services: services('2026-05-01', 22) };
    expect(ruleOf(standing(preset, '2027-01-10T12:00:00+08:00', facts), 'member-hours').status).toBe('not_met');
    expect(ruleOf(standing(edited, '2027-01-10T12:00:00+08:00', facts), 'member-hours').status).toBe('met');
  });

  describe('a member who joins the community mid-year (pro rata by whole quarters)', () => {
    it.each([
      { joined: '2025-11-20', target: 25 },
      { joined: '2026-01-01', target: 25 },
      { joined: '2026-01-02', target: 19 },
      { joined: '2026-04-01', target: 19 },
      { joined: '2026-04-02', target: 12.5 },
      { joined: '2026-07-01', target: 12.5 },
      { joined: '2026-09-30', target: 6.5 },
      { joined: '2026-10-01', target: 6.5 },
    ])('000 §三.(二) joined $joined: held to $target hours', ({ joined, target }) => {
      expect(ruleOf(standing(preset, '2026-06-15T12:00:00+08:00', { communityJoinedOn: joined }), 'member-hours').target).toBe(target);
    });

    it('000 §三.(二) a member who joined on 1 April meets the year with 19 hours, and says why', () => {
      const outcome = ruleOf(standing(preset, '2027-01-10T12:00:00+08:00', { communityJoinedOn: '2026-04-01', services: services('2026-05-01', 19) }), 'member-hours');
      expect(outcome).toMatchObject({ status: 'met', figure: 19, target: 19, advice: '已达标：服务时数19小时，目标19小时（年中加入，按3个季度考核）' });
    });

    it('000 §三.(二) a member who joined after 1 October is not assessed that year', () => {
      const outcome = ruleOf(standing(preset, '2027-01-10T12:00:00+08:00', { communityJoinedOn: '2026-10-02' }), 'member-hours');
      expect(outcome).toMatchObject({ status: 'not_applicable', advice: '2026年10月1日后加入社区，本年度不考核此项' });
    });

    it('000 §三.(二) a rule set that holds joiners to the full year keeps 25 hours', () => {
      const full: RuleSet = { ...preset, midYearJoiners: 'full' };
      expect(ruleOf(standing(full, '2026-06-15T12:00:00+08:00', { communityJoinedOn: '2026-09-30' }), 'member-hours').target).toBe(25);
    });
  });
});

describe('evaluateMemberStanding — 台山 2012', () => {
  const preset = PRESETS['taishan-2012'];
  const inQuarters = (...days: string[]) => days.flatMap((day) => services(day, 1, 150));

  it.each([
    { clause: '001 §五.(二)三 a service at 23:30 Beijing time on 31 March counts in the first quarter', instant: '2026-03-31T23:30:00+08:00', quarter: 0 },
    { clause: '001 §五.(二)三 a service at 16:30 UTC on 31 March (00:30 on 1 April in Beijing) counts in the second', instant: '2026-03-31T16:30:00Z', quarter: 1 },
    { clause: '001 §五.(二)三 a service at 23:59 Beijing time on 30 June counts in the second quarter', instant: '2026-06-30T23:59:00+08:00', quarter: 1 },
    { clause: '001 §五.(二)三 a service at 00:00 Beijing time on 1 October counts in the fourth quarter', instant: '2026-10-01T00:00:00+08:00', quarter: 3 },
  ])('services-per-quarter: $clause', ({ instant, quarter }) => {
    const outcome = ruleOf(standing(preset, '2027-01-10T12:00:00+08:00', { services: [{ at: at(instant), minutes: 60 }] }), 'services-per-quarter');
    expect(outcome.quarters?.map((q) => q.figure)).toEqual([0, 1, 2, 3].map((index) => (index === quarter ? 1 : 0)));
  });

  it.each([
    {
      clause: '001 §五.(二)三 the third quarter without a service: one to do by 30 September',
      now: '2026-08-15T12:00:00+08:00',
      days: ['2026-02-01', '2026-05-01'],
      expected: { status: 'not_met', open: true, figure: 2, target: 4, left: 1, by: '2026-09-30', advice: '第三季度还没有服务，9月30日前需完成1次', consequences: ['no_merit_rating'] },
    },
    {
      clause: '001 §五.(二)三 a first quarter without a service misses the year for good',
      now: '2026-05-01T12:00:00+08:00',
      days: ['2026-04-10'],
      expected: { status: 'not_met', open: false, advice: '第一季度没有服务（每季度至少1次），本年度未达标' },
    },
    {
      clause: '001 §五.(二)三 the current quarter done, the fourth still to come',
      now: '2026-08-15T12:00:00+08:00',
      days: ['2026-02-01', '2026-05-01', '2026-07-20'],
      expected: { status: 'met', open: true, figure: 3, advice: '本季度已完成；第四季度（10月1日起）仍需1次' },
    },
    {
      clause: '001 §五.(二)三 a service in every quarter of a closed year',
      now: '2027-01-10T12:00:00+08:00',
      days: ['2026-02-01', '2026-05-01', '2026-07-20', '2026-12-31'],
      expected: { status: 'met', open: false, figure: 4, target: 4, advice: '已达标：每个季度均已完成' },
    },
  ])('services-per-quarter: $clause', ({ now, days, expected }) => {
    expect(ruleOf(standing(preset, now, { services: inQuarters(...days) }), 'services-per-quarter')).toMatchObject(expected);
  });

  it.each([
    { clause: '001 §五.(二)三 4 services of 2.5 h in the year meet both the count and 10 hours', days: ['2026-02-01', '2026-05-01', '2026-07-20', '2026-12-31'], count: 'met', hours: 'met' },
    { clause: '001 §五.(二)三 3 services are one short of 4 and 2.5 h short of 10', days: ['2026-02-01', '2026-05-01', '2026-07-20'], count: 'not_met', hours: 'not_met' },
  ])('services-per-year and hours-per-year: $clause', ({ days, count, hours }) => {
    const result = standing(preset, '2027-01-10T12:00:00+08:00', { services: inQuarters(...days) });
    expect(ruleOf(result, 'services-per-year').status).toBe(count);
    expect(ruleOf(result, 'hours-per-year').status).toBe(hours);
    if (hours === 'not_met') expect(ruleOf(result, 'hours-per-year')).toMatchObject({ figure: 7.5, left: 2.5 });
  });

  it.each([
    { clause: '001 §五.(三)二 a 好事 for a 帮扶对象 meets the commitment', flag: true, expected: { status: 'met', figure: 2, target: 1 } },
    { clause: '001 §五.(三)二 services that were no 好事 leave one to do', flag: false, expected: { status: 'not_met', left: 1, advice: '还需为帮扶对象办好事1件，12月31日前需完成' } },
  ])('member-good-deed: $clause', ({ flag, expected }) => {
    const facts = { services: services('2026-03-01', 2, 60, { goodDeedForBeneficiary: flag }) };
    expect(ruleOf(standing(preset, '2026-06-15T12:00:00+08:00', facts), 'member-good-deed')).toMatchObject(expected);
  });

  it('001 §五.(二)三 a member who joined on 1 July is held to the third and fourth quarters, 2 services and 5 hours', () => {
    const result = standing(preset, '2027-01-10T12:00:00+08:00', { communityJoinedOn: '2026-07-01', services: inQuarters('2026-08-01', '2026-11-01') });
    expect(ruleOf(result, 'services-per-quarter')).toMatchObject({ status: 'met', figure: 2, target: 2 });
    expect(ruleOf(result, 'services-per-quarter').quarters?.map((q) => q.applicable)).toEqual([false, false, true, true]);
    expect(ruleOf(result, 'services-per-year')).toMatchObject({ status: 'met', target: 2 });
    expect(ruleOf(result, 'hours-per-year')).toMatchObject({ status: 'met', figure: 5, target: 5 });
    expect(result.consequences).toEqual([]);
  });

  it.each([
    {
      clause: '001 §五.(二)三 joined on 1 October, seen in August: the fourth quarter is the first held, still to come',
      now: '2026-08-15T12:00:00+08:00',
      joined: '2026-10-01',
      expected: { status: 'not_met', open: true, figure: 0, target: 1, by: '2026-12-31', advice: '第四季度还没有服务，12月31日前需完成1次' },
    },
    {
      clause: '001 §五.(二)三 joined on 1 July, third quarter done: the fourth is still to come',
      now: '2026-08-15T12:00:00+08:00',
      joined: '2026-07-01',
      services: ['2026-07-20'],
      expected: { status: 'met', open: true, figure: 1, target: 2, advice: '本季度已完成；第四季度（10月1日起）仍需1次' },
    },
  ])('services-per-quarter: $clause', ({ now, joined, services: days = [], expected }) => {
    expect(ruleOf(standing(preset, now, { communityJoinedOn: joined, services: inQuarters(...days) }), 'services-per-quarter')).toMatchObject(expected);
  });

  it('001 §五.(二)三 the whole year still ahead: the first quarter is due', () => {
    expect(ruleOf(standing(preset, '2025-12-01T12:00:00+08:00', {}), 'services-per-quarter')).toMatchObject({ status: 'not_met', open: true, by: '2026-03-31', advice: '第一季度还没有服务，3月31日前需完成1次' });
  });

  it('001 §五.(三)三 a missed quarter takes away 评先评优 for the year', () => {
    expect(standing(preset, '2027-01-10T12:00:00+08:00', { services: inQuarters('2026-05-01', '2026-07-20', '2026-11-01', '2026-12-01') }).consequences).toEqual(['no_merit_rating']);
  });
});

describe('evaluateTeamStanding — 台山 2012', () => {
  const preset = PRESETS['taishan-2012'];
  const events = (...days: string[]) => days.map((day) => ({ at: at(`${day}T09:00:00+08:00`) }));

  it.each([
    { clause: '001 §五.(二)三 one 集中性活动 by June leaves one to do', activities: ['2026-03-01'], expected: { status: 'not_met', figure: 1, left: 1, advice: '还需开展集中性活动1次，12月31日前需完成' } },
    { clause: '001 §五.(二)三 two 集中性活动 meet the rule', activities: ['2026-03-01', '2026-05-01'], expected: { status: 'met', figure: 2 } },
    { clause: '001 §五.(二)三 one of last year does not count', activities: ['2025-12-31', '2026-05-01'], expected: { status: 'not_met', figure: 1 } },
  ])('team-focused-activities: $clause', ({ activities, expected }) => {
    const result = evaluateTeamStanding(preset, 2026, at('2026-06-15T12:00:00+08:00'), { focusedActivities: events(...activities), deeds: [] });
    expect(ruleOf(result, 'team-focused-activities')).toMatchObject(expected);
  });

  it('001 §五.(三)二 a team that did one 实事 meets its commitment', () => {
    const result = evaluateTeamStanding(preset, 2026, at('2026-06-15T12:00:00+08:00'), { focusedActivities: [], deeds: events('2026-04-01') });
    expect(ruleOf(result, 'team-deed')).toMatchObject({ status: 'met', figure: 1 });
    expect(result.rules.map((rule) => rule.ruleId)).toEqual(['team-focused-activities', 'team-deed']);
  });
});

describe('evaluateMemberStanding — 江苏 2014', () => {
  const preset = PRESETS['jiangsu-2014'];
  const inService = (facts: Partial<MemberFacts>) => ({ memberType: 'in_service' as const, ...facts });
  const suggestion = (day: string) => ({ at: at(`${day}T10:00:00+08:00`) });

  it.each([
    {
      clause: '004 §二.2(1)(3) reported, 2 services and 1 suggestion: eligible',
      facts: inService({ services: services('2026-04-01', 2), suggestions: [suggestion('2026-05-01')] }),
      expected: { reported: 'met', 'community-services': 'met', suggestions: 'met' },
      consequences: [],
    },
    {
      clause: '004 §三.3 not reported (报到): not eligible for 评先评优',
      facts: inService({ reported: false, services: services('2026-04-01', 2), suggestions: [suggestion('2026-05-01')] }),
      expected: { reported: 'not_met', 'community-services': 'met', suggestions: 'met' },
      consequences: ['no_merit_rating'],
    },
    {
      clause: '004 §二.2(1) one community service of two: not eligible',
      facts: inService({ services: services('2026-04-01', 1), suggestions: [suggestion('2026-05-01')] }),
      expected: { reported: 'met', 'community-services': 'not_met', suggestions: 'met' },
      consequences: ['no_merit_rating'],
    },
    {
      clause: '004 §二.2(3) no suggestion in the year: not eligible',
      facts: inService({ services: services('2026-04-01', 3), suggestions: [suggestion('2025-12-31')] }),
      expected: { reported: 'met', 'community-services': 'met', suggestions: 'not_met' },
      consequences: ['no_merit_rating'],
    },
  ])('$clause', ({ facts, expected, consequences }) => {
    const result = standing(preset, '2027-01-10T12:00:00+08:00', facts);
    expect(Object.fromEntries(result.rules.map((rule) => [rule.ruleId, rule.status]))).toEqual(expected);
    expect(result.consequences).toEqual(consequences);
  });

  it('004 §二.2(3) a member without a suggestion in November has one to make by 31 December', () => {
    expect(ruleOf(standing(preset, '2026-11-01T12:00:00+08:00', inService({})), 'suggestions')).toMatchObject({
      status: 'not_met',
      open: true,
      advice: '还需提出建议1条，12月31日前需完成',
    });
  });

  it('004 §三.1 a member who has not reported is told so while the year runs', () => {
    expect(ruleOf(standing(preset, '2026-11-01T12:00:00+08:00', inService({ reported: false })), 'reported')).toMatchObject({
      status: 'not_met',
      by: '2026-12-31',
      advice: '尚未到社区报到，12月31日前需报到',
    });
  });

  it('004 §二.2 the rules are the in-service member’s: a community member is not held to them', () => {
    const result = standing(preset, '2027-01-10T12:00:00+08:00', { memberType: 'community' });
    expect(result.rules.map((rule) => [rule.status, rule.advice])).toEqual(Array(3).fill(['not_applicable', '此项只考核在职党员']));
    expect(result.consequences).toEqual([]);
  });
});

describe('evaluateMemberStanding — 武进 2019', () => {
  const preset = PRESETS['wujin-2019'];

  it.each([
    { clause: '002 §三.1 one service that was a 实事好事 for someone nearby meets both', facts: { services: services('2026-09-01', 1, 60, { goodDeedForBeneficiary: true }) }, expected: ['met', 'met'] },
    { clause: '002 §三.1 one ordinary service meets the first only', facts: { services: services('2026-09-01', 1) }, expected: ['met', 'not_met'] },
    { clause: '002 §三.1 nothing yet in June: both still to do', facts: {}, expected: ['not_met', 'not_met'] },
  ])('$clause', ({ facts, expected }) => {
    const result = standing(preset, '2026-06-15T12:00:00+08:00', facts);
    expect(result.rules.map((rule) => rule.status)).toEqual(expected);
    expect(result.consequences).toEqual([]);
  });
});

describe('evaluateMemberStanding — tallies as the facts reader sends them', () => {
  it('001 §五.(二)三 a tally of 4 services on a quarter’s first day counts as 4 services and their minutes in that quarter', () => {
    const result = standing(PRESETS['taishan-2012'], '2026-06-15T12:00:00+08:00', {
      services: [{ day: '2026-01-01', count: 3, minutes: 450 }, { day: '2026-04-01', count: 1, minutes: 150 }],
    });
    expect(ruleOf(result, 'services-per-year')).toMatchObject({ status: 'met', figure: 4 });
    expect(ruleOf(result, 'hours-per-year')).toMatchObject({ status: 'met', figure: 10 });
    expect(ruleOf(result, 'services-per-quarter').quarters?.map((q) => q.figure)).toEqual([3, 1, 0, 0]);
  });

  it('001 §五.(三)二 a confirmed 好事 (a commitment) meets the good-deed rule; one of another year does not', () => {
    const preset = PRESETS['taishan-2012'];
    const now = '2026-06-15T12:00:00+08:00';
    expect(ruleOf(standing(preset, now, { goodDeeds: [{ day: '2026-04-01', count: 1 }] }), 'member-good-deed')).toMatchObject({ status: 'met', figure: 1 });
    expect(ruleOf(standing(preset, now, { goodDeeds: [{ day: '2025-12-31' }] }), 'member-good-deed')).toMatchObject({ status: 'not_met', figure: 0 });
  });

  it('004 §二.2(3) a tally of 2 suggestions counts 2', () => {
    const result = standing(PRESETS['jiangsu-2014'], '2026-06-15T12:00:00+08:00', { memberType: 'in_service', suggestions: [{ day: '2026-04-01', count: 2 }] });
    expect(result.rules.find((rule) => rule.measure === 'suggestions')).toMatchObject({ status: 'met', figure: 2 });
  });
});
