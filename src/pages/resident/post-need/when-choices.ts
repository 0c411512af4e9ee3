import { beijingInstant, beijingParts, toBeijingIso } from '@/services/beijing-time'

/** Parts of the day a resident picks instead of scrolling a clock wheel (Beijing time). */
export const PERIODS = [
  { key: 'allDay', text: '全天', from: 8, until: 20 },
  { key: 'morning', text: '上午', from: 8, until: 12 },
  { key: 'afternoon', text: '下午', from: 14, until: 18 },
  { key: 'evening', text: '晚上', from: 18, until: 21 },
] as const

export type PeriodKey = (typeof PERIODS)[number]['key']

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** The next seven days as chips: 今天, 明天, 后天, then 周X 11/26. */
export function upcomingDays(now = new Date()): { offset: number; text: string }[] {
  const today = beijingParts(now)
  // After 8 p.m. today has no part left to choose.
  const first = today.hour >= 20 ? 1 : 0
  return Array.from({ length: 7 }, (_, index) => {
    const offset = first + index
    const day = beijingParts(beijingInstant(today.year, today.month, today.day + offset, 12))
    const text = ['今天', '明天', '后天'][offset] ?? `周${WEEKDAYS[day.weekday]} ${day.month}/${day.day}`
    return { offset, text }
  })
}

/** The wanted window for a day and a part of it, as the server's ISO instants with offset. */
export function windowOf(offset: number, period: PeriodKey, now = new Date()): { wantedFrom: string; wantedUntil: string } {
  const chosen = PERIODS.find((item) => item.key === period) ?? PERIODS[0]
  const today = beijingParts(now)
  const at = (hour: number) => toBeijingIso(beijingInstant(today.year, today.month, today.day + offset, hour))
  return { wantedFrom: at(chosen.from), wantedUntil: at(chosen.until) }
}
