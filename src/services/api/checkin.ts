import { callFunction } from '../api-client'
import type { Attendance, QueuedScanData, QueuedScanResult, ScanData, ScanVerdict, VerifierDevice } from './types'
import type { VerifiableOrder } from './types'

export const checkinApi = {
  scan: (data: ScanData) => callFunction<ScanVerdict>('checkin', 'scan', data),
  /** A secret of this phone's own, to sign the scans it keeps offline. */
  issueVerifierDevice: () => callFunction<VerifierDevice>('checkin', 'issueVerifierDevice', {}),
  uploadQueue: (deviceId: string, scans: QueuedScanData[]) => callFunction<{ results: QueuedScanResult[] }>('checkin', 'uploadQueue', { deviceId, scans }),
  attendance: (orderId: string) => callFunction<Attendance>('checkin', 'attendance', { orderId }),
  /** The orders the caller may scan on: as secretary, as the order's leader, or as the resident served. */
  verifiableOrders: () => callFunction<{ items: VerifiableOrder[] }>('checkin', 'verifiableOrders', {}),
}

// 被拒绝的扫码 for the secretary's 时长管理.
import type { RefusedScan, RefusedScansData } from './types'

export const refusedScansApi = {
  list: (data: RefusedScansData = {}) => callFunction<{ items: RefusedScan[] }>('checkin', 'refusedScans', data),
}
