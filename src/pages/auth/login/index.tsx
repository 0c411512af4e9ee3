import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FormRow } from '@/components/form-row'
import { authApi } from '@/services/api/auth'
import type { ApiResult, SessionData } from '@/services/api/types'
import { CHANGE_PASSWORD_PAGE, ROUTES, goHome } from '@/services/navigation'
import { getSession, saveSession } from '@/services/session'
import { validateLogin, type LoginFieldErrors, type LoginForm } from './validate-login'
import { BrandBanner } from '@/components/brand-banner'
import './index.scss'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** weapp: 'wechat' while trying the WeChat identity, then 'bind' if it is not bound yet; H5: 'password'. */
type Mode = 'wechat' | 'bind' | 'password'

export default function LoginPage() {
  const [mode, setMode] = useState<Mode>(IS_WEAPP ? 'wechat' : 'password')
  const { params } = useRouter()
  // Back from 忘记密码 with the phone whose password was just reset.
  const [form, setForm] = useState<LoginForm>({ phone: /^\d{11}$/.test(params.phone ?? '') ? params.phone! : '', password: '' })
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const finish = (result: ApiResult<SessionData>): boolean => {
    if (!result.ok) return false
    const session = saveSession(result.data)
    // An initial password someone else has seen is changed before anything else.
    if (session.profile.mustChangePassword) void Taro.reLaunch({ url: CHANGE_PASSWORD_PAGE })
    else void goHome(session.activeRole)
    return true
  }

  useDidShow(() => {
    const session = getSession()
    if (session) void goHome(session.activeRole)
  })

  useEffect(() => {
    if (!IS_WEAPP || getSession()) return
    void authApi.wxLogin().then((result) => {
      if (finish(result)) return
      setMode('bind')
      if (!result.ok && result.error.code !== 'AUTH_WECHAT_NOT_BOUND') setFormError(result.error.message)
    })
  }, [])

  const update = (key: keyof LoginForm) => (value: string) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    setFieldErrors((previous) => ({ ...previous, [key]: undefined }))
  }

  const submit = async () => {
    const errors = validateLogin(form)
    setFieldErrors(errors)
    setFormError(null)
    if (Object.keys(errors).length > 0) return
    setSubmitting(true)
    const credentials = { phone: form.phone.trim(), password: form.password }
    const result = mode === 'bind' ? await authApi.bindWechat(credentials) : await authApi.login(credentials)
    setSubmitting(false)
    if (finish(result) || result.ok) return
    // What was typed stays in the form; the server's words go under each field.
    setFieldErrors({ phone: result.error.fields?.phone, password: result.error.fields?.password })
    setFormError(result.error.fields ? null : result.error.message)
  }

  return (
    <View className="login">
      <BrandBanner />

      {mode === 'wechat' ? (
        <View className="login__waiting">正在用微信身份登录…</View>
      ) : (
        <View className="login__card">
          <Text className="login__heading">{mode === 'bind' ? '首次使用，请绑定账号' : '手机号码登录'}</Text>
          {mode === 'bind' && <Text className="login__note">输入社区为您登记的手机号码和密码，绑定后下次打开即自动登录。</Text>}
          <FormRow label="手机号码" required error={fieldErrors.phone}>
            <Input
              name="phone"
              type="number"
              maxLength={11}
              placeholder="请输入11位手机号码"
              value={form.phone}
              onChange={update('phone')}
            />
          </FormRow>
          <FormRow label="密码" required error={fieldErrors.password}>
            <Input
              name="password"
              type="password"
              placeholder="请输入密码"
              value={form.password}
              onChange={update('password')}
            />
          </FormRow>
          {formError && <View className="login__form-error">{formError}</View>}
          <View className="login__actions">
            <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
              {mode === 'bind' ? '绑定并登录' : '登录'}
            </Button>
          </View>
          <Text className="login__help" onClick={() => void Taro.navigateTo({ url: ROUTES.joinForgotPassword(/^\d{11}$/.test(form.phone.trim()) ? form.phone.trim() : undefined) })}>
            忘记密码？<Text className="login__help-link">用短信验证码重设 ›</Text>
          </Text>
        </View>
      )}
      {mode !== 'wechat' && (
        <View className="login__join" onClick={() => void Taro.navigateTo({ url: ROUTES.joinRegister() })}>
          <Text className="login__join-title">党员报到登记 ›</Text>
          <Text className="login__join-note">还没有账号的党员：填写报到登记表，单位发的报到码也在这里用</Text>
        </View>
      )}
      {mode !== 'wechat' && (
        <View className="login__join" onClick={() => void Taro.navigateTo({ url: ROUTES.joinSignUp })}>
          <Text className="login__join-title">居民注册 ›</Text>
          <Text className="login__join-note">社区居民：用手机号码和短信验证码注册，就能在手机上点单求助</Text>
        </View>
      )}
    </View>
  )
}
