import type { ActionTable } from '../runtime';
import { reportsErrors } from './reports.errors';

export { reportsErrors };

/** 报表：社区在职党员报到登记表（附件4）、单位报到情况统计表（附件3）及其 Excel 导出 */
export const reportsActions: ActionTable = {};
