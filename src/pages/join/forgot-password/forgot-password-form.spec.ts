import { EMPTY_FORGOT_PASSWORD, checkForgotPassword, forgotPasswordFieldOf } from './forgot-password-form'

const filled = { phone: '13800138000', phoneCode: '042917', newPassword: 'my-own-pass-7', repeated: 'my-own-pass-7' }

describe('忘记密码 form check', () => {
  it('should pass a filled form', () => {
    expect(checkForgotPassword(filled)).toEqual({})
  })

  it('should name every empty field', () => {
    expect(checkForgotPassword(EMPTY_FORGOT_PASSWORD)).toEqual({ phone: '手机号码须为11位手机号码', phoneCode: '验证码须为6位数字', newPassword: '请填写新密码' })
  })

  it('should say 修改密码’s words for a password anyone would guess, the phone’s own digits among them', () => {
    expect(checkForgotPassword({ ...filled, newPassword: '12345678', repeated: '12345678' }).newPassword).toBe('新密码不能是连续的数字')
    expect(checkForgotPassword({ ...filled, newPassword: 'x13800138000', repeated: 'x13800138000' }).newPassword).toBe('新密码不能含本人手机号码')
  })

  it('should catch a mistyped repeat only once the password itself will do', () => {
    expect(checkForgotPassword({ ...filled, repeated: 'my-own-pass-8' })).toEqual({ repeated: '两次输入的新密码不一样' })
    expect(checkForgotPassword({ ...filled, newPassword: 'short', repeated: '' })).toEqual({ newPassword: '新密码至少8位' })
  })

  it('should take the server’s fields by their names and leave the rest to the banner', () => {
    expect(forgotPasswordFieldOf('newPassword')).toBe('newPassword')
    expect(forgotPasswordFieldOf('phoneCode')).toBe('phoneCode')
    expect(forgotPasswordFieldOf('password')).toBeUndefined()
  })
})
