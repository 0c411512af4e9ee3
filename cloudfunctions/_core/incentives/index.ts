import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import { bankActions } from './bank-actions';
import { incentivesErrors } from './incentives.errors';
import { LedgerCheck, checkLedger } from './ledger-check';
import { pointsActions } from './points-actions';
import { rulesActions } from './rules-actions';
import { shopActions } from './shop-actions';

export { incentivesErrors };

/** 积分、星级、爱心时间银行、爱心超市: the rewards for service, on one ledger */
export const incentiveActions: ActionTable = {
  ...rulesActions,
  ...pointsActions,
  ...bankActions,
  ...shopActions,
  checkLedger: defineAction({
    summary: '账目核对：每个账户的缓存余额是否等于其全部明细之和（区管理员）',
    access: 'user',
    input: z.object({}),
    output: LedgerCheck,
    errors: [],
    run: checkLedger,
  }),
};
