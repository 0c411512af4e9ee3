import { newPasswordProblem } from '@core/auth/password-rules'

/** What the 居民注册 form keeps as a draft: everything but the code and the password. */
export interface SignUpDraft {
  name: string
  phone: string
  communityId: string
  gridId: string
  address: string
}

export type SignUpField = keyof SignUpDraft | 'phoneCode' | 'password'
export type SignUpErrors = Partial<Record<SignUpField, string>>

export const EMPTY_SIGN_UP: SignUpDraft = { name: '', phone: '', communityId: '', gridId: '', address: '' }

export const SIGN_UP_FIELDS: readonly SignUpField[] = ['name', 'phone', 'phoneCode', 'password', 'communityId', 'gridId', 'address']

export const phoneProblem = (phone: string): string | undefined =>
  /^1[3-9]\d{9}$/.test(phone.trim()) ? undefined : '手机号码须为11位手机号码'

/** The form's own check before sending, in the server's words. */
export function checkSignUp(form: { draft: SignUpDraft; phoneCode: string; password: string }): SignUpErrors {
  const { draft, phoneCode, password } = form
  const errors: SignUpErrors = {}
  if (!draft.name.trim()) errors.name = '姓名不能为空'
  else if (draft.name.trim().length > 30) errors.name = '姓名不能超过30个字'
  const phone = phoneProblem(draft.phone)
  if (phone) errors.phone = phone
  if (!/^\d{6}$/.test(phoneCode.trim())) errors.phoneCode = '验证码须为6位数字'
  const passwordProblem = newPasswordProblem(password, { phone: draft.phone.trim(), label: '登录密码' })
  if (passwordProblem) errors.password = passwordProblem
  if (!draft.communityId) errors.communityId = '请选择所在社区'
  if (!draft.address.trim()) errors.address = '家庭住址不能为空'
  else if (draft.address.trim().length > 120) errors.address = '家庭住址不能超过120个字'
  return errors
}

/** The server names fields as the input's keys; anything else goes to the banner. */
export const signUpFieldOf = (path: string): SignUpField | undefined => (SIGN_UP_FIELDS as readonly string[]).includes(path) ? (path as SignUpField) : undefined
