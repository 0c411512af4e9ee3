import type { ActionContext } from '../runtime';
import { businessDate, formatBusinessTime } from '../shared/business-time';
import { quarterLabel } from './quarterly-report-period';
import { quarterlyReportRepository } from './quarterly-report.repository';
import { computeQuarterlyFigures, quarterAsked, reportScope, type OrganisationRef } from './quarterly-report';
import { buildQuarterlyWorkbook } from './quarterly-report-workbook';
import { XLSX_MIME, workbookToBase64 } from './workbook-style';

/**
 * The 季报表 as an .xlsx laid out like 001 附件4: the latest submitted version as it was sent (the paper filed), or
 * before the first submission today's figures marked 未提交.
 */
export async function exportQuarterlyReport(ctx: ActionContext, input: OrganisationRef & { year?: number; quarter?: number }) {
  const scope = await reportScope(ctx, input);
  const ref = quarterAsked(ctx, input);
  const latest = await quarterlyReportRepository.latestSubmission(ctx.tx, scope.owner, ref.year, ref.quarter);
  const figures = latest?.figures ?? (await computeQuarterlyFigures(ctx.tx, businessDate(ctx.clock.now()), scope, ref, await quarterlyReportRepository.contactsOf(ctx.tx, scope.owner)));
  const state = latest
    ? `已于${formatBusinessTime(latest.submitted_at)}报送上级（第${latest.version}版）`
    : `未提交（${businessDate(ctx.clock.now())}导出的当前数据）`;
  const workbook = buildQuarterlyWorkbook(figures, state);
  return {
    fileName: `党员义工工作进展情况季报表-${scope.name}-${quarterLabel(ref)}${latest ? '' : '-未提交'}.xlsx`,
    mimeType: XLSX_MIME,
    base64: await workbookToBase64(workbook),
  };
}
