import { orgRepository } from '../org/org.repository';
import { grantsOf, requireCaller, unitAdministeredBy, type ActionContext } from '../runtime';
import { businessDate } from '../shared/business-time';
import { maskPhone } from '../shared/masking';
import { slipOverdue } from '../registration/slip-deadline';
import { inServiceCount, inServiceMembersOf } from './in-service-members';
import type { OpenSlipRow } from './reports.repository';
import type { UnitStatisticsView } from './reports.schemas';
import { buildStatisticsWorkbook } from './statistics-workbook';
import { XLSX_MIME, workbookToBase64 } from './workbook-style';

export const NO_REASON = '未填写原因';

type Detail = UnitStatisticsView['details'][number];

/** The unit asked for: a unit admin sees the units they administer, a district admin every unit of their district. */
async function visibleUnit(ctx: ActionContext, unitId: string | undefined) {
  const caller = requireCaller(ctx.caller);
  const districts = grantsOf(caller, 'district_admin').map((grant) => grant.orgId);
  if (unitId !== undefined && districts.length > 0) {
    const unit = await orgRepository.findUnit(ctx.tx, unitId);
    if (unit && districts.includes(unit.district_id)) return unit;
  }
  return (await orgRepository.findUnit(ctx.tx, unitAdministeredBy(caller, unitId)))!;
}

/** A slip whose holder is not a member yet: waiting for the community, sent back, still within its deadline, or not reported at all. */
function slipDetail(slip: OpenSlipRow, now: Date): Detail {
  const base = { name: slip.name, phone: maskPhone(slip.phone), community: slip.community_name };
  if (slip.registration_status === 'pending') {
    return { ...base, status: 'pending', statusLabel: '待社区确认', date: businessDate(slip.submitted_at!), reason: '待社区确认' };
  }
  if (slip.registration_status === 'returned') {
    return { ...base, status: 'returned', statusLabel: '被退回', date: businessDate(slip.decided_at!), reason: `被社区退回：${slip.return_reason}` };
  }
  if (!slipOverdue(slip.report_by, now)) {
    // Dated by its deadline; a reason the unit noted already is kept.
    return { ...base, status: 'awaiting', statusLabel: '待报到', date: slip.report_by, reason: slip.not_reported_reason?.trim() ?? '' };
  }
  return { ...base, status: 'not_reported', statusLabel: '未报到', date: businessDate(slip.issued_at), reason: slip.not_reported_reason?.trim() || NO_REASON };
}

/**
 * 在职党员社区报到情况统计表 (004 附件3). Definitions:
 * - 在职党员总数 = the unit's in-service members (inServiceMembersOf: reported, and holders of its open 报到单 not yet reported);
 * - 报到党员总数 = the former (a member exists only once a community confirmed them);
 * - 报到涉及社区数 = distinct communities of the reported;
 * - 未到社区报到的党员数 = holders past their slip's 报到截止日期, each with a reason: the unit's 未报到原因 (「未填写原因」
 *   when blank), and holders whose registration waits (待社区确认) or was sent back (被社区退回：…);
 * - holders still within the deadline are 待报到 and counted apart: nobody is late on the day their slip is issued.
 */
export async function computeUnitStatistics(ctx: ActionContext, unitId: string | undefined): Promise<UnitStatisticsView> {
  const unit = await visibleUnit(ctx, unitId);
  const members = (await inServiceMembersOf(ctx.tx, [unit.id])).get(unit.id)!;
  const now = ctx.clock.now();
  const waiting = members.waiting.map((slip) => slipDetail(slip, now));
  const late = waiting.filter((detail) => detail.status !== 'awaiting');
  const reasons = new Map<string, number>();
  for (const detail of late) reasons.set(detail.reason, (reasons.get(detail.reason) ?? 0) + 1);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    figures: {
      ...inServiceCount(members),
      communities: new Set(members.reported.map((member) => member.community_id)).size,
      notReported: late.length,
      awaiting: waiting.length - late.length,
    },
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'zh')),
    details: [
      ...late,
      ...waiting.filter((detail) => detail.status === 'awaiting'),
      ...members.reported.map((member): Detail => ({
        name: member.name, phone: maskPhone(member.phone), community: member.community_name,
        status: 'reported', statusLabel: '已报到', date: businessDate(member.reported_at), reason: '',
      })),
    ],
  };
}

export const unitStatistics = (ctx: ActionContext, input: { unitId?: string }) => computeUnitStatistics(ctx, input.unitId);

/** The statistics as an .xlsx laid out like 附件3, with a second sheet 明细 of the detail behind the figures. */
export async function exportUnitStatistics(ctx: ActionContext, input: { unitId?: string }) {
  const statistics = await computeUnitStatistics(ctx, input.unitId);
  const filledOn = businessDate(ctx.clock.now());
  const workbook = buildStatisticsWorkbook(statistics, filledOn);
  return {
    fileName: `在职党员社区报到情况统计表-${statistics.unit.name}-${filledOn}.xlsx`,
    mimeType: XLSX_MIME,
    base64: await workbookToBase64(workbook),
  };
}
