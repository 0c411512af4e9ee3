import dayjs from 'dayjs';
import { UNCOVERED_NOTE, weekdayOf } from '../../calendar/notice';
import { calendarCovers, holidayName, isWorkingDay } from '../../calendar/working-days';
import type { ActionContext } from '../../runtime/action';
import { grantsOf, requireCaller, type Caller } from '../../runtime';
import { businessDate } from '../../shared/business-time';
import { DomainError } from '../../shared/domain-error';
import { assertMayAccept } from '../accept-rules';
import { orderErrors } from '../orders.errors';
import type { OrderRow } from '../orders.repository';
import { calendarErrors } from './calendar.errors';
import { calendarRepository } from './calendar.repository';
import type { CALENDAR_RANGES, CalendarView } from './calendar.schemas';

type Range = (typeof CALENDAR_RANGES)[number];
type Viewer = CalendarView['viewer'];

/** The Beijing dates of the range around `today`: weeks run Monday to Sunday, a month by the calendar. */
export function rangeDates(range: Range, today: string): { from: string; to: string } {
  const day = dayjs(today);
  if (range === 'this_month') return { from: day.startOf('month').format('YYYY-MM-DD'), to: day.endOf('month').format('YYYY-MM-DD') };
  const monday = day.subtract((day.day() + 6) % 7, 'day').add(range === 'next_week' ? 7 : 0, 'day');
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') };
}

const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** Whose calendar: a member's first, then a resident's, then a secretary's community. */
function viewerOf(caller: Caller): { viewer: Viewer; communityId: string } {
  for (const viewer of ['member', 'resident', 'secretary'] as const) {
    const communityId = grantsOf(caller, viewer)[0]?.orgId;
    if (communityId) return { viewer, communityId };
  }
  throw calendarErrors.error('CALENDAR_NO_COMMUNITY');
}

/** Why the member may not 报名 now, in the accept rules' own words; null when they may. */
function refusalOf(row: OrderRow, communityId: string, now: Date): string | null {
  try {
    assertMayAccept(row, communityId, now);
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  return row.accepted_count >= row.capacity ? orderErrors.catalogue.ORDER_FULL : null;
}

/** orders.calendar: the community's published activities in the range, by day, with 报名 for a member. */
export async function communityCalendar(ctx: ActionContext, input: { range: Range }): Promise<CalendarView> {
  const caller = requireCaller(ctx.caller);
  const { viewer, communityId } = viewerOf(caller);
  const now = ctx.clock.now();
  const { from, to } = rangeDates(input.range, businessDate(now));
  const [start, end] = [beijingMidnight(from), beijingMidnight(dayjs(to).add(1, 'day').format('YYYY-MM-DD'))];
  const rows = await calendarRepository.activitiesBetween(ctx.tx, caller.userId, communityId, start, end, viewer === 'secretary');
  const mine = viewer === 'member' && rows.length > 0 ? await calendarRepository.myAcceptedBetween(ctx.tx, caller.userId, start, end) : [];

  const byDay = new Map<string, CalendarView['days'][number]['items']>();
  for (const row of rows) {
    const date = businessDate(row.starts_at);
    const items = byDay.get(date) ?? [];
    const reason = viewer === 'member' ? refusalOf(row, communityId, now) : null;
    items.push({
      id: row.id,
      title: row.title,
      category: row.category,
      place: row.place,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      capacity: row.capacity,
      placesLeft: Math.max(row.capacity - row.accepted_count, 0),
      leaderName: row.leader_name,
      focusedTeamName: row.focused_team_name,
      shortNotice: row.short_notice,
      myStatus: viewer === 'member' ? row.my_status : null,
      signUp: viewer === 'member' ? { allowed: reason === null, reason } : null,
      clashes: mine
        .filter((other) => other.id !== row.id && other.starts_at < row.ends_at && other.ends_at > row.starts_at)
        .map((other) => ({ id: other.id, title: other.title })),
    });
    byDay.set(date, items);
  }

  const days: CalendarView['days'] = [];
  for (let day = dayjs(from); !day.isAfter(dayjs(to)); day = day.add(1, 'day')) {
    const date = day.format('YYYY-MM-DD');
    const holiday = holidayName(date);
    const items = byDay.get(date) ?? [];
    // A day shows when something happens on it, or when it is a public holiday (so a quiet 春节 week reads as one).
    if (items.length > 0 || holiday) days.push({ date, weekday: weekdayOf(date), holiday, workingDay: isWorkingDay(date), items });
  }
  const beyond = [from, to].find((date) => !calendarCovers(date));
  return {
    range: input.range,
    from,
    to,
    viewer,
    uncoveredNote: beyond ? UNCOVERED_NOTE(Number(beyond.slice(0, 4))) : null,
    days,
  };
}
