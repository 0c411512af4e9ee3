import { orderActions } from '../_core/orders';
import { settlingAfterCommit } from '../_core/incentives/settlement';
import { createHandler } from '../_core/runtime';
import { wxFileStore } from '../_wechat/wx-files';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(settlingAfterCommit(orderActions, ['evaluate']), { wxOpenId, files: wxFileStore });
