import { beijingInstant, beijingParts, shanghaiDate, toBeijingIso } from '@/services/beijing-time'

/** Parts of the day a resident picks instead of scrolling a clock wheel (Beijing time). */
export const PERIODS = [
  { key: 'allDay', text: '全天', from: 8, until: 20 },
  { key: 'morning', text: '上午', from: 8, until: 12 },
  { key: 'afternoon', text: '下午', from: 14, until: 18 },
  { key: 'evening', text: '晚上', from: 18, until: 21 },
] as const

export type PeriodKey = (typeof PERIODS)[number]['key']

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** The next seven days as chips (a Beijing date each): 今天, 明天, 后天, then 周X 11/26. */
export function upcomingDays(now = new Date()): { date: string; text: string }[] {
  // After 8 p.m. today has no part left to choose.
  const first = beijingParts(now).hour >= 20 ? 1 : 0
  return Array.from({ length: 7 }, (_, index) => {
    const offset = first + index
    const date = shanghaiDate(now, offset)
    const [year, month, day] = date.split('-').map(Number)
    const weekday = beijingParts(beijingInstant(year, month, day, 12)).weekday
    return { date, text: ['今天', '明天', '后天'][offset] ?? `周${WEEKDAYS[weekday]} ${month}/${day}` }
  })
}

/** A day kept in a draft is offered again only while it is still among the days ahead. */
export const isStillOffered = (date: string, now = new Date()): boolean => upcomingDays(now).some((day) => day.date === date)

/** The wanted window for a Beijing date and a part of it, as the server's ISO instants with offset. */
export function windowOf(date: string, period: PeriodKey): { wantedFrom: string; wantedUntil: string } {
  const chosen = PERIODS.find((item) => item.key === period) ?? PERIODS[0]
  const [year, month, day] = date.split('-').map(Number)
  const at = (hour: number) => toBeijingIso(beijingInstant(year, month, day, hour))
  return { wantedFrom: at(chosen.from), wantedUntil: at(chosen.until) }
}
