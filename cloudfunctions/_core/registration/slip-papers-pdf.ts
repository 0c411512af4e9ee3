import { renderPdf } from '../documents/pdf';
import { drawQrCode, drawSealBox } from '../documents/pdf-layout';
import type { CommunityHeadings } from './slip-papers.repository';

/** 2026-11-23 → 2026年11月23日 */
const chineseDate = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

const BLANK = '＿＿＿＿';

export interface SlipPaper {
  headings: CommunityHeadings;
  unitName: string;
  memberName: string;
  memberPhone: string;
  partyStanding: '正式' | '预备';
  code: string;
  reportBy: string;
  issuedOn: string;
  /** What the QR code and the printed link open: the registration page with the code. */
  link: string;
  /** Whether `link` is an address on the web (else a mini-program page path). */
  linkIsWeb: boolean;
}

export interface ReceiptPaper {
  unitName: string | null;
  communityName: string;
  /** The 回执's sentence once the community confirmed the member; null leaves the form's blanks to fill by hand. */
  text: string | null;
  memberName: string;
  decidedOn: string | null;
}

const LEFT = 56;
const WIDTH = 595.28 - 2 * LEFT;

function title(doc: PDFKit.PDFDocument, text: string, y: number) {
  doc.fontSize(18).text(text, LEFT, y, { width: WIDTH, align: 'center', characterSpacing: 2 });
  return doc.y + 14;
}

function paragraph(doc: PDFKit.PDFDocument, text: string, y: number, options: { indent?: boolean; size?: number } = {}) {
  doc.fontSize(options.size ?? 12).text(text, LEFT, y, { width: WIDTH, lineGap: 6, indent: options.indent ? 24 : 0 });
  return doc.y + 6;
}

/** Lines of the form at the left (the deadline, the date) and the seal box at the right, whose date is written when stamped. */
function sealBeside(doc: PDFKit.PDFDocument, y: number, lines: string[], label: string) {
  const width = 200;
  doc.fontSize(12);
  lines.forEach((line, index) => doc.text(line, LEFT, y + 8 + index * 24, { width: WIDTH - width - 12 }));
  return drawSealBox(doc, { x: LEFT + WIDTH - width, y, label, width, height: 86 }) + 12;
}

function drawSlip(doc: PDFKit.PDFDocument, slip: SlipPaper, y: number) {
  y = title(doc, '在职党员社区报到单', y);
  const { district, street, community } = slip.headings;
  y = paragraph(doc, `${district}　${street}　${community}党组织：`, y, { size: 13 });
  y = paragraph(
    doc,
    `我单位中共${slip.partyStanding}党员　${slip.memberName}　同志，联系电话：${slip.memberPhone}，现到你处报到，请予登记并安排参加社区相关服务活动。`,
    y,
    { indent: true },
  );
  y = sealBeside(doc, y + 4, [`（请于${monthDay(slip.reportBy)}之前报到）`, `开具日期：${chineseDate(slip.issuedOn)}`], `单位党组织：${slip.unitName}`);

  const qrSize = 92;
  doc.lineWidth(0.6).rect(LEFT, y, WIDTH, qrSize + 16).stroke();
  drawQrCode(doc, slip.link, { x: LEFT + 8, y: y + 8, size: qrSize });
  const textX = LEFT + qrSize + 22;
  const textWidth = WIDTH - qrSize - 30;
  doc.fontSize(13).text(`报到码：${slip.code}`, textX, y + 10, { width: textWidth });
  doc.fontSize(10).text(
    slip.linkIsWeb ? '手机扫码或打开下面的链接，即可填写报到登记表（报到码已填好）：' : '在「党员义工」小程序登录页点「党员报到登记」，扫这个码或填写报到码；小程序页面：',
    textX,
    doc.y + 4,
    { width: textWidth, lineGap: 2 },
  );
  doc.fontSize(9).text(slip.link, textX, doc.y + 2, { width: textWidth });
  return y + qrSize + 16;
}

function drawReceipt(doc: PDFKit.PDFDocument, receipt: ReceiptPaper, y: number) {
  y = title(doc, '在职党员社区报到回执单', y);
  y = paragraph(doc, `${receipt.unitName ?? BLANK}党组织：`, y, { size: 13 });
  y = paragraph(
    doc,
    receipt.text ?? `你单位党员　${receipt.memberName}　同志已于${BLANK}月${BLANK}日到我处报到登记，认领的社区服务岗位为${BLANK}${BLANK}。`,
    y,
    { indent: true },
  );
  return sealBeside(doc, y + 4, [receipt.decidedOn ? `报到日期：${chineseDate(receipt.decidedOn)}` : '报到日期：　　年　　月　　日'], `社区党组织：${receipt.communityName}`);
}

function cutLine(doc: PDFKit.PDFDocument, y: number) {
  doc.save().lineWidth(0.8).dash(4, { space: 3 }).moveTo(LEFT - 20, y).lineTo(LEFT + WIDTH + 20, y).stroke().undash().restore();
  doc.fontSize(9).text('（沿此线剪开：上联由党员携带到社区报到，下联回执由社区党组织填写盖章后反馈单位党组织留存）', LEFT, y + 4, { width: WIDTH, align: 'center' });
  return doc.y + 18;
}

/** 在职党员社区报到单 and, below the cut line, its 回执单 (004 附件1), on one A4 page. */
export const renderSlipPdf = (slip: SlipPaper, receipt: ReceiptPaper, fileName: string) =>
  renderPdf({ fileName, title: `在职党员社区报到单 ${slip.memberName}` }, (doc) => {
    const middle = drawSlip(doc, slip, 48);
    drawReceipt(doc, receipt, cutLine(doc, middle + 22));
  });

/** 在职党员社区报到回执单 on its own A4 page. */
export const renderReceiptPdf = (receipt: ReceiptPaper, fileName: string) =>
  renderPdf({ fileName, title: `在职党员社区报到回执单 ${receipt.memberName}` }, (doc) => {
    drawReceipt(doc, receipt, 64);
  });
