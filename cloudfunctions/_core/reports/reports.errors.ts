import { defineErrors } from '../shared/domain-error';

export const reportsErrors = defineErrors({
  REPORT_CONTACTS_SECRETARY_ONLY: '只有本社区党组织书记或管理员可以导出完整电话和住址',
  REPORT_QUARTER_NOT_BEGUN: '该季度尚未开始，不能提交季报表',
  REPORT_CONTACTS_REQUIRED: '首次提交季报表，请填写义工组织负责人和联系人的姓名及联系电话',
  REPORT_ALREADY_SEEN: '上级党组织已查阅本季度的季报表，不能再次提交',
  REPORT_NOT_YOURS_TO_SUBMIT: '只有本组织的书记或管理员可以提交季报表',
});
