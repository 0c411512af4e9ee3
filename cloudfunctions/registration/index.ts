import { registrationActions } from '../_core/registration';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(registrationActions, { wxOpenId });
