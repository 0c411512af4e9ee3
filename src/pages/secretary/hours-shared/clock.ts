import { inBeijing } from '@/services/beijing-time'

// Clock times on a service day: the forms pick HH:mm on the day of a known instant, and send an
// ISO instant with the +08:00 offset (Beijing time, the server's calendar), whatever zone the phone is in.
const pad = (value: number) => String(value).padStart(2, '0')

/** The Beijing calendar day of an instant, YYYY-MM-DD. */
export const beijingDay = (iso: string): string => inBeijing(iso).format('YYYY-MM-DD')

/** The instant at `clock` on the Beijing day of `dayOf`: "2026-11-23T09:30:00+08:00". */
export const atClockOn = (dayOf: string, clock: string): string => `${beijingDay(dayOf)}T${clock}:00+08:00`

/** A Date the hour-minutes picker shows as `clock` (it reads the phone's local hours and minutes). */
export function clockPickerDate(clock: string, today: Date = new Date()): Date {
  const at = new Date(today.getTime())
  at.setHours(Number(clock.slice(0, 2)), Number(clock.slice(3, 5)), 0, 0)
  return at
}

/** The picker's chosen hour and minute (`['09', '05']`) as HH:mm. */
export const clockFromPicked = (values: readonly (string | number | null)[]): string =>
  `${pad(Number(values[0]))}:${pad(Number(values[1]))}`
