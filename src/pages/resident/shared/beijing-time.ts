// Business times are Beijing time (Asia/Shanghai, no daylight saving) whatever zone the phone is set to.
const BEIJING_OFFSET_MS = 8 * 3600_000

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
  const shifted = new Date(at.getTime() + BEIJING_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  }
}

/** The instant of a Beijing wall-clock time; days and hours past their range roll over. */
export const beijingInstant = (year: number, month: number, day: number, hour = 0, minute = 0): Date =>
  new Date(Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET_MS)

const pad = (value: number) => String(value).padStart(2, '0')

/** 2026-11-24T08:00:00+08:00, the form the server asks for. */
export function toBeijingIso(at: Date): string {
  const p = beijingParts(at)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:00+08:00`
}

/** "11月23日 09:00"; with the year when it is not this year's. */
export function formatBeijing(at: Date, now = new Date()): string {
  const p = beijingParts(at)
  const text = `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
  return p.year === beijingParts(now).year ? text : `${p.year}年${text}`
}
