import type { z } from 'zod';
import { balanceOf, balancesOf, organisationAccount, userAccount } from '../../ledger';
import type { ActionContext } from '../../runtime/action';
import { returnOverdueIn } from './pick-ups';
import { clearShelf, restock } from './shop-ledger';
import { shopErrors } from './shop.errors';
import { shopRepository, type GoodRow } from './shop.repository';
import { goodView, managedGood, managedShop, pickUpDaysOf, settleShopper, shopperOf } from './shop-scope';
import type { GoodIdInput, ManageGoodsInput, ManageGoodsView, ManagedGoodView, RestockInput, SaveGoodInput, ShopView } from './shop.schemas';

const stockOf = async (tx: ActionContext['tx'], goods: GoodRow[]) => balancesOf(tx, 'good', goods.map((good) => good.id), 'stock');

/** 爱心超市 as a member or resident sees it: the goods they may redeem, with price and stock, and their points. */
export async function shopGoods({ tx, caller, clock }: ActionContext): Promise<z.input<typeof ShopView>> {
  const shopper = shopperOf(caller);
  await settleShopper(tx, shopper.userId, clock.now());
  await returnOverdueIn(tx, shopper.communityId, clock.now());
  const goods = await shopRepository.goodsOf(tx, shopper.communityId, { includeWithdrawn: false, audiences: shopper.audiences });
  const stock = await stockOf(tx, goods);
  const held = await shopRepository.heldBy(tx, shopper.userId, goods.map((good) => good.id));
  const points = await balanceOf(tx, userAccount(shopper.userId, 'points'));
  return {
    communityName: await shopRepository.communityName(tx, shopper.communityId),
    points,
    pickUpDays: await pickUpDaysOf(tx, shopper.communityId),
    goods: goods.map((good) => {
      const onShelf = stock.get(good.id) ?? 0;
      const mine = held.get(good.id) ?? 0;
      const unavailable =
        onShelf === 0 ? '已兑完'
        : good.per_person_limit !== null && mine >= good.per_person_limit ? `每人限兑${good.per_person_limit}件`
        : points < good.price_points ? '积分不足'
        : null;
      return { ...goodView(good, onShelf), held: mine, unavailable };
    }),
  };
}

/** The secretary's list of the community's goods with stock, reserved and handed-over counts. */
export async function manageGoods({ tx, caller, clock }: ActionContext, input: z.output<typeof ManageGoodsInput>): Promise<z.input<typeof ManageGoodsView>> {
  const communityId = await managedShop(tx, caller, input.communityId);
  await returnOverdueIn(tx, communityId, clock.now());
  const goods = await shopRepository.goodsOf(tx, communityId, { includeWithdrawn: input.includeWithdrawn });
  const ids = goods.map((good) => good.id);
  const [stock, reserved, handedOver] = [await stockOf(tx, goods), await balancesOf(tx, 'good', ids, 'reserved'), await balancesOf(tx, 'good', ids, 'handed_over')];
  return {
    communityId,
    communityName: await shopRepository.communityName(tx, communityId),
    takings: await balanceOf(tx, organisationAccount(communityId, 'shop_takings')),
    waiting: await shopRepository.countWaiting(tx, communityId),
    goods: goods.map((good) => ({ ...goodView(good, stock.get(good.id) ?? 0), reserved: reserved.get(good.id) ?? 0, handedOver: handedOver.get(good.id) ?? 0 })),
  };
}

async function managedGoodView(ctx: ActionContext, goodId: string): Promise<z.input<typeof ManagedGoodView>> {
  const good = (await shopRepository.good(ctx.tx, goodId))!;
  const balance = (purpose: 'stock' | 'reserved' | 'handed_over') => balanceOf(ctx.tx, { ownerKind: 'good', ownerId: goodId, purpose });
  return { ...goodView(good, await balance('stock')), reserved: await balance('reserved'), handedOver: await balance('handed_over') };
}

/** 上架 or 修改物品: a new good (with its first stock) or a listed one's description and price; past redemptions keep their price. */
export async function saveGood(ctx: ActionContext, input: z.output<typeof SaveGoodInput>): Promise<z.input<typeof ManagedGoodView>> {
  const { tx, caller, clock, newId } = ctx;
  const now = clock.now();
  const fields = {
    name: input.name,
    description: input.description,
    photo_url: input.photoUrl ? input.photoUrl : null,
    price_points: input.pricePoints,
    audience: input.audience,
    per_person_limit: input.perPersonLimit ?? null,
  };
  if (input.goodId) {
    const good = await managedGood(tx, caller, await shopRepository.good(tx, input.goodId, { lock: true }));
    if (good.withdrawn_at) throw shopErrors.error('SHOP_GOOD_WITHDRAWN');
    await shopRepository.updateGood(tx, { id: good.id, ...fields, at: now });
    return managedGoodView(ctx, good.id);
  }
  const communityId = await managedShop(tx, caller, input.communityId);
  const id = newId();
  await shopRepository.insertGood(tx, { id, community_id: communityId, ...fields, created_by: caller!.userId, at: now });
  if (input.initialStock > 0) {
    await restock(tx, (await shopRepository.good(tx, id))!, input.initialStock, `shop-restock:${id}:initial`, caller!.userId, now);
  }
  return managedGoodView(ctx, id);
}

/** 补货: items supplied onto the shelf, once per request. */
export async function restockGood(ctx: ActionContext, input: z.output<typeof RestockInput>): Promise<z.input<typeof ManagedGoodView>> {
  const { tx, caller, clock } = ctx;
  const good = await managedGood(tx, caller, await shopRepository.good(tx, input.goodId, { lock: true }));
  if (good.withdrawn_at) throw shopErrors.error('SHOP_GOOD_WITHDRAWN');
  await restock(tx, good, input.quantity, `shop-restock:${good.id}:${input.requestId}`, caller!.userId, clock.now());
  return managedGoodView(ctx, good.id);
}

/** 下架: what is on the shelf moves to withdrawn; redemptions waiting keep their items and may still be picked up. */
export async function withdrawGood(ctx: ActionContext, input: z.output<typeof GoodIdInput>): Promise<z.input<typeof ManagedGoodView>> {
  const { tx, caller, clock } = ctx;
  const good = await managedGood(tx, caller, await shopRepository.good(tx, input.goodId, { lock: true }));
  if (good.withdrawn_at) throw shopErrors.error('SHOP_GOOD_WITHDRAWN');
  const now = clock.now();
  await shopRepository.markWithdrawn(tx, good.id, now);
  await clearShelf(tx, { ...good, withdrawn_at: now }, `shop-withdraw:${good.id}`, caller!.userId, now);
  return managedGoodView(ctx, good.id);
}
