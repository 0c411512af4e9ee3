import type ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 宋体 as on the paper forms; LibreOffice maps it to an installed Chinese font. */
export const FORM_FONT = '宋体';

const THIN = { style: 'thin' as const };
export const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * exceljs is 1.1 MB of the reports function and most of its start-up: it loads on the first export, never for the
 * other actions (the build ships it as a file of its own beside the function, scripts/build-functions.mjs).
 */
const loadExcelJS = (): typeof ExcelJS => require('exceljs');

export const newFormWorkbook = () => {
  const workbook = new (loadExcelJS().Workbook)();
  workbook.creator = '党员义工';
  return workbook;
};

/** A sheet printed on A4, fitted to the page width. */
export const addFormSheet = (workbook: ExcelJS.Workbook, name: string, orientation: 'portrait' | 'landscape', printTitlesRow?: string) =>
  workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(printTitlesRow ? { printTitlesRow } : {}),
    },
  });

/** A line merged across `columns` columns: the title, the header line, the 注 line. */
export function mergedLine(
  sheet: ExcelJS.Worksheet,
  columns: number,
  value: ExcelJS.CellValue,
  style: { size?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; height?: number } = {},
) {
  const row = sheet.addRow([value]);
  sheet.mergeCells(row.number, 1, row.number, columns);
  const cell = row.getCell(1);
  cell.font = { name: FORM_FONT, size: style.size ?? 11, bold: style.bold ?? false };
  cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true };
  if (style.height) row.height = style.height;
  return row;
}

/** A bordered table row with wrapped text, as the grid of a paper form. */
export function tableRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], style: { bold?: boolean; height?: number; align?: 'left' | 'center' } = {}) {
  const row = sheet.addRow(values);
  for (let column = 1; column <= values.length; column++) {
    const cell = row.getCell(column);
    cell.border = ALL_BORDERS;
    cell.font = { name: FORM_FONT, size: 10, bold: style.bold ?? false };
    cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  }
  if (style.height) row.height = style.height;
  return row;
}

/** 2026-11-23 → 2026年11月23日, as a form's 填报日期 is written. */
export const chineseDate = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

export const workbookToBase64 = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
