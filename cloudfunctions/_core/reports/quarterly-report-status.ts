import { homeDistrictOf } from '../org/district-scope';
import { orgRepository } from '../org/org.repository';
import type { ActionContext } from '../runtime';
import { businessDate } from '../shared/business-time';
import { dueOf } from './quarterly-report-period';
import { quarterlyReportRepository } from './quarterly-report.repository';
import type { QuarterlyReportStatusView } from './quarterly-report.schemas';
import { quarterAsked } from './quarterly-report';

type Item = QuarterlyReportStatusView['items'][number];

const STATUS_ORDER: Record<Item['status'], number> = { overdue: 0, waiting: 1, submitted: 2 };

/**
 * 季报表报送情况 for the district admin: every community and unit of her district for the quarter, whether its report
 * was submitted (the latest version, late or on time, opened by her or not), and overdue after the due date.
 */
export async function quarterlyReportStatus(ctx: ActionContext, input: { year?: number; quarter?: number }): Promise<QuarterlyReportStatusView> {
  const districtId = homeDistrictOf(ctx.caller);
  const ref = quarterAsked(ctx, input);
  const due = dueOf(ref, businessDate(ctx.clock.now()));
  const tree = await orgRepository.activeTree(ctx.tx, districtId);
  const streets = new Map(tree.filter((org) => org.kind === 'street').map((org) => [org.id, org.name]));
  const units = await orgRepository.unitsOfDistrict(ctx.tx, districtId);
  const latest = new Map((await quarterlyReportRepository.latestOfDistrict(ctx.tx, districtId, ref.year, ref.quarter)).map((row) => [row.community_id ?? row.unit_id, row]));
  const organisations = [
    ...tree.filter((org) => org.kind === 'community').map((org) => ({ kind: 'community' as const, id: org.id, name: org.name, streetName: streets.get(org.parent_id!) ?? null })),
    ...units.map((unit) => ({ kind: 'unit' as const, id: unit.id, name: unit.name, streetName: null })),
  ];
  const items = organisations.map((org): Item => {
    const row = latest.get(org.id);
    if (!row) return { ...org, status: due.overdue ? 'overdue' : 'waiting', submission: null };
    return {
      ...org,
      status: 'submitted',
      submission: {
        version: row.version,
        submittedAt: row.submitted_at.toISOString(),
        late: businessDate(row.submitted_at) > due.dueOn,
        seen: row.seen_at !== null,
        registeredVolunteers: row.figures.registeredVolunteers,
        activities: row.figures.activities.length,
        hours: row.figures.totals.hours,
      },
    };
  });
  items.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.kind === b.kind ? 0 : a.kind === 'community' ? -1 : 1) ||
      (a.streetName ?? '').localeCompare(b.streetName ?? '', 'zh') ||
      a.name.localeCompare(b.name, 'zh'),
  );
  return {
    ...ref,
    dueOn: due.dueOn,
    daysLeft: due.daysLeft,
    counts: {
      total: items.length,
      submitted: items.filter((item) => item.status === 'submitted').length,
      overdue: items.filter((item) => item.status === 'overdue').length,
    },
    items,
  };
}
