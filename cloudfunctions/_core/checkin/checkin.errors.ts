import { defineErrors } from '../shared/domain-error';

export const checkinErrors = defineErrors({
  CHECKIN_NOT_A_MEMBER: '只有报到的党员义工才能领取签到码',
  CHECKIN_CODE_INVALID: '不是有效的签到码（签名不符），请让党员打开小程序中的签到码重新扫描',
  CHECKIN_CODE_EXPIRED: '签到码已过期（可能是截图），请让党员打开实时签到码',
  CHECKIN_CODE_FROM_FUTURE: '签到码的时间晚于扫码时间，请检查党员手机的时间设置',
  CHECKIN_CODE_REPLAYED: '这个签到码已经用过一次，请等签到码刷新后再扫',
  CHECKIN_DEVICE_REVOKED: '该签到码所在的设备已停用（党员已在新手机登录），请让党员打开新手机上的签到码',
  CHECKIN_NOT_ASSIGNED: '该党员不在本订单的服务名单中',
  CHECKIN_OUTSIDE_WINDOW: '不在签到时段内（开始前30分钟至结束后2小时）',
  CHECKIN_ORDER_CLOSED: '订单已取消或已结束，不能再签到',
  CHECKIN_ALREADY_IN: '该党员已签到，不能重复签到',
  CHECKIN_ALREADY_OUT: '该党员本单已签到并签退，无需再扫',
  CHECKIN_NOT_CHECKED_IN: '该党员尚未签到，不能签退',
  CHECKIN_JUST_CHECKED_IN: '该党员刚签到不到10分钟，这次扫码未计入；如确需签退，请改为签退后再扫',
  CHECKIN_OUT_BEFORE_IN: '签退时间早于签到时间',
  CHECKIN_VERIFIER_FORBIDDEN: '您没有这张订单的扫码核验权限（须为本社区书记、订单负责人或下单居民）',
  CHECKIN_SCAN_TIME_INVALID: '扫码时间晚于服务器当前时间，请检查扫码手机的时间设置',
  CHECKIN_SCAN_TOO_OLD: '离线扫码记录超过7天未上传，已不能计入，请由书记补录',
  CHECKIN_SCAN_ID_REUSED: '扫码记录编号已被另一次扫码使用',
});
