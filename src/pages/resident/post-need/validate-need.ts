// The client's copy of PostDemandInput's rules (demands.schemas.ts), with the server's messages,
// as plain functions: importing the zod schema would add ~82 KB to the mini-program.
import { SERVICE_CATALOGUE } from '@core/catalogue/service-catalogue'

export interface NeedForm {
  category: string
  subItem: string
  description: string
  address: string
  contactPhone: string
  /** ISO instants with an offset, or '' when not chosen. */
  wantedFrom: string
  wantedUntil: string
}

export type NeedFieldErrors = Partial<Record<keyof NeedForm, string>>

const PHONE = /^1[3-9]\d{9}$/

export function validateNeed(form: NeedForm): NeedFieldErrors {
  const errors: NeedFieldErrors = {}
  const subItems = (SERVICE_CATALOGUE as Record<string, readonly string[]>)[form.category]
  if (!subItems) errors.category = '请选择服务类别'
  else if (form.subItem && !subItems.includes(form.subItem)) errors.subItem = '服务子项不属于所选服务类别'

  const description = form.description.trim()
  if (!description) errors.description = '请填写需求描述'
  else if (description.length < 4) errors.description = '需求描述至少需要4个字'
  else if (description.length > 500) errors.description = '需求描述不能超过500个字'

  const address = form.address.trim()
  if (!address) errors.address = '服务地址不能为空'
  else if (address.length > 120) errors.address = '服务地址不能超过120个字'

  const phone = form.contactPhone.trim()
  if (!phone) errors.contactPhone = '请填写联系电话'
  else if (!PHONE.test(phone)) errors.contactPhone = '联系电话须为11位手机号码'

  if (form.wantedFrom && form.wantedUntil && new Date(form.wantedUntil) < new Date(form.wantedFrom)) {
    errors.wantedUntil = '期望结束时间不能早于期望开始时间'
  }
  return errors
}

/** The request body: trimmed, with the optional fields left out when empty. */
export function toPostDemandData(form: NeedForm) {
  return {
    category: form.category as keyof typeof SERVICE_CATALOGUE,
    ...(form.subItem ? { subItem: form.subItem } : {}),
    description: form.description.trim(),
    address: form.address.trim(),
    contactPhone: form.contactPhone.trim(),
    ...(form.wantedFrom ? { wantedFrom: form.wantedFrom } : {}),
    ...(form.wantedUntil ? { wantedUntil: form.wantedUntil } : {}),
  }
}
