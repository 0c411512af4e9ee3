import { addYears, currentMonth, clampMonth, firstDayOf, isMonth, monthFromPicked, monthLabel } from './month'

describe('month helpers of the month field', () => {
  it.each([
    ['1985-06', true],
    ['2024-12', true],
    ['1985-6', false],
    ['1985-13', false],
    ['1985-00', false],
    ['', false],
  ])('should tell whether %p is a YYYY-MM month (%p)', (text, expected) => {
    expect(isMonth(text)).toBe(expected)
  })

  it('should read a month as 1985年06月', () => {
    expect(monthLabel('1985-06')).toBe('1985年06月')
  })

  it('should turn a date into its month and a month into its first day, on the device calendar', () => {
    expect(firstDayOf('1985-06')).toEqual(new Date(1985, 5, 1))
  })

  it('should add years keeping the month', () => {
    expect(addYears('1985-06', 18)).toBe('2003-06')
  })

  it.each([
    ['1920-05', '1930-01'],
    ['1985-06', '1985-06'],
    ['2031-01', '2025-03'],
  ])('should keep %p between 1930-01 and 2025-03 (%p)', (month, expected) => {
    expect(clampMonth(month, '1930-01', '2025-03')).toBe(expected)
  })

  it('should take the picked year and month as YYYY-MM, padded', () => {
    expect(monthFromPicked(['1988', '03'])).toBe('1988-03')
    expect(monthFromPicked([2010, 7])).toBe('2010-07')
  })

  it('should take this month by Beijing time, whatever zone the phone is in', () => {
    expect(currentMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11')
    expect(currentMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
  })
})
