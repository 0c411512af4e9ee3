import Taro from '@tarojs/taro'
import { checkinApi } from './api/checkin'
import type { ScanVerdict } from './api/types'
import {
  flushScans,
  isoWithOffset,
  newScan,
  pendingScans,
  setOnline,
  submitScan,
  subscribePending,
  uuidV4,
} from './scan-queue'

jest.mock('@tarojs/taro', () => {
  const store = new Map<string, unknown>()
  return {
    __esModule: true,
    default: {
      getStorageSync: jest.fn((key: string) => (store.has(key) ? JSON.parse(JSON.stringify(store.get(key))) : '')),
      setStorageSync: jest.fn((key: string, value: unknown) => store.set(key, value)),
      removeStorageSync: jest.fn((key: string) => store.delete(key)),
      __store: store,
    },
  }
})

jest.mock('./api/checkin', () => ({ checkinApi: { scan: jest.fn(), uploadQueue: jest.fn(), attendance: jest.fn() } }))

const taro = Taro as unknown as { __store: Map<string, unknown> }
const api = checkinApi as unknown as { scan: jest.Mock; uploadQueue: jest.Mock }
const ORDER = '0b7a3d8e-2f4c-4a51-9e0f-1d2c3b4a5e6f'
const NETWORK = { ok: false, error: { code: 'NETWORK', message: '网络不可用，请检查网络后重试' } }

const verdictFor = (scanId: string): ScanVerdict => ({
  scanId,
  outcome: 'checked_in',
  duplicate: false,
  scannedAt: '2026-11-23T09:00:00+08:00',
  member: { id: 'm1', name: '党员王', photoUrl: null, volunteerNo: 'V001' },
  order: { id: ORDER, title: '楼道清理' },
  minutesCredited: null,
  pendingApproval: false,
  headline: '签到成功',
})

describe('scan queue', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    taro.__store.clear()
    setOnline(true)
  })

  it('should give every scan a v4 uuid and its scan time with an offset at the moment of scanning', () => {
    const at = new Date('2026-11-23T01:02:03.456Z')
    const scan = newScan(ORDER, '  DY1.code  ', at)
    expect(scan.scanId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(scan.code).toBe('DY1.code')
    expect(scan.scannedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.456[+-]\d{2}:\d{2}$/)
    expect(Date.parse(scan.scannedAt)).toBe(at.getTime())
    expect(Date.parse(isoWithOffset(at))).toBe(at.getTime())
    expect(uuidV4(() => 0.5)).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(Array.from({ length: 50 }, () => uuidV4())).size).toBe(50)
  })

  it('should show the verdict when the scan goes through', async () => {
    const scan = newScan(ORDER, 'DY1.a')
    api.scan.mockResolvedValue({ ok: true, data: verdictFor(scan.scanId) })
    const outcome = await submitScan(scan)
    expect(outcome).toEqual({ kind: 'verdict', scan, verdict: verdictFor(scan.scanId) })
    expect(api.scan).toHaveBeenCalledWith({ ...scan, intent: 'auto' })
    expect(pendingScans()).toEqual([])
  })

  it('should send and keep the secretary’s choice of 签退 with the scan', async () => {
    const scan = newScan(ORDER, 'DY1.b', new Date(), 'out')
    api.scan.mockResolvedValue({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
    await submitScan(scan)
    expect(api.scan).toHaveBeenCalledWith({ ...scan, intent: 'out' })
    expect(pendingScans()).toEqual([expect.objectContaining({ scanId: scan.scanId, intent: 'out' })])
  })

  it('should keep a scan in device storage when the call fails for the network', async () => {
    const scan = newScan(ORDER, 'DY1.a')
    api.scan.mockResolvedValue(NETWORK)
    const counts: number[] = []
    const stop = subscribePending((count) => counts.push(count))
    const outcome = await submitScan(scan)
    stop()
    expect(outcome.kind).toBe('queued')
    expect(pendingScans()).toEqual([scan])
    expect(taro.__store.get('dyg.scanQueue')).toEqual([scan])
    expect(counts).toEqual([1])
  })

  it('should keep a scan without calling when the phone knows it is offline', async () => {
    setOnline(false)
    const scan = newScan(ORDER, 'DY1.a')
    expect((await submitScan(scan)).kind).toBe('queued')
    expect(api.scan).not.toHaveBeenCalled()
    expect(pendingScans()).toEqual([scan])
  })

  it('should keep the scans on a network failure of the upload and send them again later', async () => {
    setOnline(false)
    const first = newScan(ORDER, 'DY1.a')
    const second = newScan(ORDER, 'DY1.b')
    await submitScan(first)
    await submitScan(second)
    api.uploadQueue.mockResolvedValueOnce(NETWORK)
    const failed = await flushScans()
    expect(failed.error?.code).toBe('NETWORK')
    expect(failed.pending).toBe(2)
    expect(pendingScans()).toEqual([first, second])

    api.uploadQueue.mockResolvedValueOnce({
      ok: true,
      data: { results: [first, second].map((scan) => ({ scanId: scan.scanId, ok: true, verdict: verdictFor(scan.scanId), error: null })) },
    })
    const done = await flushScans()
    expect(api.uploadQueue).toHaveBeenLastCalledWith([
      { ...first, intent: 'auto' },
      { ...second, intent: 'auto' },
    ])
    expect(done.uploaded.map((item) => item.scan.scanId)).toEqual([first.scanId, second.scanId])
    expect(done.pending).toBe(0)
    expect(pendingScans()).toEqual([])
  })

  it('should never duplicate: a scan is stored once and two flushes at once upload it once', async () => {
    api.scan.mockResolvedValue(NETWORK)
    const scan = newScan(ORDER, 'DY1.a')
    await submitScan(scan)
    await submitScan(scan)
    expect(pendingScans()).toHaveLength(1)

    let answer: (value: unknown) => void = () => undefined
    api.uploadQueue.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
    const one = flushScans()
    const two = flushScans()
    expect(one).toBe(two)
    answer({ ok: true, data: { results: [{ scanId: scan.scanId, ok: true, verdict: verdictFor(scan.scanId), error: null }] } })
    await one
    expect(api.uploadQueue).toHaveBeenCalledTimes(1)
    expect(pendingScans()).toEqual([])
  })

  it('should drop a refused scan from the queue and report the refusal', async () => {
    setOnline(false)
    const good = newScan(ORDER, 'DY1.a')
    const bad = newScan(ORDER, 'DY1.b')
    await submitScan(good)
    await submitScan(bad)
    const refusal = { code: 'CHECKIN_CODE_REPLAYED', message: '这个签到码已经用过一次，请等签到码刷新后再扫' }
    api.uploadQueue.mockResolvedValue({
      ok: true,
      data: {
        results: [
          { scanId: good.scanId, ok: true, verdict: verdictFor(good.scanId), error: null },
          { scanId: bad.scanId, ok: false, verdict: null, error: refusal },
        ],
      },
    })
    const report = await flushScans()
    expect(report.refused).toEqual([{ scan: bad, error: refusal }])
    expect(report.uploaded).toHaveLength(1)
    expect(pendingScans()).toEqual([])
  })

  it('should keep a scan the server did not answer for, and one queued during the upload', async () => {
    setOnline(false)
    const answered = newScan(ORDER, 'DY1.a')
    const unanswered = newScan(ORDER, 'DY1.b')
    await submitScan(answered)
    await submitScan(unanswered)
    const late = newScan(ORDER, 'DY1.c')
    api.uploadQueue.mockImplementationOnce(async () => {
      await submitScan(late)
      return { ok: true, data: { results: [{ scanId: answered.scanId, ok: true, verdict: verdictFor(answered.scanId), error: null }] } }
    })
    const report = await flushScans()
    expect(report.pending).toBe(2)
    expect(pendingScans()).toEqual([unanswered, late])
  })

  it('should show a refusal at once when online', async () => {
    const scan = newScan(ORDER, 'DY1.a')
    const refusal = { code: 'CHECKIN_NOT_ASSIGNED', message: '该党员不在本订单的服务名单中' }
    api.scan.mockResolvedValue({ ok: false, error: refusal })
    expect(await submitScan(scan)).toEqual({ kind: 'refused', scan, error: refusal })
    expect(pendingScans()).toEqual([])
  })
})

describe('scan queue with a scan the server cannot read', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    taro.__store.clear()
    setOnline(false)
  })

  it('should report and drop an unreadable scan so that it does not block the others', async () => {
    const good = newScan(ORDER, 'DY1.a')
    const bad = newScan(ORDER, 'x'.repeat(300))
    await submitScan(good)
    await submitScan(bad)
    api.uploadQueue
      .mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: { 'scans.1.code': '签到码内容过长' } } })
      .mockResolvedValueOnce({ ok: true, data: { results: [{ scanId: good.scanId, ok: true, verdict: verdictFor(good.scanId), error: null }] } })
    const report = await flushScans()
    expect(api.uploadQueue).toHaveBeenLastCalledWith([{ ...good, intent: 'auto' }])
    expect(report.refused).toEqual([{ scan: bad, error: { code: 'VALIDATION_FAILED', message: '签到码内容过长' } }])
    expect(report.uploaded).toHaveLength(1)
    expect(pendingScans()).toEqual([])
  })
})
