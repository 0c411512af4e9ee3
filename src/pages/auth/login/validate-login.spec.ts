import { LoginInput } from '@core/auth/auth.schemas'
import { validateLogin } from './validate-login'

describe('validateLogin', () => {
  it.each([
    ['', ''],
    ['1990000200', 'demo1234'],
    ['19900002001', ''],
    ['19900002001', 'demo1234'],
  ])('should agree with the server on phone %j and password %j', (phone, password) => {
    const server = LoginInput.safeParse({ phone, password })
    const serverFields = server.success ? [] : [...new Set(server.error.issues.map((issue) => issue.path.join('.')))].sort()
    expect(Object.keys(validateLogin({ phone, password })).sort()).toEqual(serverFields)
  })

  it('should say which field is wrong in the server words', () => {
    expect(validateLogin({ phone: '123', password: '' })).toEqual({ phone: '手机号码须为11位手机号码', password: '请填写密码' })
  })
})
