/** The notifications each use case sends when its event happens: the texts live here, one call sits in the use case. */
export { notifyNeedPosted, notifyOrderAccepted, notifyOrderCancelled, notifyOrderChanged, notifyOrderCreated, notifyPleaseRate, planPleaseRate } from './order-events';
export { notifyNeedRejected } from './need-events';
export { notifyRegistrationResult } from './registration-events';
export { notifyDisputeDecided, notifyRecordChanged, type RecordChange } from './record-events';
export { notifyPickupWaiting } from './shop-events';
