import type { ActionTable } from '../runtime';

/** The district's rules for points, stars and the time bank (part A). */
export const rulesActions: ActionTable = {};
