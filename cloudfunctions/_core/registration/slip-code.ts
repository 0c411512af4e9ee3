/** The letters and digits of a new 报到码: no I, O, 1 or 0, which are read for one another. */
export const SLIP_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const SLIP_CODE_LENGTH = 8;

/** A code as stored: 8 of A–Z and 2–9 (codes issued before the new alphabet may hold I and O). */
export const SLIP_CODE_PATTERN = /^[A-Z2-9]{8}$/;

/** A typed 0 or 1 can only mean O or I: no code holds the digits. */
const READ_AS: Record<string, string> = { '0': 'O', '1': 'I' };

/**
 * A code as typed, into the form it is stored in: full-width characters made plain, case ignored,
 * spaces and dashes dropped, 0 read as O and 1 as I.
 */
export function normaliseSlipCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―_·.]/g, '')
    .replace(/[01]/g, (digit) => READ_AS[digit]);
}

/** The code in what a member pastes or scans: the whole share text or link (…?slip=CODE), or the code alone. */
export function slipCodeFromText(text: string): string {
  const linked = /[?&]slip=([A-Za-z0-9%-]+)/.exec(text);
  if (linked) return normaliseSlipCode(decodeURIComponent(linked[1]));
  const named = /报到码[:：\s]*([A-Za-z0-9\s-]{8,12})/.exec(text);
  return normaliseSlipCode(named ? named[1] : text);
}
