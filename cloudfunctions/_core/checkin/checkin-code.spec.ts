import { createHash, createHmac, randomUUID } from 'node:crypto';
import {
  CODE_PREFIX,
  CODE_STEP_SECONDS,
  makeCheckinCode,
  parseCheckinCode,
  secondsLeftInStep,
  signStep,
  timeStepOf,
} from './checkin-code';
import { asciiBytes, bytesToHex, hexToBytes, hmacSha256, sha256 } from './sha256';

/** Deterministic bytes, so that a failure can be reproduced. */
const bytes = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 17) & 0xff);
const nodeSha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const nodeHmac = (key: Uint8Array, data: Uint8Array) => createHmac('sha256', key).update(data).digest('hex');

describe('sha256', () => {
  it.each([0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 100_000])(
    'should match node:crypto for a %i-byte input',
    (length) => {
      const data = bytes(length);
      expect(bytesToHex(sha256(data))).toBe(nodeSha256(data));
    },
  );

  it('should give the published digest of "abc"', () => {
    expect(bytesToHex(sha256(asciiBytes('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('hmacSha256', () => {
  it.each([
    [0, 0],
    [1, 3],
    [20, 0],
    [20, 55],
    [32, 56],
    [63, 64],
    [64, 65],
    [65, 100],
    [100, 1000],
    [200, 7],
  ])('should match node:crypto for a %i-byte key and a %i-byte message', (keyLength, messageLength) => {
    const key = bytes(keyLength, 7);
    const message = bytes(messageLength, 3);
    expect(bytesToHex(hmacSha256(key, message))).toBe(nodeHmac(key, message));
  });

  it('should give RFC 4231 test case 2', () => {
    expect(bytesToHex(hmacSha256(asciiBytes('Jefe'), asciiBytes('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('should sign a step exactly as node:crypto would', () => {
    const secretHex = 'a1'.repeat(20);
    const deviceId = randomUUID();
    const expected = createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`${deviceId}:123456`).digest('hex').slice(0, 20);
    expect(signStep(secretHex, deviceId, 123456)).toBe(expected);
  });
});

describe('hex and ascii helpers', () => {
  it('should round-trip bytes through hex', () => {
    const data = bytes(256);
    expect(hexToBytes(bytesToHex(data))).toEqual(data);
    expect(bytesToHex(Uint8Array.from([0, 15, 16, 255]))).toBe('000f10ff');
  });
});

describe('makeCheckinCode', () => {
  const device = { deviceId: randomUUID(), secretHex: '0123456789abcdef0123456789abcdef01234567' };
  const stepStart = new Date(timeStepOf(new Date('2026-11-23T09:00:10+08:00')) * CODE_STEP_SECONDS * 1000);
  const plus = (ms: number) => new Date(stepStart.getTime() + ms);

  it('should carry the prefix, the device, the time step and a 20-hex signature', () => {
    const code = makeCheckinCode(device, stepStart);
    expect(code).toBe(`${CODE_PREFIX}.${device.deviceId}.${timeStepOf(stepStart)}.${signStep(device.secretHex, device.deviceId, timeStepOf(stepStart))}`);
    expect(code).toMatch(/^DY1\.[0-9a-f-]{36}\.\d+\.[0-9a-f]{20}$/);
  });

  it.each([1, 1000, 15_000, 29_000, 29_999])('should not change %i ms into the 30-second step', (ms) => {
    expect(makeCheckinCode(device, plus(ms))).toBe(makeCheckinCode(device, stepStart));
  });

  it('should change exactly at the 30-second boundary', () => {
    const before = makeCheckinCode(device, plus(29_999));
    const after = makeCheckinCode(device, plus(30_000));
    expect(after).not.toBe(before);
    expect(parseCheckinCode(after)!.step).toBe(parseCheckinCode(before)!.step + 1);
  });

  it('should differ between devices and between secrets at the same instant', () => {
    const other = { deviceId: randomUUID(), secretHex: device.secretHex };
    const otherSecret = { deviceId: device.deviceId, secretHex: 'f'.repeat(40) };
    const codes = new Set([device, other, otherSecret].map((d) => parseCheckinCode(makeCheckinCode(d, stepStart))!.signature));
    expect(codes.size).toBe(3);
  });
});

describe('parseCheckinCode', () => {
  const deviceId = randomUUID();
  const valid = `DY1.${deviceId}.59123456.0123456789abcdef0123`;

  it('should round-trip a code made by makeCheckinCode', () => {
    const at = new Date('2026-11-23T01:00:00Z');
    const code = makeCheckinCode({ deviceId, secretHex: 'ab'.repeat(20) }, at);
    expect(parseCheckinCode(code)).toEqual({ deviceId, step: timeStepOf(at), signature: code.split('.')[3] });
  });

  it('should ignore surrounding white space', () => {
    expect(parseCheckinCode(`  ${valid}\n`)).toEqual({ deviceId, step: 59123456, signature: '0123456789abcdef0123' });
  });

  it.each([
    ['empty', ''],
    ['plain text', '你好'],
    ['a URL', 'https://example.com/?code=1'],
    ['another prefix', valid.replace('DY1', 'DY2')],
    ['a lower-case prefix', valid.replace('DY1', 'dy1')],
    ['a short signature', valid.slice(0, -1)],
    ['a long signature', `${valid}0`],
    ['an upper-case signature', valid.replace('abcdef', 'ABCDEF')],
    ['a non-hex signature', valid.replace('abcdef', 'ghijkl')],
    ['a step that is not a number', valid.replace('59123456', 'x9123456')],
    ['a negative step', valid.replace('59123456', '-59123456')],
    ['a 13-digit step', valid.replace('59123456', '1234567890123')],
    ['a device id that is not a uuid', `DY1.${'-'.repeat(36)}.59123456.0123456789abcdef0123`],
    ['a device id of 36 hex digits', `DY1.${'a'.repeat(36)}.59123456.0123456789abcdef0123`],
    ['a missing part', `DY1.${deviceId}.0123456789abcdef0123`],
    ['extra parts', `${valid}.extra`],
  ])('should reject %s', (_case, text) => {
    expect(parseCheckinCode(text)).toBeNull();
  });
});

describe('secondsLeftInStep', () => {
  const stepStart = new Date(timeStepOf(new Date('2026-11-23T01:00:00Z')) * CODE_STEP_SECONDS * 1000);
  it.each([
    [0, 30],
    [999, 30],
    [1000, 29],
    [15_000, 15],
    [29_000, 1],
    [29_999, 1],
    [30_000, 30],
  ])('should count the seconds left %i ms into a step', (ms, left) => {
    expect(secondsLeftInStep(new Date(stepStart.getTime() + ms))).toBe(left);
  });
});
