import { formatClock, formatSpan, formatTime, isScanWindowOpen } from './display'

describe('secretary display helpers', () => {
  const now = new Date('2026-11-23T02:00:00Z')

  it('should show business times in Beijing time whatever the phone zone', () => {
    expect(formatTime('2026-11-23T01:30:00Z', now)).toBe('11月23日 09:30')
    expect(formatTime('2025-12-31T15:00:00Z', now)).toBe('2025年12月31日 23:00')
    expect(formatTime('2025-12-31T17:00:00Z', now)).toBe('1月1日 01:00')
    expect(formatClock('2026-11-23T09:05:00+08:00')).toBe('09:05')
    expect(formatTime(null)).toBe('')
  })

  it('should write a span on one day with the end clock only', () => {
    expect(formatSpan('2026-11-23T09:00:00+08:00', '2026-11-23T11:00:00+08:00')).toBe('11月23日 09:00–11:00')
    expect(formatSpan('2026-11-23T22:00:00+08:00', '2026-11-24T01:00:00+08:00')).toBe('11月23日 22:00 至 11月24日 01:00')
  })

  it('should open the scan window 30 min before the start and close it 2 h after the end', () => {
    const order = { startsAt: '2026-11-23T10:00:00+08:00', endsAt: '2026-11-23T11:00:00+08:00', status: 'published' as const }
    expect(isScanWindowOpen(order, new Date('2026-11-23T09:29:00+08:00'))).toBe(false)
    expect(isScanWindowOpen(order, new Date('2026-11-23T09:30:00+08:00'))).toBe(true)
    expect(isScanWindowOpen(order, new Date('2026-11-23T13:00:00+08:00'))).toBe(true)
    expect(isScanWindowOpen(order, new Date('2026-11-23T13:01:00+08:00'))).toBe(false)
    expect(isScanWindowOpen({ ...order, status: 'cancelled' }, new Date('2026-11-23T10:00:00+08:00'))).toBe(false)
  })
})
