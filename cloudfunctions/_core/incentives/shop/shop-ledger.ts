import type { Executor } from '../../db/database';
import { LedgerShortfall, accountKeyText, goodAccount, lockAccounts, organisationAccount, post, reverse, userAccount, type PostingLine } from '../../ledger';
import type { GoodRow, RedemptionRow } from './shop.repository';
import { shopErrors } from './shop.errors';

/** The accounts one redemption moves: the member's points to the shop's takings, the good's stock to reserved. */
export function redemptionLines(good: GoodRow, userId: string, quantity: number, price: number): PostingLine[] {
  // Stock first: with both short, the member hears that the good is gone, which no amount of points changes.
  return [
    { account: goodAccount(good.id, 'stock'), amount: -quantity },
    { account: goodAccount(good.id, 'reserved'), amount: quantity },
    { account: userAccount(userId, 'points'), amount: -quantity * price },
    { account: organisationAccount(good.community_id, 'shop_takings'), amount: quantity * price },
  ];
}

/** Locks what a redemption will move, in the ledger's order, so that a check made now holds until the posting. */
export const lockRedemption = (tx: Executor, lines: PostingLine[]) => lockAccounts(tx, lines.map((line) => line.account));

/** Posts a redemption; a shortfall becomes the shop's own refusal (out of stock, or not enough points). */
export async function postRedemption(tx: Executor, posting: { key: string; redemptionId: string; good: GoodRow; lines: PostingLine[]; by: string; at: Date }) {
  try {
    return await post(tx, {
      kind: 'shop_redeem',
      idempotencyKey: posting.key,
      sourceRef: `redemption:${posting.redemptionId}`,
      memo: posting.good.name,
      createdBy: posting.by,
      at: posting.at,
      lines: posting.lines,
    });
  } catch (error) {
    if (!(error instanceof LedgerShortfall)) throw error;
    if (error.account.purpose === 'stock') throw shopErrors.error('SHOP_OUT_OF_STOCK', `现有 ${error.available} 件`);
    throw shopErrors.error('SHOP_NOT_ENOUGH_POINTS', `现有 ${error.available} 分，需要 ${error.needed} 分`);
  }
}

export const restock = (tx: Executor, good: GoodRow, quantity: number, key: string, by: string, at: Date) =>
  post(tx, {
    kind: 'shop_restock',
    idempotencyKey: key,
    sourceRef: `good:${good.id}`,
    memo: good.name,
    createdBy: by,
    at,
    lines: [
      { account: goodAccount(good.id, 'supplied'), amount: -quantity },
      { account: goodAccount(good.id, 'stock'), amount: quantity },
    ],
  });

/** Moves whatever is on the shelf to withdrawn (nothing when the shelf is empty); reservations stay reserved. */
export async function clearShelf(tx: Executor, good: GoodRow, key: string, by: string | null, at: Date) {
  const shelf = goodAccount(good.id, 'stock');
  const accounts = await lockAccounts(tx, [shelf, goodAccount(good.id, 'withdrawn')]);
  const onShelf = accounts.get(accountKeyText(shelf))!.balance;
  if (onShelf === 0) return;
  await post(tx, {
    kind: 'shop_withdraw',
    idempotencyKey: key,
    sourceRef: `good:${good.id}`,
    memo: good.name,
    createdBy: by,
    at,
    lines: [
      { account: goodAccount(good.id, 'stock'), amount: -onShelf },
      { account: goodAccount(good.id, 'withdrawn'), amount: onShelf },
    ],
  });
}

export const handOverItems = (tx: Executor, redemption: RedemptionRow, by: string, at: Date) =>
  post(tx, {
    kind: 'shop_hand_over',
    idempotencyKey: `shop-hand-over:${redemption.id}`,
    sourceRef: `redemption:${redemption.id}`,
    memo: redemption.good_name,
    createdBy: by,
    at,
    lines: [
      { account: goodAccount(redemption.good_id, 'reserved'), amount: -redemption.quantity },
      { account: goodAccount(redemption.good_id, 'handed_over'), amount: redemption.quantity },
    ],
  });

/**
 * Undoes a redemption (cancelled, or not picked up in time): the exact reversal of its transaction gives the points
 * back and puts the items back on the shelf — or, for a good withdrawn meanwhile, with the withdrawn ones.
 */
export async function undoRedemption(tx: Executor, redemption: RedemptionRow, good: GoodRow, why: 'cancel' | 'return', by: string | null, at: Date) {
  await reverse(tx, redemption.transaction_id, {
    kind: why === 'cancel' ? 'shop_cancel' : 'shop_return',
    idempotencyKey: `shop-${why}:${redemption.id}`,
    memo: why === 'cancel' ? '兑换人取消' : '逾期未领取，退回',
    createdBy: by,
    at,
  });
  if (good.withdrawn_at) await clearShelf(tx, good, `shop-withdraw-after-${why}:${redemption.id}`, by, at);
}
