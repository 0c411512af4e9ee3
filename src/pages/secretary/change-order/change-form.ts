import type { ChangeOrderData, Order } from '@/services/api/types'
import type { ServiceTime } from '@/components/service-time-field'
import { formDateTime, beijingIso } from '../create-order/order-form'

export interface ChangeForm extends ServiceTime {
  place: string
  reason: string
}

export type ChangeField = 'startsAt' | 'endsAt' | 'place' | 'reason'

/** The order as it is now; a need's order leaves the address empty (it is the resident's, shown only when revealed). */
export function formOfOrder(order: Order): ChangeForm {
  const start = formDateTime(new Date(order.startsAt))
  const end = formDateTime(new Date(order.endsAt))
  return { date: start.date, startTime: start.time, endTime: end.time, place: order.kind === 'demand' ? '' : order.place, reason: '' }
}

/** What the form changes, as the action takes it: only the fields that differ from the order. */
export function changeOf(order: Order, form: ChangeForm): Omit<ChangeOrderData, 'orderId' | 'reason' | 'acceptShortNotice'> {
  const startsAt = beijingIso(form.date, form.startTime)
  const endsAt = beijingIso(form.date, form.endTime)
  const place = form.place.trim()
  return {
    ...(Date.parse(startsAt) !== Date.parse(order.startsAt) ? { startsAt } : {}),
    ...(Date.parse(endsAt) !== Date.parse(order.endsAt) ? { endsAt } : {}),
    ...(place && place !== order.place ? { place } : {}),
  }
}

/** The checks a person would want before the server's: a reason, an end after the start, something changed. */
export function validateChange(order: Order, form: ChangeForm): Partial<Record<ChangeField, string>> {
  const errors: Partial<Record<ChangeField, string>> = {}
  if (form.endTime <= form.startTime) errors.endsAt = '结束时间须晚于开始时间'
  if (Object.keys(changeOf(order, form)).length === 0) errors.startsAt = '时间和地点都没有改动'
  const reason = form.reason.trim()
  if (reason.length < 2) errors.reason = reason ? '调整原因至少需要2个字' : '请写明调整原因，党员和居民都会看到'
  return errors
}
