import { defineErrors } from '../shared/domain-error';

export const reportsErrors = defineErrors({
  REPORT_CONTACTS_SECRETARY_ONLY: '只有本社区党组织书记或管理员可以导出完整电话和住址',
});
