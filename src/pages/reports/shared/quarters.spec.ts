import { dueText, parseQuarterKey, quarterKey, recentQuarters } from './quarters'

describe('季报表 quarters', () => {
  it('should offer this quarter and the three before it, across the new year', () => {
    expect(recentQuarters(new Date('2027-02-10T02:00:00Z')).map((choice) => choice.value)).toEqual(['2027-1', '2026-4', '2026-3', '2026-2'])
    expect(recentQuarters(new Date('2027-02-10T02:00:00Z'))[0].text).toBe('本季度（2027年第一季度）')
  })

  it('should reckon the quarter in Beijing time', () => {
    // 1 October 00:30 in Beijing is still 30 September in UTC
    expect(recentQuarters(new Date('2026-09-30T16:30:00Z'))[0].value).toBe('2026-4')
  })

  it('should read back the key it writes', () => {
    expect(parseQuarterKey(quarterKey({ year: 2026, quarter: 3 }))).toEqual({ year: 2026, quarter: 3 })
  })

  it('should say the days left, the due day itself and the days overdue', () => {
    expect(dueText({ dueOn: '2026-12-28', daysLeft: 35 }, false)).toBe('截止12月28日 · 还有35天')
    expect(dueText({ dueOn: '2026-12-28', daysLeft: 0 }, false)).toBe('今天（12月28日）截止')
    expect(dueText({ dueOn: '2026-09-28', daysLeft: -56 }, false)).toBe('截止9月28日 · 已逾期56天')
    expect(dueText({ dueOn: '2026-09-28', daysLeft: -56 }, true)).toBe('截止9月28日')
  })
})
