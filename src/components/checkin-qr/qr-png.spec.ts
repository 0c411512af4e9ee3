import { inflateSync } from 'node:zlib'
import jsQR from 'jsqr'
import { qrMatrix } from './qr-matrix'
import { qrPng, toBase64 } from './qr-png'

const LINK = 'http://127.0.0.1:8080/#/pages/join/register/index?slip=ABCD2345'

/** Reads the PNG's chunks, checking each one's CRC the way an image viewer does. */
function chunks(png: Buffer) {
  const found: { type: string; data: Buffer }[] = []
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('ascii')
    const data = png.subarray(at + 8, at + 8 + length)
    found.push({ type, data })
    at += 12 + length
  }
  return found
}

/** The PNG's 1-bit rows as RGBA pixels. */
function decode(png: Buffer) {
  const parts = chunks(png)
  const header = parts.find((part) => part.type === 'IHDR')!.data
  const side = header.readUInt32BE(0)
  const raw = inflateSync(Buffer.concat(parts.filter((part) => part.type === 'IDAT').map((part) => part.data)))
  const rowBytes = Math.ceil(side / 8)
  const pixels = new Uint8ClampedArray(side * side * 4)
  for (let y = 0; y < side; y += 1) {
    expect(raw[y * (rowBytes + 1)]).toBe(0)
    for (let x = 0; x < side; x += 1) {
      const white = (raw[y * (rowBytes + 1) + 1 + (x >> 3)] >> (7 - (x & 7))) & 1
      pixels.set(white ? [255, 255, 255, 255] : [0, 0, 0, 255], (y * side + x) * 4)
    }
  }
  return { header, side, pixels }
}

describe('qrPng', () => {
  const png = Buffer.from(qrPng(LINK, 6))

  it('should be a PNG: signature, IHDR, IDAT and IEND in that order', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(chunks(png).map((part) => part.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
  })

  it('should be square, 1-bit greyscale, with 4 modules of quiet zone around the matrix', () => {
    const { header, side } = decode(png)
    expect(side).toBe((qrMatrix(LINK).length + 8) * 6)
    expect([...header.subarray(8)]).toEqual([1, 0, 0, 0, 0])
  })

  it('should decode back to the link with a QR reader', () => {
    const { side, pixels } = decode(png)
    expect(jsQR(pixels, side, side)?.data).toBe(LINK)
  })
})

describe('toBase64', () => {
  it.each([[[]], [[0]], [[1, 2]], [[1, 2, 3]], [[255, 254, 253, 252]]])('should encode %p as Node does', (bytes) => {
    expect(toBase64(Uint8Array.from(bytes))).toBe(Buffer.from(bytes).toString('base64'))
  })

  it('should encode a whole PNG as Node does', () => {
    const bytes = qrPng('ABCD2345')
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
