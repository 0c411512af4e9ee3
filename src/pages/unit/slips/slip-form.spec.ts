import { bannerOf } from '@/hooks/use-form-errors'
import { EMPTY_SLIP, slipFormErrors } from './slip-form'

const GOOD = { memberName: '方明', memberPhone: '19900004001', partyStanding: '正式' as const, communityId: 'c-1', reportBy: '2026-12-31' }

describe('slipFormErrors', () => {
  it('should name every empty field as labelled on the form', () => {
    expect(slipFormErrors(EMPTY_SLIP)).toEqual({
      memberName: '请填写党员姓名',
      memberPhone: '请填写党员手机号码',
      communityId: '请选择报到社区',
      reportBy: '请填写报到截止日期',
    })
  })

  it.each([
    ['memberPhone', '1990000400', '党员手机号码须为11位手机号码'],
    ['reportBy', '2026/12/31', '报到截止日期须为日期，例如 2026-12-31'],
    ['reportBy', '2026-13-01', '报到截止日期须为日期，例如 2026-12-31'],
  ])('should say what is wrong with %s %p', (field, value, message) => {
    expect(slipFormErrors({ ...GOOD, [field]: value })).toEqual({ [field]: message })
  })

  it('should leave the banner up while a field is wrong, and take it down once all are right', () => {
    expect(bannerOf(slipFormErrors({ ...GOOD, communityId: '' }), null)).toBe('请按红字提示修改后再提交')
    expect(bannerOf(slipFormErrors(GOOD), null)).toBeNull()
  })
})
