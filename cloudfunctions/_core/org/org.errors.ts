import { defineErrors } from '../shared/domain-error';

export const orgErrors = defineErrors({
  ORG_NOT_FOUND: '找不到该组织',
  ORG_NOT_IN_DISTRICT: '只能管理本区的组织、单位和人员',
  ORG_ARCHIVED: '该组织已合并或撤销',
  ORG_WRONG_PARENT: '上级组织不符：街道须建在区下，社区须建在街道下，网格须建在社区下',
  ORG_NAME_TAKEN: '同一上级组织下已有同名组织',
  ORG_MERGE_INTO_ITSELF: '不能把组织合并到它自己',
  ORG_MERGE_KIND_MISMATCH: '只能合并到同一级别的组织',
  ORG_MERGE_DISTRICT: '区一级组织不能合并',
  ORG_MERGE_ACROSS_PARENT: '网格只能并入同一社区的网格，社区和街道只能并入本区的社区和街道',
  ORG_UNIT_NOT_FOUND: '找不到该单位',
  ORG_UNIT_NAME_TAKEN: '本区已有同名单位',
  ORG_ALREADY_PAIRED: '该单位已与该社区结对共建',
  ORG_NOT_PAIRED: '该单位没有与该社区结对共建',
  ORG_ALREADY_GRANTED: '该用户已担任此职务',
  ORG_GRANT_NOT_FOUND: '找不到该任命',
  ORG_CANNOT_REVOKE_SELF: '不能撤销自己的区管理员身份',
  ORG_NOT_COMMUNITY: '只有社区可以设置服务电话',
});
