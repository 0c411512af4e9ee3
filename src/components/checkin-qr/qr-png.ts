import { qrMatrix } from './qr-matrix'

// A QR code as a PNG file, built byte by byte: the mini-program has no canvas to export from,
// and a saved or printed image must not depend on one.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (let i = 0; i < bytes.length; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const u32 = (value: number) => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + data.length)
  for (let i = 0; i < 4; i += 1) body[i] = type.charCodeAt(i)
  body.set(data, 4)
  return concat([u32(data.length), body, u32(crc32(body))])
}

/** zlib with uncompressed (stored) blocks: a QR's few kilobytes need no compression. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535))
  const out = new Uint8Array(2 + blocks * 5 + raw.length + 4)
  out.set([0x78, 0x01])
  let at = 2
  for (let i = 0; i < blocks; i += 1) {
    const block = raw.subarray(i * 65535, (i + 1) * 65535)
    out.set([i === blocks - 1 ? 1 : 0, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff], at)
    out.set(block, at + 5)
    at += 5 + block.length
  }
  out.set(u32(adler32(raw)), at)
  return out
}

const concat = (parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** The QR of `text` as a black-and-white PNG, `scale` pixels a module, with the 4-module quiet zone. */
export function qrPng(text: string, scale = 8): Uint8Array {
  const matrix = qrMatrix(text)
  const quiet = 4
  const side = (matrix.length + quiet * 2) * scale
  const rowBytes = Math.ceil(side / 8)
  const raw = new Uint8Array((rowBytes + 1) * side)
  for (let y = 0; y < side; y += 1) {
    const row = Math.floor(y / scale) - quiet
    raw[y * (rowBytes + 1)] = 0 // no filter
    for (let x = 0; x < side; x += 1) {
      const col = Math.floor(x / scale) - quiet
      const dark = row >= 0 && col >= 0 && row < matrix.length && col < matrix.length && matrix[row][col]
      // 1-bit greyscale: 1 is white
      if (!dark) raw[y * (rowBytes + 1) + 1 + (x >> 3)] |= 0x80 >> (x & 7)
    }
  }
  const header = Uint8Array.from([...u32(side), ...u32(side), 1, 0, 0, 0, 0])
  return concat([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], chunk('IHDR', header), chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array(0))])
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Bytes as base64, the form the file helpers write (no btoa in the mini-program). */
export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63]
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? BASE64[n & 63] : '='
  }
  return out
}
