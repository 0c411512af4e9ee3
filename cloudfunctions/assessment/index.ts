import { assessmentActions } from '../_core/assessment';
import { settlingAfterCommit } from '../_core/incentives/settlement';
import { createHandler } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';

export const main = createHandler(settlingAfterCommit(assessmentActions, ['handleSuggestion']), { wxOpenId });
