import { orgActions } from '../_core/org';
import { createHandler } from '../_core/runtime';
import { teamActions } from '../_core/teams';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler({ ...orgActions, ...teamActions }, { wxOpenId });
