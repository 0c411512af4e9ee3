import { XLSX_MIME, workbookToBase64 } from '../reports/workbook-style';
import { grantsOf, requireCaller, type ActionContext } from '../runtime';
import { businessDate } from '../shared/business-time';
import { communityCompliance, unitCompliance } from './compliance-list';
import { byQuarterOf, communitiesOf, countsOf, hoursByQuarter, pageOf, type ComplianceEntry } from './compliance-rows';
import { buildComplianceWorkbook, type ComplianceExportRow } from './compliance-workbook';
import { organisationRates } from './organisation-rates';
import { buildOrganisationRatesWorkbook } from './organisation-rates-workbook';
import type { EffectiveRuleSet } from './rule-set.repository';

const ORIGIN_SUFFIX: Record<EffectiveRuleSet['origin'], string> = { chosen: '', earlier_year: '（沿用往年）', default: '（默认）' };

const ruleSetLine = (effective: EffectiveRuleSet) =>
  `${effective.ruleSet.name}${effective.version ? `（第${effective.version}版）` : ''}${ORIGIN_SUFFIX[effective.origin]}`;

/** Every row, most behind first as the screen sorts them, with each member's hours per quarter. */
function exportRows(entries: ComplianceEntry[], year: number, currentQuarter: number | null): ComplianceExportRow[] {
  const quarters = new Map(entries.map(({ member }) => [member.memberId, hoursByQuarter(member.facts, year)]));
  const { items } = pageOf(entries, { status: 'all', sort: 'most_behind', page: { limit: entries.length, offset: 0 }, currentQuarter });
  return items.map((row) => ({ ...row, quarterHours: quarters.get(row.memberId)! }));
}

const xlsx = async (fileName: string, workbook: ReturnType<typeof buildComplianceWorkbook>) => ({ fileName, mimeType: XLSX_MIME, base64: await workbookToBase64(workbook) });

/**
 * Whose list is exported: a unit (named, or the caller's own when they administer one and name no community), else a
 * community (named, or the secretary's own); the list itself checks the caller may see it.
 */
const wantsUnit = (ctx: ActionContext, input: { communityId?: string; unitId?: string }) => {
  const caller = requireCaller(ctx.caller);
  if (input.unitId) return true;
  return !input.communityId && grantsOf(caller, 'secretary').length === 0 && grantsOf(caller, 'unit_admin').length > 0;
};

/** 考核达标情况 as xlsx, from the same standing the screens 考核达标 and 党员服务情况 compute. */
export async function exportComplianceList(ctx: ActionContext, input: { communityId?: string; unitId?: string; year?: number }) {
  const exportedOn = businessDate(ctx.clock.now());
  if (wantsUnit(ctx, input)) {
    const { year, unit, entries, ruleSets, ruleSetOf, currentQuarter } = await unitCompliance(ctx, input);
    const communities = communitiesOf(entries);
    const byCommunity = communities.map(([communityId, communityName]) => {
      const of = entries.filter(({ member }) => member.communityId === communityId);
      const count = (status: string) => of.filter(({ standing }) => standing.status === status).length;
      return { communityName, ruleSet: ruleSetOf(communityId).name, members: of.length, met: count('met'), behind: count('behind'), exempt: count('exempt') };
    });
    const workbook = buildComplianceWorkbook({
      year,
      scope: 'unit',
      organisationName: unit.name,
      ruleSetLines: communities.map(([communityId, communityName]) => {
        const effective = ruleSets.get(communityId);
        return `${communityName}：${effective ? ruleSetLine(effective) : ruleSetOf(communityId).name}`;
      }),
      exportedOn,
      counts: countsOf(entries, currentQuarter),
      rows: exportRows(entries, year, currentQuarter),
      byCommunity,
    });
    return xlsx(`党员考核达标情况-${unit.name}-${year}.xlsx`, workbook);
  }
  const { year, now, community, effective, entries, currentQuarter } = await communityCompliance(ctx, input);
  const workbook = buildComplianceWorkbook({
    year,
    scope: 'community',
    organisationName: community.name,
    ruleSetLines: [ruleSetLine(effective)],
    exportedOn,
    counts: countsOf(entries, currentQuarter),
    rows: exportRows(entries, year, currentQuarter),
    byQuarter: byQuarterOf(entries, year, now),
  });
  return xlsx(`党员考核达标情况-${community.name}-${year}.xlsx`, workbook);
}

/** 组织考核比率 as xlsx, from the same evaluation the screen 考核与达标率 shows. */
export async function exportOrganisationRates(ctx: ActionContext, input: { year?: number; districtId?: string }) {
  const view = await organisationRates(ctx, input);
  const heading = view.district?.name ?? view.organisations.map((organisation) => organisation.name).join('、');
  const workbook = buildOrganisationRatesWorkbook(view, heading, businessDate(ctx.clock.now()));
  return { fileName: `组织考核比率-${heading}-${view.year}.xlsx`, mimeType: XLSX_MIME, base64: await workbookToBase64(workbook) };
}
