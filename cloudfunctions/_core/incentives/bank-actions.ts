import type { ActionTable } from '../runtime';

/** 爱心时间银行: the passbook, spending, family gifts, the community bank (part C). */
export const bankActions: ActionTable = {};
