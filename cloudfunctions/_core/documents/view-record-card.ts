import type * as z from 'zod';
import type { ActionContext } from '../runtime';
import { businessYear } from '../shared/business-time';
import { loadRecordCard } from './record-card';
import { cardMemberFor } from './record-card-access';
import { renderRecordCardPdf } from './record-card-pdf';
import { buildRecordCardWorkbook } from './record-card-workbook';
import { cardFileName } from './record-card-layout';
import type { ExportRecordCardInput, RecordCardInput } from './record-card.schemas';
import { XLSX_MIME, workbookToBase64 } from '../reports/workbook-style';

async function cardFor(ctx: ActionContext, input: z.output<typeof RecordCardInput>) {
  const memberId = await cardMemberFor(ctx, input.memberId);
  return loadRecordCard(ctx.tx, memberId, input.year ?? businessYear(ctx.clock.now()));
}

export const recordCard = (ctx: ActionContext, input: z.output<typeof RecordCardInput>) => cardFor(ctx, input);

export async function exportRecordCard(ctx: ActionContext, input: z.output<typeof ExportRecordCardInput>) {
  const card = await cardFor(ctx, input);
  if (input.format === 'pdf') return renderRecordCardPdf(card);
  const base64 = await workbookToBase64(buildRecordCardWorkbook(card));
  return { fileName: cardFileName(card, 'xlsx'), mimeType: XLSX_MIME, base64 };
}
