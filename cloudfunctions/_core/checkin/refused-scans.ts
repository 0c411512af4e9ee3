import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';

/** Every refused scan of the community's orders, newest first: who scanned whom, when, and why not. */
export async function listRefusedScans(ctx: ActionContext, input: { communityId?: string; orderId?: string }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const rows = await ctx.tx.query<{
    id: string; scan_id: string; order_id: string; order_title: string; verifier_name: string; member_name: string | null;
    offline: boolean; scanned_at: Date; received_at: Date; code: string; message: string;
  }>(
    `select r.id, r.scan_id, r.order_id, o.title as order_title, v.name as verifier_name, m.name as member_name,
            r.offline, r.scanned_at, r.received_at, r.code, r.message
       from scan_refusals r join orders o on o.id = r.order_id join users v on v.id = r.verifier_id
       left join users m on m.id = r.member_id
      where o.community_id = $1 and ($2::uuid is null or r.order_id = $2)
      order by r.received_at desc, r.scanned_at desc limit 200`,
    [communityId, input.orderId ?? null],
  );
  return {
    items: rows.map((row) => ({
      id: row.id, scanId: row.scan_id, orderId: row.order_id, orderTitle: row.order_title, verifierName: row.verifier_name,
      memberName: row.member_name, offline: row.offline, scannedAt: row.scanned_at.toISOString(), receivedAt: row.received_at.toISOString(),
      code: row.code, message: row.message,
    })),
  };
}
