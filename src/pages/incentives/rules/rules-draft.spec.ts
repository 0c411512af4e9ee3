import { BANK_PRESETS, DEFAULT_RULES, POINTS_PRESETS, STAR_PRESETS } from '@core/incentives/rules/presets'
import { documentOf, draftOf, isComplete } from './rules-draft'

describe('rules draft', () => {
  it('should give back each preset unchanged through the editor fields', () => {
    for (const points of POINTS_PRESETS) {
      for (const stars of STAR_PRESETS) {
        for (const bank of BANK_PRESETS) {
          const rules = { ...DEFAULT_RULES, points: points.rule, stars: stars.rule, bank: bank.rule }
          expect(documentOf(draftOf(rules))).toEqual(rules)
        }
      }
    }
  })

  it('should read hours, coefficients and blanks as the rules keep them', () => {
    const draft = draftOf(DEFAULT_RULES)
    draft.points.maxHours = '1.5'
    draft.points.coefficients = { 医疗卫生服务: '1.2', 社区服务: ' ' }
    draft.bank.cap = '1500'
    draft.stars.repeatEveryHours = ''
    const document = documentOf(draft)
    expect(document.points).toMatchObject({ maxMinutesPerService: 90, categoryPercent: { 医疗卫生服务: 120 } })
    expect(document.bank.capMinutes).toBe(90000)
    expect(document.stars.repeatEveryHours).toBeNull()
  })

  it('should leave a number typed wrong for the server to name', () => {
    const draft = draftOf(DEFAULT_RULES)
    draft.points.perHour = 'abc'
    expect(isComplete(documentOf(draft))).toBe(false)
    expect(isComplete(documentOf(draftOf(DEFAULT_RULES)))).toBe(true)
  })
})
