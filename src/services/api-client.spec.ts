import Taro from '@tarojs/taro'
import { callFunction, NETWORK_ERROR, resetCloudForTests } from './api-client'
import { getSession, getSessionEndReason, resetSessionCache, saveSession } from './session'
import type { SessionData } from './api/types'

jest.mock('@tarojs/taro', () => {
  const store = new Map<string, unknown>()
  return {
    __esModule: true,
    default: {
      cloud: { init: jest.fn(), callFunction: jest.fn() },
      request: jest.fn(),
      getStorageSync: jest.fn((key: string) => (store.has(key) ? store.get(key) : '')),
      setStorageSync: jest.fn((key: string, value: unknown) => store.set(key, value)),
      removeStorageSync: jest.fn((key: string) => store.delete(key)),
      __store: store,
    },
  }
})

const taro = Taro as unknown as {
  cloud: { init: jest.Mock; callFunction: jest.Mock }
  request: jest.Mock
  __store: Map<string, unknown>
}

const sessionData: SessionData = {
  token: 'token-123',
  expiresInHours: 12,
  profile: {
    userId: 'u1',
    name: '居民李',
    phoneMasked: '199****2001',
    photoUrl: null,
    wechatBound: false,
    mustChangePassword: false,
    roles: [{ role: 'resident', orgId: 'c1', orgName: '第一社区', unitId: null, unitName: null, servicePhone: null }],
    member: null,
  },
}

const originalEnv = process.env.TARO_ENV

describe('callFunction', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    taro.__store.clear()
    resetSessionCache()
    resetCloudForTests()
  })
  afterAll(() => {
    process.env.TARO_ENV = originalEnv
  })

  describe('in the H5 build', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'h5'
    })

    it('should POST {action, data} to /api/<function> with the session token', async () => {
      saveSession(sessionData)
      taro.request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: { total: 0, items: [] } } })

      const result = await callFunction('demands', 'listMine', { page: { limit: 10, offset: 0 } })

      expect(result).toEqual({ ok: true, data: { total: 0, items: [] } })
      expect(taro.cloud.callFunction).not.toHaveBeenCalled()
      expect(taro.request).toHaveBeenCalledWith(
        expect.objectContaining({
          url: '/api/demands',
          method: 'POST',
          data: { action: 'listMine', data: { page: { limit: 10, offset: 0 } } },
          header: expect.objectContaining({ Authorization: 'Bearer token-123' }),
        }),
      )
    })

    it('should send no Authorization header without a session', async () => {
      taro.request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: {} } })
      await callFunction('auth', 'login', { phone: '19900002001', password: 'x' })
      expect(taro.request.mock.calls[0][0].header).not.toHaveProperty('Authorization')
    })

    it('should pass an error envelope through with its fields', async () => {
      const error = { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: { phone: '手机号码须为11位手机号码' } }
      taro.request.mockResolvedValue({ statusCode: 200, data: { ok: false, error } })

      const result = await callFunction('auth', 'login', { phone: '123', password: 'x' })

      expect(result).toEqual({ ok: false, error })
    })

    it('should turn a failed request into the NETWORK error', async () => {
      taro.request.mockRejectedValue(new Error('Failed to fetch'))
      const result = await callFunction('demands', 'listMine', {})
      expect(result).toEqual({ ok: false, error: NETWORK_ERROR })
      expect(NETWORK_ERROR).toEqual({ code: 'NETWORK', message: '网络不可用，请检查网络后重试' })
    })

    it('should turn an answer that is not an envelope into INTERNAL', async () => {
      taro.request.mockResolvedValue({ statusCode: 502, data: '<html>Bad Gateway</html>' })
      const result = await callFunction('demands', 'listMine', {})
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    })

    it.each(['UNAUTHENTICATED', 'SESSION_EXPIRED'])('should clear the session on %s', async (code) => {
      saveSession(sessionData)
      taro.request.mockResolvedValue({ statusCode: 200, data: { ok: false, error: { code, message: '请先登录' } } })

      const result = await callFunction('demands', 'listMine', {})

      expect(result).toMatchObject({ ok: false, error: { code } })
      expect(getSession()).toBeNull()
      expect(getSessionEndReason()).toBe('请先登录')
      resetSessionCache()
      expect(getSession()).toBeNull()
    })

    it('should keep the session on any other error', async () => {
      saveSession(sessionData)
      taro.request.mockResolvedValue({ statusCode: 200, data: { ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } } })
      await callFunction('demands', 'listMine', {})
      expect(getSession()?.token).toBe('token-123')
    })

    it('should keep the session but mark it for 修改密码 on AUTH_PASSWORD_CHANGE_REQUIRED', async () => {
      saveSession(sessionData)
      taro.request.mockResolvedValue({ statusCode: 200, data: { ok: false, error: { code: 'AUTH_PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码，再使用其他功能' } } })
      await callFunction('demands', 'listMine', {})
      expect(getSession()).toMatchObject({ token: 'token-123', profile: { mustChangePassword: true } })
    })
  })

  describe('in the weapp build', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp'
    })

    it('should call Taro.cloud.callFunction with {action, data} and return its result', async () => {
      taro.cloud.callFunction.mockResolvedValue({ result: { ok: true, data: { id: 'd1' } } })

      const result = await callFunction('demands', 'get', { demandId: 'd1' })

      expect(result).toEqual({ ok: true, data: { id: 'd1' } })
      expect(taro.request).not.toHaveBeenCalled()
      expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'demands', data: { action: 'get', data: { demandId: 'd1' } } })
    })

    it('should initialise Taro.cloud once', async () => {
      taro.cloud.callFunction.mockResolvedValue({ result: { ok: true, data: null } })
      await callFunction('auth', 'me')
      await callFunction('auth', 'me')
      expect(taro.cloud.init).toHaveBeenCalledTimes(1)
    })

    it('should turn a failed cloud call into the NETWORK error', async () => {
      taro.cloud.callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail network' })
      expect(await callFunction('auth', 'me')).toEqual({ ok: false, error: NETWORK_ERROR })
    })

    it('should clear the session on UNAUTHENTICATED', async () => {
      saveSession(sessionData)
      taro.cloud.callFunction.mockResolvedValue({ result: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } })
      await callFunction('auth', 'me')
      expect(getSession()).toBeNull()
    })
  })
})
