import { defineErrors } from '../shared/domain-error';

export const recordErrors = defineErrors({
  RECORD_NOT_FOUND: '找不到该服务记录',
  RECORD_NOT_PENDING: '该记录不需要审核',
  RECORD_NO_SERVICE: '您在这一单没有服务记录，不能自评',
  RECORD_ALREADY_SELF_EVALUATED: '您已填写过这一单的自评',
  RECORD_NOT_MISSING_CHECKOUT: '该党员在这一单没有待补的签退',
  RECORD_CHECKOUT_BEFORE_CHECKIN: '签退时间不能早于签到时间',
  RECORD_CHECKOUT_IN_FUTURE: '签退时间不能晚于现在',
  RECORD_ALREADY_EXISTS: '该党员在这一单已有服务记录，请用更正修改它',
  RECORD_OPEN_CHECKIN: '该党员在这一单已签到未签退，请用“补录签退”处理',
  RECORD_MEMBER_NOT_IN_COMMUNITY: '该党员不属于本社区',
  RECORD_ORDER_NOT_STARTED: '订单尚未开始，不能补录',
  RECORD_ORDER_CANCELLED: '订单已取消，不能补录',
  RECORD_END_BEFORE_START: '结束时间须晚于开始时间',
  RECORD_END_IN_FUTURE: '结束时间不能晚于现在',
  RECORD_DISPUTE_OPEN: '这一单已有一条待处理的申诉',
  RECORD_DISPUTE_NOT_FOUND: '找不到该申诉',
  RECORD_DISPUTE_CLOSED: '该申诉已处理',
});
