import { ExportedFile } from '../reports/reports.schemas';
import { defineAction, type ActionTable } from '../runtime';
import { documentsErrors } from './documents.errors';
import { ExportRecordCardInput, RecordCardInput, RecordCardView } from './record-card.schemas';
import { exportRecordCard, recordCard } from './view-record-card';

export { documentsErrors };
export { loadRecordCard } from './record-card';
export * from './record-card.schemas';

/** 文书：社区服务（活动）记录卡（004 附件5）及其 Excel / PDF */
export const documentsActions: ActionTable = {
  recordCard: defineAction({
    summary: '社区服务（活动）记录卡（附件5）：某党员某年每次已认定服务的时间、地点、内容、时数、评价、认证，合计（扫码核验与补录分列），培训和表彰（本人；本社区书记；本单位管理员；本区管理员）',
    access: 'user',
    input: RecordCardInput,
    output: RecordCardView,
    readOnly: true,
    errors: ['DOCUMENT_NOT_YOURS', 'DOCUMENT_MEMBER_NOT_FOUND'],
    run: recordCard,
  }),
  exportRecordCard: defineAction({
    summary: '导出记录卡 Excel 或 PDF（按附件5排版，含社区认证盖章栏）',
    access: 'user',
    input: ExportRecordCardInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['DOCUMENT_NOT_YOURS', 'DOCUMENT_MEMBER_NOT_FOUND'],
    run: exportRecordCard,
  }),
};
