import type { Executor } from '../../db/database';
import { notify } from '../notifier';
import { SECRETARY_NEEDS_PAGE, memberOrderPage, needPage, shorten, timeText } from './texts';

interface OrderFacts {
  id: string;
  title: string;
  place: string;
  starts_at: Date;
  community_id: string;
  demand_id: string | null;
  resident_id: string | null;
  status: string;
  cancel_reason: string | null;
}

const orderFacts = async (tx: Executor, orderId: string) =>
  (
    await tx.query<OrderFacts>(
      `select o.id, o.title, o.place, o.starts_at, o.community_id, o.demand_id, d.resident_id, o.status, o.cancel_reason
         from orders o left join demands d on d.id = o.demand_id where o.id = $1`,
      [orderId],
    )
  )[0];

/** Who an order's news is for: the members who accepted it and those still invited. */
const membersOnOrder = (tx: Executor, orderId: string) =>
  tx.query<{ member_id: string }>(`select member_id from assignments where order_id = $1 and status in ('accepted', 'invited')`, [orderId]);

const orderFields = (order: OrderFacts, status: string, note: string) => ({
  activity: order.title,
  time: timeText(order.starts_at),
  place: order.place,
  status,
  note,
});

/** 派单邀请: the members an order was sent to. */
export async function notifyOrderInvited(tx: Executor, at: Date, orderId: string, inviteeIds: readonly string[]) {
  const order = await orderFacts(tx, orderId);
  await notify(tx, at, inviteeIds, {
    kind: 'order_invited',
    eventKey: `order-invited:${order.id}`,
    title: shorten(`派单邀请：${order.title}`, 40),
    body: shorten(`社区邀请您参加「${order.title}」。时间：${timeText(order.starts_at)}，地点：${order.place}。请打开订单，点「接单」；去不了请点「婉拒」，社区好另找人。`, 500),
    page: memberOrderPage(order.id),
    fields: orderFields(order, '待接单', '请打开订单接单或婉拒'),
  });
}

/**
 * 接单成功: the member who took a place. Keyed by the acceptance's time: a member who gave the place back and
 * accepts again hears of it again, a refused second tap (already accepted) writes nothing.
 */
export async function notifyOrderAccepted(tx: Executor, at: Date, orderId: string, memberId: string) {
  const order = await orderFacts(tx, orderId);
  await notify(tx, at, [memberId], {
    kind: 'order_accepted',
    eventKey: `order-accepted:${order.id}:${at.getTime()}`,
    title: shorten(`接单成功：${order.title}`, 40),
    body: shorten(
      `您已接下「${order.title}」。时间：${timeText(order.starts_at)}，地点：${order.place}。到了以后，打开「签到码」请负责人扫码签到，做完再扫码签退。去不了请提前在订单里取消。`,
      500,
    ),
    page: memberOrderPage(order.id),
    fields: orderFields(order, '已接单', '到场后出示签到码扫码签到'),
  });
  if (order.demand_id && order.resident_id) await notifyNeedAccepted(tx, at, order, memberId);
}

/**
 * 需求已受理: the resident whose need became an order. Sent when the order is made (with who is invited, if anyone)
 * and, keyed by member, when each member accepts, so that the resident knows who will come.
 */
async function notifyNeedAccepted(tx: Executor, at: Date, order: OrderFacts, memberId?: string) {
  const people = await tx.query<{ name: string }>(
    `select u.name from assignments a join users u on u.id = a.member_id
      where a.order_id = $1 and a.status = 'accepted' order by a.accepted_at`,
    [order.id],
  );
  const who = people.length > 0 ? `党员义工${people.map((row) => row.name).join('、')}会来为您服务` : '社区正在安排党员义工，有人接单后会再告诉您';
  await notify(tx, at, [order.resident_id!], {
    kind: 'need_accepted',
    eventKey: `need-accepted:${order.id}${memberId ? `:${memberId}` : ''}`,
    title: people.length > 0 ? '已有党员义工接单' : '您的需求社区已受理',
    body: shorten(`您的需求社区已受理，安排在 ${timeText(order.starts_at)}，地点：${order.place}。${who}。服务做完后，请在需求里确认并评价。`, 500),
    page: needPage(order.demand_id!),
    fields: { ...orderFields(order, '已受理', who), person: people.map((row) => row.name).join('、') },
  });
}

/** The order a secretary made of a need: the resident hears that it is accepted. */
export async function notifyOrderCreated(tx: Executor, at: Date, orderId: string, inviteeIds: readonly string[]) {
  if (inviteeIds.length > 0) await notifyOrderInvited(tx, at, orderId, inviteeIds);
  const order = await orderFacts(tx, orderId);
  if (order.demand_id && order.resident_id) await notifyNeedAccepted(tx, at, order);
}

/**
 * 订单取消: every member who accepted or was still invited, with the reason; 服务取消: the resident of a need's order,
 * whose need went back to 待受理 for the community to arrange again.
 */
export async function notifyOrderCancelled(tx: Executor, at: Date, orderId: string) {
  const order = await orderFacts(tx, orderId);
  const reason = order.cancel_reason ?? '';
  const members = await membersOnOrder(tx, order.id);
  await notify(tx, at, members.map((row) => row.member_id), {
    kind: 'order_cancelled',
    eventKey: `order-cancelled:${order.id}`,
    title: shorten(`订单取消：${order.title}`, 40),
    body: shorten(`「${order.title}」（${timeText(order.starts_at)}）已被社区取消，原因：${reason}。您不用再前往。有疑问请联系社区。`, 500),
    page: memberOrderPage(order.id),
    fields: orderFields(order, '已取消', reason),
  });
  if (order.demand_id && order.resident_id) {
    await notify(tx, at, [order.resident_id], {
      kind: 'need_cancelled',
      eventKey: `need-cancelled:${order.id}`,
      title: '为您安排的服务取消了',
      body: shorten(
        `社区取消了原定 ${timeText(order.starts_at)} 为您上门的服务，原因：${reason}。您的需求已退回「待受理」，社区会重新安排，安排好了再通知您。不用重新提交。`,
        500,
      ),
      page: needPage(order.demand_id),
      fields: orderFields(order, '已取消', '社区会重新安排'),
    });
  }
}

/**
 * 订单变更: every member who accepted or is still invited, with what changed and why; the resident of a need's order
 * hears the new time and place. Keyed by the change: a second change is told again.
 */
export async function notifyOrderChanged(tx: Executor, at: Date, change: { id: string; orderId: string; reason: string; summary: string }) {
  const order = await orderFacts(tx, change.orderId);
  const members = await membersOnOrder(tx, order.id);
  await notify(tx, at, members.map((row) => row.member_id), {
    kind: 'order_changed',
    eventKey: `order-changed:${change.id}`,
    title: shorten(`活动调整：${order.title}`, 40),
    body: shorten(
      `「${order.title}」有调整，${change.summary}。原因：${change.reason}。现在是 ${timeText(order.starts_at)}，地点：${order.place}。去不了请在订单里取消。`,
      500,
    ),
    page: memberOrderPage(order.id),
    fields: orderFields(order, '已调整', change.reason),
  });
  if (order.demand_id && order.resident_id) {
    await notify(tx, at, [order.resident_id], {
      kind: 'need_changed',
      eventKey: `need-changed:${change.id}`,
      title: '上门服务的时间或地点改了',
      body: shorten(`为您安排的上门服务有调整，${change.summary}。原因：${change.reason}。有问题请打电话给社区。`, 500),
      page: needPage(order.demand_id),
      fields: orderFields(order, '已调整', change.reason),
    });
  }
}

/**
 * 请评价服务: the resident of a need whose order is completed. Called where an order becomes completed in code, and by
 * the planner for orders the last scan completed inside the database (migration 0011); the key makes it once.
 */
export async function notifyPleaseRate(tx: Executor, at: Date, orderId: string) {
  const order = await orderFacts(tx, orderId);
  if (order?.status !== 'completed' || !order.demand_id || !order.resident_id) return;
  await notify(tx, at, [order.resident_id], {
    kind: 'please_rate',
    eventKey: `please-rate:${order.id}`,
    title: '服务做完了，请您评价',
    body: shorten(`「${order.title}」已经做完了。请打开需求，确认一下服务，再选一个评价（满意、基本满意或不满意）。您的评价很重要。`, 500),
    page: needPage(order.demand_id),
    fields: orderFields(order, '已完成', '请确认服务并评价'),
  });
}

/** How far back the planner looks for completed need orders whose resident has not been asked to rate. */
const PLEASE_RATE_LOOKBACK_DAYS = 7;

/** Planner: the need orders completed by a scan (in SQL), whose resident has no 请评价 yet. */
export async function planPleaseRate(tx: Executor, now: Date) {
  const rows = await tx.query<{ id: string }>(
    `select o.id from orders o join demands d on d.id = o.demand_id
      where o.status = 'completed' and o.completed_at >= $1 and d.resident_id is not null
        and not exists (select 1 from evaluations e where e.order_id = o.id and e.kind = 'resident')
        and not exists (select 1 from notifications n where n.user_id = d.resident_id and n.event_key = 'please-rate:' || o.id)
      limit 200`,
    [new Date(now.getTime() - PLEASE_RATE_LOOKBACK_DAYS * 86_400_000)],
  );
  for (const row of rows) await notifyPleaseRate(tx, now, row.id);
}

/** 新需求: the community's secretaries, when a resident posts a need. */
export async function notifyNeedPosted(tx: Executor, at: Date, demandId: string) {
  const [need] = await tx.query<{ id: string; community_id: string; category: string; sub_item: string | null }>(
    'select id, community_id, category, sub_item from demands where id = $1',
    [demandId],
  );
  const secretaries = await tx.query<{ user_id: string }>(`select user_id from user_roles where role = 'secretary' and org_id = $1`, [need.community_id]);
  const what = need.sub_item ? `${need.category}·${need.sub_item}` : need.category;
  await notify(tx, at, secretaries.map((row) => row.user_id), {
    kind: 'need_posted',
    eventKey: `need-posted:${need.id}`,
    title: shorten(`新需求：${what}`, 40),
    body: shorten(`居民提交了一条新需求「${what}」。请打开「需求」，派单受理，或写明原因不予受理。`, 500),
    page: SECRETARY_NEEDS_PAGE,
    fields: { activity: what, status: '待受理', note: '请派单或说明原因' },
  });
}
