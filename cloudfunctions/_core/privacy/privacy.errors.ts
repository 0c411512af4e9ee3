import { defineErrors } from '../shared/domain-error';

export const privacyErrors = defineErrors({
  PRIVACY_FORBIDDEN: '只有本人、所在社区的书记，或正在为其上门服务的党员才能查看完整信息',
  PRIVACY_SUBJECT_NOT_FOUND: '找不到要查看的人或需求',
  PRIVACY_SUBJECT_LEFT: '此人已注销，完整信息已删除',
  PRIVACY_NOT_HELD: '没有登记这项信息',
  PRIVACY_LEAVE_IN_SERVICE: '您正在服务中（已签到未签退），请签退后再申请注销',
});
