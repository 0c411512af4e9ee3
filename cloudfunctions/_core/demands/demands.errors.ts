import { defineErrors } from '../shared/domain-error';

export const demandErrors = defineErrors({
  DEMAND_NOT_FOUND: '找不到该需求',
  DEMAND_NOT_PENDING: '该需求已处理，不能再受理、驳回或撤回',
  DEMAND_SUB_ITEM_MISMATCH: '服务子项不属于所选服务类别',
  DEMAND_NO_COMMUNITY: '您还没有登记所在社区，请联系社区登记后再提交需求',
  DEMAND_RESIDENT_NOT_IN_COMMUNITY: '该居民不属于本社区',
  DEMAND_NOT_SERVED_YET: '服务尚未完成，暂不能确认和评价',
  DEMAND_ALREADY_RATED: '您已评价过这次服务',
});
