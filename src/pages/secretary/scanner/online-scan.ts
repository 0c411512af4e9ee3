import { checkinApi } from '@/services/api/checkin'
import type { QueuedScan, ScanOutcome } from '@/services/scan-queue'

/** Said when a resident's phone has no network: nothing is kept, the member's code is scanned again later. */
export const OFFLINE_REFUSAL = { code: 'NETWORK', message: '没有网络，居民扫码需要联网：请联网后再扫一次' }

/** Sends one scan and never keeps it: a resident's phone verifies online only (the server judges at its own time). */
export async function scanOnline(scan: QueuedScan, online: boolean): Promise<ScanOutcome> {
  if (!online) return { kind: 'refused', scan, error: OFFLINE_REFUSAL }
  const result = await checkinApi.scan({ scanId: scan.scanId, orderId: scan.orderId, code: scan.code, intent: scan.intent ?? 'auto' })
  if (result.ok) return { kind: 'verdict', scan, verdict: result.data }
  return { kind: 'refused', scan, error: result.error.code === 'NETWORK' ? OFFLINE_REFUSAL : result.error }
}
