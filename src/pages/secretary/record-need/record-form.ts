// The client's copy of RecordDemandInput's rules (demands.schemas.ts), in the same words (RECORD_NEED_LABELS).
import { SERVICE_CATALOGUE } from '@core/catalogue/service-catalogue'
import { RECORD_NEED_LABELS as LABELS, checkNeedTexts } from '@core/demands/need-labels'
import { describesItself, needKindOf, officialCategoryOf, type NeedKindKey } from '@core/demands/need-kinds'
import type { RecordDemandData } from '@/services/api/types'

export type Channel = 'window' | 'phone' | 'visit' | 'mailbox'

export interface RecordForm {
  requesterName: string
  contactPhone: string
  channel: Channel
  /** The resident's words (买药代购…), offered first; the catalogue's category below, if chosen, files it instead. */
  kind: '' | NeedKindKey
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
  kind: '',
  category: '',
  subItem: '',
  description: '',
  address: '',
}

const PHONE = /^1[3-9]\d{9}$/

export function validateRecord(form: RecordForm): RecordFieldErrors {
  const errors: RecordFieldErrors = {}
  const name = form.requesterName.trim()
  if (!name) errors.requesterName = `请填写${LABELS.requesterName}`
  else if (name.length > 30) errors.requesterName = `${LABELS.requesterName}不能超过30个字`
  if (!PHONE.test(form.contactPhone.trim())) {
    errors.contactPhone = form.contactPhone.trim() ? `${LABELS.contactPhone}须为11位手机号码` : `请填写${LABELS.contactPhone}`
  }
  const subItems = (SERVICE_CATALOGUE as Record<string, readonly string[]>)[form.category]
  if (!subItems && !needKindOf(form.kind)) errors.category = `请选择${LABELS.category}`
  else if (subItems && form.subItem && !subItems.includes(form.subItem)) errors.subItem = '服务子项不属于所选服务类别'
  Object.assign(errors, checkNeedTexts(form, LABELS, describesItself(form.kind)))
  return errors
}

/** The catalogue item the need will be filed under, as the secretary reads it: 爱心扶助 · 敬老助残. */
export function filedUnder(form: Pick<RecordForm, 'kind' | 'category' | 'subItem'>): string {
  const official = officialCategoryOf(form)
  return official ? `${official.category}${official.subItem ? ` · ${official.subItem}` : ''}` : ''
}

export function toRecordDemandData(form: RecordForm): RecordDemandData {
  const description = form.description.trim()
  return {
    requesterName: form.requesterName.trim(),
    contactPhone: form.contactPhone.trim(),
    channel: form.channel,
    ...(form.kind ? { kind: form.kind } : {}),
    ...(form.category ? { category: form.category as keyof typeof SERVICE_CATALOGUE } : {}),
    ...(form.category && form.subItem ? { subItem: form.subItem } : {}),
    ...(description ? { description } : {}),
    address: form.address.trim(),
  }
}

/** Anything typed or chosen beyond the default channel: leaving would lose it. */
export const isRecordDirty = (form: RecordForm): boolean =>
  (Object.keys(EMPTY_RECORD) as RecordField[]).some((key) => key !== 'channel' && form[key] !== EMPTY_RECORD[key])
