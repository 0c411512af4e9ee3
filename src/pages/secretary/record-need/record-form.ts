// The client's copy of RecordDemandInput's rules (demands.schemas.ts) with the server's words.
import { SERVICE_CATALOGUE } from '@core/catalogue/service-catalogue'
import type { RecordDemandData } from '@/services/api/types'

export type Channel = 'window' | 'phone' | 'visit' | 'mailbox'

export interface RecordForm {
  requesterName: string
  contactPhone: string
  channel: Channel
  category: string
  subItem: string
  description: string
  address: string
}

export type RecordField = keyof RecordForm
export type RecordFieldErrors = Partial<Record<RecordField, string>>

export const EMPTY_RECORD: RecordForm = {
  requesterName: '',
  contactPhone: '',
  channel: 'window',
  category: '',
  subItem: '',
  description: '',
  address: '',
}

const PHONE = /^1[3-9]\d{9}$/

export function validateRecord(form: RecordForm): RecordFieldErrors {
  const errors: RecordFieldErrors = {}
  const name = form.requesterName.trim()
  if (!name) errors.requesterName = '请填写求助人姓名'
  else if (name.length > 30) errors.requesterName = '求助人姓名不能超过30个字'
  if (!PHONE.test(form.contactPhone.trim())) errors.contactPhone = form.contactPhone.trim() ? '联系电话须为11位手机号码' : '请填写联系电话'
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
  return errors
}

export function toRecordDemandData(form: RecordForm): RecordDemandData {
  return {
    requesterName: form.requesterName.trim(),
    contactPhone: form.contactPhone.trim(),
    channel: form.channel,
    category: form.category as keyof typeof SERVICE_CATALOGUE,
    ...(form.subItem ? { subItem: form.subItem } : {}),
    description: form.description.trim(),
    address: form.address.trim(),
  }
}
