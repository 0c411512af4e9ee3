import type { Executor } from '../../db/database';
import { notify } from '../notifier';
import { MEMBER_SHOP_PAGE, shorten } from './texts';

/** 待领取: the redeemer, with where to pick it up, the code and the last day. */
export async function notifyPickupWaiting(tx: Executor, at: Date, redemptionId: string) {
  const [row] = await tx.query<{ id: string; user_id: string; good_name: string; quantity: number; pick_up_code: string; pick_up_by: string; community_name: string }>(
    `select r.id, r.user_id, r.good_name, r.quantity, r.pick_up_code, to_char(r.pick_up_by, 'YYYY-MM-DD') as pick_up_by, c.name as community_name
       from shop_redemptions r join organisations c on c.id = r.community_id where r.id = $1`,
    [redemptionId],
  );
  await notify(tx, at, [row.user_id], {
    kind: 'pickup_waiting',
    eventKey: `pickup-waiting:${row.id}`,
    title: shorten(`待领取：${row.good_name}`, 40),
    body: shorten(
      `您兑换的「${row.good_name}」${row.quantity}件已留好。请在${row.pick_up_by}前到${row.community_name}爱心超市，出示领取码 ${row.pick_up_code} 领取。过期没领，积分会退回给您。`,
      500,
    ),
    page: MEMBER_SHOP_PAGE,
    fields: { activity: row.good_name, place: `${row.community_name}爱心超市`, status: '待领取', note: `领取码${row.pick_up_code}，${row.pick_up_by}前领取` },
  });
}
