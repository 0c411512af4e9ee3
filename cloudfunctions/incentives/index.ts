import { incentiveActions } from '../_core/incentives';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(incentiveActions, { wxOpenId });
