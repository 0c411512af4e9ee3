import Taro from '@tarojs/taro'
import { notifyApi } from './api/notify'
import { getSession } from './session'
import { answersOf, askForSubscriptions, prepareSubscriptions, resetSubscriptionsForTests } from './subscribe'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))
jest.mock('./api/notify', () => ({ notifyApi: { subscribeTemplates: jest.fn(), grantSubscriptions: jest.fn() } }))
jest.mock('./session', () => ({ getSession: jest.fn() }))

const request = Taro.requestSubscribeMessage as unknown as jest.Mock
const templates = notifyApi.subscribeTemplates as jest.Mock
const grant = notifyApi.grantSubscriptions as jest.Mock
const session = getSession as jest.Mock
const originalEnv = process.env.TARO_ENV
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('askForSubscriptions', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    resetSubscriptionsForTests()
    process.env.TARO_ENV = 'weapp'
    session.mockReturnValue({ token: 't', profile: { userId: 'u1' } })
    templates.mockResolvedValue({ ok: true, data: { templateIds: ['T-REMIND', 'T-STATUS'] } })
    grant.mockResolvedValue({ ok: true, data: { credits: {} } })
  })
  afterAll(() => {
    process.env.TARO_ENV = originalEnv
  })

  it('should ask WeChat for the moment’s templates and report each answer', async () => {
    request.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-REMIND': 'accept', 'T-STATUS': 'reject' })

    await askForSubscriptions('accept_order')
    await flush()

    expect(templates).toHaveBeenCalledWith('accept_order')
    expect(request).toHaveBeenCalledWith({ tmplIds: ['T-REMIND', 'T-STATUS'] })
    expect(grant).toHaveBeenCalledWith([
      { templateId: 'T-REMIND', result: 'accept' },
      { templateId: 'T-STATUS', result: 'reject' },
    ])
  })

  it('should do nothing in H5', async () => {
    process.env.TARO_ENV = 'h5'
    await askForSubscriptions('post_need')
    expect(templates).not.toHaveBeenCalled()
    expect(request).not.toHaveBeenCalled()
  })

  it('should do nothing without a session (a registration before the account exists)', async () => {
    session.mockReturnValue(null)
    await askForSubscriptions('submit_registration')
    expect(templates).not.toHaveBeenCalled()
    expect(request).not.toHaveBeenCalled()
  })

  it('should not prompt when no template is configured', async () => {
    templates.mockResolvedValue({ ok: true, data: { templateIds: [] } })
    await askForSubscriptions('accept_order')
    expect(request).not.toHaveBeenCalled()
    expect(grant).not.toHaveBeenCalled()
  })

  it('should resolve, reporting nothing, when WeChat fails or the user has turned subscriptions off', async () => {
    request.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
    await expect(askForSubscriptions('accept_order')).resolves.toBeUndefined()
    expect(grant).not.toHaveBeenCalled()
  })

  it('should resolve when the template ids cannot be fetched', async () => {
    templates.mockResolvedValue({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
    await expect(askForSubscriptions('accept_order')).resolves.toBeUndefined()
    expect(request).not.toHaveBeenCalled()
  })

  it('should resolve when reporting the answer fails', async () => {
    request.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-REMIND': 'accept' })
    grant.mockRejectedValue(new Error('offline'))
    await expect(askForSubscriptions('accept_order')).resolves.toBeUndefined()
    await flush()
  })

  it('should use the template ids fetched ahead, so the tap asks WeChat without a request first', async () => {
    prepareSubscriptions('post_need')
    await flush()
    request.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-STATUS': 'accept' })

    await askForSubscriptions('post_need')

    expect(templates).toHaveBeenCalledTimes(1)
    expect(request).toHaveBeenCalledWith({ tmplIds: ['T-REMIND', 'T-STATUS'] })
  })
})

describe('answersOf', () => {
  it('should keep the answers WeChat gives per template and drop its other keys and unknown words', () => {
    expect(answersOf(['A', 'B', 'C', 'D'], { errMsg: 'requestSubscribeMessage:ok', A: 'accept', B: 'ban', C: 'filter', D: 'later' })).toEqual([
      { templateId: 'A', result: 'accept' },
      { templateId: 'B', result: 'ban' },
      { templateId: 'C', result: 'filter' },
    ])
  })
})
