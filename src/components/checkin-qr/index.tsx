import { memo, useMemo } from 'react'
import { View } from '@tarojs/components'
import { moduleSizeFor, qrMatrix, runsOf } from './qr-matrix'
import './index.scss'

export interface CheckinQrProps {
  /** The text the QR carries (the current check-in code). */
  text: string
  /** The side in px the QR should come close to, quiet zone included (never under 240). */
  size?: number
  /** Greyed out, e.g. while a new secret is being fetched. */
  dimmed?: boolean
  /** What the code is, for screen readers (default 签到码). */
  label?: string
}

const QUIET_MODULES = 4

/**
 * A QR code drawn with views (rows of dark and light runs): no canvas API, so it renders the same
 * in the H5 build and in WeChat. `data-code` carries the text for tests and accessibility tools.
 */
export const CheckinQr = memo(function CheckinQr({ text, size = 280, dimmed = false, label = '签到码' }: CheckinQrProps) {
  const rows = useMemo(() => qrMatrix(text).map(runsOf), [text])
  const moduleSize = moduleSizeFor(rows.length, size, QUIET_MODULES)
  const side = moduleSize * (rows.length + QUIET_MODULES * 2)
  return (
    <View
      className={`checkin-qr${dimmed ? ' checkin-qr--dimmed' : ''}`}
      style={{ width: `${side}px`, height: `${side}px`, padding: `${moduleSize * QUIET_MODULES}px` }}
      data-code={text}
      aria-label={`${label} ${text}`}
      role="img"
    >
      {rows.map((runs, rowIndex) => (
        <View key={rowIndex} className="checkin-qr__row" style={{ height: `${moduleSize}px` }}>
          {runs.map((run, runIndex) => (
            <View
              key={runIndex}
              className={run.dark ? 'checkin-qr__dark' : 'checkin-qr__light'}
              style={{ width: `${run.length * moduleSize}px`, height: `${moduleSize}px` }}
            />
          ))}
        </View>
      ))}
    </View>
  )
})
