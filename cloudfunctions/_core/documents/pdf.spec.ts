import { renderPdf, PDF_MIME } from './pdf';
import { drawQrCode, drawSealBox, drawTable } from './pdf-layout';
import { hasPdfToText, pdfText } from './pdf-text';

const withPoppler = hasPdfToText() ? it : it.skip;

describe('renderPdf', () => {
  it('should return an A4 PDF as an exported file', async () => {
    const file = await renderPdf({ fileName: '样张.pdf' }, (doc) => {
      doc.text('样张');
    });
    expect(file.fileName).toBe('样张.pdf');
    expect(file.mimeType).toBe(PDF_MIME);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  withPoppler('should embed the CJK font so the rarer name characters 堃 喆 燚 come back as text', async () => {
    const file = await renderPdf({ fileName: 'names.pdf', title: '姓名' }, (doc) => {
      doc.fontSize(14).text('姓名：王堃、李喆、张燚（社区服务记录卡）');
    });
    const text = pdfText(file.base64);
    expect(text).toContain('王堃');
    expect(text).toContain('李喆');
    expect(text).toContain('张燚');
    expect(text).toContain('社区服务记录卡');
    expect(Buffer.from(file.base64, 'base64').toString('latin1')).not.toContain('Helvetica');
  });

  withPoppler('should run a long table onto further pages with its header repeated', async () => {
    const rows = Array.from({ length: 80 }, (_, index) => [`第${index + 1}行`, '社区服务活动内容较长需要换行显示的一段文字', `${index}`]);
    let end = 0;
    const file = await renderPdf({ fileName: 'table.pdf', layout: 'landscape' }, (doc) => {
      drawSealBox(doc, { x: 500, y: 40, label: '社区认证' });
      drawQrCode(doc, 'https://example.org/verify?n=1', { x: 40, y: 40, size: 60 });
      end = drawTable(doc, { x: 40, y: 120, columns: [{ title: '序号', width: 60 }, { title: '内容', width: 200 }, { title: '时数', width: 60, align: 'right' }], rows, repeatHeader: true });
    });
    const pages = pdfText(file.base64).split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('内容');
    expect(pages.join('')).toContain('第80行');
    expect(pages[0]).toContain('（盖章）');
    expect(end).toBeGreaterThan(0);
  });
});
