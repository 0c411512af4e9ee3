import type { StatusWord } from '@/services/status-words'
import type { Redemption } from '@/services/api/shop'
import { formatBusinessDate, inBeijing } from '@/services/beijing-time'

/** A redemption's state in the one status vocabulary (the words are the server's). */
export const REDEMPTION_TONES: Record<Redemption['status'], StatusWord['tone']> = {
  waiting: 'waiting',
  handed_over: 'done',
  returned: 'muted',
  cancelled: 'muted',
}

/** 「已退回 12月3日」: what happened to a closed redemption, and when. */
export function closedLine(redemption: Pick<Redemption, 'statusLabel' | 'closedAt'>): string {
  if (!redemption.closedAt) return ''
  return `${redemption.statusLabel} ${formatBusinessDate(inBeijing(redemption.closedAt).format('YYYY-MM-DD'))}`
}

/** The code in pairs, as one reads it aloud: 「12 34 56」. */
export const spacedCode = (code: string) => code.replace(/(\d{2})(?=\d)/g, '$1 ')
