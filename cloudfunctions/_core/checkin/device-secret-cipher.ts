import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const keyFrom = (keyMaterial: string) => createHash('sha256').update(keyMaterial).digest();

/** Members' check-in secrets are stored encrypted (AES-256-GCM); the key lives in configuration, not the database. */
export function encryptSecret(secretHex: string, keyMaterial: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(keyMaterial), iv);
  const data = Buffer.concat([cipher.update(secretHex, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join(':');
}

export function decryptSecret(stored: string, keyMaterial: string): string {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1') throw new Error(`unknown secret format ${version}`);
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(keyMaterial), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * The secret, or null when it cannot be read: it was sealed under another CHECKIN_KEY (a key changed, or an
 * instance that made up its own) or the stored text is damaged. The caller answers with a domain error.
 */
export function openSecret(stored: string, keyMaterial: string): string | null {
  try {
    return decryptSecret(stored, keyMaterial);
  } catch {
    return null;
  }
}

export const newSecretHex = () => randomBytes(20).toString('hex');

/** Compares a signature with the expected one in constant time, so that timing tells nothing about it. */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
