export { bankErrors } from './bank.errors';
export { holdForNeed, releaseNeedHold, settleNeedHold } from './need-holds';
export { RELATIONS, RELATION_KEYS, type Relation } from './relations';
export * from './bank.schemas';
export { myTimeBank, timeBankForNeed, expireTimeBanks } from './my-time-bank';
export { familyLinks, addFamilyLink, answerFamilyLink, confirmFamilyLink, removeFamilyLink } from './family-links';
export { giftHours, donateHours } from './transfers';
export { communityBank, grantFromCommunityBank } from './community-bank';
