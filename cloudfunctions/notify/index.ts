import { notifyActions } from '../_core/notify';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(notifyActions, { wxOpenId });
