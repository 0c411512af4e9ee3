import Taro from '@tarojs/taro'
import type { ApiError, ApiResult } from './api/types'
import { clearSession, getToken, requirePasswordChange } from './session'

export type { ApiError, ApiResult } from './api/types'

export const NETWORK_ERROR: ApiError = { code: 'NETWORK', message: '网络不可用，请检查网络后重试' }
const BAD_ANSWER: ApiError = { code: 'INTERNAL', message: '系统繁忙，请稍后再试' }
/** Codes after which the stored session is useless: the user must log in again. */
const SESSION_ENDING_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED'])

interface FunctionEvent {
  action: string
  data: unknown
}

let cloudInitialised = false

/** Taro.cloud, initialised once, for the calls and for a file uploaded to cloud storage (a 简讯's photo). */
export function cloudReady(): typeof Taro.cloud {
  if (!cloudInitialised) {
    Taro.cloud.init({ traceUser: true })
    cloudInitialised = true
  }
  return Taro.cloud
}

/** Inside WeChat: the cloud function itself learns the caller from the OPENID WeChat attaches. */
async function callThroughCloud(name: string, event: FunctionEvent): Promise<unknown> {
  cloudReady()
  const answer = await Taro.cloud.callFunction({ name, data: { ...event } })
  return answer.result
}

/** H5 and the local gateway: the session token travels in the Authorization header. */
async function callThroughGateway(name: string, event: FunctionEvent): Promise<unknown> {
  const token = getToken()
  const answer = await Taro.request({
    url: `/api/${name}`,
    method: 'POST',
    data: event,
    dataType: 'json',
    header: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  })
  return answer.data
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (!value || typeof value !== 'object') return false
  const candidate = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (candidate.ok === true) return 'data' in candidate
  return candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error.message === 'string'
}

/** For tests: the next weapp call initialises Taro.cloud again. */
export function resetCloudForTests(): void {
  cloudInitialised = false
}

/**
 * Calls one action of one cloud function and returns its envelope as it came. Never throws and
 * never shows anything: a lost network becomes NETWORK, an answer that is not an envelope
 * INTERNAL, and an ended session is cleared so the page shell can ask for a login.
 */
export async function callFunction<T>(name: string, action: string, data: unknown = {}): Promise<ApiResult<T>> {
  const event: FunctionEvent = { action, data }
  let answer: unknown
  try {
    answer = process.env.TARO_ENV === 'weapp' ? await callThroughCloud(name, event) : await callThroughGateway(name, event)
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
  if (!isEnvelope(answer)) return { ok: false, error: BAD_ANSWER }
  if (!answer.ok && SESSION_ENDING_CODES.has(answer.error.code)) clearSession(answer.error.message)
  if (!answer.ok && answer.error.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') requirePasswordChange()
  return answer as ApiResult<T>
}
