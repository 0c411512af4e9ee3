import { checkinApi } from '@/services/api/checkin'
import { pendingCount, type QueuedScan } from '@/services/scan-queue'
import { OFFLINE_REFUSAL, scanOnline } from './online-scan'

jest.mock('@/services/api/checkin', () => ({ checkinApi: { scan: jest.fn() } }))
jest.mock('@tarojs/taro', () => {
  const store = new Map<string, unknown>()
  return {
    __esModule: true,
    default: {
      getStorageSync: (key: string) => (store.has(key) ? store.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => store.set(key, value),
      removeStorageSync: (key: string) => store.delete(key),
    },
  }
})

const scan: QueuedScan = { scanId: 's1', orderId: 'o1', code: 'DY1.a.1.b', scannedAt: '2026-11-23T09:00:00.000+08:00' }
const scanMock = checkinApi.scan as jest.Mock

describe("a resident's online-only scan", () => {
  beforeEach(() => scanMock.mockReset())

  it('should refuse without sending or keeping anything when the phone is offline', async () => {
    expect(await scanOnline(scan, false)).toEqual({ kind: 'refused', scan, error: OFFLINE_REFUSAL })
    expect(scanMock).not.toHaveBeenCalled()
    expect(pendingCount()).toBe(0)
  })

  it('should send the scan without a phone time and show the verdict', async () => {
    const verdict = { scanId: 's1', outcome: 'checked_in' }
    scanMock.mockResolvedValue({ ok: true, data: verdict })
    expect(await scanOnline(scan, true)).toEqual({ kind: 'verdict', scan, verdict })
    expect(scanMock).toHaveBeenCalledWith({ scanId: 's1', orderId: 'o1', code: 'DY1.a.1.b', intent: 'auto' })
  })

  it('should turn a lost network into the online-only refusal instead of queueing', async () => {
    scanMock.mockResolvedValue({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
    expect(await scanOnline(scan, true)).toEqual({ kind: 'refused', scan, error: OFFLINE_REFUSAL })
    expect(pendingCount()).toBe(0)
  })

  it("should pass the server's refusal through", async () => {
    const error = { code: 'CHECKIN_VERIFIER_FORBIDDEN', message: '您不能为这一单扫码' }
    scanMock.mockResolvedValue({ ok: false, error })
    expect(await scanOnline(scan, true)).toEqual({ kind: 'refused', scan, error })
  })
})
