import type { ActionTable } from '../../runtime';

/** Part C: 预约预告 — the notice an activity gives (working days), and the community's calendar with 报名. */
export const calendarActions: ActionTable = {};
