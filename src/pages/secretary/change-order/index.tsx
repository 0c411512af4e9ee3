import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { PageShell } from '@/components/page-shell'
import { ServiceTimeField } from '@/components/service-time-field'
import { ShortNoticeWarning } from '@/components/short-notice-warning'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { ordersApi } from '@/services/api/orders'
import type { Order } from '@/services/api/types'
import { formatSpan } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { beijingIso } from '../create-order/order-form'
import { usePublishingNotice } from '../create-order/use-publishing-notice'
import { changeOf, formOfOrder, validateChange, type ChangeField, type ChangeForm } from './change-form'
import './index.scss'

/**
 * 调整时间地点: the secretary moves an order before anyone checked in (rain, a room taken). Everyone accepted or
 * invited, and a need's resident, is told what changed and why.
 */
export default function ChangeOrderPage() {
  const { params } = useRouter()
  const orderId = params.id ? decodeURIComponent(params.id) : ''
  const [form, setForm] = useState<ChangeForm | null>(null)
  const [errors, setErrors] = useState<Partial<Record<ChangeField, string>>>({})
  const [acceptShortNotice, setAcceptShortNotice] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const fetchOrder = useCallback(() => ordersApi.get(orderId), [orderId])
  // The form starts from the order once; coming back to the page keeps what was typed.
  const { data: order, status, error, reload } = useShownDetail(orderId ? fetchOrder : null, '找不到该服务订单', (loaded: Order) =>
    setForm((current) => current ?? formOfOrder(loaded)),
  )
  const change = order && form ? changeOf(order, form) : {}
  useLeaveGuard(Object.keys(change).length > 0 || (form?.reason.trim() ?? '') !== '')
  const newStart = order?.kind === 'activity' && form && 'startsAt' in change ? beijingIso(form.date, form.startTime) : null
  const notice = usePublishingNotice(newStart)

  const set = (patch: Partial<ChangeForm>) => {
    setForm((current) => (current ? { ...current, ...patch } : current))
    setErrors({})
  }

  const submit = async () => {
    if (!order || !form) return
    const problems = validateChange(order, form)
    if (Object.keys(problems).length > 0) {
      setErrors(problems)
      return
    }
    setSubmitting(true)
    const result = await ordersApi.change({ orderId: order.id, ...change, reason: form.reason.trim(), acceptShortNotice })
    setSubmitting(false)
    if (!result.ok) {
      setErrors(result.error.fields ?? { reason: result.error.message })
      return
    }
    setForm(formOfOrder(result.data))
    void Taro.showToast({ title: '已调整并通知相关人员', icon: 'none' })
    void Taro.redirectTo({ url: ROUTES.secretaryOrderDetail(order.id) })
  }

  return (
    <PageShell title="调整时间地点" backTo={ROUTES.secretaryOrderDetail(orderId)} status={status} error={error} onRetry={() => void reload()}>
      {order && form && (
        <View className="change-order">
          <Card title={order.title}>
            <Text className="change-order__now">现在：{formatSpan(order.startsAt, order.endsAt)}</Text>
            {order.kind === 'activity' && <Text className="change-order__now">地点：{order.place}</Text>}
          </Card>
          <FormSection title="改成" hint="已接单和受邀的党员会收到调整通知和原因；居民需求的订单，居民也会收到。已有党员签到后不能再调整。">
            <FormRow label="服务时间" required hint="北京时间；只改开始时间时，结束时间请一并确认" error={errors.startsAt ?? errors.endsAt}>
              <ServiceTimeField value={form} onChange={set}>
                <ShortNoticeWarning notice={notice} acknowledged={acceptShortNotice} onAcknowledge={setAcceptShortNotice} />
              </ServiceTimeField>
            </FormRow>
            <FormRow label="服务地点" required={order.kind === 'activity'} hint={order.kind === 'demand' ? '上门地址不改请留空' : undefined} error={errors.place}>
              <Input name="place" value={form.place} placeholder={order.kind === 'demand' ? '新的上门地址' : '例如：社区活动室二楼'} maxLength={120} onChange={(place) => set({ place })} />
            </FormRow>
            <FormRow label="调整原因" required error={errors.reason}>
              <TextArea
                className="change-order__reason"
                value={form.reason}
                maxLength={200}
                showCount
                placeholder="例如：明天有雨，改到社区活动室"
                onChange={(reason) => set({ reason })}
              />
            </FormRow>
          </FormSection>
          <View className="change-order__actions">
            <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
              确认调整并通知
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  )
}
