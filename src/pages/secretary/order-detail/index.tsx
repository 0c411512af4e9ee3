import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { BroadcastDialog } from '@/components/broadcast-dialog'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { OrderChanges } from '@/components/order-changes'
import { FieldError } from '@/components/field-error'
import { PageShell } from '@/components/page-shell'
import { PrivateValue } from '@/components/private-value'
import { ShortNoticeTags } from '@/components/short-notice-tag'
import { ordersApi } from '@/services/api/orders'
import type { ApiError, Order, OrganisationRating } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { focusedActivityText } from '@/services/focused-activity'
import { useElderMode } from '@/hooks/use-elder-mode'
import { orderStatusWord } from '@/services/status-words'
import { ORGANISATION_RATING_TEXT, isScanWindowOpen } from '../shared/display'
import { StatusWordTag } from '../shared/status-word-tag'
import { ReasonDialog } from '../shared/reason-dialog'
import { formatClock, formatSpan, formatTime } from '@/services/beijing-time'
import { useShownDetail } from '@/hooks/use-shown-detail'
import './index.scss'

const ASSIGNMENT_TEXT = { invited: '待答复', accepted: '已接单', declined: '已婉拒', cancelled: '已取消' } as const
const RATINGS: OrganisationRating[] = ['excellent', 'good', 'fair']

export default function SecretaryOrderDetailPage() {
  const { params } = useRouter()
  const orderId = params.id ? decodeURIComponent(params.id) : ''
  const [cancelling, setCancelling] = useState(false)
  const [completing, setCompleting] = useState(false)
  const [broadcasting, setBroadcasting] = useState(false)
  const [now, setNow] = useState(() => new Date())
  const [elder] = useElderMode()
  const fetchOrder = useCallback(() => {
    setNow(new Date())
    return ordersApi.get(orderId)
  }, [orderId])
  // Shown again (back from the scanner), the list says who checked in.
  const { data: order, setData: setOrder, status, error, reload: load } = useShownDetail(orderId ? fetchOrder : null, '找不到该服务订单')

  const complete = async () => {
    if (!order) return
    const answer = await Taro.showModal({
      title: '结束订单',
      content: '结束后不能再扫码签到，所有已签到的党员须已签退。确定结束吗？',
      confirmText: '结束',
      cancelText: '再等等',
      confirmColor: '#c8161d',
    })
    if (!answer.confirm) return
    setCompleting(true)
    const result = await ordersApi.complete(order.id)
    setCompleting(false)
    if (result.ok) {
      setOrder(result.data)
      void Taro.showToast({ title: '订单已结束', icon: 'none' })
    } else void Taro.showModal({ title: '不能结束', content: result.error.message, showCancel: false })
  }

  const cancel = async (reason: string): Promise<ApiError | null> => {
    if (!order) return null
    const result = await ordersApi.cancel(order.id, reason)
    if (!result.ok) return result.error
    setOrder(result.data)
    setCancelling(false)
    void Taro.showToast({ title: '订单已取消', icon: 'none' })
    return null
  }

  const open = order && order.status !== 'completed' && order.status !== 'cancelled'
  const assignments = order?.assignments ?? []
  const accepted = assignments.filter((assignment) => assignment.status === 'accepted')

  return (
    <PageShell title="订单详情" backTo={ROUTES.secretaryOrders} status={status} error={error} onRetry={() => void load()}>
      {order && (
        <View className="order-detail">
          <Card className="order-detail__card" title={order.title} extra={<ShortNoticeTags notice={order.notice}><StatusWordTag word={orderStatusWord(order, now)} /></ShortNoticeTags>}>
            <InfoRow label="类别" value={`${order.category} · ${order.kind === 'demand' ? '居民需求' : '组织活动'}`} />
            {order.focusedTeam && <InfoRow label="活动" value={focusedActivityText(order)} />}
            <InfoRow label="时间" value={formatSpan(order.startsAt, order.endsAt, now, { weekday: !elder })} />
            {order.kind === 'demand' && order.demandId ? (
              <InfoRow label="地点" value={<PrivateValue masked={order.place} subject={{ demandId: order.demandId }} field="address" />} />
            ) : (
              <InfoRow label="地点" value={order.place} />
            )}
            <InfoRow label="派单" value={`${order.dispatch === 'directed' ? '定向派单' : '公开招募'} · 接单 ${order.acceptedCount}/${order.capacity} 人`} />
            {order.requester && order.demandId && (
              <InfoRow
                label="服务对象"
                value={
                  <>
                    {order.requester.name} <PrivateValue masked={order.requester.phone} subject={{ demandId: order.demandId }} field="phone" />
                  </>
                }
              />
            )}
            {order.requiredPosts.length > 0 && <InfoRow label="所需岗位" value={order.requiredPosts.join('、')} />}
            {order.description && <InfoRow label="内容" value={order.description} />}
            {order.status === 'cancelled' && order.cancelReason && <View className="order-detail__cancelled">取消原因：{order.cancelReason}</View>}
          </Card>
          <OrderChanges changes={order.changes} />
          {order.kind === 'activity' && order.status !== 'cancelled' && Date.parse(order.endsAt) <= now.getTime() && (
            <Button className="order-detail__brief" size="large" block fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.activityBrief(order.id) })}>
              活动简讯
            </Button>
          )}

          <View className="order-detail__section">
            <Text>签到名单</Text>
            <Text className="order-detail__section-note">
              已签到 {accepted.filter((a) => a.checkedInAt).length} / 已签退 {accepted.filter((a) => a.checkedOutAt).length} / 接单 {accepted.length}
            </Text>
            <Button
              className="order-detail__hours"
              size="small"
              type="primary"
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderHours(order.id) })}
            >
              时长
            </Button>
          </View>
          <Card className="order-detail__people">
            {assignments.length === 0 && <Text className="order-detail__none">还没有党员接单</Text>}
            {assignments.map((assignment) => (
              <View key={assignment.memberId} className="order-detail__person">
                <View className="order-detail__person-main">
                  <Text className="order-detail__person-name">{assignment.name}</Text>
                  <View className="order-detail__person-meta">
                    {assignment.volunteerNo} · <PrivateValue masked={assignment.phoneMasked} subject={{ memberId: assignment.memberId }} field="phone" />
                  </View>
                </View>
                <View className="order-detail__person-state">
                  {assignment.status !== 'accepted' ? (
                    <Text className="order-detail__muted">{ASSIGNMENT_TEXT[assignment.status]}</Text>
                  ) : (
                    <>
                      <Text className={assignment.checkedInAt ? 'order-detail__in' : 'order-detail__muted'}>
                        {assignment.checkedInAt ? `签到 ${formatClock(assignment.checkedInAt)}` : '未签到'}
                      </Text>
                      <Text className={assignment.checkedOutAt ? 'order-detail__in' : 'order-detail__muted'}>
                        {assignment.checkedOutAt ? `签退 ${formatClock(assignment.checkedOutAt)}` : assignment.checkedInAt ? '未签退' : ''}
                      </Text>
                    </>
                  )}
                </View>
              </View>
            ))}
          </Card>
          {order.status !== 'cancelled' && accepted.length > 0 && (
            <Button className="order-detail__broadcast" size="large" block fill="outline" type="primary" onClick={() => setBroadcasting(true)}>
              发通知给接单的 {accepted.length} 位党员
            </Button>
          )}

          {order.evaluation && (
            <Card title={`组织评价：${ORGANISATION_RATING_TEXT[order.evaluation.rating]}`}>
              {order.evaluation.comment && <Text className="order-detail__evaluated-comment">{order.evaluation.comment}</Text>}
            </Card>
          )}
          {order.status === 'completed' && !order.evaluation && <Evaluate order={order} onDone={setOrder} />}

          {open && (
            <View className="order-detail__actions">
              <Button
                type="primary"
                size="large"
                block
                onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryScanner(order.id) })}
              >
                扫码签到{isScanWindowOpen(order, now) ? '' : `（${formatTime(new Date(Date.parse(order.startsAt) - 30 * 60_000).toISOString(), now)} 起）`}
              </Button>
              {order.checkedInCount === 0 && (
                <Button className="order-detail__change" size="large" block fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryChangeOrder(order.id) })}>
                  调整时间地点
                </Button>
              )}
              <View className="order-detail__row">
                {Date.parse(order.startsAt) <= now.getTime() && (
                  <Button className="order-detail__half" size="large" fill="outline" type="primary" loading={completing} onClick={() => void complete()}>
                    结束订单
                  </Button>
                )}
                <Button className="order-detail__half" size="large" fill="outline" onClick={() => setCancelling(true)}>
                  取消订单
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
      {order && (
        <BroadcastDialog
          visible={broadcasting}
          to={{ orderId: order.id }}
          audience={`「${order.title}」已接单的 ${accepted.length} 位党员义工`}
          onClose={() => setBroadcasting(false)}
        />
      )}
      <ReasonDialog
        visible={cancelling}
        title="取消订单"
        hint="已接单和受邀的党员、提需求的居民都会收到消息和取消原因；居民的需求退回待受理，请重新派单。已有党员签到的订单不能取消。"
        placeholder="例如：居民已自行解决，不再需要上门"
        confirmText="取消订单"
        onSubmit={cancel}
        onClose={() => setCancelling(false)}
      />
    </PageShell>
  )
}

/** 组织评价 (004 附件5): 优 / 良 / 一般, with an optional comment. */
function Evaluate({ order, onDone }: { order: Order; onDone: (order: Order) => void }) {
  const [rating, setRating] = useState<OrganisationRating | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const submit = async () => {
    if (!rating) {
      setError('请选择优、良或一般')
      return
    }
    setSubmitting(true)
    const result = await ordersApi.evaluate(order.id, rating, comment.trim())
    setSubmitting(false)
    if (result.ok) {
      onDone(result.data)
      void Taro.showToast({ title: '已评价', icon: 'none' })
    } else setError(result.error.fields?.comment ?? result.error.fields?.rating ?? result.error.message)
  }

  return (
    <Card className="order-detail__evaluate" title="组织评价">
      <View className="order-detail__ratings">
        {RATINGS.map((value) => (
          <View
            key={value}
            className={`order-detail__rating${rating === value ? ' order-detail__rating--on' : ''}`}
            onClick={() => {
              setRating(value)
              setError(null)
            }}
          >
            {ORGANISATION_RATING_TEXT[value]}
          </View>
        ))}
      </View>
      <TextArea className="order-detail__comment" value={comment} maxLength={300} showCount placeholder="评语（选填）" onChange={setComment} />
      <FieldError message={error} />
      <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
        提交评价
      </Button>
    </Card>
  )
}
