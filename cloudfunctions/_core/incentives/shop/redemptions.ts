import type { z } from 'zod';
import { notifyPickupWaiting } from '../../notify/events';
import { balanceOf, goodAccount, userAccount } from '../../ledger';
import type { ActionContext } from '../../runtime/action';
import { requireCaller } from '../../runtime/access';
import { newPickUpCode } from './pick-up-code';
import { returnOverdueIn } from './pick-ups';
import { lockRedemption, postRedemption, redemptionLines, undoRedemption } from './shop-ledger';
import { shopErrors } from './shop.errors';
import { shopRepository } from './shop.repository';
import { audiencesIn, daysAfter, pickUpDaysOf, redemptionView, settleShopper, today } from './shop-scope';
import type { MyRedemptionsView, RedeemInput, RedeemView, RedemptionIdInput, RedemptionView } from './shop.schemas';

const CODE_TRIES = 20;

/**
 * 兑换: points for a good in one ledger transaction (points → the shop's takings, stock → reserved) and a pick-up
 * code. The client's request id makes a double tap redeem once; the ledger's locks keep stock and points from
 * going below zero however many redeem the last item at once.
 */
export async function redeem({ tx, caller, clock, newId }: ActionContext, input: z.output<typeof RedeemInput>): Promise<z.input<typeof RedeemView>> {
  const me = requireCaller(caller);
  const requestKey = `shop-redeem:${me.userId}:${input.requestId}`;
  const answer = async (redemption: NonNullable<Awaited<ReturnType<typeof shopRepository.byRequestKey>>>) => ({
    redemption: redemptionView(redemption),
    pointsLeft: await balanceOf(tx, userAccount(me.userId, 'points')),
  });
  const earlier = await shopRepository.byRequestKey(tx, requestKey);
  if (earlier) return answer(earlier);

  const good = await shopRepository.good(tx, input.goodId);
  const audiences = good ? audiencesIn(me, good.community_id) : [];
  if (!good || audiences.length === 0) throw shopErrors.error('SHOP_GOOD_NOT_FOUND');
  if (good.withdrawn_at) throw shopErrors.error('SHOP_GOOD_WITHDRAWN');
  if (!audiences.includes(good.audience)) throw shopErrors.error('SHOP_NOT_FOR_YOU', `该物品仅限${good.audience === 'member' ? '党员义工' : '居民'}兑换`);

  // Unlocked, so that the many who come for the last item once it is gone are answered with one read; a shelf read as
  // stocked is checked again under the ledger's lock.
  const onShelf = await balanceOf(tx, goodAccount(good.id, 'stock'));
  if (onShelf < input.quantity) throw shopErrors.error('SHOP_OUT_OF_STOCK', `现有 ${onShelf} 件`);
  await settleShopper(tx, me.userId, clock.now());
  const lines = redemptionLines(good, me.userId, input.quantity, good.price_points);
  if (good.per_person_limit !== null) {
    // Holding the accounts now makes this person's other redemptions of the good wait until this one is counted.
    await lockRedemption(tx, lines);
    const held = (await shopRepository.heldBy(tx, me.userId, [good.id])).get(good.id) ?? 0;
    if (held + input.quantity > good.per_person_limit) throw shopErrors.error('SHOP_LIMIT_REACHED', `每人限兑${good.per_person_limit}件，您已兑${held}件`);
  }
  const now = clock.now();
  const redemptionId = newId();
  const posted = await postRedemption(tx, { key: requestKey, redemptionId, good, lines, by: me.userId, at: now });
  if (posted.replayed) {
    const first = await shopRepository.byRequestKey(tx, requestKey);
    if (first) return answer(first);
  }
  const pickUpBy = daysAfter(today(now), await pickUpDaysOf(tx, good.community_id));
  for (let attempt = 0; attempt < CODE_TRIES; attempt++) {
    const row = {
      id: redemptionId,
      good_id: good.id,
      community_id: good.community_id,
      user_id: me.userId,
      request_key: requestKey,
      good_name: good.name,
      quantity: input.quantity,
      price_points: good.price_points,
      pick_up_code: newPickUpCode(),
      pick_up_by: pickUpBy,
      transaction_id: posted.transactionId,
      redeemed_at: now,
    };
    if (await shopRepository.insertRedemption(tx, row)) {
      await notifyPickupWaiting(tx, now, redemptionId);
      return answer((await shopRepository.redemption(tx, redemptionId))!);
    }
  }
  throw new Error('no free pick-up code after many tries');
}

/** 我的兑换: the caller's redemptions, newest first (overdue ones of their community returned first). */
export async function myRedemptions({ tx, caller, clock }: ActionContext): Promise<z.input<typeof MyRedemptionsView>> {
  const me = requireCaller(caller);
  const communities = [...new Set(me.grants.filter((grant) => grant.role === 'member' || grant.role === 'resident').flatMap((grant) => (grant.orgId ? [grant.orgId] : [])))];
  for (const communityId of communities) await returnOverdueIn(tx, communityId, clock.now());
  return { redemptions: (await shopRepository.ofUser(tx, me.userId, 50)).map(redemptionView) };
}

/** 取消兑换: the member's own redemption, before pick-up, undone exactly (points back, stock back). */
export async function cancelRedemption({ tx, caller, clock }: ActionContext, input: z.output<typeof RedemptionIdInput>): Promise<z.input<typeof RedemptionView>> {
  const me = requireCaller(caller);
  const redemption = await shopRepository.redemption(tx, input.redemptionId, { lock: true });
  if (!redemption || redemption.user_id !== me.userId) throw shopErrors.error('SHOP_REDEMPTION_NOT_FOUND');
  if (redemption.status !== 'waiting') throw shopErrors.error('SHOP_REDEMPTION_CLOSED');
  const now = clock.now();
  await undoRedemption(tx, redemption, (await shopRepository.good(tx, redemption.good_id))!, 'cancel', me.userId, now);
  await shopRepository.close(tx, redemption.id, 'cancelled', now, me.userId);
  return redemptionView((await shopRepository.redemption(tx, redemption.id))!);
}
