import { addFormSheet, ALL_BORDERS, FORM_FONT, mergedLine, newFormWorkbook, tableRow } from '../reports/workbook-style';
import {
  AWARD_HEADINGS, awardCells, CARD_NOTE, cardHeaderLine, cardTitle, certificationLabel, SERVICE_HEADINGS, serviceCells,
  totalCells, totalsLine, TRAINING_HEADINGS, trainingCells,
} from './record-card-layout';
import type { RecordCardView } from './record-card.schemas';

const COLUMNS = SERVICE_HEADINGS.length;

/** 社区服务（活动）记录卡 (004 附件5) as a workbook laid out like the paper card, the table's header repeated on each page. */
export function buildRecordCardWorkbook(card: RecordCardView) {
  const workbook = newFormWorkbook();
  const sheet = addFormSheet(workbook, '记录卡', 'portrait', '3:3');
  sheet.columns = [{ width: 20 }, { width: 26 }, { width: 18 }, { width: 11 }, { width: 13 }, { width: 24 }];
  mergedLine(sheet, COLUMNS, cardTitle(card), { size: 16, bold: true, align: 'center', height: 36 });
  mergedLine(sheet, COLUMNS, cardHeaderLine(card), { height: 30 });
  tableRow(sheet, SERVICE_HEADINGS, { bold: true, height: 32 });
  for (const cells of serviceCells(card)) tableRow(sheet, cells.map((cell, i) => (i === 3 && cell ? Number(cell) : cell)), { height: 36 });
  tableRow(sheet, totalCells(card).map((cell, i) => (i === 3 ? Number(cell) : cell)), { bold: true, height: 26 });
  mergedLine(sheet, COLUMNS, totalsLine(card), { height: 24 });

  mergedLine(sheet, COLUMNS, '培训情况', { bold: true, height: 24 });
  const trainings = trainingCells(card);
  tableRow(sheet, [...TRAINING_HEADINGS, ''], { bold: true, height: 24 });
  for (const cells of trainings.length ? trainings : [['无', '', '', '', '']]) tableRow(sheet, [...cells, ''], { height: 24 });

  mergedLine(sheet, COLUMNS, '表彰奖励情况', { bold: true, height: 24 });
  const awards = awardCells(card);
  tableRow(sheet, [...AWARD_HEADINGS, '', ''], { bold: true, height: 24 });
  for (const cells of awards.length ? awards : [['无', '', '', '']]) tableRow(sheet, [...cells, '', ''], { height: 24 });

  const seal = sheet.addRow([certificationLabel(card), '', '', '（盖章）\n\n年　　月　　日']);
  sheet.mergeCells(seal.number, 1, seal.number, 3);
  sheet.mergeCells(seal.number, 4, seal.number, COLUMNS);
  seal.height = 80;
  for (const column of [1, 4]) {
    const cell = seal.getCell(column);
    cell.font = { name: FORM_FONT, size: 11 };
    cell.border = ALL_BORDERS;
    cell.alignment = { horizontal: column === 1 ? 'left' : 'right', vertical: 'middle', wrapText: true };
  }
  mergedLine(sheet, COLUMNS, CARD_NOTE, { size: 9, height: 40 });
  return workbook;
}
