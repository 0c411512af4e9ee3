import { isScanWindowOpen } from './display'

describe('secretary display helpers', () => {
  it('should open the scan window 30 min before the start and close it 2 h after the end', () => {
    const order = { startsAt: '2026-11-23T10:00:00+08:00', endsAt: '2026-11-23T11:00:00+08:00', status: 'published' as const }
    expect(isScanWindowOpen(order, new Date('2026-11-23T09:29:00+08:00'))).toBe(false)
    expect(isScanWindowOpen(order, new Date('2026-11-23T09:30:00+08:00'))).toBe(true)
    expect(isScanWindowOpen(order, new Date('2026-11-23T13:00:00+08:00'))).toBe(true)
    expect(isScanWindowOpen(order, new Date('2026-11-23T13:01:00+08:00'))).toBe(false)
    expect(isScanWindowOpen({ ...order, status: 'cancelled' }, new Date('2026-11-23T10:00:00+08:00'))).toBe(false)
  })
})
