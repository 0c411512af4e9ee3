import { daysUntil, dueWords } from './due-words'

// 2026-11-10 10:00 in Beijing.
const NOW = new Date('2026-11-10T02:00:00Z')
const pending = (dueOn: string, overdue = false) => ({ submitted: false, late: false, overdue, dueOn })

describe('活动简讯: what the page says of the due date', () => {
  it('should count the days in Beijing, whatever the hour', () => {
    expect(daysUntil('2026-11-10', new Date('2026-11-09T16:30:00Z'))).toBe(0) // 00:30 on the 10th in Beijing
    expect(daysUntil('2026-11-13', NOW)).toBe(3)
    expect(daysUntil('2026-11-09', NOW)).toBe(-1)
  })

  it('should stay quiet with time left, warn within two days, and say 已逾期 once past', () => {
    expect(dueWords(pending('2026-11-16'), NOW)).toEqual({ tag: '待提交', tone: 'waiting', line: '请于11月16日前提交（还有 6 天）', warning: null })
    expect(dueWords(pending('2026-11-12'), NOW)).toMatchObject({ tag: '即将到期', warning: '还有 2 天到期，请尽快提交' })
    expect(dueWords(pending('2026-11-10'), NOW)).toMatchObject({ tag: '即将到期', warning: '今天是提交的最后一天' })
    expect(dueWords(pending('2026-11-06', true), NOW)).toMatchObject({ tag: '已逾期', tone: 'alert', warning: expect.stringContaining('11月6日') })
  })

  it('should name a submitted 简讯 已提交, or 逾期提交 when it came late', () => {
    expect(dueWords({ submitted: true, late: false, overdue: false, dueOn: '2026-11-06' }, NOW)).toMatchObject({ tag: '已提交', tone: 'done', warning: null })
    expect(dueWords({ submitted: true, late: true, overdue: false, dueOn: '2026-11-06' }, NOW)).toMatchObject({ tag: '逾期提交', tone: 'alert' })
  })
})
