import { asciiBytes, bytesToHex, hexToBytes, hmacSha256 } from './sha256';

/**
 * The member's personal check-in code, like an authenticator app: it changes every 30 seconds,
 * is computed on the phone from a secret provisioned at login (so it shows offline), and is the
 * HMAC of the device and the time step. Shared by the cloud functions and the mini-program.
 */
export const CODE_STEP_SECONDS = 30;
export const CODE_PREFIX = 'DY1';
const SIGNATURE_HEX_LENGTH = 20;

export interface DeviceSecret {
  deviceId: string;
  secretHex: string;
}

export interface ParsedCheckinCode {
  deviceId: string;
  step: number;
  signature: string;
}

export const timeStepOf = (at: Date): number => Math.floor(at.getTime() / 1000 / CODE_STEP_SECONDS);

export const secondsLeftInStep = (at: Date): number =>
  CODE_STEP_SECONDS - (Math.floor(at.getTime() / 1000) % CODE_STEP_SECONDS);

export const signStep = (secretHex: string, deviceId: string, step: number): string =>
  bytesToHex(hmacSha256(hexToBytes(secretHex), asciiBytes(`${deviceId}:${step}`))).slice(0, SIGNATURE_HEX_LENGTH);

/** The text the QR code carries at instant `at`. */
export function makeCheckinCode(device: DeviceSecret, at: Date): string {
  const step = timeStepOf(at);
  return `${CODE_PREFIX}.${device.deviceId}.${step}.${signStep(device.secretHex, device.deviceId, step)}`;
}

// The device id must be uuid-shaped: anything else would reach the database as a malformed uuid.
const CODE_PATTERN = /^DY1\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([0-9a-f]{20})$/;

export function parseCheckinCode(text: string): ParsedCheckinCode | null {
  const match = CODE_PATTERN.exec(text.trim());
  return match ? { deviceId: match[1], step: Number(match[2]), signature: match[3] } : null;
}
