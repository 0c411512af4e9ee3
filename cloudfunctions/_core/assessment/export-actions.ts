import { defineAction, type ActionTable } from '../runtime';
import { ExportedFile } from '../reports/reports.schemas';
import { exportComplianceList, exportOrganisationRates } from './assessment-exports';
import { ExportComplianceListInput, ExportOrganisationRatesInput } from './assessment-exports.schemas';

/** The compliance list and the organisation rates as xlsx, figured as the screens figure them. */
export const exportActions: ActionTable = {
  exportComplianceList: defineAction({
    summary:
      '导出党员考核达标情况 Excel：每位党员各季度已认定时数、全年时数、达标情况、未达标的规则及差距、免除及原因，注明考核办法及版本，另附汇总；社区书记导出本社区，单位管理员导出本单位在职党员，区管理员可指定本区社区或单位',
    access: 'user',
    input: ExportComplianceListInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['ORG_UNIT_NOT_FOUND', 'ORG_NOT_IN_DISTRICT'],
    run: exportComplianceList,
  }),
  exportOrganisationRates: defineAction({
    summary: '导出组织考核比率 Excel：各组织的注册率、参与率、满意率（分子、分母）对照达标值，是否达标、还差多少；区管理员导出本区，社区书记本社区，单位管理员本单位',
    access: 'user',
    input: ExportOrganisationRatesInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['ORG_NOT_IN_DISTRICT'],
    run: exportOrganisationRates,
  }),
};
