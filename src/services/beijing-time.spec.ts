import { beijingInstant, dateChoices, formatBusinessDate, formatBusinessDays, formatClock, formatDate, formatMonth, formatSpan, formatTime, shanghaiDate, toBeijingIso } from './beijing-time'

describe('dates on screen, in Beijing time', () => {
  const now = new Date('2026-11-23T02:00:00Z')

  it('should show business times in Beijing time whatever the phone zone, with the year only when not this year', () => {
    expect(formatTime('2026-11-23T01:30:00Z', now)).toBe('11月23日 09:30')
    expect(formatTime('2025-12-31T15:00:00Z', now)).toBe('2025年12月31日 23:00')
    expect(formatTime('2025-12-31T17:00:00Z', now)).toBe('1月1日 01:00')
    expect(formatTime('2026-12-31T17:00:00Z', now)).toBe('2027年1月1日 01:00')
    expect(formatClock('2026-11-23T09:05:00+08:00')).toBe('09:05')
    expect(formatTime(null)).toBe('')
    expect(formatTime('not a time')).toBe('')
  })

  it('should write a span on one day with the end clock only, with the weekday unless asked not to', () => {
    expect(formatSpan('2026-11-24T01:00:00.000Z', '2026-11-24T03:00:00.000Z', now)).toBe('11月24日 周二 09:00–11:00')
    expect(formatSpan('2026-11-24T15:00:00.000Z', '2026-11-24T17:00:00.000Z', now)).toBe('11月24日 周二 23:00 至 11月25日 周三 01:00')
    expect(formatSpan('2026-11-23T09:00:00+08:00', '2026-11-23T11:00:00+08:00', now, { weekday: false })).toBe('11月23日 09:00–11:00')
    expect(formatSpan('2027-01-04T09:00:00+08:00', '2027-01-04T11:00:00+08:00', now)).toBe('2027年1月4日 周一 09:00–11:00')
  })

  it('should read a business date as written', () => {
    expect(formatBusinessDate('2026-11-06')).toBe('2026年11月6日')
    expect(formatBusinessDays('2026-11-06', '2026-11-06')).toBe('2026年11月6日')
    expect(formatBusinessDays('2026-11-06', '2026-12-01')).toBe('2026年11月6日 至 2026年12月1日')
    expect(formatDate('2026-11-06', now)).toBe('11月6日')
    expect(formatDate('2025-11-06', now)).toBe('2025年11月6日')
    expect(shanghaiDate(new Date('2026-11-23T17:00:00.000Z'))).toBe('2026-11-24')
  })

  it('should offer today, tomorrow and the next days as date filters', () => {
    expect(dateChoices(now, 3)).toEqual([
      { value: '2026-11-23', label: '今天' },
      { value: '2026-11-24', label: '明天' },
      { value: '2026-11-25', label: '11/25 周三' },
    ])
  })

  it('should turn a Beijing wall-clock time into the instant the server asks for', () => {
    const at = beijingInstant(2026, 11, 24, 8, 0)
    expect(at.toISOString()).toBe('2026-11-24T00:00:00.000Z')
    expect(toBeijingIso(at)).toBe('2026-11-24T08:00:00+08:00')
  })
})

describe('formatMonth', () => {
  it.each([
    ['1985-06', '1985年6月'],
    ['1985.06', '1985年6月'],
    ['2008-11', '2008年11月'],
    ['', ''],
    [undefined, ''],
    ['1985', '1985'],
  ])('should write %p as %p', (month, text) => {
    expect(formatMonth(month)).toBe(text)
  })
})
