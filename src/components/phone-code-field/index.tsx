import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FormRow } from '@/components/form-row'
import { secondsLeft, sendButtonText } from './countdown'
import './index.scss'

export { proveWechatPhone, requestPhoneCode } from './phone-code-requests'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** What asking for a code answered: when the next may be asked for, and in the local gateway the code itself. */
export type SendOutcome = { ok: true; resendInSeconds: number; devCode?: string } | { ok: false; message: string }

export interface PhoneCodeFieldProps {
  value: string
  onChange: (code: string) => void
  error?: string | null
  /** Texts a code to the phone typed above; the page checks that phone first. */
  onSend: () => Promise<SendOutcome>
  /** weapp: the 微信手机号 button's one-time code, for the page to trade for the phone and a code. */
  onWechatPhone?: (wxPhoneCode: string) => void
}

/** 验证码: six digits, a 获取验证码 button that counts down to the next send, and in development the code in a banner. */
export function PhoneCodeField({ value, onChange, error, onSend, onWechatPhone }: PhoneCodeFieldProps) {
  const [sending, setSending] = useState(false)
  const [sent, setSent] = useState<{ at: number; wait: number } | null>(null)
  const [devCode, setDevCode] = useState<string | null>(null)
  const [sendError, setSendError] = useState<string | null>(null)
  const [now, setNow] = useState(Date.now())
  const left = sent ? secondsLeft(sent.at, sent.wait, now) : 0

  useEffect(() => {
    if (left <= 0) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [left > 0])

  const send = async () => {
    if (sending || left > 0) return
    setSending(true)
    setSendError(null)
    const outcome = await onSend()
    setSending(false)
    if (!outcome.ok) {
      setSendError(outcome.message)
      return
    }
    setNow(Date.now())
    setSent({ at: Date.now(), wait: outcome.resendInSeconds })
    setDevCode(outcome.devCode ?? null)
  }

  return (
    <View className="dy-phone-code" id="field-phoneCode">
      <FormRow label="验证码" required hint="点「获取验证码」，把短信里的6位数字填在这里" error={error ?? sendError}>
        <View className="dy-phone-code__row">
          <Input
            className="dy-phone-code__input"
            name="phoneCode"
            type="number"
            maxLength={6}
            placeholder="6位数字"
            value={value}
            onChange={(code) => onChange(code.replace(/\D/g, '').slice(0, 6))}
          />
          <Button className="dy-phone-code__send" size="small" type="primary" fill="outline" disabled={sending || left > 0} onClick={() => void send()}>
            {sendButtonText({ sending, secondsLeft: left, sentOnce: sent !== null })}
          </Button>
        </View>
      </FormRow>
      {devCode && <Text className="dy-phone-code__dev">开发环境：验证码 {devCode}</Text>}
      {IS_WEAPP && onWechatPhone && (
        <View className="dy-phone-code__wechat">
          <Button
            openType="getPhoneNumber"
            size="small"
            onGetPhoneNumber={(event: { detail: { code?: string } }) => event.detail.code && onWechatPhone(event.detail.code)}
          >
            用微信绑定的手机号码
          </Button>
        </View>
      )}
    </View>
  )
}
