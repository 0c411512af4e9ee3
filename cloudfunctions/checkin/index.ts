import { checkinActions } from '../_core/checkin';
import { settlingAfterCommit } from '../_core/incentives/settlement';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(settlingAfterCommit(checkinActions, ['uploadQueue']), { wxOpenId });
