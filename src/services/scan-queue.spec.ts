import Taro from '@tarojs/taro'
import { checkinApi } from './api/checkin'
import type { ScanVerdict } from './api/types'
import { GENESIS_HASH, hashChainEntry, signChainEntry } from '@core/checkin/scan-chain'
import {
  NO_OFFLINE_DEVICE,
  ensureOfflineDevice,
  flushScans,
  isoWithOffset,
  newScan,
  pendingScans,
  setOnline,
  submitScan,
  subscribePending,
  uuidV4,
} from './scan-queue'

jest.mock('@tarojs/taro', () => require('../../tests/support/taro-storage-mock').taroWithStorage())

jest.mock('./api/checkin', () => ({ checkinApi: { scan: jest.fn(), uploadQueue: jest.fn(), attendance: jest.fn(), issueVerifierDevice: jest.fn() } }))

const taro = Taro as unknown as { __store: Map<string, unknown> }
const api = checkinApi as unknown as { scan: jest.Mock; uploadQueue: jest.Mock; issueVerifierDevice: jest.Mock }
const DEVICE = { deviceId: '5c1e2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', secretHex: 'ab'.repeat(20) }
/** The phone holds a verifier secret: what the scanner asks for when it opens online. */
const giveDevice = () => taro.__store.set('dyg.verifierDevice', { ...DEVICE, counter: 0, hash: GENESIS_HASH })
/** A kept scan as stored: signed onto the phone's chain as entry `counter`. */
const kept = (scan: object, counter: number) => expect.objectContaining({ ...scan, deviceId: DEVICE.deviceId, counter })
/** What the upload sends for a kept scan: the chain entry, without the device (named once for the batch). */
const sent = (scan: object, counter: number) => expect.objectContaining({ ...scan, intent: expect.any(String), counter })
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
    giveDevice()
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
    expect(api.scan).toHaveBeenCalledWith({ scanId: scan.scanId, orderId: scan.orderId, code: scan.code, intent: 'auto' })
    expect(pendingScans()).toEqual([])
  })

  it('should send and keep the secretary’s choice of 签退 with the scan', async () => {
    const scan = newScan(ORDER, 'DY1.b', new Date(), 'out')
    api.scan.mockResolvedValue({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
    await submitScan(scan)
    expect(api.scan).toHaveBeenCalledWith({ scanId: scan.scanId, orderId: scan.orderId, code: scan.code, intent: 'out' })
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
    expect(pendingScans()).toEqual([kept(scan, 1)])
    expect(taro.__store.get('dyg.scanQueue')).toEqual([kept(scan, 1)])
    expect(counts).toEqual([1])
  })

  it('should keep a scan without calling when the phone knows it is offline', async () => {
    setOnline(false)
    const scan = newScan(ORDER, 'DY1.a')
    expect((await submitScan(scan)).kind).toBe('queued')
    expect(api.scan).not.toHaveBeenCalled()
    expect(pendingScans()).toEqual([kept(scan, 1)])
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
    expect(pendingScans()).toEqual([kept(first, 1), kept(second, 2)])

    api.uploadQueue.mockResolvedValueOnce({
      ok: true,
      data: { results: [first, second].map((scan) => ({ scanId: scan.scanId, ok: true, verdict: verdictFor(scan.scanId), error: null })) },
    })
    const done = await flushScans()
    expect(api.uploadQueue).toHaveBeenLastCalledWith(DEVICE.deviceId, [sent(first, 1), sent(second, 2)])
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
    expect(report.refused).toEqual([{ scan: kept(bad, 2), error: refusal }])
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
    expect(pendingScans()).toEqual([kept(unanswered, 2), kept(late, 3)])
  })

  it('should sign each kept scan onto the phone’s chain, each naming the hash of the one before', async () => {
    setOnline(false)
    const first = newScan(ORDER, 'DY1.a')
    const second = newScan(ORDER, 'DY1.b', new Date(), 'out')
    await submitScan(first)
    await submitScan(second)
    const [one, two] = pendingScans()
    const entry = ({ deviceId: _device, signature: _signature, ...rest }: typeof one) => ({ ...rest, intent: rest.intent ?? ('auto' as const) })
    expect(one).toMatchObject({ counter: 1, prevHash: GENESIS_HASH, signature: signChainEntry(DEVICE.secretHex, DEVICE.deviceId, entry(one)) })
    expect(two).toMatchObject({
      counter: 2, prevHash: hashChainEntry(DEVICE.deviceId, entry(one), one.signature), signature: signChainEntry(DEVICE.secretHex, DEVICE.deviceId, entry(two)),
    })
    expect(taro.__store.get('dyg.verifierDevice')).toMatchObject({ counter: 2, hash: hashChainEntry(DEVICE.deviceId, entry(two), two.signature) })
  })

  it('should refuse to keep a scan on a phone that was never given a verifier secret, saying how to get one', async () => {
    taro.__store.delete('dyg.verifierDevice')
    setOnline(false)
    const scan = newScan(ORDER, 'DY1.a')
    expect(await submitScan(scan)).toEqual({ kind: 'refused', scan, error: NO_OFFLINE_DEVICE })
    expect(pendingScans()).toEqual([])
  })

  it('should ask for a verifier secret once and keep it, so that the chain goes on', async () => {
    taro.__store.delete('dyg.verifierDevice')
    api.issueVerifierDevice.mockResolvedValue({ ok: true, data: { ...DEVICE, lastCounter: 0, lastHash: GENESIS_HASH } })
    expect(await ensureOfflineDevice()).toBe(true)
    expect(await ensureOfflineDevice()).toBe(true)
    expect(api.issueVerifierDevice).toHaveBeenCalledTimes(1)
    expect(taro.__store.get('dyg.verifierDevice')).toEqual({ ...DEVICE, counter: 0, hash: GENESIS_HASH })
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
    giveDevice()
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
    expect(api.uploadQueue).toHaveBeenLastCalledWith(DEVICE.deviceId, [sent(good, 1)])
    expect(report.refused).toEqual([{ scan: kept(bad, 2), error: { code: 'VALIDATION_FAILED', message: '签到码内容过长' } }])
    expect(report.uploaded).toHaveLength(1)
    expect(pendingScans()).toEqual([])
  })
})
