import { quarterBars, targetPercent } from './hours-chart'

describe('the hours charts', () => {
  it('should cap progress at 100 % and treat a zero target as reached', () => {
    expect(targetPercent(12.5, 25)).toBe(50)
    expect(targetPercent(40, 25)).toBe(100)
    expect(targetPercent(0, 0)).toBe(100)
  })

  it('should show all four quarters, scaled to the busiest one', () => {
    const bars = quarterBars([
      { quarter: 2, hours: 10, services: 3 },
      { quarter: 4, hours: 5, services: 1 },
    ])
    expect(bars.map((bar) => [bar.label, bar.hours, bar.percent])).toEqual([
      ['第一季度', 0, 0],
      ['第二季度', 10, 100],
      ['第三季度', 0, 0],
      ['第四季度', 5, 50],
    ])
  })
})
