import { recordActions } from '../_core/records';
import { settlingAfterCommit } from '../_core/incentives/settlement';
import { createHandler } from '../_core/runtime';
import { volunteerRecordActions } from '../_core/volunteer-record';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(
  settlingAfterCommit({ ...recordActions, ...volunteerRecordActions }, ['enter', 'correct', 'approve', 'cut', 'resolveDispute', 'confirmForResident', 'closeMissingCheckout']),
  { wxOpenId },
);
