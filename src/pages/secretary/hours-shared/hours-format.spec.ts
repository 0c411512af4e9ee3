import { describeChange, formatHours } from './hours-format'

describe('hours display helpers', () => {
  it('should write hours with at most two decimals', () => {
    expect(formatHours(2)).toBe('2 小时')
    expect(formatHours(2.5)).toBe('2.5 小时')
    expect(formatHours(1 / 3)).toBe('0.33 小时')
  })

  it('should describe a correction field by field, in Beijing time, leaving out what did not change', () => {
    const before = { startedAt: '2026-11-23T01:00:00.000Z', endedAt: '2026-11-23T03:00:00.000Z', minutesCredited: 120, source: 'scan', status: 'credited' }
    const after = { startedAt: '2026-11-23T01:30:00.000Z', endedAt: '2026-11-23T03:00:00.000Z', minutesCredited: 90, source: 'manual', status: 'credited' }
    expect(describeChange(before, after)).toEqual([
      expect.stringMatching(/^开始：11月23日 09:00 → 11月23日 09:30$/),
      '计入时长：2 小时 → 1.5 小时',
      '来源：扫码 → 补录',
    ])
  })

  it('should list what a new entry set when there was nothing before', () => {
    expect(describeChange(null, { minutesCredited: 60, status: 'pending_approval' })).toEqual(['计入时长：1 小时', '状态：待书记审核'])
  })

  it('should say 无 for a value that was empty', () => {
    expect(describeChange({ checkedOutAt: null }, { checkedOutAt: '2026-11-23T03:00:00.000Z' })).toEqual([
      expect.stringMatching(/^签退：无 → (2026年)?11月23日 11:00$/),
    ])
  })
})
