import { formatDate, shanghaiDate } from '@/services/beijing-time'
import type { StatusTone } from '@/services/status-words'

/** Days from today (Beijing) to a business date; negative once it has passed. */
export function daysUntil(date: string, now: Date = new Date()): number {
  const today = shanghaiDate(now)
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

/**
 * What the page says of a 简讯's due date: 已提交 (逾期提交 when it came late), or still due — quietly while there is
 * time, as a warning within two days, and 已逾期 once past.
 */
export function dueWords(
  brief: { submitted: boolean; late: boolean; overdue: boolean; dueOn: string },
  now: Date = new Date(),
): { tag: string; tone: StatusTone; line: string; warning: string | null } {
  const due = formatDate(brief.dueOn, now)
  if (brief.submitted) return { tag: brief.late ? '逾期提交' : '已提交', tone: brief.late ? 'alert' : 'done', line: `应于${due}前提交`, warning: null }
  const days = daysUntil(brief.dueOn, now)
  if (brief.overdue || days < 0) return { tag: '已逾期', tone: 'alert', line: `应于${due}前提交`, warning: `已超过提交期限（${due}），请尽快补交简讯、照片和名单` }
  if (days <= 2) return { tag: '即将到期', tone: 'waiting', line: `请于${due}前提交`, warning: days === 0 ? '今天是提交的最后一天' : `还有 ${days} 天到期，请尽快提交` }
  return { tag: '待提交', tone: 'waiting', line: `请于${due}前提交（还有 ${days} 天）`, warning: null }
}
