import { asciiBytes, bytesToHex, hexToBytes, hmacSha256, sha256 } from './sha256';

/**
 * The offline queue of a verifier's phone as a hash chain: each entry is signed with the device's own
 * secret and carries the hash of the entry before it and a counter, so that the server can tell an
 * entry made on that phone, in that order, from one written or reordered afterwards. Shared by the
 * cloud functions and the mini-program (pure TS, no Node APIs).
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  scanId: string;
  orderId: string;
  code: string;
  intent: 'auto' | 'in' | 'out';
  /** ISO instant the phone scanned at. */
  scannedAt: string;
  counter: number;
  prevHash: string;
}

// Every field is ASCII (ids, the DY1 code, an ISO instant, digits, hex), so the text is its own byte string.
const canonical = (deviceId: string, entry: ChainEntry) =>
  [deviceId, entry.counter, entry.prevHash, entry.scanId, entry.orderId, entry.code, entry.intent, Date.parse(entry.scannedAt)].join('|');

export const signChainEntry = (secretHex: string, deviceId: string, entry: ChainEntry): string =>
  bytesToHex(hmacSha256(hexToBytes(secretHex), asciiBytes(canonical(deviceId, entry))));

/** The hash the next entry names as its prevHash. */
export const hashChainEntry = (deviceId: string, entry: ChainEntry, signature: string): string =>
  bytesToHex(sha256(asciiBytes(`${canonical(deviceId, entry)}|${signature}`)));

/** Signs the next entry after `previous` (the device's chain head), returning it with its signature and hash. */
export function appendToChain(
  device: { deviceId: string; secretHex: string },
  previous: { counter: number; hash: string },
  scan: Omit<ChainEntry, 'counter' | 'prevHash'>,
) {
  const entry: ChainEntry = { ...scan, counter: previous.counter + 1, prevHash: previous.hash };
  const signature = signChainEntry(device.secretHex, device.deviceId, entry);
  return { ...entry, signature, hash: hashChainEntry(device.deviceId, entry, signature) };
}
