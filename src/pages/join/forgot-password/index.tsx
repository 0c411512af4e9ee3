import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { PhoneCodeField, requestPhoneCode, type SendOutcome } from '@/components/phone-code-field'
import { useFormErrors } from '@/hooks/use-form-errors'
import { authApi } from '@/services/api/auth'
import { LOGIN_PAGE, ROUTES } from '@/services/navigation'
import { clearSession } from '@/services/session'
import { phoneProblem } from '../sign-up/sign-up-form'
import { EMPTY_FORGOT_PASSWORD, checkForgotPassword, forgotPasswordFieldOf, type ForgotPasswordField, type ForgotPasswordForm } from './forgot-password-form'
import './index.scss'

/** 忘记密码: whoever proves the phone with a texted code sets a new password, then logs in with it. */
export default function ForgotPasswordPage() {
  const { params } = useRouter()
  const [form, setForm] = useState<ForgotPasswordForm>(() => ({ ...EMPTY_FORGOT_PASSWORD, phone: /^\d{11}$/.test(params.phone ?? '') ? params.phone! : '' }))
  const [noAccount, setNoAccount] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const checked = useFormErrors<ForgotPasswordForm, ForgotPasswordField>(form, checkForgotPassword)

  const update = (key: ForgotPasswordField) => (value: string) => {
    checked.changed([key])
    if (key === 'phone') setNoAccount(false)
    setForm((previous) => ({ ...previous, [key]: value }))
  }

  const sendCode = async (): Promise<SendOutcome> => {
    const problem = phoneProblem(form.phone)
    if (problem) return { ok: false, message: problem }
    return requestPhoneCode(form.phone.trim(), 'reset_password')
  }

  const submit = async () => {
    if (!checked.check()) return
    setSubmitting(true)
    const phone = form.phone.trim()
    const result = await authApi.resetPassword({ phone, phoneCode: form.phoneCode.trim(), newPassword: form.newPassword })
    setSubmitting(false)
    if (!result.ok) {
      // Everything typed stays; the server's words go under their fields.
      setNoAccount(result.error.code === 'AUTH_PHONE_NO_ACCOUNT')
      checked.refused(result.error, forgotPasswordFieldOf)
      return
    }
    // Every session of the account has ended, this phone's too.
    clearSession()
    void Taro.showToast({ title: '密码已重设，请用新密码登录', icon: 'none', duration: 2000 })
    void Taro.redirectTo({ url: `${LOGIN_PAGE}?phone=${phone}` })
  }

  const errors = checked.errors
  return (
    <PageShell title="忘记密码" requireLogin={false} elderToggle backTo={LOGIN_PAGE}>
      <View className="forgot-password">
        <FormSection title="重设登录密码" hint="用账号的手机号码接收验证码，再设一个新密码。设好后，其他手机和电脑上的登录都会退出。">
          <View id="field-phone">
            <FormRow label="手机号码" required hint="登录用的号码" error={errors.phone}>
              <Input name="phone" type="number" value={form.phone} maxLength={11} placeholder="11位手机号码" onChange={update('phone')} />
            </FormRow>
          </View>
          <PhoneCodeField value={form.phoneCode} error={errors.phoneCode} onChange={update('phoneCode')} onSend={sendCode} />
          <View id="field-newPassword">
            <FormRow label="新密码" required hint="至少8位，不能是同一个数字或连续的数字，也不能含手机号码" error={errors.newPassword}>
              <Input name="newPassword" type="password" value={form.newPassword} maxLength={64} placeholder="设置新密码" onChange={update('newPassword')} />
            </FormRow>
          </View>
          <View id="field-repeated">
            <FormRow label="再次输入新密码" required error={errors.repeated}>
              <Input name="repeated" type="password" value={form.repeated} maxLength={64} placeholder="再输一遍，确认没有输错" onChange={update('repeated')} />
            </FormRow>
          </View>
        </FormSection>

        <FormBanner message={checked.banner} />
        {noAccount && (
          <View className="forgot-password__no-account">
            <Text className="forgot-password__link" onClick={() => void Taro.redirectTo({ url: ROUTES.joinSignUp })}>
              去注册居民账号 ›
            </Text>
          </View>
        )}
        <View className="forgot-password__actions">
          <PrimaryAction loading={submitting} disabled={submitting} onClick={() => void submit()}>
            重设密码
          </PrimaryAction>
        </View>
      </View>
    </PageShell>
  )
}
