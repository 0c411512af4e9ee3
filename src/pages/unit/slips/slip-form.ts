import type { FieldErrors } from '@/hooks/use-form-errors'

export type SlipForm = { memberName: string; memberPhone: string; partyStanding: '正式' | '预备'; communityId: string; reportBy: string }
export type SlipField = keyof SlipForm

export const EMPTY_SLIP: SlipForm = { memberName: '', memberPhone: '', partyStanding: '正式', communityId: '', reportBy: '' }

/** The slip form's own check, in the words the server uses for the same fields; the server checks again. */
export function slipFormErrors(form: SlipForm): FieldErrors<SlipField> {
  const errors: FieldErrors<SlipField> = {}
  if (!form.memberName.trim()) errors.memberName = '请填写党员姓名'
  if (!/^1[3-9]\d{9}$/.test(form.memberPhone.trim())) errors.memberPhone = form.memberPhone.trim() ? '党员手机号码须为11位手机号码' : '请填写党员手机号码'
  if (!form.communityId) errors.communityId = '请选择报到社区'
  if (!form.reportBy.trim()) errors.reportBy = '请填写报到截止日期'
  else if (!/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(form.reportBy.trim())) errors.reportBy = '报到截止日期须为日期，例如 2026-12-31'
  return errors
}
