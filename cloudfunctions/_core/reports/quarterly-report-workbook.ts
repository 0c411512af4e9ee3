import { quarterLabel } from './quarterly-report-period';
import type { QuarterlyFigures } from './quarterly-report.schemas';
import { ALL_BORDERS, FORM_FONT, addFormSheet, chineseDate, mergedLine, newFormWorkbook, tableRow } from './workbook-style';

export const QUARTERLY_TITLE = '党员义工工作进展情况季报表';

export const QUARTERLY_NOTE =
  '注：每季度最后一个月28日前报上级党（工）委。参加人数为本季度有已认定服务时长的人数（同一人参加多项只计一次，人次另列）；' +
  '累计时数为已认定的服务时长（补录的时长经审核认定后计入，待审核、待居民确认的不计）；下辖党员义工组织为本组织的服务队、党员工作室和小组。';

export const ACTIVITY_HEADINGS = ['项目', '参加人数', '累计时数（小时）'];

/** 季报表 (001 附件4) on one A4 page: the organisation's figures, its contacts, the quarter's activities, 注, the seal box and 填报日期. */
export function buildQuarterlyWorkbook(figures: QuarterlyFigures, state: string) {
  const workbook = newFormWorkbook();
  const sheet = addFormSheet(workbook, '季报表', 'portrait');
  sheet.columns = [{ width: 16 }, { width: 40 }, { width: 16 }, { width: 18 }];
  mergedLine(sheet, 4, QUARTERLY_TITLE, { size: 18, bold: true, align: 'center', height: 40 });
  mergedLine(sheet, 4, state, { align: 'right', height: 20, size: 10 });
  const line = (label: string, value: string | number, unit = '') => {
    const row = tableRow(sheet, [label, unit ? `${value} ${unit}` : value, '', ''], { height: 30 });
    sheet.mergeCells(row.number, 2, row.number, 4);
    return row;
  };
  line('党员义工组织名称', figures.organisation.name);
  line('下辖党员义工组织', figures.teams, '个');
  line('管辖党员总数', figures.partyMembers, '人');
  line('注册党员义工总数', figures.registeredVolunteers, '人');
  line('入党积极分子注册义工', figures.activists, '人');

  const contacts = figures.contacts;
  const names = tableRow(sheet, ['义工组织负责人、联系人', '姓名', contacts ? `负责人：${contacts.leadName}` : '负责人：', contacts ? `联系人：${contacts.contactName}` : '联系人：'], { height: 30 });
  const phones = tableRow(sheet, ['', '联系电话', contacts?.leadPhone ?? '', contacts?.contactPhone ?? ''], { height: 30 });
  sheet.mergeCells(names.number, 1, phones.number, 1);

  const first = tableRow(sheet, ['组织开展义工服务', `开展时间：${quarterLabel(figures)}`, '', ''], { height: 28 });
  sheet.mergeCells(first.number, 2, first.number, 4);
  const heading = tableRow(sheet, ['', ...ACTIVITY_HEADINGS], { bold: true, height: 26 });
  if (figures.activities.length === 0) {
    const none = tableRow(sheet, ['', '本季度无已认定服务时长的活动', '', ''], { height: 26 });
    sheet.mergeCells(none.number, 2, none.number, 4);
  }
  figures.activities.forEach((activity, i) => {
    const project = `${i + 1}、${activity.project}（${chineseDate(activity.heldOn)}）`;
    const brief = activity.brief ? `\n简讯：${activity.brief.summary}（照片${activity.brief.photos}张${activity.brief.late ? '，逾期提交' : ''}）` : '';
    const row = tableRow(sheet, ['', `${project}${brief}`, activity.participants, activity.hours], { height: brief ? 52 : 26 });
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });
  const total = tableRow(sheet, ['', '合计', `${figures.totals.people}人（${figures.totals.participations}人次）`, figures.totals.hours], { bold: true, height: 26 });
  sheet.mergeCells(first.number, 1, total.number, 1);
  // A long list breaks onto more pages, each opening with the activity headings.
  sheet.pageSetup.printTitlesRow = `${heading.number}:${heading.number}`;

  mergedLine(sheet, 4, QUARTERLY_NOTE, { height: 64, size: 9 });
  const seal = sheet.addRow(['填报单位（盖章）：', '', `填报日期：${chineseDate(figures.filledOn)}`, '']);
  sheet.mergeCells(seal.number, 1, seal.number, 2);
  sheet.mergeCells(seal.number, 3, seal.number, 4);
  seal.height = 70;
  for (const column of [1, 2, 3, 4]) seal.getCell(column).border = ALL_BORDERS;
  for (const column of [1, 3]) {
    const cell = seal.getCell(column);
    cell.font = { name: FORM_FONT, size: 11 };
    cell.alignment = { horizontal: column === 1 ? 'left' : 'right', vertical: 'top', wrapText: true };
  }
  return workbook;
}
