import { inBeijing } from '@/services/beijing-time'

/** Months as the forms keep them: `YYYY-MM` text in 1900–2099 (as the server accepts), which also sorts in time order. */
const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/

export const isMonth = (text: string): boolean => MONTH.test(text)

/** The month `now` falls in by Beijing time (the server's calendar), whatever zone the phone is set to. */
export const currentMonth = (now: Date = new Date()): string => inBeijing(now).format('YYYY-MM')

/** The first day of a month, for the picker. */
export const firstDayOf = (month: string): Date => new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)

/** How a month reads on screen: 1985-06 → 1985年06月. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${month.slice(5, 7)}月`

export const addYears = (month: string, years: number): string => `${Number(month.slice(0, 4)) + years}${month.slice(4)}`

export const clampMonth = (month: string, earliest: string, latest: string): string =>
  month < earliest ? earliest : month > latest ? latest : month

/** The picker's chosen year and month (`['1985', '06']`) as `YYYY-MM`. */
export const monthFromPicked = (values: readonly (string | number | null)[]): string =>
  `${String(values[0])}-${String(Number(values[1])).padStart(2, '0')}`
