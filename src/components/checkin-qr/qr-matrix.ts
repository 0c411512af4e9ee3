import qrcode from 'qrcode-generator'

/** One horizontal stretch of same-coloured modules in a QR row. */
export interface QrRun {
  dark: boolean
  length: number
}

/** The QR module matrix of `text` (byte mode, error correction M, smallest version that fits). */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M')
  code.addData(text, 'Byte')
  code.make()
  const count = code.getModuleCount()
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, col) => code.isDark(row, col)))
}

/** A row as runs, so a QR is drawn with a few hundred views instead of one per module. */
export function runsOf(row: boolean[]): QrRun[] {
  const runs: QrRun[] = []
  for (const dark of row) {
    const last = runs[runs.length - 1]
    if (last && last.dark === dark) last.length += 1
    else runs.push({ dark, length: 1 })
  }
  return runs
}

/** Whole pixels per module, so edges stay sharp; at least `minSide` px across including the quiet zone. */
export function moduleSizeFor(moduleCount: number, targetSide: number, quietModules = 4, minSide = 240): number {
  const across = moduleCount + quietModules * 2
  return Math.max(Math.floor(targetSide / across), Math.ceil(minSide / across))
}
