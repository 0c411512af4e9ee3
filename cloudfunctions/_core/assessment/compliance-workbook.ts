import { addFormSheet, chineseDate, mergedLine, newFormWorkbook, tableRow } from '../reports/workbook-style';
import { QUARTER_NAMES } from './assessment-periods';
import type { ComplianceRow, countsOf } from './compliance-rows';

type Counts = ReturnType<typeof countsOf>;

/** A list row with the credited hours of each quarter beside it. */
export type ComplianceExportRow = ComplianceRow & { quarterHours: number[] };

export type ComplianceExport = {
  year: number;
  /** 社区 for the secretary's list, 单位 for the unit's. */
  scope: 'community' | 'unit';
  organisationName: string;
  /** 考核办法 lines: one for a community, one per community the unit's members serve in. */
  ruleSetLines: string[];
  exportedOn: string;
  counts: Counts;
  rows: ComplianceExportRow[];
  /** Sheet 汇总: per quarter for a community (members with and without a credited service), per community for a unit. */
  byQuarter?: { label: string; withService: number; withoutService: number }[];
  byCommunity?: { communityName: string; ruleSet: string; members: number; met: number; behind: number; exempt: number }[];
};

export const COMPLIANCE_NOTE =
  '注：时数为已认定的服务时数（待审核、待居民确认的不计），按服务日期计入季度；底色标出的季度未达到按季度考核的规则；“未达标的规则及差距”为截至导出日的情况，年度未结束时仍可补足。';

const QUARTER_MISSED_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFCE4E4' } };

export const complianceHeadings = (scope: ComplianceExport['scope']) => [
  '序号',
  '姓名',
  '志愿者编号',
  '党员类型',
  scope === 'community' ? '网格' : '报到社区',
  ...QUARTER_NAMES.map((name) => `${name}（小时）`),
  '全年时数（小时）',
  '考核情况',
  '未达标的规则及差距',
  '免除及原因',
];

/** The quarters (1–4) a quarterly rule of the row holds and are not met, begun ones only. */
const missedQuarters = (row: ComplianceExportRow) =>
  new Set(
    row.rules
      .filter((rule) => rule.status === 'not_met')
      .flatMap((rule) => (rule.quarters ?? []).filter((q) => q.applicable && !q.met && q.phase !== 'future').map((q) => q.quarter)),
  );

const gapText = (row: ComplianceExportRow) =>
  row.rules
    .filter((rule) => rule.status === 'not_met')
    .map((rule) => `${rule.title}：${rule.advice}`)
    .join('\n');

const exemptionText = (row: ComplianceExportRow) =>
  row.rules
    .filter((rule) => rule.status === 'exempt')
    .map((rule) => `${rule.title}：${rule.advice}`)
    .join('\n');

/** 党员考核达标情况 as a workbook: the list (most behind first) and the figures above it, A4 landscape. */
export function buildComplianceWorkbook(list: ComplianceExport) {
  const workbook = newFormWorkbook();
  const headings = complianceHeadings(list.scope);
  const columns = headings.length;
  const sheet = addFormSheet(workbook, '达标名单', 'landscape', '6:6');
  sheet.columns = [6, 9, 14, 11, 12, 9, 9, 9, 9, 10, 9, 52, 22].map((width) => ({ width }));
  const place = list.scope === 'community' ? '社区' : '单位';
  mergedLine(sheet, columns, `${list.year}年度党员义工考核达标情况`, { size: 16, bold: true, align: 'center', height: 32 });
  mergedLine(sheet, columns, `${place}：${list.organisationName}`, { height: 20 });
  mergedLine(sheet, columns, `考核办法：${list.ruleSetLines.join('；')}`, { height: Math.max(20, 16 * list.ruleSetLines.length) });
  const { counts } = list;
  mergedLine(
    sheet,
    columns,
    `共${counts.members}人：达标${counts.met}人，未达标${counts.behind}人，免除${counts.exempt}人，不考核${counts.notAssessed}人`,
    { height: 20 },
  );
  mergedLine(sheet, columns, `导出日期：${chineseDate(list.exportedOn)}`, { align: 'right', height: 20 });
  tableRow(sheet, headings, { bold: true, height: 32 });
  list.rows.forEach((row, index) => {
    const missed = missedQuarters(row);
    const line = tableRow(
      sheet,
      [
        index + 1,
        row.name,
        row.volunteerNo,
        row.memberTypeLabel,
        (list.scope === 'community' ? row.gridName : row.communityName) ?? '',
        ...row.quarterHours,
        row.hours,
        row.statusLabel,
        gapText(row),
        exemptionText(row),
      ],
      { height: 30 },
    );
    for (const quarter of missed) line.getCell(5 + quarter).fill = QUARTER_MISSED_FILL;
    line.getCell(columns - 1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    line.getCell(columns).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });
  mergedLine(sheet, columns, COMPLIANCE_NOTE, { height: 34 });
  sheet.views = [{ state: 'frozen', ySplit: 6, xSplit: 0 }];

  const summary = addFormSheet(workbook, '汇总', 'portrait');
  summary.columns = [22, 16, 12, 12, 12, 12].map((width) => ({ width }));
  mergedLine(summary, 6, `${list.organisationName} ${list.year}年度考核达标汇总`, { size: 14, bold: true, align: 'center', height: 28 });
  tableRow(summary, ['人数', '达标', '未达标', '免除', '不考核', '本季度尚无服务'], { bold: true, height: 24 });
  tableRow(summary, [counts.members, counts.met, counts.behind, counts.exempt, counts.notAssessed, counts.noServiceThisQuarter], { height: 22 });
  if (list.byQuarter) {
    summary.addRow([]);
    tableRow(summary, ['季度', '有已认定服务的人数', '无服务的人数'], { bold: true, height: 24 });
    for (const quarter of list.byQuarter) tableRow(summary, [quarter.label, quarter.withService, quarter.withoutService], { height: 22 });
  }
  if (list.byCommunity) {
    summary.addRow([]);
    tableRow(summary, ['报到社区', '考核办法', '人数', '达标', '未达标', '免除'], { bold: true, height: 24 });
    for (const community of list.byCommunity) {
      tableRow(summary, [community.communityName, community.ruleSet, community.members, community.met, community.behind, community.exempt], { height: 22 });
    }
  }
  return workbook;
}
