import { assessmentActions } from '../_core/assessment';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(assessmentActions, { wxOpenId });
