import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const PHONE_CODE_PURPOSES = ['sign_up', 'register', 'reset_password'] as const;
export type PhoneCodePurpose = (typeof PHONE_CODE_PURPOSES)[number];

/** How long a code lives, how often it may be guessed and how often a phone (or one client address) may ask for one. */
export const PHONE_CODE_LIMITS = {
  lifetimeMinutes: 10,
  wrongTries: 5,
  resendSeconds: 60,
  perPhonePerDay: 5,
  perAddressPerHour: 20,
} as const;

/** Six random digits, leading zeros kept. */
export const newPhoneCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A keyed hash, so that a copy of the table does not give the codes away (six digits are quickly tried unkeyed). */
export const hashPhoneCode = (secret: string, phone: string, purpose: PhoneCodePurpose, code: string): string =>
  createHmac('sha256', secret).update(`phone-code\u0000${purpose}\u0000${phone}\u0000${code}`).digest('base64');

/** Compares a typed code with the stored hash in time that does not depend on where they differ. */
export function phoneCodeMatches(secret: string, phone: string, purpose: PhoneCodePurpose, typed: string, storedHash: string): boolean {
  const typedHash = Buffer.from(hashPhoneCode(secret, phone, purpose, typed), 'base64');
  const stored = Buffer.from(storedHash, 'base64');
  return stored.length === typedHash.length && timingSafeEqual(stored, typedHash);
}
