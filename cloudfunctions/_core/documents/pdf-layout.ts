import qrcode from 'qrcode-generator';

export interface TableColumn {
  title: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  x: number;
  y: number;
  columns: TableColumn[];
  rows: string[][];
  /** Draw the header again at the top of every page the table runs onto. */
  repeatHeader: boolean;
  fontSize?: number;
  /** The least height of a body row, as the ruled lines of a paper form. */
  minRowHeight?: number;
}

const CELL_PADDING = 3;
const LINE_WIDTH = 0.6;

const pageBottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

function rowHeight(doc: PDFKit.PDFDocument, columns: TableColumn[], cells: string[], least: number) {
  let height = least;
  columns.forEach((column, index) => {
    const text = cells[index] ?? '';
    const needed = doc.heightOfString(text || ' ', { width: column.width - 2 * CELL_PADDING }) + 2 * CELL_PADDING;
    height = Math.max(height, needed);
  });
  return height;
}

function drawRow(doc: PDFKit.PDFDocument, x: number, y: number, columns: TableColumn[], cells: string[], height: number, centred: boolean) {
  let left = x;
  doc.lineWidth(LINE_WIDTH);
  columns.forEach((column, index) => {
    doc.rect(left, y, column.width, height).stroke();
    const text = cells[index] ?? '';
    if (text) {
      const width = column.width - 2 * CELL_PADDING;
      const textHeight = doc.heightOfString(text, { width });
      const top = y + Math.max(CELL_PADDING, (height - textHeight) / 2);
      doc.text(text, left + CELL_PADDING, top, { width, align: centred ? 'center' : (column.align ?? 'left'), lineBreak: true, height: height - CELL_PADDING });
    }
    left += column.width;
  });
}

/**
 * A ruled table: wraps each cell's text, starts a new page when a row does not fit (repeating the header there when
 * asked), and returns the y just below the last row.
 */
export function drawTable(doc: PDFKit.PDFDocument, options: TableOptions): number {
  const { x, columns, rows, repeatHeader } = options;
  const fontSize = options.fontSize ?? 9;
  const least = options.minRowHeight ?? fontSize * 2;
  doc.fontSize(fontSize);
  const headerCells = columns.map((column) => column.title);
  const headerHeight = rowHeight(doc, columns, headerCells, least);
  let y = options.y;
  if (y + headerHeight > pageBottom(doc)) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  drawRow(doc, x, y, columns, headerCells, headerHeight, true);
  y += headerHeight;
  for (const cells of rows) {
    const height = Math.min(rowHeight(doc, columns, cells, least), pageBottom(doc) - doc.page.margins.top - headerHeight);
    if (y + height > pageBottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      if (repeatHeader) {
        drawRow(doc, x, y, columns, headerCells, headerHeight, true);
        y += headerHeight;
      }
    }
    drawRow(doc, x, y, columns, cells, height, false);
    y += height;
  }
  doc.x = x;
  doc.y = y;
  return y;
}

export interface SealBoxOptions {
  x: number;
  y: number;
  /** What the box attests, at its top left: 社区认证, 出具单位（盖章）… */
  label: string;
  width?: number;
  height?: number;
  fontSize?: number;
}

/** A ruled box for the seal: the label, "（盖章）" and a 年 月 日 line; returns the y below it. */
export function drawSealBox(doc: PDFKit.PDFDocument, options: SealBoxOptions): number {
  const width = options.width ?? 220;
  const height = options.height ?? 100;
  const fontSize = options.fontSize ?? 10;
  const { x, y } = options;
  doc.lineWidth(LINE_WIDTH).rect(x, y, width, height).stroke();
  doc.fontSize(fontSize);
  doc.text(options.label, x + 8, y + 8, { width: width - 16 });
  doc.text('（盖章）', x + 8, y + height / 2 - fontSize / 2, { width: width - 16, align: 'right' });
  doc.text('年　　月　　日', x + 8, y + height - fontSize - 10, { width: width - 16, align: 'right' });
  doc.x = x;
  doc.y = y + height;
  return y + height;
}

export interface QrOptions {
  x: number;
  y: number;
  /** The side of the code in points, quiet zone excluded. */
  size: number;
}

/** A QR code of `text` drawn as vector squares (error correction M), so it stays sharp when printed. */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, options: QrOptions): void {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const cell = options.size / count;
  doc.save();
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (code.isDark(row, column)) doc.rect(options.x + column * cell, options.y + row * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
