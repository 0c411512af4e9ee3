import type { Executor } from '../../db/database';
import { assertManagesCommunity, communityOf, requireCaller } from '../../runtime/access';
import { grantsOf, type Caller } from '../../runtime/caller';
import { maskPhone } from '../../shared/masking';
import { businessDate } from '../../shared/business-time';
import { incentiveRulesOfCommunity } from '../rules';
import { settleMember } from '../settlement';
import { shopErrors } from './shop.errors';
import { pickUpQrText } from './pick-up-code';
import { AUDIENCE_LABELS, REDEMPTION_STATUS_LABELS, type Audience, type GoodViewT, type RedemptionViewT } from './shop.schemas';
import type { GoodRow, RedemptionRow } from './shop.repository';

/** A caller who may shop: the community they serve or live in, and which goods' audiences they belong to there. */
export interface Shopper {
  userId: string;
  communityId: string;
  audiences: Audience[];
}

/** The caller as a shopper of their community (a member's community first); anyone else is refused. */
export function shopperOf(caller: Caller | null): Shopper {
  const me = requireCaller(caller);
  const member = grantsOf(me, 'member')[0]?.orgId;
  const resident = grantsOf(me, 'resident')[0]?.orgId;
  const communityId = member ?? resident;
  if (!communityId) throw shopErrors.error('SHOP_NOT_A_SHOPPER');
  return { userId: me.userId, communityId, audiences: audiencesIn(me, communityId) };
}

/** The audiences the caller belongs to in a community: none when they neither serve nor live there. */
export function audiencesIn(caller: Caller, communityId: string): Audience[] {
  const isMember = grantsOf(caller, 'member').some((grant) => grant.orgId === communityId);
  const isResident = grantsOf(caller, 'resident').some((grant) => grant.orgId === communityId);
  if (!isMember && !isResident) return [];
  return ['both', ...(isMember ? (['member'] as const) : []), ...(isResident ? (['resident'] as const) : [])];
}

/** The community whose shop the caller manages: the one named (their own, or one of their district's), else their own as secretary. */
export async function managedShop(tx: Executor, caller: Caller | null, communityId?: string): Promise<string> {
  const me = requireCaller(caller);
  if (communityId === undefined) return communityOf(me, 'secretary');
  await assertManagesCommunity(tx, me, communityId);
  return communityId;
}

/** A good the caller manages; another community's good is answered as one that does not exist. */
export async function managedGood(tx: Executor, caller: Caller | null, good: GoodRow | undefined): Promise<GoodRow> {
  const me = requireCaller(caller);
  if (!good) throw shopErrors.error('SHOP_GOOD_NOT_FOUND');
  await assertManagesCommunity(tx, me, good.community_id).catch(() => {
    throw shopErrors.error('SHOP_GOOD_NOT_FOUND');
  });
  return good;
}

export const pickUpDaysOf = async (tx: Executor, communityId: string) => (await incentiveRulesOfCommunity(tx, communityId)).shop.pickUpDays;

export const today = (now: Date) => businessDate(now);

/** The day `days` after a Beijing calendar day. */
export function daysAfter(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export const goodView = (good: GoodRow, stock: number): GoodViewT => ({
  id: good.id,
  name: good.name,
  description: good.description,
  photoUrl: good.photo_url,
  pricePoints: good.price_points,
  audience: good.audience,
  audienceLabel: AUDIENCE_LABELS[good.audience],
  perPersonLimit: good.per_person_limit,
  stock,
  withdrawn: good.withdrawn_at !== null,
});

export const redemptionView = (row: RedemptionRow): RedemptionViewT => ({
  id: row.id,
  goodId: row.good_id,
  goodName: row.good_name,
  quantity: row.quantity,
  pricePoints: row.price_points,
  totalPoints: row.price_points * row.quantity,
  code: row.pick_up_code,
  qrText: pickUpQrText(row.pick_up_code),
  status: row.status,
  statusLabel: REDEMPTION_STATUS_LABELS[row.status],
  redeemedAt: row.redeemed_at.toISOString(),
  pickUpBy: row.pick_up_by,
  closedAt: row.closed_at?.toISOString() ?? null,
  memberName: row.member_name,
  memberPhone: maskPhone(row.member_phone),
});

/** Brings the shopper's points in line with their credited services before a balance is read or spent. */
export async function settleShopper(tx: Executor, userId: string, at: Date): Promise<void> {
  await settleMember(tx, userId, at);
}
