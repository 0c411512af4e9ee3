import type { ActionTable } from '../runtime';

/** A member's 积分 and 星级, and the record valuation behind them (part B). */
export const pointsActions: ActionTable = {};
