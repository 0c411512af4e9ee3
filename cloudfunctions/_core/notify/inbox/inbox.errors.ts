import { defineErrors } from '../../shared/domain-error';

/** Part B's codes, prefix NOTIFY_. */
export const inboxErrors = defineErrors({});
