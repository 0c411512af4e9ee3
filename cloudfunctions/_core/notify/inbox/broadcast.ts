import type { z } from 'zod';
import type { ActionContext } from '../../runtime/action';
import { administersUnit, managesCommunity, requireCaller } from '../../runtime';
import { commonErrors } from '../../shared/domain-error';
import { notify } from '../notifier';
import { memberOrderPage, shorten } from '../events/texts';
import { inboxErrors } from './inbox.errors';
import { inboxRepository } from './inbox.repository';
import type { BroadcastInput, BroadcastView } from './inbox.schemas';

interface Audience {
  name: string;
  userIds: string[];
  page?: string;
}

async function orderAudience(ctx: ActionContext, orderId: string, userId: string): Promise<Audience> {
  const [order] = await ctx.tx.query<{ id: string; title: string; community_id: string; leader_member_id: string | null; status: string }>(
    'select id, title, community_id, leader_member_id, status from orders where id = $1',
    [orderId],
  );
  if (!order) throw inboxErrors.error('NOTIFY_ORDER_NOT_FOUND');
  if (order.leader_member_id !== userId && !(await managesCommunity(ctx.tx, ctx.caller!, order.community_id))) {
    throw commonErrors.error('FORBIDDEN', '只有本社区书记或该订单负责人可以发通知');
  }
  if (order.status === 'cancelled') throw inboxErrors.error('NOTIFY_ORDER_CLOSED');
  const rows = await ctx.tx.query<{ member_id: string }>(`select member_id from assignments where order_id = $1 and status = 'accepted'`, [order.id]);
  return { name: order.title, userIds: rows.map((row) => row.member_id), page: memberOrderPage(order.id) };
}

async function teamAudience(ctx: ActionContext, teamId: string): Promise<Audience> {
  const [team] = await ctx.tx.query<{ id: string; name: string; community_id: string | null; unit_id: string | null }>(
    'select id, name, community_id, unit_id from teams where id = $1 and archived_at is null',
    [teamId],
  );
  if (!team) throw inboxErrors.error('NOTIFY_TEAM_NOT_FOUND');
  const allowed = team.community_id ? await managesCommunity(ctx.tx, ctx.caller!, team.community_id) : administersUnit(ctx.caller!, team.unit_id!);
  if (!allowed) throw commonErrors.error('FORBIDDEN', '只能给本社区（本单位）的服务队发通知');
  const rows = await ctx.tx.query<{ member_id: string }>('select member_id from team_members where team_id = $1 and left_at is null', [team.id]);
  return { name: team.name, userIds: rows.map((row) => row.member_id) };
}

/**
 * 发通知: the secretary's (or the order's leader's) message to the members who accepted an order, or to a team.
 * The event key carries the sender and the tap's request id: a retried tap reaches nobody twice and answers the same count.
 */
export async function broadcast(ctx: ActionContext, input: z.output<typeof BroadcastInput>): Promise<z.input<typeof BroadcastView>> {
  const me = requireCaller(ctx.caller);
  const eventKey = `broadcast:${me.userId}:${input.requestId}`;
  const earlier = await inboxRepository.reachedBy(ctx.tx, eventKey);
  if (earlier > 0) return { reached: earlier };
  const audience = input.orderId ? await orderAudience(ctx, input.orderId, me.userId) : await teamAudience(ctx, input.teamId!);
  const recipients = audience.userIds.filter((id) => id !== me.userId);
  if (recipients.length === 0) throw inboxErrors.error('NOTIFY_NOBODY_TO_REACH', input.orderId ? '还没有人接单' : '服务队还没有队员');
  const written = await notify(ctx.tx, ctx.clock.now(), recipients, {
    kind: 'broadcast',
    eventKey,
    title: shorten(`社区通知：${audience.name}`, 40),
    body: `${input.text}\n（${me.name}发送）`,
    page: audience.page,
    fields: { activity: audience.name, note: input.text, person: me.name },
  });
  return { reached: written.length };
}
