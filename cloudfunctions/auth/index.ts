import { authActions } from '../_core/auth';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(authActions, { wxOpenId });
