import { defineErrors } from '../../shared/domain-error';

/** 爱心时间银行's codes (part C), spread into the incentives catalogue. */
export const bankErrors = defineErrors({
  BANK_NO_ACCOUNT_HOLDER: '需要在本区（街道）登记的党员义工或居民身份',
  BANK_SHORT: '时间银行余额不足',
  BANK_COMMUNITY_SHORT: '社区时间银行余额不足',
  BANK_OVER_CAP: '超出对方账户的存储上限',
  BANK_SPENDING_OFF: '本区（街道）的时间银行暂不能用于兑换服务',
  BANK_GIFTS_OFF: '本区（街道）的时间银行不能转赠给亲属',
  BANK_NEED_WINDOW: '使用时间银行时，请填写期望服务的开始和结束时间，以便预留时长',
  BANK_RELATIVE_NOT_FOUND: '找不到在本区（街道）登记的这位居民，请核对手机号码',
  BANK_LINK_SELF: '不能把自己登记为亲属',
  BANK_LINK_EXISTS: '已登记过这位亲属',
  BANK_LINK_NOT_FOUND: '找不到这条亲属关系',
  BANK_LINK_NOT_PENDING: '这条亲属关系已处理过',
  BANK_NOT_LINKED: '只能转赠给已确认的直系亲属',
  BANK_RECIPIENT_NOT_IN_COMMUNITY: '只能发放给本社区登记的居民或党员义工',
});
