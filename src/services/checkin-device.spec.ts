import Taro from '@tarojs/taro'
import { makeCheckinCode } from '@core/checkin/checkin-code'
import { checkinCodeAt, ensureDevice, forgetDevice, renewDevice, storedDevice } from './checkin-device'

jest.mock('@tarojs/taro', () => {
  const store = new Map<string, unknown>()
  return {
    __esModule: true,
    default: {
      request: jest.fn(),
      getStorageSync: jest.fn((key: string) => (store.has(key) ? store.get(key) : '')),
      setStorageSync: jest.fn((key: string, value: unknown) => store.set(key, value)),
      removeStorageSync: jest.fn((key: string) => store.delete(key)),
      __store: store,
    },
  }
})

const taro = Taro as unknown as { request: jest.Mock; __store: Map<string, unknown> }

const issued = {
  deviceId: '0190d5a2-7c1e-7a3b-9f00-1234567890ab',
  secretHex: 'cd'.repeat(32),
  stepSeconds: 30,
  memberName: '党员张一',
  volunteerNo: 'V440000001',
}
const answer = (data: unknown) => ({ data })

describe('the check-in device secret', () => {
  const originalEnv = process.env.TARO_ENV
  beforeAll(() => {
    process.env.TARO_ENV = 'h5'
  })
  afterAll(() => {
    process.env.TARO_ENV = originalEnv
  })
  beforeEach(() => {
    jest.clearAllMocks()
    taro.__store.clear()
  })

  it('should ask the server once on first use and keep the secret on the device', async () => {
    taro.request.mockResolvedValue(answer({ ok: true, data: issued }))
    const first = await ensureDevice('u1')
    const second = await ensureDevice('u1')

    expect(taro.request).toHaveBeenCalledTimes(1)
    expect(taro.request.mock.calls[0][0]).toMatchObject({ url: '/api/checkin', data: { action: 'issueDeviceSecret', data: {} } })
    expect(first).toEqual({ ok: true, data: { deviceId: issued.deviceId, secretHex: issued.secretHex, memberName: '党员张一', volunteerNo: 'V440000001', userId: 'u1' } })
    expect(second).toEqual(first)
    expect(storedDevice('u1')?.deviceId).toBe(issued.deviceId)
  })

  it('should send one request when two pages ask for the secret at once', async () => {
    taro.request.mockResolvedValue(answer({ ok: true, data: issued }))
    const [first, second] = await Promise.all([ensureDevice('u1'), ensureDevice('u1')])
    expect(taro.request).toHaveBeenCalledTimes(1)
    expect(second).toEqual(first)
  })

  it('should not show the secret of another user who logged in on this phone', async () => {
    taro.request.mockResolvedValue(answer({ ok: true, data: issued }))
    await ensureDevice('u1')
    expect(storedDevice('u2')).toBeNull()
    await ensureDevice('u2')
    expect(taro.request).toHaveBeenCalledTimes(2)
  })

  it('should pass on the server refusal and store nothing', async () => {
    taro.request.mockResolvedValue(answer({ ok: false, error: { code: 'CHECKIN_NOT_A_MEMBER', message: '只有报到的党员义工才能领取签到码' } }))
    const result = await ensureDevice('u1')
    expect(result).toEqual({ ok: false, error: { code: 'CHECKIN_NOT_A_MEMBER', message: '只有报到的党员义工才能领取签到码' } })
    expect(storedDevice('u1')).toBeNull()
  })

  it('should replace the stored secret when the member asks for a new one', async () => {
    taro.request.mockResolvedValueOnce(answer({ ok: true, data: issued }))
    await ensureDevice('u1')
    taro.request.mockResolvedValueOnce(answer({ ok: true, data: { ...issued, deviceId: '0190d5a2-7c1e-7a3b-9f00-ffffffffffff' } }))
    await renewDevice('u1')
    expect(storedDevice('u1')?.deviceId).toBe('0190d5a2-7c1e-7a3b-9f00-ffffffffffff')
    forgetDevice()
    expect(storedDevice('u1')).toBeNull()
  })

  it('should compute the same code as the server without the network', async () => {
    taro.request.mockResolvedValue(answer({ ok: true, data: issued }))
    const result = await ensureDevice('u1')
    if (!result.ok) throw new Error('expected a device')
    taro.request.mockRejectedValue(new Error('offline'))
    const at = new Date('2026-11-23T12:00:05Z')
    expect(checkinCodeAt(result.data, at)).toEqual({ code: makeCheckinCode(issued, at), secondsLeft: 25 })
    expect(taro.request).toHaveBeenCalledTimes(1)
  })
})
