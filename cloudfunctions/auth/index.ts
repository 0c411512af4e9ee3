import { authActions } from '../_core/auth';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';
import { wxPhoneNumber } from '../_wechat/wx-phone-number';

export const main = createHandler(authActions, { wxOpenId, wxPhoneNumber });
