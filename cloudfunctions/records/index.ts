import { recordActions } from '../_core/records';
import { createHandler } from '../_core/runtime';
import { volunteerRecordActions } from '../_core/volunteer-record';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler({ ...recordActions, ...volunteerRecordActions }, { wxOpenId });
