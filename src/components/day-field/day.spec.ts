import { dayOfPicked } from './day'

describe('dayOfPicked', () => {
  it('pads the wheels’ month and day', () => {
    expect(dayOfPicked(['2025', '3', '1'])).toBe('2025-03-01')
    expect(dayOfPicked([2026, 12, 31])).toBe('2026-12-31')
  })
})
