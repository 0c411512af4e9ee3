import { demandActions } from '../_core/demands';
import { settlingAfterCommit } from '../_core/incentives/settlement';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(settlingAfterCommit(demandActions, ['confirmService']), { wxOpenId });
