import { newPasswordProblem } from '@core/auth/password-rules'
import { phoneProblem } from '../sign-up/sign-up-form'

/** 忘记密码: the phone, the texted code, and the new password typed twice. */
export interface ForgotPasswordForm {
  phone: string
  phoneCode: string
  newPassword: string
  repeated: string
}

export type ForgotPasswordField = keyof ForgotPasswordForm
export type ForgotPasswordErrors = Partial<Record<ForgotPasswordField, string>>

export const EMPTY_FORGOT_PASSWORD: ForgotPasswordForm = { phone: '', phoneCode: '', newPassword: '', repeated: '' }

const FIELDS: readonly string[] = ['phone', 'phoneCode', 'newPassword', 'repeated']

/** The form's own check before sending, in the server's words (the same rules as 修改密码). */
export function checkForgotPassword(form: ForgotPasswordForm): ForgotPasswordErrors {
  const errors: ForgotPasswordErrors = {}
  const phone = phoneProblem(form.phone)
  if (phone) errors.phone = phone
  if (!/^\d{6}$/.test(form.phoneCode.trim())) errors.phoneCode = '验证码须为6位数字'
  const password = newPasswordProblem(form.newPassword, { phone: phone ? null : form.phone.trim() })
  if (password) errors.newPassword = password
  else if (form.repeated !== form.newPassword) errors.repeated = '两次输入的新密码不一样'
  return errors
}

/** The server names fields as the input's keys; anything else goes to the banner. */
export const forgotPasswordFieldOf = (path: string): ForgotPasswordField | undefined =>
  FIELDS.includes(path) ? (path as ForgotPasswordField) : undefined
