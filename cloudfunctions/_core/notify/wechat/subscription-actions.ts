import type { ActionTable } from '../../runtime';

/** Part A: the subscribe-message templates to ask for at a moment, the credits a user granted, the queue's tick. */
export const subscriptionActions: ActionTable = {};
