import { defineErrors } from '../../shared/domain-error';

/** 爱心超市's refusals (part D of issue 15). */
export const shopErrors = defineErrors({
  SHOP_GOOD_NOT_FOUND: '找不到该物品',
  SHOP_GOOD_WITHDRAWN: '该物品已下架',
  SHOP_NOT_FOR_YOU: '该物品不在您可兑换的范围内',
  SHOP_OUT_OF_STOCK: '库存不足，该物品已兑完',
  SHOP_NOT_ENOUGH_POINTS: '积分不足',
  SHOP_LIMIT_REACHED: '已达到该物品的每人兑换上限',
  SHOP_NOT_A_SHOPPER: '需要党员义工或居民身份才能兑换',
  SHOP_REDEMPTION_NOT_FOUND: '找不到该兑换记录',
  SHOP_REDEMPTION_CLOSED: '该兑换已领取、退回或取消',
  SHOP_CODE_UNKNOWN: '没有找到待领取的兑换，请核对领取码',
  SHOP_PICK_UP_OVERDUE: '该兑换已超过领取期限，将退回积分和库存',
});
