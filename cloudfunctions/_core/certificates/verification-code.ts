import { createHmac, timingSafeEqual } from 'node:crypto';
import { publicPageLink } from '../shared/public-link';

/** The public page (its own subpackage, open without login) that shows a certificate's status. */
export const VERIFY_PAGE = '/pages/verify/certificate/index';

/** Letters and digits a person can read off paper without confusing them (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** The short code printed beside a certificate number: an HMAC of the number, so a made-up or altered pair does not check out. */
export function verificationCode(key: string, number: string): string {
  const digest = createHmac('sha256', key).update(`certificate:${number}`).digest();
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[digest[i] % ALPHABET.length];
  return code;
}

/** Whether `code` is the number's code; compared in constant time, case and spaces ignored. */
export function codeMatches(key: string, number: string, code: string): boolean {
  const expected = Buffer.from(verificationCode(key, number));
  const given = Buffer.from(code.replace(/\s+/g, '').toUpperCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The page the QR code opens: the public verification page with the number and code (shared/public-link.ts). */
export const verifyUrl = (publicUrl: string | undefined, number: string, code: string): string =>
  publicPageLink(publicUrl, `${VERIFY_PAGE}?no=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`);
