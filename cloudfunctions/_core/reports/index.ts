import { defineAction, type ActionTable } from '../runtime';
import { communityRegister, exportCommunityRegister } from './community-register';
import { quarterlyReport, submitQuarterlyReport } from './quarterly-report';
import { exportQuarterlyReport } from './quarterly-report-export';
import { QuarterlyReportInput, QuarterlyReportStatusInput, QuarterlyReportStatusView, QuarterlyReportView, SubmitQuarterlyReportInput } from './quarterly-report.schemas';
import { quarterlyReportStatus } from './quarterly-report-status';
import { reportsErrors } from './reports.errors';
import {
  CommunityRegisterInput,
  CommunityRegisterView,
  ExportCommunityRegisterInput,
  ExportedFile,
  UnitStatisticsInput,
  UnitStatisticsView,
} from './reports.schemas';
import { exportUnitStatistics, unitStatistics } from './unit-statistics';

export { reportsErrors };
export * from './reports.schemas';
export * from './quarterly-report.schemas';

/** 报表：社区在职党员报到登记表（附件4）、单位报到情况统计表（附件3）及其 Excel 导出 */
export const reportsActions: ActionTable = {
  communityRegister: defineAction({
    summary: '在职党员社区报到登记表（附件4）：本社区党员逐人登记，电话住址打码，可按姓名、手机尾号或单位搜索（书记；区管理员可指定社区）',
    access: 'user',
    input: CommunityRegisterInput,
    output: CommunityRegisterView,
    readOnly: true,
    errors: [],
    run: communityRegister,
  }),
  exportCommunityRegister: defineAction({
    summary: '导出登记表 Excel（按附件4排版）；完整电话和住址仅限本社区书记，逐人逐项留痕',
    access: 'user',
    input: ExportCommunityRegisterInput,
    output: ExportedFile,
    errors: ['REPORT_CONTACTS_SECRETARY_ONLY'],
    run: exportCommunityRegister,
  }),
  unitStatistics: defineAction({
    summary: '在职党员社区报到情况统计表（附件3）：在职党员数、报到数、涉及社区数、未报到数及原因，附明细（单位管理员，管理多个单位时可指定单位；区管理员可指定本区任一单位）',
    access: 'user',
    input: UnitStatisticsInput,
    output: UnitStatisticsView,
    readOnly: true,
    errors: [],
    run: unitStatistics,
  }),
  exportUnitStatistics: defineAction({
    summary: '导出统计表 Excel（按附件3排版，另附“明细”工作表）',
    access: 'user',
    input: UnitStatisticsInput,
    output: ExportedFile,
    readOnly: true,
    errors: [],
    run: exportUnitStatistics,
  }),
  quarterlyReport: defineAction({
    summary: '党员义工工作进展情况季报表（001 附件4）：本季度的组织数、党员数、注册义工数、积极分子数、负责人联系人、各项活动的参加人数和累计时数，截止日期及已提交的版本（书记看本社区，单位管理员看本单位；区管理员指定本区社区或单位，打开已提交的报表即记为已查阅）',
    access: 'user',
    input: QuarterlyReportInput,
    output: QuarterlyReportView,
    errors: ['ORG_NOT_IN_DISTRICT', 'ORG_UNIT_NOT_FOUND'],
    run: quarterlyReport,
  }),
  exportQuarterlyReport: defineAction({
    summary: '导出季报表 Excel（按附件4排版，含注和盖章栏）：已提交的导出最新提交的版本，未提交的导出当前数据并注明未提交',
    access: 'user',
    input: QuarterlyReportInput,
    output: ExportedFile,
    readOnly: true,
    errors: ['ORG_NOT_IN_DISTRICT', 'ORG_UNIT_NOT_FOUND'],
    run: exportQuarterlyReport,
  }),
  submitQuarterlyReport: defineAction({
    summary: '向上级报送季报表：冻结当时的数据为新版本，记下提交人和时间；上级查阅前可再次提交（新版本），查阅后不能再提交；季度未开始的不能提交；首次提交须填负责人、联系人及电话（书记或单位管理员）',
    access: 'user',
    input: SubmitQuarterlyReportInput,
    output: QuarterlyReportView,
    errors: ['REPORT_QUARTER_NOT_BEGUN', 'REPORT_CONTACTS_REQUIRED', 'REPORT_ALREADY_SEEN', 'REPORT_NOT_YOURS_TO_SUBMIT', 'ORG_NOT_IN_DISTRICT', 'ORG_UNIT_NOT_FOUND'],
    run: submitQuarterlyReport,
  }),
  quarterlyReportStatus: defineAction({
    summary: '季报表报送情况（区管理员）：本区每个社区和单位本季度是否已提交、是否逾期（截止日期为季度最后一个月28日），已提交的版本、是否迟交、是否已查阅及主要数字；逾期的排在最前',
    access: 'user',
    input: QuarterlyReportStatusInput,
    output: QuarterlyReportStatusView,
    readOnly: true,
    errors: [],
    run: quarterlyReportStatus,
  }),
};
