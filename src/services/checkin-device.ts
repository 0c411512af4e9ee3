import { makeCheckinCode, secondsLeftInStep } from '@core/checkin/checkin-code'
import { callFunction } from './api-client'
import type { ApiResult, DeviceSecret } from './api/types'
import { storage } from './storage'

const DEVICE_KEY = 'dyg.checkinDevice'

/** What the phone keeps to draw the member's check-in code with no network. */
export interface CheckinDevice {
  deviceId: string
  secretHex: string
  memberName: string
  volunteerNo: string
  /** The user the secret was issued to: another login on this phone must not show it. */
  userId: string
}

const isDevice = (value: unknown): value is CheckinDevice => {
  const candidate = value as Partial<CheckinDevice> | undefined
  return (
    !!candidate &&
    typeof candidate.deviceId === 'string' &&
    typeof candidate.secretHex === 'string' &&
    /^[0-9a-f]+$/i.test(candidate.secretHex) &&
    typeof candidate.memberName === 'string' &&
    typeof candidate.volunteerNo === 'string' &&
    typeof candidate.userId === 'string'
  )
}

export const issueDeviceSecret = () => callFunction<DeviceSecret>('checkin', 'issueDeviceSecret', {})

/** The secret stored on this phone for this user, if any. */
export function storedDevice(userId: string): CheckinDevice | null {
  const stored = storage.get<CheckinDevice>(DEVICE_KEY)
  return isDevice(stored) && stored.userId === userId ? stored : null
}

/**
 * Asks the server for a new secret and keeps it. Issuing one retires the member's previous
 * device, so call it only when none is stored or the member asks for a new code.
 */
export async function renewDevice(userId: string): Promise<ApiResult<CheckinDevice>> {
  const result = await issueDeviceSecret()
  if (!result.ok) return result
  const { deviceId, secretHex, memberName, volunteerNo } = result.data
  const device: CheckinDevice = { deviceId, secretHex, memberName, volunteerNo, userId }
  storage.set(DEVICE_KEY, device)
  return { ok: true, data: device }
}

let issuing: { userId: string; answer: Promise<ApiResult<CheckinDevice>> } | null = null

/**
 * The stored secret, or a new one from the server on first use. Pages asking at the same time share
 * one request: two would issue two secrets, the second retiring the first, and the first might be kept.
 */
export async function ensureDevice(userId: string): Promise<ApiResult<CheckinDevice>> {
  const stored = storedDevice(userId)
  if (stored) return { ok: true, data: stored }
  if (issuing?.userId !== userId) {
    const answer = renewDevice(userId).finally(() => {
      if (issuing?.answer === answer) issuing = null
    })
    issuing = { userId, answer }
  }
  return issuing.answer
}

export function forgetDevice(): void {
  storage.remove(DEVICE_KEY)
}

/** The code to show at `at`, computed on the phone (works offline), and how long it stays valid. */
export function checkinCodeAt(device: CheckinDevice, at: Date): { code: string; secondsLeft: number } {
  return { code: makeCheckinCode(device, at), secondsLeft: secondsLeftInStep(at) }
}
