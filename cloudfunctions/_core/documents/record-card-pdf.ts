import { PAGE_MARGIN, renderPdf } from './pdf';
import { drawSealBox, drawTable, type TableColumn } from './pdf-layout';
import {
  AWARD_HEADINGS, awardCells, CARD_NOTE, cardFileName, cardHeaderLine, cardTitle, certificationLabel, SERVICE_HEADINGS,
  serviceCells, totalCells, totalsLine, TRAINING_HEADINGS, trainingCells,
} from './record-card-layout';
import type { RecordCardView } from './record-card.schemas';

const columns = (headings: string[], widths: number[], align: Record<number, 'center' | 'right'> = {}): TableColumn[] =>
  headings.map((title, i) => ({ title, width: widths[i], align: align[i] }));

const SERVICE_COLUMNS = columns(SERVICE_HEADINGS, [92, 128, 88, 50, 62, 91], { 3: 'center', 4: 'center' });
const TRAINING_COLUMNS = columns(TRAINING_HEADINGS, [60, 150, 120, 121, 60], { 4: 'center' });
const AWARD_COLUMNS = columns(AWARD_HEADINGS, [180, 70, 90, 171]);

/** Starts a new page when fewer than `needed` points are left on this one. */
const ensureRoom = (doc: PDFKit.PDFDocument, y: number, needed: number) => {
  if (y + needed <= doc.page.height - doc.page.margins.bottom) return y;
  doc.addPage();
  return doc.page.margins.top;
};

/** 社区服务（活动）记录卡 (004 附件5) as an A4 PDF: the services' header repeats on every page the table runs onto. */
export function renderRecordCardPdf(card: RecordCardView) {
  return renderPdf({ fileName: cardFileName(card, 'pdf'), title: cardTitle(card) }, (doc) => {
    const x = PAGE_MARGIN;
    const width = doc.page.width - 2 * PAGE_MARGIN;
    doc.fontSize(16).text(cardTitle(card), x, PAGE_MARGIN, { width, align: 'center' });
    doc.fontSize(10).text(cardHeaderLine(card), x, doc.y + 10, { width });
    let y = drawTable(doc, { x, y: doc.y + 8, columns: SERVICE_COLUMNS, rows: [...serviceCells(card), totalCells(card)], repeatHeader: true, minRowHeight: 26 });
    doc.fontSize(9).text(totalsLine(card), x, y + 6, { width });
    y = ensureRoom(doc, doc.y + 10, 60);
    doc.fontSize(11).text('培训情况', x, y);
    const trainings = trainingCells(card);
    y = drawTable(doc, { x, y: doc.y + 4, columns: TRAINING_COLUMNS, rows: trainings.length ? trainings : [['无', '', '', '', '']], repeatHeader: true });
    y = ensureRoom(doc, y + 10, 60);
    doc.fontSize(11).text('表彰奖励情况', x, y);
    const awards = awardCells(card);
    y = drawTable(doc, { x, y: doc.y + 4, columns: AWARD_COLUMNS, rows: awards.length ? awards : [['无', '', '', '']], repeatHeader: true });
    y = ensureRoom(doc, y + 14, 150);
    drawSealBox(doc, { x: x + width - 260, y, width: 260, height: 100, label: certificationLabel(card) });
    doc.fontSize(8).text(CARD_NOTE, x, y + 110, { width });
  });
}
