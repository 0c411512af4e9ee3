import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { useSession } from '@/hooks/use-session'
import { authApi } from '@/services/api/auth'
import { goHome } from '@/services/navigation'
import { logOut } from '@/services/log-out'
import { saveSession } from '@/services/session'
import { validateChange, type ChangeFieldErrors, type ChangeForm } from './validate-change'
import './index.scss'

/** 修改密码 from 我的, and the first page after a login with an initial password (which cannot be left but by logging out). */
export default function ChangePasswordPage() {
  const session = useSession()
  const forced = session?.profile.mustChangePassword === true
  const [form, setForm] = useState<ChangeForm>({ oldPassword: '', newPassword: '', repeated: '' })
  const [errors, setErrors] = useState<ChangeFieldErrors>({})
  const [banner, setBanner] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const update = (key: keyof ChangeForm) => (value: string) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    setErrors((previous) => ({ ...previous, [key]: undefined }))
  }

  const submit = async () => {
    const found = validateChange(form, forced)
    setErrors(found)
    setBanner(Object.keys(found).length > 0 ? '请按红字提示修改后再提交' : null)
    if (Object.keys(found).length > 0) return
    setSubmitting(true)
    const result = await authApi.changePassword({ oldPassword: form.oldPassword, newPassword: form.newPassword })
    setSubmitting(false)
    if (!result.ok) {
      const fields = result.error.fields ?? {}
      setErrors({ oldPassword: fields.oldPassword, newPassword: fields.newPassword })
      setBanner(fields.oldPassword || fields.newPassword ? '请按红字提示修改后再提交' : result.error.message)
      return
    }
    const renewed = saveSession(result.data)
    await Taro.showToast({ title: '密码已修改', icon: 'success' })
    void goHome(renewed.activeRole)
  }

  const oldLabel = forced ? '初始密码' : '原密码'
  return (
    <PageShell title="修改密码" openBeforePasswordChange elderToggle>
      <View className="change-password">
        {forced && (
          <Text className="change-password__note">
            您现在用的是管理员告诉您的初始密码。为了账号安全，请先设置一个只有您自己知道的新密码，再使用其他功能。
          </Text>
        )}
        <FormSection hint="新密码至少8位，不能是同一个数字或连续的数字，也不能是手机号码。改好后，其他手机和电脑上的登录会退出。">
          <FormRow label={oldLabel} required error={errors.oldPassword}>
            <Input name="oldPassword" type="password" placeholder={`请输入${oldLabel}`} value={form.oldPassword} onChange={update('oldPassword')} />
          </FormRow>
          <FormRow label="新密码" required error={errors.newPassword}>
            <Input name="newPassword" type="password" placeholder="至少8位" value={form.newPassword} onChange={update('newPassword')} />
          </FormRow>
          <FormRow label="再次输入新密码" required error={errors.repeated}>
            <Input name="repeated" type="password" placeholder="再输一遍，确认没有输错" value={form.repeated} onChange={update('repeated')} />
          </FormRow>
        </FormSection>
        <View className="change-password__actions">
          <FormBanner message={banner} />
          <PrimaryAction loading={submitting} disabled={submitting} onClick={() => void submit()}>
            确认修改
          </PrimaryAction>
        </View>
        {forced && (
          <Text className="change-password__leave" onClick={() => void logOut()}>
            暂不修改，退出登录
          </Text>
        )}
      </View>
    </PageShell>
  )
}
