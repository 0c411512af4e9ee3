import type * as z from 'zod';
import type { ExportedFile } from '../reports/reports.schemas';
import { cjkFontPath } from './font-file';

export const PDF_MIME = 'application/pdf';

/** The name of the CJK font as registered on every document. */
export const CJK = 'cjk';

/** A4 margins in points (about 15 mm), as the paper forms leave. */
export const PAGE_MARGIN = 42;

/**
 * pdfkit (with fontkit) loads on the first render only; the build ships it as a file of its own beside the functions
 * that render (scripts/build-functions.mjs), so the other actions neither parse nor evaluate it.
 */
const loadPdfKit = (): typeof import('pdfkit') => require('pdfkit');

export interface RenderPdfOptions {
  fileName: string;
  layout?: 'portrait' | 'landscape';
  title?: string;
}

/** An A4 document with the CJK font registered as 'cjk' and selected, drawn by `draw`, as an ExportedFile. */
export async function renderPdf(options: RenderPdfOptions, draw: (doc: PDFKit.PDFDocument) => void | Promise<void>): Promise<z.infer<typeof ExportedFile>> {
  const PDFDocument = loadPdfKit();
  const font = cjkFontPath();
  // No default font: pdfkit would open its built-in Helvetica (AFM files the bundle lacks) and embed it unused.
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: PAGE_MARGIN,
    font: null,
    bufferPages: false,
    info: { Title: options.title ?? options.fileName, Creator: '党员义工', Producer: '党员义工' },
    lang: 'zh-CN',
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(CJK, font);
  doc.font(CJK);
  try {
    await draw(doc);
  } finally {
    doc.end();
  }
  const buffer = await finished;
  return { fileName: options.fileName, mimeType: PDF_MIME, base64: buffer.toString('base64') };
}
