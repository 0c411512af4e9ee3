import type { ActionTable } from '../runtime';

/** 爱心超市: goods, redemptions, pick-ups (part D). */
export const shopActions: ActionTable = {};
