import { privacyActions } from '../_core/privacy';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(privacyActions, { wxOpenId });
