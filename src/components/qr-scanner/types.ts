export interface QrScannerProps {
  /** While paused the camera keeps running but no frame is decoded. */
  paused?: boolean
  /** Called with the text of each QR code found. */
  onCode: (text: string) => void
}
