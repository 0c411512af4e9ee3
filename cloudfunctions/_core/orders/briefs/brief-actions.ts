import type { ActionTable } from '../../runtime';

/** Part D: 活动简讯 — the report, photos and participant list after an activity, within the district's deadline. */
export const briefActions: ActionTable = {};
