import { shanghaiDate } from '@/services/beijing-time'

export type QuarterChoice = { year: number; quarter: number }

const NUMERALS = ['一', '二', '三', '四']

export const quarterKey = ({ year, quarter }: QuarterChoice) => `${year}-${quarter}`

export const parseQuarterKey = (key: string): QuarterChoice => {
  const [year, quarter] = key.split('-').map(Number)
  return { year, quarter }
}

/** The quarter a Beijing day falls in. */
export const quarterOfDay = (day: string): QuarterChoice => ({ year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 })

/** This quarter and the `count - 1` before it, newest first, as chips: 本季度, then 2026年第三季度…. */
export function recentQuarters(now: Date, count = 4): { value: string; text: string }[] {
  let { year, quarter } = quarterOfDay(shanghaiDate(now))
  const out: { value: string; text: string }[] = []
  for (let i = 0; i < count; i++) {
    out.push({ value: quarterKey({ year, quarter }), text: i === 0 ? `本季度（${year}年第${NUMERALS[quarter - 1]}季度）` : `${year}年第${NUMERALS[quarter - 1]}季度` })
    if (quarter === 1) {
      year -= 1
      quarter = 4
    } else quarter -= 1
  }
  return out
}

export const quarterName = ({ year, quarter }: QuarterChoice) => `${year}年第${NUMERALS[quarter - 1]}季度`

/** 截止12月28日 · 还有35天 / 今天截止 / 已逾期3天. */
export function dueText(due: { dueOn: string; daysLeft: number }, submitted: boolean): string {
  const day = `${Number(due.dueOn.slice(5, 7))}月${Number(due.dueOn.slice(8, 10))}日`
  if (submitted) return `截止${day}`
  if (due.daysLeft > 0) return `截止${day} · 还有${due.daysLeft}天`
  if (due.daysLeft === 0) return `今天（${day}）截止`
  return `截止${day} · 已逾期${-due.daysLeft}天`
}
