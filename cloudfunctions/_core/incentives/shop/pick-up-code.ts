import { randomInt } from 'node:crypto';

/** What a pick-up QR carries before the code, so that the scanner can tell it from a check-in code. */
export const PICK_UP_QR_PREFIX = 'LOVESHOP:';

/** Six digits, easy to read aloud at the counter (leading zeros kept). */
export const newPickUpCode = (random: (below: number) => number = randomInt) => String(random(1_000_000)).padStart(6, '0');

export const pickUpQrText = (code: string) => `${PICK_UP_QR_PREFIX}${code}`;

/** The code in what the secretary typed or scanned: six digits, spaces and dashes ignored, or a pick-up QR's text. */
export function readPickUpCode(text: string): string | null {
  const body = text.startsWith(PICK_UP_QR_PREFIX) ? text.slice(PICK_UP_QR_PREFIX.length) : text;
  const digits = body.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
