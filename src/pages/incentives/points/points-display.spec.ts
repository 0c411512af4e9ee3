import { signedPoints, starProgressPercent } from './points-display'

describe('starProgressPercent', () => {
  it.each([
    [{ next: null }, 100],
    [{ next: { stars: 1, label: '一星', hours: 100, hoursLeft: 100 } }, 0],
    [{ next: { stars: 1, label: '一星', hours: 100, hoursLeft: 37.5 } }, 62],
    [{ next: { stars: 2, label: '二星', hours: 300, hoursLeft: 0.1 } }, 99],
  ])('should show %j as %s%%', (stars, percent) => {
    expect(starProgressPercent(stars)).toBe(percent)
  })
})

describe('signedPoints', () => {
  it('should sign a line as a passbook prints it', () => {
    expect([signedPoints(24), signedPoints(-8)]).toEqual(['+24', '−8'])
  })
})
