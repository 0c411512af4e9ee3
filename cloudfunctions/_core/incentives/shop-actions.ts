import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { manageGoods, restockGood, saveGood, shopGoods, withdrawGood } from './shop/goods';
import { handOver, pickUps, returnOverdue } from './shop/pick-ups';
import { cancelRedemption, myRedemptions, redeem } from './shop/redemptions';
import {
  GoodIdInput,
  HandOverInput,
  ManageGoodsInput,
  ManageGoodsView,
  ManagedGoodView,
  MyRedemptionsView,
  PickUpsInput,
  PickUpsView,
  RedeemInput,
  RedeemView,
  RedemptionIdInput,
  RedemptionView,
  RestockInput,
  ReturnOverdueInput,
  ReturnOverdueView,
  SaveGoodInput,
  ShopView,
} from './shop/shop.schemas';

const GOOD = ['SHOP_GOOD_NOT_FOUND', 'SHOP_GOOD_WITHDRAWN'];

/** 爱心超市: goods, redemptions, pick-ups (part D). */
export const shopActions: ActionTable = {
  shopGoods: defineAction({
    summary: '爱心超市：本社区本人可兑换的物品（积分价、库存、是否可兑）和本人现有积分（党员义工、居民）',
    access: 'user',
    input: z.object({}),
    output: ShopView,
    errors: ['SHOP_NOT_A_SHOPPER'],
    run: shopGoods,
  }),
  redeem: defineAction({
    summary: '兑换：以积分兑换物品，一笔账目（积分→超市，库存→待领取），得到6位领取码；同一请求编号只兑换一次',
    access: 'user',
    input: RedeemInput,
    output: RedeemView,
    errors: [...GOOD, 'SHOP_NOT_FOR_YOU', 'SHOP_OUT_OF_STOCK', 'SHOP_NOT_ENOUGH_POINTS', 'SHOP_LIMIT_REACHED'],
    run: redeem,
  }),
  myRedemptions: defineAction({
    summary: '我的兑换：领取码、状态（待领取、已领取、已退回、已取消）和最迟领取日',
    access: 'user',
    input: z.object({}),
    output: MyRedemptionsView,
    errors: [],
    run: myRedemptions,
  }),
  cancelRedemption: defineAction({
    summary: '取消兑换：领取前取消本人的兑换，积分和库存退回（冲正原交易）',
    access: 'user',
    input: RedemptionIdInput,
    output: RedemptionView,
    errors: ['SHOP_REDEMPTION_NOT_FOUND', 'SHOP_REDEMPTION_CLOSED'],
    run: cancelRedemption,
  }),
  manageGoods: defineAction({
    summary: '超市管理：本社区的物品（库存、待领取、已交付）、累计收取积分和待领取数（书记、管理员）',
    access: 'user',
    input: ManageGoodsInput,
    output: ManageGoodsView,
    errors: [],
    run: manageGoods,
  }),
  saveGood: defineAction({
    summary: '上架或修改物品：名称、说明、图片地址、兑换积分、兑换对象、每人限兑；新物品可带初始库存；改价不影响已兑换的',
    access: 'user',
    input: SaveGoodInput,
    output: ManagedGoodView,
    errors: GOOD,
    run: saveGood,
  }),
  restockGood: defineAction({
    summary: '补货：物品入库上架，同一请求编号只入一次',
    access: 'user',
    input: RestockInput,
    output: ManagedGoodView,
    errors: GOOD,
    run: restockGood,
  }),
  withdrawGood: defineAction({
    summary: '下架：在架库存转入已下架，已兑换待领取的仍可领取',
    access: 'user',
    input: GoodIdInput,
    output: ManagedGoodView,
    errors: GOOD,
    run: withdrawGood,
  }),
  pickUps: defineAction({
    summary: '兑换领取：本社区待领取、已交付、已退回的兑换（先退回逾期未领的）；可按领取码查找',
    access: 'user',
    input: PickUpsInput,
    output: PickUpsView,
    errors: [],
    run: pickUps,
  }),
  handOver: defineAction({
    summary: '确认交付：按扫描或输入的领取码把物品交给兑换人',
    access: 'user',
    input: HandOverInput,
    output: RedemptionView,
    errors: ['SHOP_CODE_UNKNOWN', 'SHOP_PICK_UP_OVERDUE'],
    run: handOver,
  }),
  returnOverdue: defineAction({
    summary: '退回逾期兑换：超过领取期限未领取的，积分和库存退回',
    access: 'user',
    input: ReturnOverdueInput,
    output: ReturnOverdueView,
    errors: [],
    run: returnOverdue,
  }),
};
