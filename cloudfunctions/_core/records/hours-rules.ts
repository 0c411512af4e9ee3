/** Credited time never exceeds the scheduled length plus this tolerance without a secretary's approval. */
export const OVERRUN_TOLERANCE_MINUTES = 30;
/** More than this many credited minutes for one member on one day needs the secretary's approval. */
export const DAILY_APPROVAL_THRESHOLD_MINUTES = 8 * 60;

export const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));

/** Hours credited = check-out − check-in, capped at the order's scheduled length + 30 min. */
export function creditedMinutes(measuredMinutes: number, scheduledMinutes: number): number {
  return Math.min(measuredMinutes, scheduledMinutes + OVERRUN_TOLERANCE_MINUTES);
}

/** Whether crediting this much more on a day already holding `alreadyCredited` needs approval. */
export const needsDailyApproval = (alreadyCredited: number, adding: number) =>
  alreadyCredited + adding > DAILY_APPROVAL_THRESHOLD_MINUTES;
