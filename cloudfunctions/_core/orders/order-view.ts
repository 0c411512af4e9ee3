import type { PersonalField } from '../privacy/access-log';
import { maskAddress, maskPhone } from '../shared/masking';
import { cancelDeadline, isClosed } from './order-status';
import type { OrderRow, ordersRepository } from './orders.repository';
import type { OrderView } from './orders.schemas';

type AssignmentRows = Awaited<ReturnType<typeof ordersRepository.listAssignments>>;
type ClashRows = Awaited<ReturnType<typeof ordersRepository.clashesOf>>;

export const phaseOf = (row: OrderRow, now: Date): NonNullable<OrderView['myAssignment']>['phase'] => {
  if (row.my_status !== 'accepted') return null;
  if (row.my_checked_out_at || isClosed(row.status)) return 'done';
  if (row.my_checked_in_at) return 'in_service';
  return row.ends_at < now ? 'done' : 'upcoming';
};

/** A member who accepted a home service sees its resident's phone and address in full while it is open. */
const servesIt = (row: OrderRow) => row.my_status === 'accepted' && !isClosed(row.status);

/**
 * The resident's full values this view shows someone other than the resident, each to be logged:
 * the address (the place) and the phone of a home service to the member serving it.
 */
export function fullValuesShown(row: OrderRow, viewerId: string): PersonalField[] {
  if (row.kind !== 'demand' || !servesIt(row) || row.requester_id === viewerId) return [];
  return [...(row.place ? (['address'] as const) : []), ...(row.requester_name && row.requester_phone ? (['phone'] as const) : [])];
}

/**
 * The order as this viewer may see it. A home service's address and the requester's phone are shown in
 * full only to the requester and to members who accepted it while it is open; managers see them masked
 * and reveal them through privacy.reveal, which logs the read.
 */
export function toOrderView(row: OrderRow, viewerId: string, now: Date, assignments?: AssignmentRows, clashes: ClashRows = []): OrderView {
  const reveal = servesIt(row) || row.requester_id === viewerId;
  const isHomeService = row.kind === 'demand';
  return {
    id: row.id,
    communityId: row.community_id,
    kind: row.kind,
    demandId: row.demand_id,
    title: row.title,
    category: row.category,
    description: row.description,
    place: isHomeService && !reveal ? maskAddress(row.place) : row.place,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: row.capacity,
    acceptedCount: row.accepted_count,
    checkedInCount: row.checked_in_count,
    dispatch: row.dispatch,
    status: row.status,
    cancelReason: row.cancel_reason,
    cancelDeadline: cancelDeadline(row.starts_at, row.cancel_cutoff_minutes).toISOString(),
    requiredPosts: row.required_posts,
    requiredSkills: row.required_skills,
    leaderMemberId: row.leader_member_id,
    leaderName: row.leader_name,
    focusedTeam: row.focused_team_id && row.focused_team_name ? { id: row.focused_team_id, name: row.focused_team_name } : null,
    notice:
      row.notice_working_days !== null && row.notice_required_days !== null
        ? { workingDays: row.notice_working_days, required: row.notice_required_days, short: row.short_notice }
        : null,
    myClashes: clashes.map((clash) => ({ id: clash.id, title: clash.title, startsAt: clash.starts_at.toISOString(), endsAt: clash.ends_at.toISOString() })),
    myAssignment: row.my_status ? { status: row.my_status, phase: phaseOf(row, now) } : null,
    requester:
      isHomeService && row.requester_name && row.requester_phone
        ? { name: row.requester_name, phone: reveal ? row.requester_phone : maskPhone(row.requester_phone) }
        : null,
    assignments: assignments
      ? assignments.map((a) => ({
          memberId: a.member_id,
          name: a.name,
          volunteerNo: a.volunteer_no,
          phoneMasked: maskPhone(a.phone),
          status: a.status,
          checkedInAt: a.checked_in_at?.toISOString() ?? null,
          checkedOutAt: a.checked_out_at?.toISOString() ?? null,
        }))
      : null,
    evaluation: row.rating ? { rating: row.rating, comment: row.rating_comment ?? '' } : null,
    changes: [],
  };
}
