import { FIX_FIELDS_BANNER, bannerOf, shownErrors } from './use-form-errors'

describe('a form’s errors and banner', () => {
  it('should show nothing before the first 提交, then what is wrong with what is typed now', () => {
    expect(shownErrors({ address: '服务地址不能为空' }, false, {})).toEqual({})
    expect(shownErrors({ address: '服务地址不能为空' }, true, {})).toEqual({ address: '服务地址不能为空' })
  })

  it('should drop the banner once every field is fixed, and not before', () => {
    const afterSubmit = shownErrors({ address: '服务地址不能为空', contactPhone: '请填写联系电话' }, true, {})
    expect(bannerOf(afterSubmit, null)).toBe(FIX_FIELDS_BANNER)
    const oneFixed = shownErrors({ contactPhone: '请填写联系电话' }, true, {})
    expect(bannerOf(oneFixed, null)).toBe(FIX_FIELDS_BANNER)
    expect(bannerOf(shownErrors({}, true, {}), null)).toBeNull()
  })

  it('should keep the server’s error on a field the form’s own check cannot judge, and its refusal when no field is named', () => {
    const errors = shownErrors({}, true, { subItem: '服务子项不属于所选服务类别' })
    expect(errors).toEqual({ subItem: '服务子项不属于所选服务类别' })
    expect(bannerOf(errors, null)).toBe(FIX_FIELDS_BANNER)
    expect(bannerOf({}, '网络不通，请稍后再试')).toBe('网络不通，请稍后再试')
  })
})
