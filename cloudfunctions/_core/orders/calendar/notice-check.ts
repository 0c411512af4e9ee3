import type { Executor } from '../../db/database';
import { noticeOf, spokenDate, UNCOVERED_NOTE, type Notice } from '../../calendar/notice';
import { DEFAULT_NOTIFY_SETTINGS, notifySettingsOf } from '../../notify';
import { calendarCovers, holidaysBetween } from '../../calendar/working-days';
import type { ActionContext } from '../../runtime/action';
import { communityOf, requireCaller } from '../../runtime';
import { DomainError } from '../../shared/domain-error';
import { businessDate } from '../../shared/business-time';
import { calendarRepository } from './calendar.repository';

export interface PublishingNotice extends Notice {
  earliestDateLabel: string;
  /** 「2027年节假日安排尚未收录，按周末推算」 when a date counted lies beyond the holiday data, else null. */
  uncoveredNote: string | null;
  /** The public holidays between publishing and the start (「春节」), which is why fewer days count than the calendar shows. */
  holidays: string[];
}

/** The notice an activity starting at `startsAt` would give if published at `now`, by the community's district. */
export async function noticeFor(tx: Executor, communityId: string, startsAt: Date, now: Date): Promise<PublishingNotice> {
  const districtId = await calendarRepository.districtOf(tx, communityId);
  const { noticeWorkingDays } = districtId ? await notifySettingsOf(tx, districtId) : DEFAULT_NOTIFY_SETTINGS;
  const [publishDate, startDate] = [businessDate(now), businessDate(startsAt)];
  const notice = noticeOf(publishDate, startDate, noticeWorkingDays);
  const beyond = [publishDate, startDate, notice.earliestDate].filter((date) => !calendarCovers(date)).sort()[0];
  return {
    ...notice,
    earliestDateLabel: spokenDate(notice.earliestDate),
    uncoveredNote: beyond ? UNCOVERED_NOTE(Number(beyond.slice(0, 4))) : null,
    holidays: holidaysBetween(publishDate, startDate),
  };
}

/** orders.publishingNotice: what the create form shows as the start changes. */
export async function publishingNotice(ctx: ActionContext, input: { startsAt: string }) {
  const caller = requireCaller(ctx.caller);
  return noticeFor(ctx.tx, communityOf(caller, 'secretary'), new Date(input.startsAt), ctx.clock.now());
}

/**
 * The 预约预告 check of orders.create, for an activity (a need's order is urgent help and has none): refuses short
 * notice unless the secretary acknowledged it (临时通知), and gives what the order is stored with.
 */
export async function checkPublishingNotice(
  tx: Executor,
  communityId: string,
  input: { startsAt: string; acceptShortNotice?: boolean },
  now: Date,
): Promise<{ noticeWorkingDays: number; noticeRequiredDays: number; shortNotice: boolean }> {
  const notice = await noticeFor(tx, communityId, new Date(input.startsAt), now);
  if (notice.short && !input.acceptShortNotice) {
    const message = `按规定活动须提前${notice.required}个工作日发布，最早可安排在${notice.earliestDateLabel}；确需临时安排请勾选“临时通知”`;
    throw new DomainError('ORDER_SHORT_NOTICE', message, {
      startsAt: `开始时间距今不足${notice.required}个工作日，最早可安排在${notice.earliestDateLabel}`,
    });
  }
  return { noticeWorkingDays: notice.workingDays, noticeRequiredDays: notice.required, shortNotice: notice.short };
}
