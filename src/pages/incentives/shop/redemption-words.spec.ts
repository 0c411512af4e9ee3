import { closedLine, spacedCode } from './redemption-words'

describe('redemption words', () => {
  it('should space a code in pairs, as it is read aloud', () => {
    expect(spacedCode('012345')).toBe('01 23 45')
  })

  it('should say what happened to a closed redemption and on which Beijing day', () => {
    expect(closedLine({ statusLabel: '已退回', closedAt: '2026-12-02T17:30:00.000Z' })).toBe('已退回 2026年12月3日')
    expect(closedLine({ statusLabel: '待领取', closedAt: null })).toBe('')
  })
})
