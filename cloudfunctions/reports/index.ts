import { reportsActions } from '../_core/reports';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(reportsActions, { wxOpenId });
