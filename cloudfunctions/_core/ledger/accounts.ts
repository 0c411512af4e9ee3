/** What the ledger counts: minutes for the time bank, points for 积分 and the 爱心超市's prices, items for stock. */
export type LedgerUnit = 'minute' | 'point' | 'item';

export type OwnerKind = 'user' | 'organisation' | 'good';

/**
 * Every account the product keeps, with its unit and whether it may go below zero. The `issued` and `supplied`
 * accounts are where value comes from: their balance is minus everything issued, so they alone may be negative.
 */
export const ACCOUNT_PURPOSES = {
  /** A member's 积分. */
  points: { unit: 'point', allowNegative: false },
  /** A member's or resident's banked hours (爱心时间银行). */
  time_bank: { unit: 'minute', allowNegative: false },
  /** Banked hours set aside for a need posted with 使用时间银行, until the service is confirmed (or the need ends). */
  time_bank_held: { unit: 'minute', allowNegative: false },
  /** A district's source of points: minus every point it awarded. */
  points_issued: { unit: 'point', allowNegative: true },
  /** A district's source of banked hours: minus every minute deposited. */
  hours_issued: { unit: 'minute', allowNegative: true },
  /** A district's sink of banked hours spent on services. */
  hours_spent: { unit: 'minute', allowNegative: false },
  /** A district's sink of banked hours that expired. */
  hours_expired: { unit: 'minute', allowNegative: false },
  /** A community's bank of donated hours (above a member's cap, or given). */
  community_bank: { unit: 'minute', allowNegative: false },
  /** A community's 爱心超市 takings: the points members paid for goods. */
  shop_takings: { unit: 'point', allowNegative: false },
  /** A good's stock on the shelf. */
  stock: { unit: 'item', allowNegative: false },
  /** A good's source: minus everything ever stocked. */
  supplied: { unit: 'item', allowNegative: true },
  /** A good redeemed and waiting for pick-up. */
  reserved: { unit: 'item', allowNegative: false },
  /** A good handed over to the member who redeemed it. */
  handed_over: { unit: 'item', allowNegative: false },
  /** A good withdrawn from the shelf. */
  withdrawn: { unit: 'item', allowNegative: false },
} as const satisfies Record<string, { unit: LedgerUnit; allowNegative: boolean }>;

export type AccountPurpose = keyof typeof ACCOUNT_PURPOSES;

export interface AccountKey {
  ownerKind: OwnerKind;
  ownerId: string;
  purpose: AccountPurpose;
}

export const userAccount = (userId: string, purpose: 'points' | 'time_bank' | 'time_bank_held'): AccountKey => ({ ownerKind: 'user', ownerId: userId, purpose });
export const organisationAccount = (orgId: string, purpose: AccountPurpose): AccountKey => ({ ownerKind: 'organisation', ownerId: orgId, purpose });
export const goodAccount = (goodId: string, purpose: 'stock' | 'supplied' | 'reserved' | 'handed_over' | 'withdrawn'): AccountKey => ({
  ownerKind: 'good',
  ownerId: goodId,
  purpose,
});

export const unitOf = (purpose: AccountPurpose): LedgerUnit => ACCOUNT_PURPOSES[purpose].unit;

/** The key `lockAccounts` answers each account under. */
export const accountKeyText = (account: AccountKey) => `${account.ownerKind}:${account.ownerId}:${account.purpose}`;

export const sameAccount = (a: AccountKey, b: AccountKey) => a.ownerKind === b.ownerKind && a.ownerId === b.ownerId && a.purpose === b.purpose;
