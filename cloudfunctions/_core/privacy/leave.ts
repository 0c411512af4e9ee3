import { revokeSessionsOf } from '../auth/sessions';
import { ordersRepository } from '../orders/orders.repository';
import { refreshOrderStatus } from '../orders/refresh-order-status';
import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime';
import { privacyErrors } from './privacy.errors';

export const ERASED = [
  '姓名', '手机号码', '登录密码', '微信绑定', '照片', '居民住址', '需求上的联系人、电话和住址', '登记表个人资料（住址、身份证号码等）',
  '报到登记表内容（认领岗位除外）', '报到单上的姓名和手机号码', '全部身份与权限', '签到手机',
];
export const KEPT = ['志愿者编号与所在社区', '服务记录与时长', '签到签退与扫码记录', '评价', '修改留痕（服务记录制度要求保存）'];

const LEAVE_NOTE = '党员已注销';
const ERASED_NAME = '已注销用户';
const ERASED_ADDRESS = '（住址已随注销删除）';

/**
 * 注销 (004 §二.3.(1), 服务记录制度 §三.3): erases what the rules do not require keeping; the member row,
 * service records, attendance, scans, evaluations and audit rows stay, under the volunteer number.
 */
export async function leave(ctx: ActionContext, input: { reason?: string }) {
  const { userId } = requireCaller(ctx.caller);
  const { tx } = ctx;
  const now = ctx.clock.now();

  // Only a service going on now stops them; a check-out forgotten on a closed order is the secretary's to mend.
  const [inService] = await tx.query(
    `select 1 from attendance t join orders o on o.id = t.order_id
      where t.member_id = $1 and t.checked_out_at is null and o.status not in ('completed', 'cancelled') limit 1`,
    [userId],
  );
  if (inService) throw privacyErrors.error('PRIVACY_LEAVE_IN_SERVICE');

  // Places taken on orders still to come are given back, so that the secretary can find someone else.
  const upcoming = await tx.query<{ order_id: string }>(
    `select a.order_id from assignments a join orders o on o.id = a.order_id
      where a.member_id = $1 and a.status = 'accepted' and o.status not in ('completed', 'cancelled') and o.ends_at > $2
        and not exists (select 1 from attendance t where t.order_id = a.order_id and t.member_id = a.member_id)
      order by a.order_id for update of o`,
    [userId, now],
  );
  for (const { order_id: orderId } of upcoming) {
    await ordersRepository.closeAssignment(tx, orderId, userId, 'cancelled', LEAVE_NOTE, now);
    await ordersRepository.releasePlace(tx, orderId);
    await refreshOrderStatus(tx, orderId, now);
  }
  await tx.query(
    `update assignments set status = 'declined', note = $2, closed_at = $3 where member_id = $1 and status = 'invited'`,
    [userId, LEAVE_NOTE, now],
  );

  const [user] = await tx.query<{ phone: string; volunteer_no: string | null }>(
    'select u.phone, m.volunteer_no from users u left join members m on m.user_id = u.id where u.id = $1 for update of u',
    [userId],
  );
  // The unit's 报到单 keep their result but lose the person; one not yet used is cancelled (they will not report now).
  await tx.query(
    `update report_slips set member_phone = null, member_name = $3,
            cancelled_at = case when cancelled_at is null and not exists (
              select 1 from registrations r where r.slip_id = report_slips.id and r.status = 'confirmed') then $4 else cancelled_at end
      where member_phone = $2 or id in (select slip_id from registrations where user_id = $1)`,
    [userId, user.phone, ERASED_NAME, now],
  );
  await tx.query(
    `update users set name = $2, phone = null, left_at = $3, left_reason = $4, password_hash = null, wx_openid = null, photo_url = null
      where id = $1`,
    [userId, user.volunteer_no ? `${ERASED_NAME}（${user.volunteer_no}）` : ERASED_NAME, now, input.reason || null],
  );
  await tx.query('delete from member_profiles where user_id = $1', [userId]);
  await tx.query('delete from residents where user_id = $1', [userId]);
  // The 回执 the unit keeps names the type and the posts claimed; nothing else of the form stays.
  await tx.query(
    `update registrations
        set form = jsonb_build_object('memberType', form->'memberType', 'posts', coalesce(form->'posts', '[]'::jsonb)),
            status = case when status = 'pending' then 'withdrawn' else status end
      where user_id = $1`,
    [userId],
  );
  await tx.query('delete from user_roles where user_id = $1', [userId]);
  await revokeSessionsOf(tx, userId, 'left', now);
  await tx.query('update member_devices set revoked_at = $2 where member_id = $1 and revoked_at is null', [userId, now]);
  await tx.query('update member_community_history set left_at = greatest($2, joined_at) where member_id = $1 and left_at is null', [userId, now]);
  // Their needs stay in the community's 需求信息库 without who, where or how to reach them; the orders and
  // records of a home service held the same address as their place.
  await tx.query(
    `update demands set status = case when status = 'submitted' then 'withdrawn' else status end, updated_at = $2,
            requester_name = $3, contact_phone = null, address = $4
      where resident_id = $1`,
    [userId, now, ERASED_NAME, ERASED_ADDRESS],
  );
  await tx.query(`update orders set place = $2 where demand_id in (select id from demands where resident_id = $1)`, [userId, ERASED_ADDRESS]);
  await tx.query(
    `update service_records set place = $2 where order_id in (select o.id from orders o join demands d on d.id = o.demand_id where d.resident_id = $1)`,
    [userId, ERASED_ADDRESS],
  );

  return { leftAt: now.toISOString(), erased: ERASED, kept: KEPT, cancelledOrders: upcoming.length };
}
