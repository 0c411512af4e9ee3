import type { z } from 'zod'
import type { ExportRecordCardInput, RecordCardView } from '@core/documents/record-card.schemas'
import type { ExportedFile } from '@core/reports/reports.schemas'
import { callFunction } from '../api-client'

export type RecordCard = z.output<typeof RecordCardView>
export type RecordCardFormat = z.input<typeof ExportRecordCardInput>['format']
export type ExportedDocument = z.output<typeof ExportedFile>
/** Whose card and which year: the caller's own (no member named) and this year unless said. */
export type RecordCardQuery = { memberId?: string; year?: number }

/** The documents cloud function: 社区服务（活动）记录卡 (004 附件5) on screen and as .xlsx or .pdf. */
export const documentsApi = {
  recordCard: (query: RecordCardQuery) => callFunction<RecordCard>('documents', 'recordCard', query),
  exportRecordCard: (query: RecordCardQuery, format: RecordCardFormat) =>
    callFunction<ExportedDocument>('documents', 'exportRecordCard', { ...query, format }),
}
