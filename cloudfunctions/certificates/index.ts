import { certificateActions } from '../_core/certificates';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(certificateActions, { wxOpenId });
