import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

// Every date on screen is Beijing time (Asia/Shanghai, UTC+8, no daylight saving), whatever zone
// the phone is set to, and carries its year when it is not this year's.
const BEIJING_OFFSET_MINUTES = 8 * 60
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

type Moment = string | Date | number

export const inBeijing = (at: Moment): Dayjs => dayjs(at).utcOffset(BEIJING_OFFSET_MINUTES)

const parse = (at: Moment | null | undefined): Dayjs | null => {
  if (at === null || at === undefined || at === '') return null
  const day = inBeijing(at)
  return day.isValid() ? day : null
}

const withYear = (day: Dayjs, text: string, now: Date) => (day.year() === inBeijing(now).year() ? text : `${day.year()}年${text}`)

export interface BeijingParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  /** 0 = Sunday. */
  weekday: number
}

export function beijingParts(at: Date): BeijingParts {
  const day = inBeijing(at)
  return { year: day.year(), month: day.month() + 1, day: day.date(), hour: day.hour(), minute: day.minute(), weekday: day.day() }
}

/** The instant of a Beijing wall-clock time; days and hours past their range roll over. */
export const beijingInstant = (year: number, month: number, day: number, hour = 0, minute = 0): Date =>
  new Date(Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET_MINUTES * 60_000)

/** 2026-11-24T08:00:00+08:00, the form the server asks for. */
export const toBeijingIso = (at: Date): string => inBeijing(at).format('YYYY-MM-DDTHH:mm:00+08:00')

/** "11月23日 09:00"; empty for a missing or unreadable time. */
export function formatTime(at: Moment | null | undefined, now: Date = new Date()): string {
  const day = parse(at)
  return day ? withYear(day, `${day.month() + 1}月${day.date()}日 ${day.format('HH:mm')}`, now) : ''
}

/** "09:00". */
export const formatClock = (at: Moment | null | undefined): string => parse(at)?.format('HH:mm') ?? ''

/** "11月23日 周一". */
export function formatDay(at: Moment, now: Date = new Date()): string {
  const day = parse(at)
  return day ? withYear(day, `${day.month() + 1}月${day.date()}日 ${WEEKDAYS[day.day()]}`, now) : ''
}

/** "11月23日 周一 20:17". */
export const formatMoment = (at: Moment, now: Date = new Date()): string => {
  const day = parse(at)
  return day ? `${formatDay(at, now)} ${day.format('HH:mm')}` : ''
}

/** "11月23日 周一 09:00–11:00", or both ends in full when the service runs past midnight. */
export function formatSpan(startsAt: Moment, endsAt: Moment, now: Date = new Date(), options: { weekday?: boolean } = {}): string {
  const start = parse(startsAt)
  const end = parse(endsAt)
  if (!start || !end) return ''
  const full = (at: Moment) => (options.weekday === false ? formatTime(at, now) : formatMoment(at, now))
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) return `${full(startsAt)}–${end.format('HH:mm')}`
  return `${full(startsAt)} 至 ${full(endsAt)}`
}

/** "11月16日" (with the year when not this year's) from a business date "2026-11-16", read as written. */
export function formatDate(date: string, now: Date = new Date()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  if (!match) return date
  const text = `${Number(match[2])}月${Number(match[3])}日`
  return Number(match[1]) === inBeijing(now).year() ? text : `${match[1]}年${text}`
}

/** "1985年6月" from a month as forms and registers write it ("1985-06", "1985.06"). */
export function formatMonth(month: string | null | undefined): string {
  const match = /^(\d{4})[-.](\d{1,2})$/.exec(month ?? '')
  return match ? `${match[1]}年${Number(match[2])}月` : (month ?? '')
}

/** "2026年11月16日" from a business date, always with its year (for records and certificates). */
export function formatBusinessDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date
}

/** "2026年11月16日 至 2026年11月18日" from two business dates, or the one date when they are the same day. */
export function formatBusinessDays(from: string, to: string): string {
  return from === to ? formatBusinessDate(from) : `${formatBusinessDate(from)} 至 ${formatBusinessDate(to)}`
}

/** The business date (YYYY-MM-DD) `offsetDays` after today in Beijing. */
export const shanghaiDate = (now: Date, offsetDays = 0): string => inBeijing(now).add(offsetDays, 'day').format('YYYY-MM-DD')

/** Date chips: today, tomorrow, then the following days with their weekday. */
export function dateChoices(now: Date, days = 14): { value: string; label: string }[] {
  return Array.from({ length: days }, (_, offset) => {
    const day = inBeijing(now).add(offset, 'day')
    const label = offset === 0 ? '今天' : offset === 1 ? '明天' : `${day.month() + 1}/${day.date()} ${WEEKDAYS[day.day()]}`
    return { value: day.format('YYYY-MM-DD'), label }
  })
}
