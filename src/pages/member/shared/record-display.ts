import type { RecordStatus, SelfRating } from '@/services/api/types'
import { formatHours } from './order-display'
import { inBeijing } from '@/services/beijing-time'
import { RECORD_STATUS_WORDS } from '@/services/status-words'

/** Why a record is not counted yet, under its status. */
export const RECORD_STATUS_HINT: Record<RecordStatus, string> = {
  credited: '',
  pending_approval: '当日服务超过8小时，社区书记审核后计入。',
  awaiting_resident: '上门服务由居民确认后计入。',
}

/** 优 / 良 / 一般: the organisation's rating and the member's own use the same three words. */
export const RATING_TEXT: Record<SelfRating, string> = { excellent: '优', good: '良', fair: '一般' }
export const SELF_RATINGS: SelfRating[] = ['excellent', 'good', 'fair']

const RESIDENT_RATING_TEXT: Record<string, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }

/** A rating as stored (one of the known codes), in words; an unknown value is shown as it came. */
export function ratingText(value: string | null): string | null {
  if (!value) return null
  return RESIDENT_RATING_TEXT[value] ?? RATING_TEXT[value as SelfRating] ?? value
}

/** The audit trail's actions, as the member reads them. */
const AUDIT_ACTION_TEXT: Record<string, string> = {
  manual_entry: '书记补录',
  correction: '书记更正时间',
  approve_daily_overrun: '审核通过（当日超过8小时）',
  cut_daily_overrun: '核减（当日按8小时计）',
  close_missing_checkout: '补录签退',
  resident_confirmed: '居民确认服务',
  resident_confirmed_by_secretary: '书记代居民确认',
}

export const auditActionText = (action: string): string => AUDIT_ACTION_TEXT[action] ?? '修改记录'

const SOURCE_TEXT: Record<string, string> = { scan: '扫码签到', manual: '书记补录' }

const clock = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? inBeijing(value).format('MM-DD HH:mm') : '—')
const minutes = (value: unknown) => (typeof value === 'number' ? formatHours(value / 60) : '—')
const hours = (value: unknown) => (typeof value === 'number' ? formatHours(value) : '—')
const statusWord = (value: unknown) => (typeof value === 'string' && value in RECORD_STATUS_WORDS ? RECORD_STATUS_WORDS[value as RecordStatus].text : '—')
const sourceWord = (value: unknown) => (typeof value === 'string' ? (SOURCE_TEXT[value] ?? value) : '—')

/** The fields an audit entry may carry, in the order they are listed, with how each is written. */
const CHANGE_FIELDS: { key: string; label: string; show: (value: unknown) => string }[] = [
  { key: 'startedAt', label: '开始', show: clock },
  { key: 'checkedInAt', label: '签到', show: clock },
  { key: 'endedAt', label: '结束', show: clock },
  { key: 'checkedOutAt', label: '签退', show: clock },
  { key: 'minutesCredited', label: '计入', show: minutes },
  { key: 'hoursCredited', label: '计入', show: hours },
  { key: 'source', label: '来源', show: sourceWord },
  { key: 'status', label: '状态', show: statusWord },
]

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/**
 * One line per field an audit entry changed, "计入 2.5 小时 → 2 小时"; a value set for the first time
 * reads "→ 2 小时". Fields that stayed the same are left out.
 */
export function describeChange(before: unknown, after: unknown): string[] {
  const was = asObject(before)
  const now = asObject(after)
  const lines: string[] = []
  for (const field of CHANGE_FIELDS) {
    if (!(field.key in was) && !(field.key in now)) continue
    const from = field.key in was ? field.show(was[field.key]) : null
    const to = field.key in now ? field.show(now[field.key]) : null
    if (from === to) continue
    lines.push(`${field.label} ${from ?? ''}${from !== null ? ' ' : ''}→ ${to ?? '—'}`.trim())
  }
  return lines
}

/** "09:00–11:30", or with the date of the end when the service ran past midnight. */
export function formatTimes(startedAt: string, endedAt: string): string {
  const start = inBeijing(startedAt)
  const end = inBeijing(endedAt)
  return start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')
    ? `${start.format('HH:mm')}–${end.format('HH:mm')}`
    : `${start.format('HH:mm')}–次日${end.format('HH:mm')}`
}

/** "12月1日 10:05" for an entry's time, with the year when it is not this year's. */
export function formatEntryTime(at: string, now: Date = new Date()): string {
  const moment = inBeijing(at)
  const text = `${moment.month() + 1}月${moment.date()}日 ${moment.format('HH:mm')}`
  return moment.year() === inBeijing(now).year() ? text : `${moment.year()}年${text}`
}
