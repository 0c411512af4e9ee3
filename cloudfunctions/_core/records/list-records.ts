import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { hoursTargetOf } from '../assessment/member-standing';
import { businessYear } from '../shared/business-time';
import { toHours, toRecordView } from './record-view';
import { recordsRepository } from './records.repository';

type Page = { limit: number; offset: number };

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

/** My hours this year against my rule set's yearly hours target, by quarter, scanned and hand-entered apart, with my records. */
export async function listMyRecords(ctx: ActionContext, input: { year?: number; page: Page }) {
  const caller = requireCaller(ctx.caller);
  communityOf(caller, 'member');
  const year = input.year ?? businessYear(ctx.clock.now());
  const { from, to } = yearRange(year);
  const target = await hoursTargetOf(ctx.tx, caller.userId, year, ctx.clock.now());
  const totals = await recordsRepository.yearTotals(ctx.tx, caller.userId, from, to);
  const rows = await recordsRepository.listOfMember(ctx.tx, caller.userId, from, to, input.page);
  const sum = (keep: (row: (typeof totals)[number]) => boolean) =>
    toHours(totals.filter(keep).reduce((total, row) => total + Number(row.minutes), 0));
  const credited = (row: (typeof totals)[number]) => row.status === 'credited';
  return {
    year,
    ...target,
    creditedHours: sum(credited),
    scannedHours: sum((row) => credited(row) && row.source === 'scan'),
    manualHours: sum((row) => credited(row) && row.source === 'manual'),
    pendingHours: sum((row) => row.status === 'pending_approval'),
    awaitingResidentHours: sum((row) => row.status === 'awaiting_resident'),
    services: totals.filter(credited).reduce((total, row) => total + Number(row.services), 0),
    byQuarter: [1, 2, 3, 4].map((quarter) => ({
      quarter,
      hours: sum((row) => credited(row) && row.quarter === quarter),
      services: totals.filter((row) => credited(row) && row.quarter === quarter).reduce((total, row) => total + Number(row.services), 0),
    })),
    records: rows.map(toRecordView),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** The records the community certified, for its secretary. */
export async function listCommunityRecords(ctx: ActionContext, input: { communityId?: string; year?: number; status?: string; page: Page }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const { from, to } = yearRange(input.year ?? businessYear(ctx.clock.now()));
  const rows = await recordsRepository.listOfCommunity(ctx.tx, communityId, from, to, input.status, input.page);
  return { items: rows.map(toRecordView), total: Number(rows[0]?.total ?? 0) };
}
