import { bankAmountText } from '@core/incentives/rules/bank'
import { formatDate, shanghaiDate } from '@/services/beijing-time'

type Unit = { unitName: '小时' | '时间币' }

/** 120 as 「2小时」, under 长沙's rule 540 as 「9个时间币」. */
export const bankAmount = (unit: Unit, minutes: number) => bankAmountText(unit, Math.abs(minutes))

/** A passbook line's amount with its sign: 「+2小时」, 「-1.5小时」. */
export const signedBankAmount = (unit: Unit, minutes: number) => `${minutes < 0 ? '-' : '+'}${bankAmount(unit, minutes)}`

/** The big balance figure without its unit: 12.5 for 750 minutes. */
export const balanceFigure = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100)

/**
 * The minutes of what a person types as hours (or 时间币): whole or halves, more than zero; null when it is not a
 * number of that kind.
 */
export function minutesOfTyped(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,5}(\.5|\.0)?$/.test(trimmed)) return null
  const minutes = Math.round(Number(trimmed) * 60)
  return minutes > 0 ? minutes : null
}

/** A line's Beijing day, 「11月29日」 (with the year when not this year's). */
export const lineDate = (at: string, now: Date = new Date()) => formatDate(shanghaiDate(new Date(at)), now)
