import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import { ChoiceChips } from '@/components/choice-chips'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { PhoneCodeField, proveWechatPhone, requestPhoneCode, type SendOutcome } from '@/components/phone-code-field'
import { useFormErrors } from '@/hooks/use-form-errors'
import { authApi } from '@/services/api/auth'
import { registrationApi, type RegistrationOptions } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { formDraft } from '@/services/form-draft'
import { LOGIN_PAGE, ROUTES, goHome } from '@/services/navigation'
import { saveSession } from '@/services/session'
import { EMPTY_SIGN_UP, checkSignUp, phoneProblem, signUpFieldOf, type SignUpDraft, type SignUpField } from './sign-up-form'
import './index.scss'

const draftStore = formDraft<SignUpDraft>('signUp.draft', EMPTY_SIGN_UP)

/** 居民注册: a resident proves the phone with a texted code (or WeChat's number) and gets an account in their community. */
export default function SignUpPage() {
  const [options, setOptions] = useState<RegistrationOptions | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [draft, setDraft] = useState<SignUpDraft>(() => draftStore.load() ?? EMPTY_SIGN_UP)
  const [phoneCode, setPhoneCode] = useState('')
  const [password, setPassword] = useState('')
  const [hasAccount, setHasAccount] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const form = useFormErrors<{ draft: SignUpDraft; phoneCode: string; password: string }, SignUpField>({ draft, phoneCode, password }, checkSignUp)

  const load = async () => {
    setLoadError(null)
    const result = await registrationApi.options()
    if (result.ok) setOptions(result.data)
    else setLoadError(result.error)
  }
  useEffect(() => void load(), [])

  const update = (changes: Partial<SignUpDraft>) => {
    form.changed(Object.keys(changes) as SignUpField[])
    if ('phone' in changes) setHasAccount(false)
    setDraft((previous) => {
      const next = { ...previous, ...changes }
      draftStore.save(next)
      return next
    })
  }

  const sendCode = async (): Promise<SendOutcome> => {
    const problem = phoneProblem(draft.phone)
    if (problem) return { ok: false, message: problem }
    return requestPhoneCode(draft.phone.trim(), 'sign_up')
  }

  const takeWechatPhone = async (wxPhoneCode: string) => {
    const proven = await proveWechatPhone(wxPhoneCode, 'sign_up')
    if (!proven) return
    update({ phone: proven.phone })
    setPhoneCode(proven.phoneCode)
    form.changed(['phoneCode'])
  }

  const submit = async () => {
    if (!form.check()) return
    setSubmitting(true)
    const result = await authApi.signUp({
      name: draft.name.trim(), phone: draft.phone.trim(), phoneCode: phoneCode.trim(), password, communityId: draft.communityId,
      ...(draft.gridId ? { gridId: draft.gridId } : {}), address: draft.address.trim(),
    })
    setSubmitting(false)
    if (!result.ok) {
      setHasAccount(result.error.code === 'AUTH_PHONE_HAS_ACCOUNT')
      form.refused(result.error, signUpFieldOf)
      return
    }
    draftStore.clear()
    const session = saveSession(result.data)
    void Taro.showToast({ title: '注册成功', icon: 'success', duration: 1500 })
    void goHome(session.activeRole)
  }

  const streets = options?.districts.flatMap((district) => district.streets) ?? []
  const community = streets.flatMap((street) => street.communities).find((c) => c.id === draft.communityId)
  const errors = form.errors
  return (
    <PageShell title="居民注册" requireLogin={false} status={loadError ? 'error' : options ? 'ready' : 'loading'} error={loadError} onRetry={() => void load()} elderToggle backTo={LOGIN_PAGE}>
      <View className="sign-up">
        <FormSection title="本人信息" hint="注册后可以在手机上向社区点单求助，并查看办理进度">
          <View id="field-name">
            <FormRow label="姓名" required error={errors.name}>
              <Input name="name" value={draft.name} maxLength={30} placeholder="请输入姓名" onChange={(name) => update({ name })} />
            </FormRow>
          </View>
          <View id="field-phone">
            <FormRow label="手机号码" required hint="以后用这个号码登录" error={errors.phone}>
              <Input name="phone" type="number" value={draft.phone} maxLength={11} placeholder="11位手机号码" onChange={(phone) => update({ phone })} />
            </FormRow>
          </View>
          <PhoneCodeField
            value={phoneCode}
            error={errors.phoneCode}
            onChange={(code) => {
              setPhoneCode(code)
              form.changed(['phoneCode'])
            }}
            onSend={sendCode}
            onWechatPhone={(code) => void takeWechatPhone(code)}
          />
          <View id="field-password">
            <FormRow label="登录密码" required hint="至少8位，不能是同一个数字或连续的数字，也不能含手机号码" error={errors.password}>
              <Input
                name="password"
                type="password"
                value={password}
                maxLength={64}
                placeholder="设置登录密码"
                onChange={(value) => {
                  setPassword(value)
                  form.changed(['password'])
                }}
              />
            </FormRow>
          </View>
        </FormSection>

        <FormSection title="所在社区">
          <View id="field-communityId">
            <FormRow label="社区" required error={errors.communityId}>
              <View className="sign-up__streets">
                {streets.map((street) => (
                  <View key={street.id} className="sign-up__street">
                    <Text className="sign-up__street-name">{street.name}</Text>
                    <ChoiceChips
                      options={street.communities.map((c) => ({ value: c.id, text: c.name }))}
                      value={street.communities.some((c) => c.id === draft.communityId) ? draft.communityId : null}
                      onChange={(communityId) => update({ communityId, gridId: '' })}
                    />
                  </View>
                ))}
              </View>
            </FormRow>
          </View>
          {community && community.grids.length > 0 && (
            <View id="field-gridId">
              <FormRow label="网格" hint="不清楚可不选" error={errors.gridId}>
                <ChoiceChips
                  options={community.grids.map((g) => ({ value: g.id, text: g.name }))}
                  value={draft.gridId || null}
                  onChange={(gridId) => update({ gridId: draft.gridId === gridId ? '' : gridId })}
                />
              </FormRow>
            </View>
          )}
          <View id="field-address">
            <FormRow label="家庭住址" required hint="小区、楼栋和门牌，只有本社区的工作人员能看到" error={errors.address}>
              <Input name="address" value={draft.address} maxLength={120} placeholder="例如 幸福花园2栋301室" onChange={(address) => update({ address })} />
            </FormRow>
          </View>
        </FormSection>

        <FormBanner message={form.banner} />
        {hasAccount && (
          <View className="sign-up__has-account">
            <Text className="sign-up__has-account-text">该手机号码已有账号，不用再注册。</Text>
            <Text className="sign-up__link" onClick={() => void Taro.redirectTo({ url: LOGIN_PAGE })}>
              去登录 ›
            </Text>
            <Text className="sign-up__link sign-up__link--next" onClick={() => void Taro.redirectTo({ url: ROUTES.joinForgotPassword(draft.phone.trim()) })}>
              忘记密码 ›
            </Text>
          </View>
        )}
        <View className="sign-up__actions">
          <PrimaryAction loading={submitting} disabled={submitting} onClick={() => void submit()}>
            注册并登录
          </PrimaryAction>
        </View>
      </View>
    </PageShell>
  )
}
