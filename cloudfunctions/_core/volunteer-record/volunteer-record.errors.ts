import { defineErrors } from '../shared/domain-error';

export const volunteerRecordErrors = defineErrors({
  TRAINING_NOT_FOUND: '找不到该培训记录',
  TRAINING_WITHDRAWN: '该培训记录已撤回',
  TRAINING_PARTICIPANT_OUT_OF_SCOPE: '参训党员须是本社区（区级培训为本区）的党员',
  TRAINING_END_BEFORE_START: '结束日期不能早于开始日期',
  TRAINING_IN_FUTURE: '培训结束日期不能晚于今天',
  AWARD_NOT_FOUND: '找不到该表彰奖励记录',
  AWARD_WITHDRAWN: '该表彰奖励记录已撤回',
  AWARD_MEMBER_OUT_OF_SCOPE: '只能为本社区（区管理员为本区）的党员登记表彰奖励',
  AWARD_IN_FUTURE: '表彰日期不能晚于今天',
});
