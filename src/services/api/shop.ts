import type { z } from 'zod'
import type {
  ManageGoodsView,
  ManagedGoodView,
  PickUpsView,
  RedeemView,
  RedemptionView,
  SaveGoodInput,
  ShopGoodView,
  ShopView,
} from '@core/incentives/shop/shop.schemas'
import { callFunction } from '../api-client'
import { uuidV4 } from '../scan-queue'

export type Shop = z.output<typeof ShopView>
export type ShopGood = z.output<typeof ShopGoodView>
export type Redemption = z.output<typeof RedemptionView>
export type ManagedGoods = z.output<typeof ManageGoodsView>
export type ManagedGood = z.output<typeof ManagedGoodView>
export type PickUps = z.output<typeof PickUpsView>
export type SaveGoodData = z.input<typeof SaveGoodInput>

/** A key for one tap of 兑换 or 补货: sent again on a retry, it acts once. */
export const newRequestId = () => uuidV4()

/** 爱心超市, in the incentives cloud function. */
export const shopApi = {
  /** The goods the member or resident may redeem, and their points. */
  goods: () => callFunction<Shop>('incentives', 'shopGoods', {}),
  redeem: (goodId: string, requestId: string) => callFunction<z.output<typeof RedeemView>>('incentives', 'redeem', { goodId, requestId }),
  mine: () => callFunction<{ redemptions: Redemption[] }>('incentives', 'myRedemptions', {}),
  cancel: (redemptionId: string) => callFunction<Redemption>('incentives', 'cancelRedemption', { redemptionId }),
  /** The secretary's. */
  manage: (includeWithdrawn = false) => callFunction<ManagedGoods>('incentives', 'manageGoods', { includeWithdrawn }),
  save: (data: SaveGoodData) => callFunction<ManagedGood>('incentives', 'saveGood', data),
  restock: (goodId: string, quantity: number, requestId: string) => callFunction<ManagedGood>('incentives', 'restockGood', { goodId, quantity, requestId }),
  withdraw: (goodId: string) => callFunction<ManagedGood>('incentives', 'withdrawGood', { goodId }),
  pickUps: (code?: string) => callFunction<PickUps>('incentives', 'pickUps', code ? { code } : {}),
  handOver: (code: string) => callFunction<Redemption>('incentives', 'handOver', { code }),
  returnOverdue: () => callFunction<{ returned: number }>('incentives', 'returnOverdue', {}),
}
