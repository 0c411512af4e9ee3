/**
 * A 简讯 photo's checks, done on its bytes (never its name or a declared mime): JPEG or PNG by the signature, width
 * and height from the header, and the metadata that can carry where it was taken removed without re-encoding — the
 * image data comes out byte for byte. A small segment/chunk walker rather than a library: the libraries found either
 * re-encode (sharp, jimp) or scan the stream for markers (exif-be-gone), which can cut into image data.
 */

export type PhotoMime = 'image/jpeg' | 'image/png';

export interface CleanPhoto {
  mime: PhotoMime;
  extension: 'jpg' | 'png';
  width: number;
  height: number;
  bytes: Buffer;
}

/** Why the bytes are not a photo we keep; undefined when they are one. */
export type PhotoProblem = 'not_image';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The bytes' clean copy, or 'not_image' for anything that is not a well-formed JPEG or PNG up to its image data. */
export function cleanPhoto(bytes: Buffer): CleanPhoto | PhotoProblem {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return cleanJpeg(bytes) ?? 'not_image';
  if (bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return cleanPng(bytes) ?? 'not_image';
  return 'not_image';
}

// JPEG markers without a length: TEM, RST0–7 (SOI and EOI are handled apart).
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
// Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
const startOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const APP1 = 0xe1; // Exif (GPS position, camera, time) and XMP
const APP13 = 0xed; // Photoshop IRB with IPTC (may name the place)
const COM = 0xfe; // free-text comments
const SOS = 0xda;

function cleanJpeg(bytes: Buffer): CleanPhoto | undefined {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let orientation: number | undefined;
  let size: { width: number; height: number } | undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (standalone(marker)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    const segment = bytes.subarray(at, end);
    if (marker === SOS) {
      if (!size) return undefined;
      // The scan and everything after it is image data (and later scans): kept exactly as it came.
      if (orientation !== undefined && orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
      kept.push(bytes.subarray(at));
      return { mime: 'image/jpeg', extension: 'jpg', ...size, bytes: Buffer.concat(kept) };
    }
    if (startOfFrame(marker)) {
      if (length < 8) return undefined;
      size = { height: segment.readUInt16BE(5), width: segment.readUInt16BE(7) };
      if (size.width === 0 || size.height === 0) return undefined;
    }
    if (marker === APP1) orientation ??= exifOrientation(segment.subarray(4));
    if (marker !== APP1 && marker !== APP13 && marker !== COM) kept.push(segment);
    at = end;
  }
  return undefined;
}

/** The Exif Orientation tag (0x0112) of an APP1 payload, when it is Exif and has one. */
function exifOrientation(payload: Buffer): number | undefined {
  if (payload.length < 14 || payload.toString('latin1', 0, 6) !== 'Exif\0\0') return undefined;
  const tiff = payload.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const u16 = (i: number) => (order === 'II' ? tiff.readUInt16LE(i) : tiff.readUInt16BE(i));
  const u32 = (i: number) => (order === 'II' ? tiff.readUInt32LE(i) : tiff.readUInt32BE(i));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/**
 * A minimal Exif APP1 with only the Orientation tag: a phone's photo taken upright but stored sideways keeps showing
 * upright once its Exif (and the GPS block in it) is gone.
 */
function orientationSegment(orientation: number): Buffer {
  const payload = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]), // big-endian TIFF header, IFD0 at 8
    Buffer.from([0x00, 0x01]), // one entry
    Buffer.from([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00]),
    Buffer.from([0x00, 0x00, 0x00, 0x00]), // no next IFD
  ]);
  const header = Buffer.from([0xff, APP1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

// Text and Exif chunks: free text (author, place, comments) and the Exif block with its GPS position.
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

function cleanPng(bytes: Buffer): CleanPhoto | undefined {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let size: { width: number; height: number } | undefined;
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return undefined;
    if (at === PNG_SIGNATURE.length) {
      if (type !== 'IHDR' || length !== 13) return undefined;
      size = { width: bytes.readUInt32BE(at + 8), height: bytes.readUInt32BE(at + 12) };
      if (size.width === 0 || size.height === 0) return undefined;
    }
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    if (type === 'IEND') return size && { mime: 'image/png', extension: 'png', ...size, bytes: Buffer.concat(kept) };
    at = end;
  }
  return undefined;
}
