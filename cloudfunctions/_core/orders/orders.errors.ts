import { defineErrors } from '../shared/domain-error';
import { briefErrors } from './briefs/briefs.errors';
import { calendarErrors } from './calendar/calendar.errors';

export const orderErrors = defineErrors({
  ORDER_NOT_FOUND: '找不到该服务订单',
  ORDER_STARTS_IN_PAST: '开始时间已过，请重新选择',
  ORDER_TOO_LONG: '单次服务时长不能超过24小时，请拆分为多个订单',
  ORDER_INVITEE_NOT_MEMBER: '受邀人不是本社区报到的党员义工',
  ORDER_LEADER_NOT_MEMBER: '负责人须是本社区报到的党员义工',
  ORDER_DEMAND_OTHER_COMMUNITY: '该需求不属于本社区',
  ORDER_FULL: '名额已满，下次早点来',
  ORDER_NOT_FOR_YOU: '该订单未向您开放',
  ORDER_ALREADY_ACCEPTED: '您已接过这一单',
  ORDER_ALREADY_ENDED: '服务已结束，不能再接单',
  ORDER_NOT_INVITED: '您没有收到这一单的邀请',
  ORDER_NOT_ACCEPTED: '您没有接这一单',
  ORDER_CANCEL_TOO_LATE: '已过取消截止时间，如确有困难请联系社区',
  ORDER_HAS_CHECKED_IN: '已有党员签到，订单不能取消',
  ORDER_MEMBERS_STILL_IN: '还有党员未签退，请先为他们签退或补录签退',
  ORDER_NOT_COMPLETED: '服务尚未完成，暂不能评价',
  ORDER_ALREADY_EVALUATED: '该订单已评价',
  ORDER_CLOSED: '订单已结束或已取消，不能再操作',
  ORDER_NOT_STARTED: '订单尚未开始，也没有党员签到，不能结束；不再需要请取消订单',
  ORDER_FOCUSED_TEAM_INVALID: '集中性活动须选择本社区现有的服务队',
  ORDER_CHANGE_AFTER_CHECKIN: '已有党员签到，不能再调整时间和地点',
  ORDER_NOTHING_CHANGED: '时间和地点都和原来一样，没有要调整的',
  ORDER_TITLE_NAMES_RESIDENT: '订单标题会显示在接单大厅和党员的服务记录里，不能写居民姓名',
  ...calendarErrors.catalogue,
  ...briefErrors.catalogue,
});
