import { EMPTY_SIGN_UP, checkSignUp, signUpFieldOf } from './sign-up-form'

const filled = { draft: { name: '刘芳', phone: '13800138000', communityId: 'c1', gridId: '', address: '幸福花园2栋301室' }, phoneCode: '123456', password: 'long-enough' }

describe('居民注册 form check', () => {
  it('should pass a filled form', () => {
    expect(checkSignUp(filled)).toEqual({})
  })

  it('should name every empty field', () => {
    expect(checkSignUp({ draft: EMPTY_SIGN_UP, phoneCode: '', password: '' })).toEqual({
      name: '姓名不能为空', phone: '手机号码须为11位手机号码', phoneCode: '验证码须为6位数字', password: '请填写登录密码',
      communityId: '请选择所在社区', address: '家庭住址不能为空',
    })
  })

  it('should hold the password to the server’s rules, in its words', () => {
    expect(checkSignUp({ ...filled, password: 'short' }).password).toBe('登录密码至少8位')
    expect(checkSignUp({ ...filled, password: '12345678' }).password).toBe('登录密码不能是连续的数字')
    expect(checkSignUp({ ...filled, password: 'x13800138000' }).password).toBe('登录密码不能含本人手机号码')
  })

  it('should take the server’s fields by their names and leave the rest to the banner', () => {
    expect(signUpFieldOf('phoneCode')).toBe('phoneCode')
    expect(signUpFieldOf('communityId')).toBe('communityId')
    expect(signUpFieldOf('form.phone')).toBeUndefined()
  })
})
