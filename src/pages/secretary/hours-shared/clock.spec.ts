import { formatClock } from '@/services/beijing-time'
import { atClockOn, beijingDay, clockFromPicked, clockPickerDate } from './clock'

describe('clock times on a service day', () => {
  it('should take the day and clock of an instant in Beijing time', () => {
    expect(beijingDay('2026-11-22T16:30:00Z')).toBe('2026-11-23')
    expect(formatClock('2026-11-22T16:30:00Z')).toBe('00:30')
    expect(formatClock('2026-11-23T09:05:00+08:00')).toBe('09:05')
  })

  it('should put a clock on the Beijing day of an instant, with the +08:00 offset', () => {
    expect(atClockOn('2026-11-23T01:00:00Z', '17:45')).toBe('2026-11-23T17:45:00+08:00')
    expect(atClockOn('2026-11-22T17:00:00Z', '08:00')).toBe('2026-11-23T08:00:00+08:00')
  })

  it('should give the picker a date showing the clock and read the picked wheels back', () => {
    const shown = clockPickerDate('07:05', new Date(2026, 10, 23, 15, 0))
    expect([shown.getHours(), shown.getMinutes()]).toEqual([7, 5])
    expect(clockFromPicked(['07', '05'])).toBe('07:05')
    expect(clockFromPicked([9, 0])).toBe('09:00')
  })
})
