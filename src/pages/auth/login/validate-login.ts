// The same checks as LoginInput on the server (auth.schemas.ts), with its messages.
export interface LoginForm {
  phone: string
  password: string
}

export type LoginFieldErrors = Partial<Record<keyof LoginForm, string>>

const PHONE = /^1[3-9]\d{9}$/

export function validateLogin(form: LoginForm): LoginFieldErrors {
  const errors: LoginFieldErrors = {}
  if (!form.phone.trim()) errors.phone = '请填写手机号码'
  else if (!PHONE.test(form.phone.trim())) errors.phone = '手机号码须为11位手机号码'
  if (!form.password) errors.password = '请填写密码'
  else if (form.password.length > 128) errors.password = '密码不能超过128个字符'
  return errors
}
