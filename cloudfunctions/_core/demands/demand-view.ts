import { maskAddress, maskPhone } from '../shared/masking';
import type { DemandRow } from './demands.repository';
import type { DemandView } from './demands.schemas';
import { needKindOf } from './need-kinds';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * The need as the viewer may see it: the requester sees the full phone and address; everyone else,
 * the community's secretary too, sees them masked (the secretary reveals one through privacy.reveal, logged).
 */
export function toDemandView(row: DemandRow, revealContact: boolean): DemandView {
  return {
    id: row.id,
    communityId: row.community_id,
    community: { name: row.community_name, servicePhone: row.service_phone },
    kind: row.need_kind,
    kindName: needKindOf(row.need_kind)?.name ?? null,
    category: row.category,
    subItem: row.sub_item,
    description: row.description,
    requesterName: row.requester_name,
    address: revealContact ? row.address : maskAddress(row.address),
    contactPhone: row.contact_phone === null ? '' : revealContact ? row.contact_phone : maskPhone(row.contact_phone),
    wantedFrom: iso(row.wanted_from),
    wantedUntil: iso(row.wanted_until),
    channel: row.channel,
    status: row.status,
    rejectReason: row.reject_reason,
    createdAt: row.created_at.toISOString(),
    // A cancelled order is over: the need is back in the pool, and its timeline says why.
    order: row.order_id && row.order_status !== 'cancelled'
      ? {
          id: row.order_id,
          title: row.order_title ?? '',
          status: row.order_status ?? '',
          startsAt: iso(row.order_starts_at) ?? '',
          endsAt: iso(row.order_ends_at) ?? '',
          residentConfirmedAt: iso(row.resident_confirmed_at),
          awaitingResident: row.awaiting_resident,
          members: row.order_members,
        }
      : null,
    rating: row.rating ? { rating: row.rating, comment: row.rating_comment ?? '' } : null,
    timeline: timelineOf(row),
  };
}

function timelineOf(row: DemandRow): DemandView['timeline'] {
  const steps: [Date | null, string][] = [
    [row.created_at, '已提交需求'],
    [row.status === 'rejected' ? row.updated_at : null, `社区未受理：${row.reject_reason ?? ''}`],
    [row.status === 'withdrawn' ? row.updated_at : null, '已撤回'],
    [row.order_created_at, '社区已受理并派单'],
    [row.first_check_in_at, '党员已到达，服务中'],
    [row.order_completed_at, '服务已完成'],
    [row.resident_confirmed_at, '已确认并评价'],
  ];
  const events: [Date, string][] = row.events.map((event) => [new Date(event.at), event.note]);
  // The current order's steps only once it is live again: a cancelled one is told by its event.
  const orderSteps = row.order_status === 'cancelled' ? steps.slice(0, 4) : steps;
  return [...orderSteps.filter((step): step is [Date, string] => step[0] !== null), ...events]
    .sort((a, b) => a[0].getTime() - b[0].getTime())
    .map(([at, label]) => ({ at: at.toISOString(), label }));
}
