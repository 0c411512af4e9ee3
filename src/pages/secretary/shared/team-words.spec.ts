import { activityCountText, teamRuleLine, teamTag, teamYearLines } from './team-words'

const rule = (overrides: Record<string, unknown> = {}) => ({
  ruleId: 'team-focused-activities', title: '每支服务队每年开展不少于2次集中性义工服务活动', clause: '001 §五.(二)三', measure: 'focused_activities',
  status: 'not_met' as const, open: true, figure: 1, target: 2, unit: '次', left: 1, by: '2026-12-31', advice: '', ...overrides,
})

describe('team words', () => {
  it('should say what is left and by when while the year runs', () => {
    expect(teamRuleLine(rule())).toBe('集中性活动 1/2 次，12月31日前还需1次')
  })

  it('should say met, or missed once the year is over', () => {
    expect(teamRuleLine(rule({ status: 'met', figure: 2, left: 0 }))).toBe('集中性活动 2/2 次，已达标')
    expect(teamRuleLine(rule({ open: false, figure: 0, left: 2 }))).toBe('集中性活动 0/2 次，差2次，未达标')
    expect(teamRuleLine(rule({ measure: 'team_deeds', unit: '件', figure: 1, target: 1, left: 0, status: 'met' }))).toBe('为基层办实事 1/1 件，已达标')
  })

  it('should give the count alone when the rule set asks nothing of teams', () => {
    expect(teamYearLines({ standing: [], focusedActivityCount: 3 })).toEqual(['本年集中性活动 3 次（本年度考核规则对服务队无要求）'])
  })

  it('should tag by the team rules', () => {
    expect(teamTag({ standing: [rule({ status: 'met' })], archived: false })).toEqual({ tone: 'done', text: '已达标' })
    expect(teamTag({ standing: [rule()], archived: false })).toEqual({ tone: 'waiting', text: '进行中' })
    expect(teamTag({ standing: [rule({ open: false })], archived: false })).toEqual({ tone: 'alert', text: '未达标' })
    expect(teamTag({ standing: [], archived: false })).toBeNull()
    expect(teamTag({ standing: [rule()], archived: true })).toEqual({ tone: 'muted', text: '已撤销' })
  })

  it('should say why an activity counts or not', () => {
    expect(activityCountText({ status: 'completed', counts: true, attended: 3 })).toBe('计入')
    expect(activityCountText({ status: 'cancelled', counts: false, attended: 0 })).toBe('已取消，不计入')
    expect(activityCountText({ status: 'in_service', counts: false, attended: 2 })).toBe('进行中，结束后计入')
    expect(activityCountText({ status: 'published', counts: false, attended: 0 })).toBe('尚未开展')
  })
})
