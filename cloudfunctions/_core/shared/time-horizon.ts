import { commonErrors } from './domain-error';

const DAY_MS = 24 * 3_600_000;

/** How far ahead a person plans what this product schedules: a need's wanted time, an order's start. */
export const PLANNING_HORIZON_DAYS = 366;

/**
 * A date that passes the schema's calendar window (2000–2100) may still not be what anyone means:
 * an order in 2099, a need wanted last decade. Refused naming the field, with nothing written.
 */
export function assertWithinHorizon(
  value: string | Date | undefined | null,
  now: Date,
  bounds: { field: string; label: string; pastDays?: number; futureDays?: number },
): void {
  if (value === undefined || value === null) return;
  const at = new Date(value).getTime();
  const { futureDays = PLANNING_HORIZON_DAYS, pastDays } = bounds;
  let message: string | undefined;
  if (at > now.getTime() + futureDays * DAY_MS) message = `${bounds.label}不能晚于${futureDays}天以后`;
  else if (pastDays !== undefined && at < now.getTime() - pastDays * DAY_MS) message = `${bounds.label}不能早于${pastDays}天以前`;
  if (message) throw commonErrors.error('VALIDATION_FAILED', message, { [bounds.field]: message });
}
