import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** poppler's pdftotext, present here and in CI (.ci/run installs poppler-utils); tests that read PDFs skip without it. */
export const PDFTOTEXT = '/usr/bin/pdftotext';
export const hasPdfToText = () => fs.existsSync(PDFTOTEXT);

/** The text of a PDF (base64) as pdftotext extracts it, pages separated by form feeds. */
export function pdfText(base64: string, layout = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-text-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync(PDFTOTEXT, [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
