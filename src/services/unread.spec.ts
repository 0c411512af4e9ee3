import { notifyApi } from './api/notify'
import { getSession } from './session'
import { badgeText, refreshUnread, setUnread } from './unread'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {}, useDidShow: jest.fn() }))
jest.mock('./api/notify', () => ({ notifyApi: { unreadCount: jest.fn() } }))
jest.mock('./session', () => ({ getSession: jest.fn() }))

const unreadCount = notifyApi.unreadCount as jest.Mock
const session = getSession as jest.Mock

describe('refreshUnread', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    setUnread(0)
    session.mockReturnValue({ token: 't', profile: { userId: 'u1' } })
  })

  it('should ask the server once for every badge of a page show', async () => {
    unreadCount.mockResolvedValue({ ok: true, data: { unread: 4 } })
    const answers = await Promise.all([refreshUnread(), refreshUnread()])
    expect(answers).toEqual([4, 4])
    expect(unreadCount).toHaveBeenCalledTimes(1)
    await refreshUnread()
    expect(unreadCount).toHaveBeenCalledTimes(2)
  })

  it('should keep the count it had when the answer fails', async () => {
    setUnread(3)
    unreadCount.mockResolvedValue({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
    await expect(refreshUnread()).resolves.toBe(3)
  })

  it('should say 0 without asking when nobody is logged in', async () => {
    setUnread(5)
    session.mockReturnValue(null)
    await expect(refreshUnread()).resolves.toBe(0)
    expect(unreadCount).not.toHaveBeenCalled()
  })
})

describe('badgeText', () => {
  it.each([
    [1, '1'],
    [99, '99'],
    [100, '99+'],
  ])('should show %i as %s', (count, text) => expect(badgeText(count)).toBe(text))
})
