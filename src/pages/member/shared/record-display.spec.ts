import { auditActionText, describeChange, formatEntryTime, formatTimes, ratingText } from './record-display'

describe('record display', () => {
  it('should list each changed field of an audit entry as before → after, in Beijing time', () => {
    expect(
      describeChange(
        { startedAt: '2026-11-23T01:00:00.000Z', endedAt: '2026-11-23T03:00:00.000Z', minutesCredited: 120, source: 'scan', status: 'credited' },
        { startedAt: '2026-11-23T01:30:00.000Z', endedAt: '2026-11-23T03:00:00.000Z', minutesCredited: 90, source: 'manual', status: 'credited' },
      ),
    ).toEqual(['开始 11-23 09:00 → 11-23 09:30', '计入 2 小时 → 1.5 小时', '来源 扫码签到 → 书记补录'])
  })

  it('should show a value set for the first time with an arrow only', () => {
    expect(describeChange(null, { minutesCredited: 150, status: 'pending_approval' })).toEqual(['计入 → 2.5 小时', '状态 → 待书记审核'])
  })

  it('should ignore fields it does not know and values that are not objects', () => {
    expect(describeChange('x', { note: 'y' })).toEqual([])
    expect(describeChange(undefined, undefined)).toEqual([])
  })

  it('should name every audit action the server writes, and a neutral word for a new one', () => {
    expect(auditActionText('cut_daily_overrun')).toBe('核减（当日按8小时计）')
    expect(auditActionText('resident_confirmed')).toBe('居民确认服务')
    expect(auditActionText('resident_confirmed_by_secretary')).toBe('书记代居民确认')
    expect(auditActionText('something_new')).toBe('修改记录')
  })

  it('should write ratings in words', () => {
    expect(ratingText('excellent')).toBe('优')
    expect(ratingText('basic')).toBe('基本满意')
    expect(ratingText(null)).toBeNull()
  })

  it('should write times in Beijing time, marking a service that ran past midnight', () => {
    expect(formatTimes('2026-11-23T01:00:00Z', '2026-11-23T03:30:00Z')).toBe('09:00–11:30')
    expect(formatTimes('2026-11-23T14:00:00Z', '2026-11-23T17:00:00Z')).toBe('22:00–次日01:00')
    expect(formatEntryTime('2026-11-23T02:05:00Z', new Date('2026-12-01T00:00:00Z'))).toBe('11月23日 10:05')
    expect(formatEntryTime('2025-11-23T02:05:00Z', new Date('2026-12-01T00:00:00Z'))).toBe('2025年11月23日 10:05')
  })
})
