import { PRESETS } from '@core/assessment/presets'
import { applyEdits, checkEdits, editsChangeAnything, editsOf, retitle, targetText } from './rule-draft'

const taishan = PRESETS['taishan-2020']

describe('rule-draft: the 考核规则 page\'s edits of a rule set', () => {
  it('should state a rule\'s target in words', () => {
    expect(targetText(taishan.rules[0])).toBe('党员 · 每年 · 服务时数 ≥ 25小时')
  })

  it('should put the new threshold into a title that states the old one, and leave other numbers alone', () => {
    expect(retitle('每年志愿服务时数不少于25小时', 25, 20)).toBe('每年志愿服务时数不少于20小时')
    expect(retitle('每年至少4次，250小时', 25, 20)).toBe('每年至少4次，250小时')
    expect(retitle('参与率不低于90%', 90, 85.5)).toBe('参与率不低于85.5%')
  })

  it('should name a bad threshold by the server\'s path', () => {
    const edits = editsOf(taishan)
    edits['member-hours'].threshold = '-1'
    edits['activist-hours'].threshold = '一百'
    const rateIndex = taishan.rules.findIndex((rule) => rule.measure === 'registration_rate')
    edits[taishan.rules[rateIndex].id].threshold = '101'
    expect(checkEdits(taishan, edits)).toEqual({
      'document.rules.0.threshold': '达标值不能小于0',
      'document.rules.1.threshold': '达标值须为数字',
      [`document.rules.${rateIndex}.threshold`]: '达标比率不能大于100%',
    })
  })

  it('should apply a threshold, consequences and exemptable, and tell whether anything changed', () => {
    const edits = editsOf(taishan)
    expect(editsChangeAnything(taishan, edits)).toBe(false)
    edits['member-hours'] = { threshold: '20', consequences: ['not_excellent'], exemptable: false }
    const next = applyEdits(taishan, edits)
    expect(next.rules[0]).toMatchObject({ title: '每年志愿服务时数不少于20小时', threshold: 20, consequences: ['not_excellent'], exemptable: false })
    expect(next.rules.slice(1)).toEqual(taishan.rules.slice(1))
    expect(editsChangeAnything(taishan, edits)).toBe(true)
  })
})
