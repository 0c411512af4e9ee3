import type ExcelJS from 'exceljs';
import type { RegisterHeader, RegisterRow } from './reports.schemas';
import { FORM_FONT, addFormSheet, chineseDate, mergedLine, newFormWorkbook, tableRow } from './workbook-style';

/** 附件4's seventeen columns: heading, width in characters, and the row's value. */
export const REGISTER_COLUMNS: [string, number, (row: RegisterRow) => string | number][] = [
  ['序号', 5, (row) => row.seq],
  ['姓名', 8, (row) => row.name],
  ['性别', 5, (row) => row.gender],
  ['出生年月', 8, (row) => row.birthMonth],
  ['入党时间', 8, (row) => row.joinedPartyMonth],
  ['文化程度', 9, (row) => row.education],
  ['专业特长', 10, (row) => row.skills],
  ['兴趣爱好', 10, (row) => row.hobbies],
  ['工作单位及职务', 16, (row) => row.workUnitAndTitle],
  ['单位属性（机关、事业、企业、大专院校）', 11, (row) => row.unitKind],
  ['住址', 16, (row) => row.address],
  ['单位电话', 13, (row) => row.unitPhone],
  ['手机', 13, (row) => row.phone],
  ['志愿服务项目', 22, (row) => row.serviceProjects],
  ['志愿服务小组', 9, (row) => row.serviceGroup],
  ['报到日期', 11, (row) => row.reportedOn],
  ['是否愿意参加社区其他服务', 10, (row) => row.willingOtherServices],
];

export const REGISTER_NOTE = '注：此表供参考，由社区党组织汇总填写，报上级党（工）委留存备案。';

const underlined = (text: string): ExcelJS.RichText => ({ text: ` ${text} `, font: { name: FORM_FONT, size: 11, underline: true } });
const plain = (text: string): ExcelJS.RichText => ({ text, font: { name: FORM_FONT, size: 11 } });

/** 在职党员社区报到登记表 (004 附件4): title, the organisation line, the 17 headings, one row per member, 注 and 填报日期. */
export function buildRegisterWorkbook(register: { title: string; header: RegisterHeader; rows: RegisterRow[]; filledOn: string }) {
  const workbook = newFormWorkbook();
  const columns = REGISTER_COLUMNS.length;
  const sheet = addFormSheet(workbook, '登记表', 'landscape', '1:3');
  sheet.columns = REGISTER_COLUMNS.map(([, width]) => ({ width }));
  mergedLine(sheet, columns, register.title, { size: 18, bold: true, align: 'center', height: 36 });
  mergedLine(
    sheet,
    columns,
    {
      richText: [
        underlined(register.header.district), plain('县（市、区）    '),
        underlined(register.header.street), plain('街道（乡镇）    '),
        underlined(register.header.community), plain('社区党组织'),
      ],
    },
    { height: 24 },
  );
  tableRow(sheet, REGISTER_COLUMNS.map(([heading]) => heading), { bold: true, height: 58 });
  for (const row of register.rows) tableRow(sheet, REGISTER_COLUMNS.map(([, , value]) => value(row)), { height: 36 });
  mergedLine(sheet, columns, REGISTER_NOTE, { height: 22 });
  mergedLine(sheet, columns, `填报日期：${chineseDate(register.filledOn)}`, { align: 'right', height: 22 });
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 0 }];
  return workbook;
}
