import { defineAction, type ActionTable } from '../runtime';
import { communityRegister, exportCommunityRegister } from './community-register';
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
};
