// The client's copy of PostDemandInput's rules (demands.schemas.ts), in the same words, as plain functions:
// importing the zod schema would add ~82 KB to the mini-program.
import { POST_NEED_LABELS as LABELS, checkNeedTexts } from '@core/demands/need-labels'
import { describesItself, needKindOf, type NeedKindKey } from '@core/demands/need-kinds'
import type { PostDemandData } from '@/services/api/types'
import { isStillOffered, windowOf, type PeriodKey } from './when-choices'

/** What the resident has chosen and typed so far, as kept in the draft. */
export interface NeedForm {
  kind: '' | NeedKindKey
  description: string
  address: string
  contactPhone: string
  /** A Beijing date YYYY-MM-DD, or '' for 不限. */
  day: string
  period: PeriodKey
}

export type NeedField = 'kind' | 'description' | 'address' | 'contactPhone' | 'when'
export type NeedFieldErrors = Partial<Record<NeedField, string>>

export const EMPTY_NEED: NeedForm = { kind: '', description: '', address: '', contactPhone: '', day: '', period: 'allDay' }

const PHONE = /^1[3-9]\d{9}$/

export function validateNeed(form: NeedForm): NeedFieldErrors {
  const errors: NeedFieldErrors = {}
  if (!needKindOf(form.kind)) errors.kind = `请选择${LABELS.kind}`

  Object.assign(errors, checkNeedTexts(form, LABELS, describesItself(form.kind)))

  const phone = form.contactPhone.trim()
  if (!phone) errors.contactPhone = `请填写${LABELS.contactPhone}`
  else if (!PHONE.test(phone)) errors.contactPhone = `${LABELS.contactPhone}须为11位手机号码`
  return errors
}

/** The form field a server error path belongs under. */
export const needFieldOf = (path: string): NeedField | undefined =>
  path === 'wantedFrom' || path === 'wantedUntil' ? 'when' : path === 'category' || path === 'subItem' ? 'kind' : (['kind', 'description', 'address', 'contactPhone'] as string[]).includes(path) ? (path as NeedField) : undefined

/** The request body: the plain kind (the server files it under the catalogue), trimmed, the window only when a day is chosen. */
export function toPostDemandData(form: NeedForm): PostDemandData {
  const description = form.description.trim()
  return {
    kind: form.kind as NeedKindKey,
    ...(description ? { description } : {}),
    address: form.address.trim(),
    contactPhone: form.contactPhone.trim(),
    ...(form.day ? windowOf(form.day, form.period) : {}),
  }
}

/** A draft as the form takes it back: a day that has passed is dropped, a kind no longer offered too. */
export function restoredNeed(saved: NeedForm, now = new Date()): NeedForm {
  return {
    ...saved,
    kind: needKindOf(saved.kind) ? saved.kind : '',
    day: saved.day && isStillOffered(saved.day, now) ? saved.day : '',
  }
}

/** The phone and address the form starts with fill only what the resident has not typed. */
export const withDefaults = (form: NeedForm, defaults: { contactPhone: string; address: string }): NeedForm => ({
  ...form,
  contactPhone: form.contactPhone || defaults.contactPhone,
  address: form.address || defaults.address,
})

/** Changed from where the form started (empty, with the account's phone and address): leaving would lose something. */
export const isDirty = (form: NeedForm, start: NeedForm): boolean =>
  (Object.keys(start) as (keyof NeedForm)[]).some((key) => (key === 'period' ? form.day !== '' && form.period !== start.period : form[key] !== start[key]))
