import type { Executor } from '../../db/database';
import type { ActionContext } from '../../runtime/action';
import { readPickUpCode } from './pick-up-code';
import { handOverItems, undoRedemption } from './shop-ledger';
import { shopErrors } from './shop.errors';
import { shopRepository } from './shop.repository';
import { managedShop, redemptionView, today } from './shop-scope';
import type { z } from 'zod';
import type { HandOverInput, PickUpsInput, PickUpsView, RedemptionView, ReturnOverdueInput, ReturnOverdueView } from './shop.schemas';

const RECENT = 50;

/** Returns every redemption of the community not picked up by its last day: points back, stock back. How many it returned. */
export async function returnOverdueIn(tx: Executor, communityId: string, now: Date): Promise<number> {
  const overdue = await shopRepository.overdue(tx, communityId, today(now));
  for (const redemption of overdue) {
    const good = (await shopRepository.good(tx, redemption.good_id))!;
    await undoRedemption(tx, redemption, good, 'return', null, now);
    await shopRepository.close(tx, redemption.id, 'returned', now, null);
  }
  return overdue.length;
}

/** 兑换领取: the community's redemptions waiting, handed over and returned (overdue ones returned first); `code` narrows to one code. */
export async function pickUps({ tx, caller, clock }: ActionContext, input: z.output<typeof PickUpsInput>): Promise<z.input<typeof PickUpsView>> {
  const communityId = await managedShop(tx, caller, input.communityId);
  await returnOverdueIn(tx, communityId, clock.now());
  const code = input.code ? (readPickUpCode(input.code) ?? '') : undefined;
  const list = async (status: 'waiting' | 'handed_over' | 'returned') =>
    (await shopRepository.ofCommunity(tx, communityId, status, { code, limit: RECENT })).map(redemptionView);
  return { waiting: await list('waiting'), handedOver: await list('handed_over'), returned: await list('returned') };
}

/** 确认交付: the redemption under the typed or scanned code is handed over (reserved → handed over). */
export async function handOver({ tx, caller, clock }: ActionContext, input: z.output<typeof HandOverInput>): Promise<z.input<typeof RedemptionView>> {
  const communityId = await managedShop(tx, caller, input.communityId);
  const code = readPickUpCode(input.code);
  if (!code) throw shopErrors.error('SHOP_CODE_UNKNOWN', '领取码为6位数字');
  const redemption = await shopRepository.waitingByCode(tx, communityId, code);
  if (!redemption) throw shopErrors.error('SHOP_CODE_UNKNOWN');
  const now = clock.now();
  if (redemption.pick_up_by < today(now)) throw shopErrors.error('SHOP_PICK_UP_OVERDUE');
  await handOverItems(tx, redemption, caller!.userId, now);
  await shopRepository.close(tx, redemption.id, 'handed_over', now, caller!.userId);
  return redemptionView((await shopRepository.redemption(tx, redemption.id))!);
}

/** 退回逾期兑换: the secretary's way to return what was not picked up in time, without waiting for the next read. */
export async function returnOverdue({ tx, caller, clock }: ActionContext, input: z.output<typeof ReturnOverdueInput>): Promise<z.input<typeof ReturnOverdueView>> {
  const communityId = await managedShop(tx, caller, input.communityId);
  return { returned: await returnOverdueIn(tx, communityId, clock.now()) };
}
