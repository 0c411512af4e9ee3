import { recordActions } from '../_core/records';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(recordActions, { wxOpenId });
