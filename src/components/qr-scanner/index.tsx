import type { QrScannerProps } from './types'

export type { QrScannerProps } from './types'

/**
 * The mini-program scans with Taro.scanCode (WeChat's own camera screen), so there is no
 * in-page camera there; index.h5.tsx is the H5 one.
 */
export function QrScanner(_props: QrScannerProps) {
  return null
}
