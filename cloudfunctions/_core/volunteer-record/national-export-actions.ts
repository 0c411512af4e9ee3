import { ExportedFile } from '../reports/reports.schemas';
import { defineAction, type ActionTable } from '../runtime';
import { exportNationalRecord } from './national-export';
import { NationalExportInput } from './national-export.schemas';

/** The hand-over to the 全国志愿服务信息系统, mounted on the reports function (it needs exceljs, which only reports ships). */
export const nationalExportActions: ActionTable = {
  exportNationalRecord: defineAction({
    summary: '全国系统导出（区管理员）：本区某年度或季度的志愿者、志愿服务项目、志愿服务时间、培训、表彰奖励，按 MZ/T 061-2015 所列要素分表的 Excel（对照见 docs/national-export.md）',
    access: 'user',
    input: NationalExportInput,
    output: ExportedFile,
    readOnly: true,
    errors: [],
    run: exportNationalRecord,
  }),
};
