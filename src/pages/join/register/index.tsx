import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { useSession } from '@/hooks/use-session'
import { registrationApi, type RegistrationOptions } from '@/services/api/registration'
import type { ApiError } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { saveSession } from '@/services/session'
import { storage } from '@/services/storage'
import { DRAFT_KEY, EMPTY_DRAFT, FIELD_ORDER, RESUBMIT_KEY, fieldErrorsOf, precheck, toFormInput, withSlip, type Draft, type FieldErrors } from '../shared/registration-draft'
import { AccountSection } from './sections/account-section'
import { AvailabilitySection } from './sections/availability-section'
import { CommunitySection } from './sections/community-section'
import { FormHead } from './sections/form-head'
import { IdentitySection } from './sections/identity-section'
import { PartyWorkSection } from './sections/party-work-section'
import { PostsIntentionsSection } from './sections/posts-intentions-section'
import './index.scss'

/** 党员报到登记: the form of 004 附件2 and 001 附件3 on a phone, kept as a draft on every change. */
export default function RegisterPage() {
  const router = useRouter()
  const slipCode = (router.params.slip ?? '').toUpperCase()
  const session = useSession()
  const [options, setOptions] = useState<RegistrationOptions | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT)
  const [restored, setRestored] = useState(false)
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const load = async () => {
    setLoadError(null)
    const result = await registrationApi.options(slipCode || undefined)
    if (!result.ok) {
      setLoadError(result.error)
      return
    }
    setOptions(result.data)
    const resubmit = storage.get<Draft>(RESUBMIT_KEY)
    const saved = resubmit ?? storage.get<Draft>(DRAFT_KEY)
    if (resubmit) storage.remove(RESUBMIT_KEY)
    const base = saved ? { ...EMPTY_DRAFT, ...saved } : EMPTY_DRAFT
    setRestored(Boolean(saved) && !resubmit)
    setDraft(result.data.slip ? withSlip(base, result.data.slip) : base)
  }
  useEffect(() => void load(), [])

  const update = (changes: Partial<Draft>) => {
    setFormError(null)
    setDraft((previous) => {
      const next = { ...previous, ...changes }
      storage.set(DRAFT_KEY, next)
      return next
    })
    setErrors((previous) => {
      const next = { ...previous }
      for (const key of Object.keys(changes) as (keyof Draft)[]) delete next[key]
      return next
    })
  }

  const changePassword = (value: string) => {
    setPassword(value)
    setErrors((previous) => ({ ...previous, password: undefined }))
  }

  const slip = options?.slip ?? null

  const clearDraft = () => {
    void Taro.showModal({ title: '清空草稿', content: '已填写的内容都会清空，确定吗？', confirmText: '清空', cancelText: '保留' }).then(({ confirm }) => {
      if (!confirm) return
      storage.remove(DRAFT_KEY)
      setRestored(false)
      setErrors({})
      setDraft(slip ? withSlip(EMPTY_DRAFT, slip) : EMPTY_DRAFT)
    })
  }

  const showErrors = (found: FieldErrors, message: string) => {
    setErrors(found)
    setFormError(message)
    const first = FIELD_ORDER.find((key) => found[key])
    if (first) void Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined)
  }

  const submit = async () => {
    const found = precheck(draft, !session, password)
    if (Object.keys(found).length > 0) {
      showErrors(found, '请按红字提示修改后再提交')
      return
    }
    setSubmitting(true)
    const result = await registrationApi.submit({ form: toFormInput(draft), ...(slip ? { slipCode: slip.code } : {}), ...(session ? {} : { password }) })
    setSubmitting(false)
    if (!result.ok) {
      const fields = fieldErrorsOf(result.error.fields)
      showErrors(fields, Object.keys(fields).length > 0 ? `${result.error.message}，请按红字提示修改` : result.error.message)
      return
    }
    storage.remove(DRAFT_KEY)
    if (result.data.session) saveSession(result.data.session)
    void Taro.showToast({ title: '已提交，请等社区确认', icon: 'none', duration: 2000 })
    void Taro.redirectTo({ url: ROUTES.joinStatus })
  }

  const status = loadError ? 'error' : options ? 'ready' : 'loading'
  const form = { draft, errors, update }
  return (
    <PageShell title="党员报到登记" requireLogin={false} status={status} error={loadError} onRetry={() => void load()} elderToggle backTo={ROUTES.joinStatus}>
      {options && (
        <View className="register">
          <FormHead slip={slip} restored={restored} onClearDraft={clearDraft} />
          <IdentitySection {...form} educationLevels={options.educationLevels} />
          <PartyWorkSection {...form} options={options} slip={slip} />
          <CommunitySection {...form} options={options} slip={slip} />
          <PostsIntentionsSection {...form} options={options} />
          <AvailabilitySection {...form} />
          <AccountSection {...form} options={options} askPassword={!session} password={password} onPassword={changePassword} />

          {errors.slipCode && <View className="register__form-error">{errors.slipCode}</View>}
          {formError && <View className="register__form-error">{formError}</View>}
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
