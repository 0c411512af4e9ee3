import { documentsActions } from '../_core/documents';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(documentsActions, { wxOpenId });
