import type { RecordStatus } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'
import { RECORD_STATUS_WORDS } from '@/services/status-words'

export const SOURCE_TEXT = { scan: '扫码', manual: '补录' } as const

/** What each audited change is called on screen. */
export const AUDIT_ACTION_TEXT: Record<string, string> = {
  manual_entry: '补录',
  correction: '更正',
  approve_daily_overrun: '审核通过（超过8小时）',
  cut_daily_overrun: '核减（超过8小时）',
  close_missing_checkout: '补签退',
  resident_confirmed_by_secretary: '代居民确认',
}

/** 2.5 → "2.5 小时"; at most two decimals, no trailing zeros. */
export const formatHours = (hours: number): string => `${Number(hours.toFixed(2))} 小时`

const CHANGE_LABELS: Record<string, string> = {
  startedAt: '开始',
  endedAt: '结束',
  checkedInAt: '签到',
  checkedOutAt: '签退',
  minutesCredited: '计入时长',
  minutesMeasured: '实际时长',
  source: '来源',
  status: '状态',
  residentConfirmedAt: '居民确认',
}

const TIME_KEYS = new Set(['startedAt', 'endedAt', 'checkedInAt', 'checkedOutAt', 'residentConfirmedAt'])

function describeValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '无'
  if (TIME_KEYS.has(key) && typeof value === 'string') return formatTime(value) || value
  if (key.startsWith('minutes') && typeof value === 'number') return formatHours(value / 60)
  if (key === 'status' && typeof value === 'string') return RECORD_STATUS_WORDS[value as RecordStatus]?.text ?? value
  if (key === 'source' && typeof value === 'string') return SOURCE_TEXT[value as keyof typeof SOURCE_TEXT] ?? value
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

const asFields = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/** One line per field an audited change touched: "开始：11月23日 09:00 → 11月23日 09:30". Unchanged fields are left out. */
export function describeChange(before: unknown, after: unknown): string[] {
  const was = asFields(before)
  const is = asFields(after)
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])]
  return keys.flatMap((key) => {
    const from = describeValue(key, was[key])
    const to = describeValue(key, is[key])
    if (from === to) return []
    const label = CHANGE_LABELS[key] ?? key
    return [key in was ? `${label}：${from} → ${to}` : `${label}：${to}`]
  })
}
