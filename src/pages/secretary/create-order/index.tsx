import { useCallback, useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Input, Picker, TextArea } from '@nutui/nutui-react-taro'
import { MEMBER_POSTS, SERVICE_CATEGORIES } from '@core/catalogue/service-catalogue'
import { Card } from '@/components/card'
import { FieldError } from '@/components/field-error'
import { FormRow } from '@/components/form-row'
import { ServiceTimeField } from '@/components/service-time-field'
import { ShortNoticeWarning } from '@/components/short-notice-warning'
import { OptionCards, type OptionCard } from '@/components/option-cards'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { useFormErrors } from '@/hooks/use-form-errors'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { formDraft } from '@/services/form-draft'
import { demandsApi } from '@/services/api/demands'
import { ordersApi } from '@/services/api/orders'
import { usePublishingNotice } from './use-publishing-notice'
import type { ApiError, Demand } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import {
  beijingIso,
  FIELD_OF_CODE,
  emptyOrderForm,
  fieldsTouchedBy,
  formFromNeed,
  orderFieldOf,
  orderFormChanged,
  startingSoon,
  toCreateOrderData,
  validateOrder,
  type Dispatch,
  type MemberPost,
  type OrderField,
  type OrderForm,
} from './order-form'
import { LeaderPicker } from './leader-picker'
import { TeamPicker } from './team-picker'
import { useRecommendations } from './use-recommendations'
import './index.scss'

const CATEGORY_OPTIONS = [SERVICE_CATEGORIES.map((category) => ({ label: category, value: category }))]

const DISPATCH_OPTIONS: OptionCard<Dispatch>[] = [
  { value: 'open', title: '公开招募', hint: '发布到接单大厅，本社区党员先到先得' },
  { value: 'directed', title: '定向派单', hint: '发给选中的党员，由他们接受或婉拒' },
]

/** A half-filled order, kept per account and per need (or for the organisation's own activity). */
const draftOf = (demandId: string, opened: OrderForm) =>
  formDraft<OrderForm>(`dyg.draft.createOrder.${demandId || 'activity'}`, opened, getSession()?.profile.userId)

/** 党组织下单: from a need (prefilled) or an activity of the organisation's own. */
export default function CreateOrderPage() {
  const { params } = useRouter()
  const demandId = params.demandId ? decodeURIComponent(params.demandId) : ''
  const focusedTeamId = !demandId && params.focusedTeamId ? decodeURIComponent(params.focusedTeamId) : ''
  // The form as it opened: empty (with the team, from a team's page), or filled from the need; what differs from it is unsaved.
  const [opened, setOpened] = useState<OrderForm>(() => ({ ...emptyOrderForm(), focusedTeamId }))
  const [form, setForm] = useState<OrderForm>(() => (demandId ? opened : (draftOf('', opened).load() ?? opened)))
  const [restored, setRestored] = useState(() => !demandId && orderFormChanged(form, opened))
  const [need, setNeed] = useState<Demand | null>(null)
  const [status, setStatus] = useState<PageStatus>(demandId ? 'loading' : 'ready')
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const check = useFormErrors<OrderForm, OrderField>(form, validateOrder)
  const { errors } = check
  const [submitting, setSubmitting] = useState(false)
  const [sent, setSent] = useState(false)
  const draft = useMemo(() => draftOf(demandId, opened), [demandId, opened])
  const changed = !sent && orderFormChanged(form, opened)
  useLeaveGuard(changed)
  const [categoryOpen, setCategoryOpen] = useState(false)
  const recommended = useRecommendations(form)
  // 预约预告: an activity (not a need's order) is warned about as soon as its date gives less than the district's notice.
  const notice = usePublishingNotice(demandId || !form.date || !form.startTime ? null : beijingIso(form.date, form.startTime))
  const [acceptShortNotice, setAcceptShortNotice] = useState(false)

  const loadNeed = useCallback(async () => {
    if (!demandId || !getSession()) return
    setStatus('loading')
    const result = await demandsApi.get(demandId)
    if (!result.ok) {
      setLoadError(result.error)
      setStatus('error')
      return
    }
    const fromNeed = formFromNeed(result.data)
    const kept = draftOf(demandId, fromNeed).load()
    setNeed(result.data)
    setOpened(fromNeed)
    setForm(kept ?? fromNeed)
    setRestored(!!kept && orderFormChanged(kept, fromNeed))
    setStatus('ready')
  }, [demandId])

  useEffect(() => void loadNeed(), [loadNeed])

  // What is typed is kept on the phone until it is sent, or the form is back as it opened.
  useEffect(() => {
    if (status !== 'ready' || sent) return
    if (orderFormChanged(form, opened)) draft.save(form)
    else draft.clear()
  }, [form, opened, draft, status, sent])

  const set = (changes: Partial<OrderForm>) => {
    setForm((previous) => ({ ...previous, ...changes }))
    check.changed(fieldsTouchedBy(changes))
  }

  const startOver = () => {
    draft.clear()
    setForm(opened)
    setRestored(false)
  }

  const submit = async () => {
    if (!check.check()) return
    setSubmitting(true)
    const result = await ordersApi.create({ ...toCreateOrderData(form), ...(demandId ? {} : { acceptShortNotice }) })
    setSubmitting(false)
    if (result.ok) {
      setSent(true)
      draft.clear()
      void Taro.showToast({ title: form.dispatch === 'directed' ? '已派单，等党员接受' : '已发布到接单大厅', icon: 'none', duration: 2000 })
      void Taro.redirectTo({ url: ROUTES.secretaryOrderDetail(result.data.id) })
      return
    }
    // Everything typed stays; the server's words go under the fields they name.
    const field = FIELD_OF_CODE[result.error.code]
    const fields = field ? { [field]: result.error.message, ...result.error.fields } : result.error.fields
    check.refused({ ...result.error, fields }, orderFieldOf)
  }

  const togglePost = (post: MemberPost) =>
    set({ requiredPosts: form.requiredPosts.includes(post) ? form.requiredPosts.filter((p) => p !== post) : [...form.requiredPosts, post] })

  return (
    <PageShell title={demandId ? '需求转订单' : '发布组织活动'} backTo={ROUTES.secretaryNeeds} status={status} error={loadError} onRetry={() => void loadNeed()}>
      <View className="create-order">
        {need && (
          <Card tone="alert" title={`来自居民需求 · ${need.requesterName}`}>
            <Text className="create-order__need-text">{need.description}</Text>
            <FieldError message={errors.demandId} />
          </Card>
        )}
        {!need && <Text className="create-order__intro">主题党日、统一活动日等组织自己的活动，发布后党员在接单大厅报名。</Text>}
        {restored && (
          <View className="create-order__restored">
            <Text>已恢复上次没有提交的内容。</Text>
            <Text className="create-order__restart" onClick={startOver}>
              重新填写
            </Text>
          </View>
        )}

        <View className="create-order__form">
          <FormRow label="标题" required error={errors.title}>
            <Input name="title" value={form.title} placeholder="例如：统一活动日·楼道杂物清理" maxLength={60} onChange={(value) => set({ title: value })} />
          </FormRow>
          <FormRow label="服务类别" required error={errors.category}>
            <View className={`create-order__select${form.category ? '' : ' create-order__select--empty'}`} onClick={() => setCategoryOpen(true)}>
              {form.category || '请选择服务类别'}
            </View>
          </FormRow>
          <FormRow label="服务内容" error={errors.description}>
            <TextArea
              className="create-order__textarea"
              value={form.description}
              placeholder="要做什么、注意什么"
              maxLength={500}
              showCount
              autoSize
              onChange={(value) => set({ description: value })}
            />
          </FormRow>
          <FormRow label="服务地点" required={!form.demandId} hint={form.demandId ? '留空则为居民需求的服务地址' : undefined} error={errors.place}>
            <Input name="place" value={form.place} placeholder={form.demandId ? '居民需求的服务地址' : '例如：幸福小区3栋至6栋'} maxLength={120} onChange={(value) => set({ place: value })} />
          </FormRow>
          <FormRow label="服务时间" required hint="北京时间；开始前30分钟起可扫码签到" error={errors.startsAt ?? errors.endsAt}>
            <ServiceTimeField value={form} onChange={set}>
              <Text className="create-order__soon" onClick={() => set(startingSoon(new Date()))}>
                马上开始（从现在起 2 小时）
              </Text>
              <ShortNoticeWarning notice={notice} acknowledged={acceptShortNotice} onAcknowledge={setAcceptShortNotice} />
            </ServiceTimeField>
          </FormRow>
          <FormRow label="需要人数" required error={errors.capacity}>
            <Input name="capacity" type="number" value={form.capacity} maxLength={3} placeholder="需要几名党员，例如 3" onChange={(value) => set({ capacity: value })} />
            <Text className="create-order__unit">人</Text>
          </FormRow>
          <FormRow label="所需岗位" hint="用于推荐党员，可不选">
            <View className="create-order__chips">
              {MEMBER_POSTS.map((post) => (
                <View
                  key={post}
                  className={`create-order__chip${form.requiredPosts.includes(post) ? ' create-order__chip--on' : ''}`}
                  onClick={() => togglePost(post)}
                >
                  {post}
                </View>
              ))}
            </View>
          </FormRow>
          {!demandId && <TeamPicker value={form.focusedTeamId ?? ''} error={errors.focusedTeamId} onChange={(teamId) => set({ focusedTeamId: teamId })} />}
          <FormRow label="派单方式" required>
            <View className="create-order__dispatch">
              <OptionCards label="派单方式" options={DISPATCH_OPTIONS} value={form.dispatch} onChange={(dispatch) => set({ dispatch })} />
            </View>
          </FormRow>
        </View>

        {form.dispatch === 'directed' && (
          <MemberPicker
            form={form}
            recommended={recommended}
            error={errors.inviteeIds}
            onChange={(inviteeIds) => set({ inviteeIds })}
          />
        )}
        <View className="create-order__form create-order__leader">
          <LeaderPicker
            members={recommended.items}
            inviteeIds={form.dispatch === 'directed' ? form.inviteeIds : []}
            value={form.leaderMemberId}
            error={errors.leaderMemberId}
            onChange={(leaderMemberId) => set({ leaderMemberId })}
          />
        </View>

        {check.banner && <View className="create-order__form-error">{check.banner}</View>}
        <View className="create-order__actions">
          <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
            {form.dispatch === 'directed' ? `派单给 ${form.inviteeIds.length} 名党员` : '发布订单'}
          </Button>
        </View>
      </View>

      <Picker
        title="服务类别"
        visible={categoryOpen}
        options={CATEGORY_OPTIONS}
        value={[form.category || SERVICE_CATEGORIES[0]]}
        onConfirm={(_options, values) => {
          set({ category: String(values[0] ?? '') })
          setCategoryOpen(false)
        }}
        onClose={() => setCategoryOpen(false)}
      />
    </PageShell>
  )
}

/** 定向派单: the members the server recommends for this time and these posts, each with its reasons. */
function MemberPicker({
  form,
  recommended,
  error,
  onChange,
}: {
  form: OrderForm
  recommended: ReturnType<typeof useRecommendations>
  error?: string
  onChange: (ids: string[]) => void
}) {
  const { items, loading, error: loadError, reload: load } = recommended

  const toggle = (memberId: string) =>
    onChange(form.inviteeIds.includes(memberId) ? form.inviteeIds.filter((id) => id !== memberId) : [...form.inviteeIds, memberId])

  return (
    <View className="member-picker">
      <View className="member-picker__head">
        <Text className="member-picker__title">选择党员（已选 {form.inviteeIds.length} 人）</Text>
        <Text className="member-picker__refresh" onClick={() => void load()}>
          {loading ? '推荐中…' : '重新推荐'}
        </Text>
      </View>
      <Text className="member-picker__hint">按岗位、技能、有空时段、同网格、今年时长和守约率推荐</Text>
      <FieldError message={error} />
      {loadError && <View className="member-picker__error">{loadError}</View>}
      {!loading && !loadError && items.length === 0 && <View className="member-picker__empty">没有可推荐的党员</View>}
      {items.map((item) => {
        const checked = form.inviteeIds.includes(item.memberId)
        return (
          <View key={item.memberId} className={`member-picker__item${checked ? ' member-picker__item--on' : ''}`} onClick={() => toggle(item.memberId)}>
            <Checkbox className="member-picker__check" checked={checked} onChange={() => undefined} />
            <View className="member-picker__body">
              <View className="member-picker__who">
                <Text className="member-picker__name">{item.name}</Text>
                <Text className="member-picker__meta">
                  {item.volunteerNo}
                  {item.gridName ? ` · ${item.gridName}` : ''} · 今年 {item.hoursThisYear.toFixed(1)} 小时
                </Text>
              </View>
              <View className="member-picker__reasons">
                {item.reasons.map((reason) => (
                  <Text key={reason} className={`member-picker__reason${reason.includes('已有其他任务') ? ' member-picker__reason--warn' : ''}`}>
                    {reason}
                  </Text>
                ))}
              </View>
            </View>
          </View>
        )
      })}
    </View>
  )
}
