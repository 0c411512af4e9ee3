import { newPasswordProblem } from '@core/auth/password-rules'

// The same rules as ChangePasswordInput on the server (auth.schemas.ts, password-rules.ts), with its words.
export interface ChangeForm {
  oldPassword: string
  newPassword: string
  repeated: string
}

export type ChangeFieldErrors = Partial<Record<keyof ChangeForm, string>>

export function validateChange(form: ChangeForm, forced: boolean): ChangeFieldErrors {
  const errors: ChangeFieldErrors = {}
  if (!form.oldPassword) errors.oldPassword = forced ? '请填写初始密码' : '请填写原密码'
  const problem = newPasswordProblem(form.newPassword, { oldPassword: form.oldPassword || undefined })
  if (problem) errors.newPassword = problem
  else if (form.repeated !== form.newPassword) errors.repeated = '两次输入的新密码不一样'
  return errors
}
