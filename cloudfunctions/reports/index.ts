import { reportsActions } from '../_core/reports';
import { createHandler } from '../_core/runtime';
import { nationalExportActions } from '../_core/volunteer-record/national-export-actions';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler({ ...reportsActions, ...nationalExportActions }, { wxOpenId });
