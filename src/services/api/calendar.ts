// 预约预告 and 活动日历 (issue 16, part C). Types from the cloud function's zod schemas, `import type` only.
import type { z } from 'zod'
import type { CalendarView as CalendarViewSchema, PublishingNoticeView } from '@core/orders/calendar/calendar.schemas'
import { callFunction } from '../api-client'

export type PublishingNotice = z.output<typeof PublishingNoticeView>
export type CalendarView = z.output<typeof CalendarViewSchema>
export type CalendarRange = CalendarView['range']
export type CalendarEntry = CalendarView['days'][number]['items'][number]

export const calendarApi = {
  /** The notice an activity starting then would give, for the create form's warning. */
  publishingNotice: (startsAt: string) => callFunction<PublishingNotice>('orders', 'publishingNotice', { startsAt }),
  calendar: (range: CalendarRange) => callFunction<CalendarView>('orders', 'calendar', { range }),
}
