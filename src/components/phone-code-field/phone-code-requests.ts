import Taro from '@tarojs/taro'
import { authApi, type SendPhoneCodeData } from '@/services/api/auth'
import type { SendOutcome } from './index'

type Purpose = SendPhoneCodeData['purpose']

/** Asks for a code texted to `phone` (which the page has checked), as PhoneCodeField's onSend answers it. */
export async function requestPhoneCode(phone: string, purpose: Purpose): Promise<SendOutcome> {
  const result = await authApi.sendPhoneCode({ phone, purpose })
  if (!result.ok) return { ok: false, message: result.error.fields?.phone ?? result.error.message }
  return { ok: true, resendInSeconds: result.data.resendInSeconds, devCode: result.data.devCode }
}

/** Trades the 微信手机号 button's code for the phone and a one-time code; a refusal is said in a toast. */
export async function proveWechatPhone(wxPhoneCode: string, purpose: Purpose): Promise<{ phone: string; phoneCode: string } | null> {
  const result = await authApi.proveWechatPhone({ wxPhoneCode, purpose })
  if (!result.ok) {
    void Taro.showToast({ title: result.error.message, icon: 'none' })
    return null
  }
  return { phone: result.data.phone, phoneCode: result.data.phoneCode }
}
