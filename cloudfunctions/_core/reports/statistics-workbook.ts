import type { UnitStatisticsView } from './reports.schemas';
import { addFormSheet, chineseDate, mergedLine, newFormWorkbook, tableRow } from './workbook-style';

export const STATISTICS_NOTE = '注：此表供参考，由单位党组织填写，并报上级党（工）委。';

export const DETAIL_HEADINGS = ['序号', '姓名', '手机', '报到社区', '状态', '日期', '未报到原因'];

/** 未报到的主要原因 as written on the form: one reason a line, with how many. */
export const reasonsText = (reasons: UnitStatisticsView['reasons']) =>
  reasons.length ? reasons.map(({ reason, count }) => `${reason}（${count}人）`).join('\n') : '无';

/** 在职党员社区报到情况统计表 (004 附件3) and the sheet 明细 with each member or slip behind the figures. */
export function buildStatisticsWorkbook(statistics: UnitStatisticsView, filledOn: string) {
  const workbook = newFormWorkbook();
  const sheet = addFormSheet(workbook, '统计表', 'portrait');
  sheet.columns = [{ width: 24 }, { width: 52 }];
  mergedLine(sheet, 2, '在职党员社区报到情况统计表', { size: 18, bold: true, align: 'center', height: 40 });
  mergedLine(sheet, 2, `填报日期：${chineseDate(filledOn)}`, { align: 'right', height: 26 });
  const { figures } = statistics;
  const lines: [string, string | number][] = [
    ['单位名称', statistics.unit.name],
    ['在职党员总数', figures.inService],
    ['报到党员总数', figures.reported],
    ['报到涉及社区数', figures.communities],
    ['未到社区报到的党员数', figures.notReported],
    ['尚在报到期限内的党员数', figures.awaiting],
  ];
  for (const [label, value] of lines) tableRow(sheet, [label, value], { height: 40 });
  tableRow(sheet, ['未报到的主要原因', reasonsText(statistics.reasons)], { height: Math.max(80, 20 * statistics.reasons.length + 20) });
  mergedLine(sheet, 2, STATISTICS_NOTE, { height: 26 });

  const details = addFormSheet(workbook, '明细', 'portrait', '1:2');
  details.columns = [{ width: 6 }, { width: 10 }, { width: 14 }, { width: 16 }, { width: 11 }, { width: 12 }, { width: 30 }];
  mergedLine(details, DETAIL_HEADINGS.length, `${statistics.unit.name} 在职党员报到明细`, { size: 14, bold: true, align: 'center', height: 30 });
  tableRow(details, DETAIL_HEADINGS, { bold: true, height: 26 });
  statistics.details.forEach((detail, i) =>
    tableRow(details, [i + 1, detail.name, detail.phone, detail.community, detail.statusLabel, detail.date, detail.reason], { height: 24 }),
  );
  details.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
  return workbook;
}
