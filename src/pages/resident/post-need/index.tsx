import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { ADDRESS_MAX, DESCRIPTION_MAX, POST_NEED_LABELS as LABELS } from '@core/demands/need-labels'
import { NEED_KINDS, describesItself, needKindOf, type NeedKindKey } from '@core/demands/need-kinds'
import { CallButton } from '@/components/call-button'
import { ChoiceChips } from '@/components/choice-chips'
import { DraftNotice } from '@/components/draft-notice'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { PageShell } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useFormErrors } from '@/hooks/use-form-errors'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { useSession } from '@/hooks/use-session'
import { demandsApi } from '@/services/api/demands'
import { askForSubscriptions, prepareSubscriptions } from '@/services/subscribe'
import { timeBankApi, type TimeBankForNeed } from '@/services/api/time-bank'
import type { NeedFormDefaults } from '@/services/api/types'
import { formDraft } from '@/services/form-draft'
import { ROUTES } from '@/services/navigation'
import {
  EMPTY_NEED,
  isDirty,
  needFieldOf,
  restoredNeed,
  toPostDemandData,
  validateNeed,
  withDefaults,
  type NeedField,
  type NeedForm,
} from './validate-need'
import { bankAmount } from '../../incentives/time-bank/time-bank-display'
import { PERIODS, upcomingDays, type PeriodKey } from './when-choices'
import './index.scss'

const DRAFT_KEY = 'dyg.need-draft'

// The labels are the same in both modes (LABELS), so that every error names what is on screen.
const WORDS = {
  normal: {
    intro: '说说您需要什么帮助，社区党组织会安排党员义工上门或到场服务。',
    kindHint: '选一个最接近的，社区会按它安排合适的党员',
    // Mini-programs turn speech into text only through a plugin (同声传译) and H5 has no dependable API in WeChat's
    // browser; the phone keyboard's microphone works in both, so the form says so and gives a large box.
    descriptionHint: '可以点手机键盘上的话筒，说出来就会变成文字',
    descriptionPlaceholder: '请写明需要帮什么忙',
    addressHint: '只有社区和接单的党员能看到完整地址',
    addressPlaceholder: '例如：幸福小区3栋2单元501',
    phoneHint: '已填好您账号的电话，可以改',
    whenHint: '不选则时间不限，社区会和您联系确认',
    restored: '已恢复您上次没填完的内容',
    clear: '清空重填',
    callIntro: '着急的话，也可以直接打社区的服务电话',
    submit: '提交需求',
    timeBank: '使用时间银行',
    timeBankHint: (balance: string) => `现有${balance}；提交后按所选时段预留，服务确认后按实际时长结算，余下退回`,
    timeBankNeedsWhen: '使用时间银行时，请选择日期和时段，以便预留时长',
  },
  elder: {
    intro: '告诉社区您要帮什么忙，会有党员来帮您。',
    kindHint: '点一下最像的那一项',
    descriptionHint: '不会打字？点键盘上的话筒说话就行',
    descriptionPlaceholder: '比如：要换水龙头',
    addressHint: '一般就是您家的地址，只有社区和来帮忙的党员能看到',
    addressPlaceholder: '几栋几单元几号',
    phoneHint: '已填好您的电话，不对可以改',
    whenHint: '不选也可以，社区会打电话问您',
    restored: '上次没填完的已经帮您留着了',
    clear: '重新填',
    callIntro: '着急的话，直接打社区电话',
    submit: '提交',
    timeBank: '用时间银行',
    timeBankHint: (balance: string) => `您存了${balance}，按选的时段先留着，用多少扣多少`,
    timeBankNeedsWhen: '用时间银行要先选哪天、什么时段',
  },
}

const KIND_OPTIONS = NEED_KINDS.map((kind) => ({ value: kind.key as NeedKindKey, text: kind.name }))
const PERIOD_OPTIONS = PERIODS.map((period) => ({ value: period.key as PeriodKey, text: `${period.text} ${period.from}–${period.until}点` }))

const FIELDS_OF: Record<keyof NeedForm, NeedField> = {
  kind: 'kind',
  description: 'description',
  address: 'address',
  contactPhone: 'contactPhone',
  day: 'when',
  period: 'when',
}

export default function PostNeedPage() {
  const [elder] = useElderMode()
  const words = elder ? WORDS.elder : WORDS.normal
  const userId = useSession()?.profile.userId ?? null
  const draft = useMemo(() => formDraft(DRAFT_KEY, EMPTY_NEED, userId), [userId])
  const [form, setForm] = useState<NeedForm>(EMPTY_NEED)
  const [restored, setRestored] = useState(false)
  // Where the form started: empty, with the account's phone and address. Leaving a form that differs asks first.
  const [start, setStart] = useState<NeedForm>(EMPTY_NEED)
  const [community, setCommunity] = useState<NeedFormDefaults['community']>(null)
  const [submitting, setSubmitting] = useState(false)
  const [timeBank, setTimeBank] = useState<TimeBankForNeed | null>(null)
  const [useTimeBank, setUseTimeBank] = useState(false)
  const [timeBankError, setTimeBankError] = useState<string | null>(null)
  const [dayOptions] = useState(() => [{ value: '', text: '不限' }, ...upcomingDays().map((day) => ({ value: day.date, text: day.text }))])
  const check = useFormErrors(form, validateNeed)
  const errors = check.errors

  useEffect(() => {
    if (!userId) return
    const saved = draft.load()
    setForm(saved ? restoredNeed(saved) : EMPTY_NEED)
    setRestored(Boolean(saved))
    void demandsApi.formDefaults().then((result) => {
      if (!result.ok) return
      setStart(withDefaults(EMPTY_NEED, result.data))
      setForm((previous) => withDefaults(previous, result.data))
      setCommunity(result.data.community)
    })
    void timeBankApi.forNeed().then((result) => result.ok && setTimeBank(result.data))
    prepareSubscriptions('post_need')
  }, [draft, userId])

  useLeaveGuard(isDirty(form, start))

  const set = (changes: Partial<NeedForm>) => {
    check.changed((Object.keys(changes) as (keyof NeedForm)[]).map((key) => FIELDS_OF[key]))
    setForm((previous) => {
      const next = { ...previous, ...changes }
      draft.save(next)
      return next
    })
  }

  const clearDraft = () => {
    draft.clear()
    setRestored(false)
    setForm(start)
  }

  const submit = async () => {
    if (!check.check()) return
    if (useTimeBank && !form.day) return setTimeBankError(words.timeBankNeedsWhen)
    setSubmitting(true)
    await askForSubscriptions('post_need')
    const result = await demandsApi.post({ ...toPostDemandData(form), ...(useTimeBank ? { useTimeBank } : {}) })
    setSubmitting(false)
    if (result.ok) {
      draft.clear()
      setForm(start)
      void Taro.showToast({ title: '已提交，请等社区处理', icon: 'none', duration: 2000 })
      void Taro.redirectTo({ url: ROUTES.myNeeds })
      return
    }
    // Keep everything typed; the server's words go under each field it names.
    if (result.error.code.startsWith('BANK_')) return setTimeBankError(result.error.message)
    check.refused(result.error, needFieldOf)
  }

  const kind = needKindOf(form.kind)
  const descriptionRequired = !describesItself(form.kind)

  return (
    <PageShell title={elder ? '我要求助' : '我要点单'} tab="post-need" elderToggle>
      <View className="post-need">
        <Text className="post-need__intro">{words.intro}</Text>
        {restored && <DraftNotice text={words.restored} clearText={words.clear} onClear={clearDraft} />}
        <FormSection>
          <FormRow label={LABELS.kind} required hint={words.kindHint} error={errors.kind}>
            <View className="post-need__kinds">
              <ChoiceChips options={KIND_OPTIONS} value={form.kind || null} onChange={(kind) => set({ kind })} />
            </View>
          </FormRow>
          <FormRow label={LABELS.description} required={descriptionRequired} hint={words.descriptionHint} error={errors.description}>
            <TextArea
              className="post-need__textarea"
              value={form.description}
              placeholder={kind && !kind.needsDescription ? kind.example : words.descriptionPlaceholder}
              maxLength={DESCRIPTION_MAX}
              showCount
              autoSize
              onChange={(value) => set({ description: value })}
            />
          </FormRow>
          <FormRow label={LABELS.address} required hint={words.addressHint} error={errors.address}>
            <Input name="address" value={form.address} placeholder={words.addressPlaceholder} maxLength={ADDRESS_MAX} onChange={(value) => set({ address: value })} />
          </FormRow>
          <FormRow label={LABELS.contactPhone} required hint={start.contactPhone ? words.phoneHint : undefined} error={errors.contactPhone}>
            <Input
              name="contactPhone"
              type="number"
              maxLength={11}
              value={form.contactPhone}
              placeholder="11位手机号码"
              onChange={(value) => set({ contactPhone: value })}
            />
          </FormRow>
          <FormRow label={LABELS.when} hint={words.whenHint} error={errors.when}>
            <View className="post-need__when">
              <ChoiceChips options={dayOptions} value={form.day} onChange={(day) => set({ day })} />
              {form.day !== '' && (
                <View className="post-need__periods">
                  <ChoiceChips options={PERIOD_OPTIONS} value={form.period} onChange={(period) => set({ period })} />
                </View>
              )}
            </View>
          </FormRow>
          {timeBank?.allowed && timeBank.balanceMinutes > 0 && (
            <FormRow label={words.timeBank} hint={words.timeBankHint(bankAmount(timeBank, timeBank.balanceMinutes))} error={timeBankError ?? undefined}>
              <Switch checked={useTimeBank} onChange={(on) => (setUseTimeBank(on), setTimeBankError(null))} />
            </FormRow>
          )}
        </FormSection>

        <FormBanner message={check.banner} />
        <View className="post-need__actions">
          <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
            {words.submit}
          </Button>
        </View>
        {community?.servicePhone && (
          <View className="post-need__call">
            <Text className="post-need__call-intro">{words.callIntro}</Text>
            <CallButton phone={community.servicePhone}>
              {community.name} {community.servicePhone}
            </CallButton>
          </View>
        )}
      </View>
    </PageShell>
  )
}
