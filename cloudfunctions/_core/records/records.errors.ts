import { defineErrors } from '../shared/domain-error';

export const recordErrors = defineErrors({
  RECORD_NOT_FOUND: '找不到该服务记录',
  RECORD_NOT_PENDING: '该记录不需要审核',
  RECORD_NO_SERVICE: '您在这一单没有服务记录，不能自评',
  RECORD_ALREADY_SELF_EVALUATED: '您已填写过这一单的自评',
  RECORD_NOT_MISSING_CHECKOUT: '该党员在这一单没有待补的签退',
  RECORD_CHECKOUT_BEFORE_CHECKIN: '签退时间不能早于签到时间',
  RECORD_CHECKOUT_IN_FUTURE: '签退时间不能晚于现在',
});
