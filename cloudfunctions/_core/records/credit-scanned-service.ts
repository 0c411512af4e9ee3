import type { Executor } from '../db/database';
import { businessDate } from '../shared/business-time';
import { creditedMinutes, minutesBetween, needsDailyApproval } from './hours-rules';
import { recordsRepository } from './records.repository';

export interface ScannedService {
  recordId: string;
  order: { id: string; communityId: string; title: string; category: string; place: string; startsAt: Date; endsAt: Date };
  memberId: string;
  checkedInAt: Date;
  checkedOutAt: Date;
  verifierId: string;
  /** A home service whose resident has not confirmed it: kept, shown, not yet counted. */
  awaitsResident: boolean;
  now: Date;
}

/**
 * Turns a check-in/check-out pair into the volunteer-service record, certified by the community
 * that organised it (谁组织谁记录). Hours beyond 8 on one day wait for the secretary's approval.
 */
export async function creditScannedService(tx: Executor, service: ScannedService) {
  const measured = minutesBetween(service.checkedInAt, service.checkedOutAt);
  const scheduled = minutesBetween(service.order.startsAt, service.order.endsAt);
  const credited = creditedMinutes(measured, scheduled);
  const serviceDate = businessDate(service.checkedInAt);
  const already = await recordsRepository.creditedOnDay(tx, service.memberId, serviceDate);
  const status = service.awaitsResident ? 'awaiting_resident' : needsDailyApproval(already, credited) ? 'pending_approval' : 'credited';
  await recordsRepository.insert(tx, {
    id: service.recordId,
    orderId: service.order.id,
    memberId: service.memberId,
    certifyingOrgId: service.order.communityId,
    content: `${service.order.category}：${service.order.title}`,
    place: service.order.place,
    serviceDate,
    startedAt: service.checkedInAt,
    endedAt: service.checkedOutAt,
    minutesMeasured: measured,
    minutesCredited: credited,
    source: 'scan',
    status,
    createdBy: service.verifierId,
    now: service.now,
  });
  return { minutesCredited: credited, pendingApproval: status === 'pending_approval', awaitingResident: status === 'awaiting_resident' };
}
