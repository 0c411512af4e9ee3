import type { FlushReport, ScanOutcome } from '@/services/scan-queue'

export type ResultTone = 'success' | 'refused' | 'queued'

/** What the big card under the camera shows after one scan. */
export interface ScanDisplay {
  scanId: string
  tone: ResultTone
  headline: string
  detail?: string
  member?: { name: string; photoUrl: string | null; volunteerNo: string }
  at: string
  /** A refusal the secretary can answer by scanning again as 签退. */
  offerCheckout?: boolean
}

export function displayOf(outcome: ScanOutcome): ScanDisplay {
  const at = outcome.scan.scannedAt
  const scanId = outcome.scan.scanId
  if (outcome.kind === 'queued') {
    return { scanId, tone: 'queued', headline: '已离线保存', detail: '网络恢复后自动上传，按扫码时间核验', at }
  }
  if (outcome.kind === 'refused') {
    const offerCheckout = outcome.error.code === 'CHECKIN_JUST_CHECKED_IN'
    return { scanId, tone: 'refused', headline: outcome.error.message, at, ...(offerCheckout ? { offerCheckout } : {}) }
  }
  const { verdict } = outcome
  // The headline already says the hours credited and whether they wait for approval.
  const detail = verdict.duplicate ? '这次扫码已记录过，不重复计时' : undefined
  return {
    scanId,
    tone: 'success',
    headline: verdict.headline,
    detail,
    member: { name: verdict.member.name, photoUrl: verdict.member.photoUrl, volunteerNo: verdict.member.volunteerNo },
    at,
  }
}

/** One line about an upload of kept scans, or null when there was nothing to say. */
export function flushSummary(report: FlushReport): string | null {
  if (!report.uploaded.length && !report.refused.length) return null
  const parts = [`已上传 ${report.uploaded.length + report.refused.length} 条离线扫码`]
  if (report.refused.length) parts.push(`其中 ${report.refused.length} 条未通过`)
  return parts.join('，')
}
