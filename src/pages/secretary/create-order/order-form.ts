// The client's copy of CreateOrderInput's rules (orders.schemas.ts) with the server's words, as
// plain functions: the zod schema would add ~82 KB to the mini-program.
import { SERVICE_CATALOGUE, type MEMBER_POSTS } from '@core/catalogue/service-catalogue'
import type { CreateOrderData, Demand } from '@/services/api/types'
import { inBeijing } from '@/services/beijing-time'

export type Dispatch = 'open' | 'directed'
export type MemberPost = (typeof MEMBER_POSTS)[number]

export interface OrderForm {
  demandId: string
  title: string
  category: string
  description: string
  place: string
  /** YYYY-MM-DD, Beijing time. */
  date: string
  /** HH:mm */
  startTime: string
  endTime: string
  capacity: string
  dispatch: Dispatch
  requiredPosts: MemberPost[]
  inviteeIds: string[]
  /** 现场负责人: a member who may scan on this order; empty for none. */
  leaderMemberId: string
  /** 集中性活动 of this team of the community (an activity only); empty for none. */
  focusedTeamId: string
}

export type OrderField = 'title' | 'category' | 'description' | 'place' | 'startsAt' | 'endsAt' | 'capacity' | 'inviteeIds' | 'demandId' | 'leaderMemberId' | 'focusedTeamId'
export type OrderFieldErrors = Partial<Record<OrderField, string>>

/** The Beijing calendar date and clock of an instant, as the form holds them, whatever the phone's own zone. */
export function formDateTime(at: Date): { date: string; time: string } {
  const day = inBeijing(at)
  return { date: day.format('YYYY-MM-DD'), time: day.format('HH:mm') }
}

/** "2026-11-24" + "09:30" → "2026-11-24T09:30:00+08:00": business times are Beijing time. */
export const beijingIso = (date: string, time: string): string => `${date}T${time}:00+08:00`

export function emptyOrderForm(now = new Date()): OrderForm {
  const tomorrow = formDateTime(new Date(now.getTime() + 24 * 3600_000)).date
  return {
    demandId: '',
    title: '',
    category: '',
    description: '',
    place: '',
    date: tomorrow,
    startTime: '09:00',
    endTime: '11:00',
    capacity: '5',
    dispatch: 'open',
    requiredPosts: [],
    inviteeIds: [],
    leaderMemberId: '',
    focusedTeamId: '',
  }
}

const FIVE_MINUTES = 5 * 60_000

/**
 * 马上开始: from the next five-minute mark, for two hours (ending by 23:59 of that day, as the form
 * holds one date). For what a community organises on the spot: a burst pipe, an emergency.
 */
export function startingSoon(now: Date): Pick<OrderForm, 'date' | 'startTime' | 'endTime'> {
  const start = new Date(Math.ceil((now.getTime() + 60_000) / FIVE_MINUTES) * FIVE_MINUTES)
  const startParts = formDateTime(start)
  const endParts = formDateTime(new Date(start.getTime() + 2 * 3600_000))
  return { date: startParts.date, startTime: startParts.time, endTime: endParts.date === startParts.date ? endParts.time : '23:59' }
}

/** A need becomes a directed home service for one member, at the time the resident asked for when it is still ahead. */
export function formFromNeed(need: Demand, now = new Date()): OrderForm {
  const base = emptyOrderForm(now)
  const from = need.wantedFrom ? new Date(need.wantedFrom) : null
  const until = need.wantedUntil ? new Date(need.wantedUntil) : null
  let date = base.date
  let startTime = base.startTime
  let endTime = base.endTime
  if (from && from.getTime() > now.getTime() + 30 * 60_000) {
    const start = formDateTime(from)
    date = start.date
    startTime = start.time
    const end = until && until > from && until.getTime() - from.getTime() <= 4 * 3600_000 ? until : new Date(from.getTime() + 2 * 3600_000)
    const endParts = formDateTime(end)
    endTime = endParts.date === date ? endParts.time : '23:30'
  }
  return {
    ...base,
    demandId: need.id,
    // Never the resident's name: the title is shown to every member and kept on their records.
    title: `${need.subItem && need.subItem !== '其他' ? need.subItem : need.category}·上门服务`.slice(0, 60),
    category: need.category,
    description: need.description,
    // The secretary sees the address masked: left empty, the order takes the need's own address.
    place: '',
    date,
    startTime,
    endTime,
    capacity: '1',
    dispatch: 'directed',
  }
}

export function validateOrder(form: OrderForm, now = new Date()): OrderFieldErrors {
  const errors: OrderFieldErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写标题'
  else if (title.length > 60) errors.title = '标题不能超过60个字'
  if (!(form.category in SERVICE_CATALOGUE)) errors.category = '请选择服务类别'
  if (form.description.trim().length > 500) errors.description = '服务内容不能超过500个字'
  const place = form.place.trim()
  if (!place && !form.demandId) errors.place = '请填写服务地点'
  else if (place.length > 120) errors.place = '服务地点不能超过120个字'

  if (!form.date || !form.startTime) errors.startsAt = '请选择开始时间'
  else if (Date.parse(beijingIso(form.date, form.startTime)) <= now.getTime()) errors.startsAt = '开始时间已过，请重新选择'
  if (!form.endTime) errors.endsAt = '请选择结束时间'
  else if (form.date && form.startTime && form.endTime <= form.startTime) errors.endsAt = '结束时间须晚于开始时间'

  const capacity = Number(form.capacity)
  if (!form.capacity.trim()) errors.capacity = '请填写需要人数'
  else if (!Number.isInteger(capacity) || capacity < 1) errors.capacity = '需要人数须为不小于1的整数'
  else if (capacity > 500) errors.capacity = '需要人数不能超过500'

  if (form.dispatch === 'directed' && form.inviteeIds.length === 0) errors.inviteeIds = '定向派单须至少选择一名党员'
  return errors
}

export function toCreateOrderData(form: OrderForm): CreateOrderData {
  return {
    ...(form.demandId ? { demandId: form.demandId } : {}),
    title: form.title.trim(),
    category: form.category as keyof typeof SERVICE_CATALOGUE,
    description: form.description.trim(),
    ...(form.place.trim() || !form.demandId ? { place: form.place.trim() } : {}),
    startsAt: beijingIso(form.date, form.startTime),
    endsAt: beijingIso(form.date, form.endTime),
    capacity: Number(form.capacity),
    dispatch: form.dispatch,
    inviteeIds: form.dispatch === 'directed' ? form.inviteeIds : [],
    requiredPosts: form.requiredPosts,
    ...(form.leaderMemberId ? { leaderMemberId: form.leaderMemberId } : {}),
    ...(form.focusedTeamId && !form.demandId ? { focusedTeamId: form.focusedTeamId } : {}),
  }
}

/** The form's row for a server field path (inviteeIds.0 → inviteeIds). */
export const orderFieldOf = (path: string): OrderField => path.split('.')[0] as OrderField

/** Which row a business refusal belongs to, so it shows under that field. */
export const FIELD_OF_CODE: Record<string, OrderField> = {
  ORDER_STARTS_IN_PAST: 'startsAt',
  ORDER_TOO_LONG: 'endsAt',
  ORDER_INVITEE_NOT_MEMBER: 'inviteeIds',
  DEMAND_NOT_PENDING: 'demandId',
  DEMAND_NOT_FOUND: 'demandId',
  ORDER_LEADER_NOT_MEMBER: 'leaderMemberId',
  ORDER_TITLE_NAMES_RESIDENT: 'title',
  ORDER_FOCUSED_TEAM_INVALID: 'focusedTeamId',
}

/** Whether the secretary has changed anything since the form opened (empty, or filled from the need). */
export const orderFormChanged = (form: OrderForm, opened: OrderForm): boolean =>
  (Object.keys(opened) as (keyof OrderForm)[]).some((key) => JSON.stringify(form[key]) !== JSON.stringify(opened[key]))

/** The rows whose errors a change of these form fields settles (the time rows depend on the date and both clocks). */
export function fieldsTouchedBy(changes: Partial<OrderForm>): OrderField[] {
  const touched: Partial<Record<keyof OrderForm, OrderField[]>> = { date: ['startsAt', 'endsAt'], startTime: ['startsAt', 'endsAt'], endTime: ['endsAt'] }
  return (Object.keys(changes) as (keyof OrderForm)[]).flatMap((key) => touched[key] ?? [key as OrderField])
}
