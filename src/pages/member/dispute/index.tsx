import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { PageShell } from '@/components/page-shell'
import { ordersApi } from '@/services/api/orders'
import { recordsApi } from '@/services/api/records'
import type { ApiResult, Dispute, Order } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { DisputeCard } from '../shared/dispute-card'
import { formatSpan } from '@/services/beijing-time'
import './index.scss'

/** 申诉 on one served order — its hours missing or wrong — and the member's disputes on it with the decisions. */
export default function DisputePage() {
  const { params } = useRouter()
  const orderId = params.orderId ? decodeURIComponent(params.orderId) : ''
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)
  useLeaveGuard(reason.trim() !== '')
  const [elder] = useElderMode()
  // In 长辈模式 each value gets the full width under its label, so a time is never broken across lines.
  const layout = elder ? 'stacked' : 'inline'

  // The order and my disputes on it, together: the page shows both or neither.
  const fetchIt = useCallback(async (): Promise<ApiResult<{ order: Order; disputes: Dispute[] }>> => {
    const [orderAnswer, disputesAnswer] = await Promise.all([ordersApi.get(orderId), recordsApi.myDisputes()])
    if (!orderAnswer.ok) return orderAnswer
    if (!disputesAnswer.ok) return disputesAnswer
    return { ok: true, data: { order: orderAnswer.data, disputes: disputesAnswer.data.items.filter((item) => item.orderId === orderId) } }
  }, [orderId])
  const { data, setData, status, error, reload } = useShownDetail(orderId ? fetchIt : null, '找不到该服务订单')
  const order = data?.order ?? null
  const disputes = data?.disputes ?? []

  const submit = async () => {
    setSubmitting(true)
    const result = await recordsApi.dispute(orderId, reason.trim())
    setSubmitting(false)
    if (!result.ok) {
      // The reason stays as typed; the server's words go under it.
      setErrors(result.error.fields ?? { reason: result.error.message })
      return
    }
    setErrors({})
    setReason('')
    if (data) setData({ ...data, disputes: [result.data, ...data.disputes.filter((item) => item.id !== result.data.id)] })
    void Taro.showToast({ title: '申诉已提交', icon: 'success' })
  }

  const open = disputes.some((item) => item.status === 'open')
  const recordId = disputes.find((item) => item.recordId)?.recordId ?? null

  return (
    <PageShell title="申诉" backTo={ROUTES.memberTasks} status={status} error={error} onRetry={() => void reload()}>
      {order && (
        <View className="dispute-page">
          <Card title={order.title}>
            <InfoRow layout={layout} label="服务时间" value={formatSpan(order.startsAt, order.endsAt)} />
            <InfoRow layout={layout} label="服务地点" value={order.place} />
            {recordId && (
              <Text className="dispute-page__link" onClick={() => void Taro.redirectTo({ url: ROUTES.memberRecordDetail(recordId) })}>
                查看这一单的服务记录 ›
              </Text>
            )}
          </Card>

          {open ? (
            <Card tone="notice">
              <Text>您的申诉正在处理中，社区书记核实后会在这里答复。</Text>
            </Card>
          ) : (
            <FormSection hint="服务时长漏记、记错或没有计入，写明情况向社区书记申诉，书记核实后答复您。">
              <FormRow label="申诉理由" required hint="例如：我 9:00 到场，签到晚扫了半小时" error={errors.reason ?? errors.orderId}>
                <TextArea
                  className="dispute-page__reason"
                  value={reason}
                  maxLength={300}
                  showCount
                  autoSize
                  placeholder="请写明哪里不对、实际情况如何"
                  onChange={(value) => {
                    setReason(value)
                    setErrors({})
                  }}
                />
              </FormRow>
              <View className="dispute-page__actions">
                <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
                  提交申诉
                </Button>
              </View>
            </FormSection>
          )}

          <Card title={`我对这一单的申诉（${disputes.length}）`}>
            {disputes.length === 0 ? (
              <Text className="dispute-page__none">还没有申诉过。</Text>
            ) : (
              disputes.map((dispute) => <DisputeCard key={dispute.id} dispute={dispute} />)
            )}
          </Card>
        </View>
      )}
    </PageShell>
  )
}
