import { orgActions } from '../_core/org';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(orgActions, { wxOpenId });
