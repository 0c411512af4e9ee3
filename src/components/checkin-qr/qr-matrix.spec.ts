import jsQR from 'jsqr'
import { makeCheckinCode, parseCheckinCode } from '@core/checkin/checkin-code'
import { moduleSizeFor, qrMatrix, runsOf } from './qr-matrix'

/** Paints the runs the component would draw into RGBA pixels, quiet zone included. */
function paint(text: string, moduleSize: number, quiet = 4) {
  const rows = qrMatrix(text).map(runsOf)
  const side = (rows.length + quiet * 2) * moduleSize
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  rows.forEach((runs, row) => {
    let col = 0
    for (const run of runs) {
      if (run.dark) {
        for (let y = (row + quiet) * moduleSize; y < (row + quiet + 1) * moduleSize; y += 1) {
          for (let x = (col + quiet) * moduleSize; x < (col + quiet + run.length) * moduleSize; x += 1) {
            pixels.set([0, 0, 0, 255], (y * side + x) * 4)
          }
        }
      }
      col += run.length
    }
  })
  return { pixels, side }
}

const device = { deviceId: '0190d5a2-7c1e-7a3b-9f00-1234567890ab', secretHex: 'ab'.repeat(32) }

describe('the check-in QR matrix', () => {
  it('should be drawn from runs that a QR reader decodes back to the check-in code', () => {
    const code = makeCheckinCode(device, new Date('2026-11-23T12:00:00Z'))
    const { pixels, side } = paint(code, 4)
    const decoded = jsQR(pixels, side, side)
    expect(decoded?.data).toBe(code)
    expect(parseCheckinCode(decoded!.data)).toMatchObject({ deviceId: device.deviceId })
  })

  it('should keep every row as wide as the matrix', () => {
    const matrix = qrMatrix('DY1.test')
    for (const row of matrix) expect(runsOf(row).reduce((sum, run) => sum + run.length, 0)).toBe(matrix.length)
  })

  it('should merge neighbouring modules of one colour into one run', () => {
    expect(runsOf([true, true, false, true, false, false])).toEqual([
      { dark: true, length: 2 },
      { dark: false, length: 1 },
      { dark: true, length: 1 },
      { dark: false, length: 2 },
    ])
  })

  it('should use whole pixels per module and never draw under 240 px across', () => {
    expect(moduleSizeFor(37, 280)).toBe(6)
    expect(moduleSizeFor(37, 100) * (37 + 8)).toBeGreaterThanOrEqual(240)
  })
})
