import type { ScanVerdict } from '@/services/api/types'
import type { QueuedScan } from '@/services/scan-queue'
import { displayOf, flushSummary } from './scan-result'

const scan: QueuedScan = { scanId: 's1', orderId: 'o1', code: 'DY1.x', scannedAt: '2026-11-23T09:00:00.000+08:00' }
const verdict: ScanVerdict = {
  scanId: 's1',
  outcome: 'checked_in',
  duplicate: false,
  scannedAt: '2026-11-23T01:00:00.000Z',
  member: { id: 'm1', name: '张一', photoUrl: null, volunteerNo: 'DY100001' },
  order: { id: 'o1', title: '楼道清理' },
  minutesCredited: null,
  pendingApproval: false,
  headline: '签到成功 · 张一',
}

describe('displayOf', () => {
  it('should show the member and the server headline on success', () => {
    expect(displayOf({ kind: 'verdict', scan, verdict })).toEqual({
      scanId: 's1',
      tone: 'success',
      headline: '签到成功 · 张一',
      detail: undefined,
      member: { name: '张一', photoUrl: null, volunteerNo: 'DY100001' },
      at: scan.scannedAt,
    })
    expect(displayOf({ kind: 'verdict', scan, verdict: { ...verdict, duplicate: true } }).detail).toBe('这次扫码已记录过，不重复计时')
  })

  it("should show the server's words on a refusal and say a kept scan waits", () => {
    const refused = displayOf({ kind: 'refused', scan, error: { code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期（可能是截图），请让党员打开实时签到码' } })
    expect(refused).toMatchObject({ tone: 'refused', headline: '签到码已过期（可能是截图），请让党员打开实时签到码' })
    expect(refused.member).toBeUndefined()
    expect(displayOf({ kind: 'queued', scan })).toMatchObject({ tone: 'queued', headline: '已离线保存' })
  })

  it('should offer 签退 only for a second scan taken too soon after check-in', () => {
    const tooSoon = displayOf({ kind: 'refused', scan, error: { code: 'CHECKIN_JUST_CHECKED_IN', message: '该党员刚签到不到10分钟' } })
    expect(tooSoon.offerCheckout).toBe(true)
    expect(displayOf({ kind: 'refused', scan, error: { code: 'CHECKIN_ALREADY_OUT', message: '已签退' } }).offerCheckout).toBeUndefined()
  })
})

describe('flushSummary', () => {
  it('should count the uploaded scans and the refused ones', () => {
    expect(flushSummary({ uploaded: [], refused: [], pending: 0, error: null })).toBeNull()
    const error = { code: 'CHECKIN_CODE_REPLAYED', message: '这个签到码已经用过一次' }
    expect(flushSummary({ uploaded: [{ scan, verdict }], refused: [{ scan, error }], pending: 0, error: null })).toBe('已上传 2 条离线扫码，其中 1 条未通过')
  })
})
