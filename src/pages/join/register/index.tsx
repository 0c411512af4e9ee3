import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { FormBanner } from '@/components/form-banner'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { PhoneCodeField, proveWechatPhone, requestPhoneCode, type SendOutcome } from '@/components/phone-code-field'
import { useFormErrors } from '@/hooks/use-form-errors'
import { useSession } from '@/hooks/use-session'
import { registrationApi, type RegistrationOptions } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { saveSession } from '@/services/session'
import { askForSubscriptions, prepareSubscriptions } from '@/services/subscribe'
import { storage } from '@/services/storage'
import { normaliseSlipCode } from '@core/registration/slip-code'
import { DRAFT_KEY, EMPTY_DRAFT, FIELD_ORDER, RESUBMIT_KEY, fieldErrorsOf, precheck, toFormInput, withSlip, type Draft, type FieldErrors } from '../shared/registration-draft'
import { AccountSection } from './sections/account-section'
import { AvailabilitySection } from './sections/availability-section'
import { CommunitySection } from './sections/community-section'
import { FormHead } from './sections/form-head'
import { IdentitySection } from './sections/identity-section'
import { PartyWorkSection } from './sections/party-work-section'
import { PostsIntentionsSection } from './sections/posts-intentions-section'
import './index.scss'

type Field = keyof FieldErrors
type Typed = { draft: Draft; password: string; phoneCode: string; askPassword: boolean }

const checkTyped = ({ draft, password, phoneCode, askPassword }: Typed): FieldErrors => ({
  ...precheck(draft, askPassword, password),
  ...(askPassword && !/^\d{6}$/.test(phoneCode.trim()) ? { phoneCode: '验证码须为6位数字' } : {}),
})
/** The form's field for a path the server names (`form.phone`, `form.serviceIntentions.0.subItems`, `slipCode`). */
const fieldOf = (path: string) => Object.keys(fieldErrorsOf({ [path]: '-' }))[0] as Field | undefined

/** 党员报到登记: the form of 004 附件2 and 001 附件3 on a phone, kept as a draft on every change. */
export default function RegisterPage() {
  const router = useRouter()
  const session = useSession()
  const [options, setOptions] = useState<RegistrationOptions | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT)
  const [restored, setRestored] = useState(false)
  const [password, setPassword] = useState('')
  const [phoneCode, setPhoneCode] = useState('')
  const form = useFormErrors<Typed, Field>({ draft, password, phoneCode, askPassword: !session }, checkTyped)
  const [submitting, setSubmitting] = useState(false)

  const keep = (next: Draft) => {
    storage.set(DRAFT_KEY, next)
    setDraft(next)
  }

  const load = async () => {
    setLoadError(null)
    const resubmit = storage.get<Draft>(RESUBMIT_KEY)
    const saved = resubmit ?? storage.get<Draft>(DRAFT_KEY)
    const linked = normaliseSlipCode(router.params.slip ?? '')
    const slipCode = linked || (saved?.slipCode ?? '')
    let result = await registrationApi.options(slipCode || undefined)
    // A code kept in the draft that no longer finds its slip: go on without it.
    if (!result.ok && !linked && slipCode && result.error.code !== 'NETWORK') result = await registrationApi.options()
    if (!result.ok) {
      setLoadError(result.error)
      return
    }
    setOptions(result.data)
    prepareSubscriptions('submit_registration')
    if (resubmit) storage.remove(RESUBMIT_KEY)
    const base = saved ? { ...EMPTY_DRAFT, ...saved } : EMPTY_DRAFT
    setRestored(Boolean(saved) && !resubmit)
    setDraft(result.data.slip ? withSlip(base, result.data.slip) : base)
  }
  useEffect(() => void load(), [])

  const update = (changes: Partial<Draft>) => {
    form.changed(Object.keys(changes) as Field[])
    setDraft((previous) => {
      const next = { ...previous, ...changes }
      storage.set(DRAFT_KEY, next)
      return next
    })
  }

  const changePassword = (value: string) => {
    setPassword(value)
    form.changed(['password'])
  }

  const changePhoneCode = (value: string) => {
    setPhoneCode(value)
    form.changed(['phoneCode'])
  }

  /** The code goes to the phone typed in the form, which the new account will have. */
  const sendCode = async (): Promise<SendOutcome> => {
    const phone = draft.phone.trim()
    if (!/^1[3-9]\d{9}$/.test(phone)) return { ok: false, message: '请先在上面填写本人11位手机号码' }
    return requestPhoneCode(phone, 'register')
  }

  const takeWechatPhone = async (wxPhoneCode: string) => {
    const proven = await proveWechatPhone(wxPhoneCode, 'register')
    if (!proven) return
    update({ phone: proven.phone })
    changePhoneCode(proven.phoneCode)
  }

  const slip = options?.slip ?? null

  /** The code box: the unit and the community follow the slip, as when the page is opened from its link. */
  const applyCode = async (code: string): Promise<string | null> => {
    const result = await registrationApi.options(code)
    if (!result.ok) return result.error.fields?.slipCode ?? result.error.message
    setOptions(result.data)
    keep(withSlip(draft, result.data.slip!))
    form.changed(['slipCode', 'unitId', 'communityId', 'memberType', 'name'])
    return null
  }

  const dropSlip = () => {
    setOptions((previous) => (previous ? { ...previous, slip: null } : previous))
    keep({ ...draft, slipCode: '' })
    form.changed(['slipCode'])
    // Without the slip every district's communities are offered again.
    void registrationApi.options().then((result) => result.ok && setOptions(result.data))
  }

  const clearDraft = () => {
    void Taro.showModal({ title: '清空草稿', content: '已填写的内容都会清空，确定吗？', confirmText: '清空', cancelText: '保留' }).then(({ confirm }) => {
      if (!confirm) return
      storage.remove(DRAFT_KEY)
      setRestored(false)
      setDraft(slip ? withSlip(EMPTY_DRAFT, slip) : EMPTY_DRAFT)
    })
  }

  const scrollToFirst = (found: FieldErrors) => {
    const first = FIELD_ORDER.find((key) => found[key])
    if (first) void Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined)
  }

  const submit = async () => {
    if (!form.check()) {
      scrollToFirst(checkTyped({ draft, password, phoneCode, askPassword: !session }))
      return
    }
    setSubmitting(true)
    await askForSubscriptions('submit_registration')
    const result = await registrationApi.submit({ form: toFormInput(draft), ...(slip ? { slipCode: slip.code } : {}), ...(session ? {} : { password, phoneCode: phoneCode.trim() }) })
    setSubmitting(false)
    if (!result.ok) {
      form.refused(result.error, fieldOf)
      scrollToFirst(fieldErrorsOf(result.error.fields))
      return
    }
    storage.remove(DRAFT_KEY)
    if (result.data.session) saveSession(result.data.session)
    void Taro.showToast({ title: '已提交，请等社区确认', icon: 'none', duration: 2000 })
    void Taro.redirectTo({ url: ROUTES.joinStatus })
  }

  const status = loadError ? 'error' : options ? 'ready' : 'loading'
  const errors = form.errors
  const sections = { draft, errors, update }
  return (
    <PageShell title="党员报到登记" requireLogin={false} status={status} error={loadError} onRetry={() => void load()} elderToggle backTo={ROUTES.joinStatus}>
      {options && (
        <View className="register">
          <FormHead slip={slip} restored={restored} onClearDraft={clearDraft} onUseCode={applyCode} onDropSlip={dropSlip} />
          <IdentitySection {...sections} educationLevels={options.educationLevels} />
          <PartyWorkSection {...sections} options={options} slip={slip} />
          <CommunitySection {...sections} options={options} slip={slip} />
          <PostsIntentionsSection {...sections} options={options} />
          <AvailabilitySection {...sections} />
          <AccountSection {...sections} options={options} askPassword={!session} password={password} onPassword={changePassword}>
            <PhoneCodeField value={phoneCode} error={errors.phoneCode} onChange={changePhoneCode} onSend={sendCode} onWechatPhone={(code) => void takeWechatPhone(code)} />
          </AccountSection>

          <FormBanner message={errors.slipCode} />
          <FormBanner message={form.banner} />
          <View className="register__actions">
            <PrimaryAction loading={submitting} disabled={submitting || (slip !== null && !slip.usable)} onClick={() => void submit()}>
              提交报到登记
            </PrimaryAction>
          </View>
        </View>
      )}
    </PageShell>
  )
}
