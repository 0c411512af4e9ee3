import { checkinActions } from '../_core/checkin';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(checkinActions, { wxOpenId });
