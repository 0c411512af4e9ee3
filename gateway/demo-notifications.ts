import { notify } from '../cloudfunctions/_core/notify';
import { notifyNeedPosted, notifyOrderAccepted, notifyPleaseRate } from '../cloudfunctions/_core/notify/events';
import type { DemoNotifyContext } from './demo-notify-context';

/**
 * 消息: a few notifications in the demo member's, resident's and secretary's inboxes, written by the real events'
 * texts on the seed's own orders and needs, so each opens a page that exists.
 */
export async function seedNotifications({ tx, now, communityId, secretary, demoMember, demoResident }: DemoNotifyContext): Promise<void> {
  const [upcoming] = await tx.query<{ order_id: string; title: string }>(
    `select a.order_id, o.title from assignments a join orders o on o.id = a.order_id
      where a.member_id = $1 and a.status = 'accepted' and o.status not in ('completed', 'cancelled') order by o.starts_at limit 1`,
    [demoMember.id],
  );
  if (upcoming) {
    await notifyOrderAccepted(tx, now, upcoming.order_id, demoMember.id);
    await notify(tx, now, [demoMember.id], {
      kind: 'broadcast',
      eventKey: `broadcast:demo:${upcoming.order_id}`,
      title: `社区通知：${upcoming.title}`.slice(0, 40),
      body: `请穿好红马甲，提前10分钟到场签到。\n（${secretary.name}发送）`,
      page: `/pages/member/order-detail/index?id=${encodeURIComponent(upcoming.order_id)}`,
    });
  }
  const [served] = await tx.query<{ id: string }>(
    `select o.id from orders o join demands d on d.id = o.demand_id where d.resident_id = $1 and o.status = 'completed' order by o.completed_at desc limit 1`,
    [demoResident.id],
  );
  if (served) await notifyPleaseRate(tx, now, served.id);
  const waiting = await tx.query<{ id: string }>(`select id from demands where community_id = $1 and status = 'submitted' order by created_at desc limit 2`, [communityId]);
  for (const need of waiting) await notifyNeedPosted(tx, now, need.id);
}
