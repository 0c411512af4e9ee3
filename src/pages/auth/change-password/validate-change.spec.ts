import { validateChange } from './validate-change'

describe('the 修改密码 form', () => {
  it('should name every empty field, in the words of the forced change when it is one', () => {
    expect(validateChange({ oldPassword: '', newPassword: '', repeated: '' }, true)).toEqual({ oldPassword: '请填写初始密码', newPassword: '请填写新密码' })
    expect(validateChange({ oldPassword: '', newPassword: '', repeated: '' }, false).oldPassword).toBe('请填写原密码')
  })

  it('should refuse a weak new password and a repeat that differs', () => {
    expect(validateChange({ oldPassword: '12345678', newPassword: '1234', repeated: '1234' }, true)).toEqual({ newPassword: '新密码至少8位' })
    expect(validateChange({ oldPassword: '12345678', newPassword: '12345678', repeated: '12345678' }, true).newPassword).toBe('新密码不能是连续的数字')
    expect(validateChange({ oldPassword: '20261103', newPassword: 'chunfeng2026', repeated: 'chunfeng2025' }, true)).toEqual({ repeated: '两次输入的新密码不一样' })
  })

  it('should pass a good change', () => {
    expect(validateChange({ oldPassword: '20261103', newPassword: 'chunfeng2026', repeated: 'chunfeng2026' }, true)).toEqual({})
  })
})
