import { businessDate } from '../shared/business-time';
import { creditedMinutes, minutesBetween, needsDailyApproval } from './hours-rules';

export interface ScannedService {
  order: { startsAt: Date; endsAt: Date };
  checkedInAt: Date;
  checkedOutAt: Date;
  /** A home service whose resident has not confirmed it: kept, shown, not yet counted. */
  awaitsResident: boolean;
}

/** The business day a scanned service is recorded on: the day of its check-in. */
export const serviceDateOf = (checkedInAt: Date) => businessDate(checkedInAt);

/**
 * The volunteer-service record a check-in/check-out pair earns, certified by the community that organised it
 * (谁组织谁记录), given the minutes already credited to the member on that day. Hours beyond 8 on one day
 * wait for the secretary's approval.
 */
export function scannedServiceRecord(service: ScannedService, creditedOnDay: number) {
  const measured = minutesBetween(service.checkedInAt, service.checkedOutAt);
  const scheduled = minutesBetween(service.order.startsAt, service.order.endsAt);
  const credited = creditedMinutes(measured, scheduled);
  const status = service.awaitsResident ? 'awaiting_resident' : needsDailyApproval(creditedOnDay, credited) ? 'pending_approval' : 'credited';
  return {
    serviceDate: serviceDateOf(service.checkedInAt),
    minutesMeasured: measured,
    minutesCredited: credited,
    status,
    credit: { minutesCredited: credited, pendingApproval: status === 'pending_approval', awaitingResident: status === 'awaiting_resident' },
  };
}
