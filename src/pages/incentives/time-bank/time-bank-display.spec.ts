import { balanceFigure, lineDate, minutesOfTyped, signedBankAmount } from './time-bank-display'

describe('time bank display', () => {
  it.each([
    [120, '小时', '+2小时'],
    [-90, '小时', '-1.5小时'],
    [540, '时间币', '+9个时间币'],
  ] as const)('should show %i minutes in %s as %s', (minutes, unitName, expected) => {
    expect(signedBankAmount({ unitName }, minutes)).toBe(expected)
  })

  it('should show the balance figure in units', () => {
    expect(balanceFigure(750)).toBe('12.5')
  })

  it.each([
    ['2', 120],
    ['1.5', 90],
    [' 3 ', 180],
    ['0', null],
    ['1.25', null],
    ['-1', null],
    ['两', null],
  ])('should read %p as %p minutes', (text, expected) => {
    expect(minutesOfTyped(text)).toBe(expected)
  })
})

describe('lineDate', () => {
  it('should give the Beijing day of a line posted after 16:00 UTC', () => {
    expect(lineDate('2026-11-28T17:30:00.000Z', new Date('2026-12-02T04:00:00Z'))).toBe('11月29日')
    expect(lineDate('2025-03-01T02:00:00.000Z', new Date('2026-12-02T04:00:00Z'))).toBe('2025年3月1日')
  })
})
