import { demandActions } from '../_core/demands';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(demandActions, { wxOpenId });
