import type { Executor } from '../cloudfunctions/_core/db/database';
import { settleMember } from '../cloudfunctions/_core/incentives/settlement';

/**
 * 积分 and 时间银行 deposits of the first community's records, settled by the district's rules (seeded just before), as
 * the first read of each balance would: the demo member opens a home with points, stars and banked hours already there.
 * The other communities' records stay queued until someone reads their balances, as they would after a bulk load.
 */
export async function seedPointsSettlement(tx: Executor, { now, communityId }: { now: Date; communityId: string }) {
  const members = await tx.query<{ user_id: string }>('select user_id from members where community_id = $1 order by user_id', [communityId]);
  let settled = 0;
  for (const member of members) settled += await settleMember(tx, member.user_id, now);
  return settled;
}
