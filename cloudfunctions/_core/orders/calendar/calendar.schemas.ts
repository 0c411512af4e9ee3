import * as z from 'zod';
import { field } from '../../shared/fields';

export const CALENDAR_RANGES = ['this_week', 'next_week', 'this_month'] as const;

export const PublishingNoticeInput = z.object({ startsAt: field.instant('开始时间') });

export const PublishingNoticeView = z.object({
  workingDays: z.number(),
  required: z.number(),
  short: z.boolean(),
  earliestDate: z.string(),
  earliestDateLabel: z.string(),
  covered: z.boolean(),
  uncoveredNote: z.string().nullable(),
  /** The public holidays between publishing and the start, by name (「春节」), each once. */
  holidays: z.array(z.string()),
});

export const CalendarInput = z.object({ range: field.oneOf('日期范围', CALENDAR_RANGES).default('this_week') });

export const CalendarEntry = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  placesLeft: z.number(),
  leaderName: z.string().nullable(),
  focusedTeamName: z.string().nullable(),
  /** 临时通知: published with less than the district's notice. */
  shortNotice: z.boolean(),
  /** The member's own assignment, null for residents, secretaries and members not on it. */
  myStatus: z.enum(['invited', 'accepted', 'declined', 'cancelled']).nullable(),
  /** For a member: whether 报名 would be taken now, else why not (the accept rules' own message); null for others. */
  signUp: z.object({ allowed: z.boolean(), reason: z.string().nullable() }).nullable(),
  /** The member's accepted orders overlapping this one (shown beside 报名, as the order page does). */
  clashes: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const CalendarView = z.object({
  range: z.enum(CALENDAR_RANGES),
  from: z.string(),
  to: z.string(),
  viewer: z.enum(['member', 'resident', 'secretary']),
  /** 「2027年节假日安排尚未收录，按周末推算」 when the range lies beyond the holiday data. */
  uncoveredNote: z.string().nullable(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.string(),
      holiday: z.string().nullable(),
      workingDay: z.boolean(),
      items: z.array(CalendarEntry),
    }),
  ),
});

export type CalendarView = z.infer<typeof CalendarView>;
