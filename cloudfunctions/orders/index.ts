import { orderActions } from '../_core/orders';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(orderActions, { wxOpenId });
