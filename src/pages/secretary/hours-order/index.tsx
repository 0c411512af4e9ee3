import { useCallback, useState } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { hoursAdminApi } from '@/services/api/records'
import type { ApiError, ApiResult, OrderHours } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { ReasonDialog } from '../shared/reason-dialog'
import { formatHours } from '../hours-shared/hours-format'
import { MemberHoursCard, type MemberAction } from './member-hours-card'
import { WalkInForm } from './walk-in-form'
import { formatSpan, formatTime } from '@/services/beijing-time'
import '../hours-shared/hours.scss'
import { useShownDetail } from '@/hooks/use-shown-detail'
import './index.scss'

type Editing = { memberId: string; action: MemberAction } | { memberId: null; action: 'walk-in' } | null

/** 订单时长: every member on one order with their times and hours; 更正、补录、补签退、添加到名单并签到、代居民确认. */
export default function SecretaryOrderHoursPage() {
  const { params } = useRouter()
  const orderId = params.id ? decodeURIComponent(params.id) : ''
  const [editing, setEditing] = useState<Editing>(null)
  const [confirming, setConfirming] = useState(false)
  const fetchHours = useCallback(() => hoursAdminApi.orderHours(orderId), [orderId])
  const { data: hours, setData: setHours, status, error, reload: load } = useShownDetail(orderId ? fetchHours : null, '找不到该服务订单')

  /** After a change: close the form, say so, and show the order as the server now has it. */
  const done = async <T,>(result: ApiResult<T>, toast: string, fresh?: (data: T) => OrderHours): Promise<ApiError | null> => {
    if (!result.ok) return result.error
    setEditing(null)
    void Taro.showToast({ title: toast, icon: 'none' })
    if (fresh) setHours(fresh(result.data))
    else await load(true)
    return null
  }

  const order = hours?.order

  return (
    <PageShell title="订单时长" backTo={orderId ? ROUTES.secretaryOrderDetail(orderId) : ROUTES.secretaryHours} status={status} error={error} onRetry={() => void load()}>
      {hours && order && (
        <View className="hours-page order-hours">
          <Card className="hours-card" title={order.title} extra={<Text className="hours-card__muted">{order.kind === 'demand' ? '上门服务' : '组织活动'}</Text>}>
            <Text className="hours-card__line">{formatSpan(order.startsAt, order.endsAt)} · 计划 {formatHours(order.scheduledHours)}</Text>
            <Text className="hours-card__line">{order.place}</Text>
            <View className="hours-card__figures">
              <Text className="hours-source hours-source--scan">扫码 {formatHours(hours.totals.scannedHours)}</Text>
              <Text className="hours-source hours-source--manual">补录 {formatHours(hours.totals.manualHours)}</Text>
            </View>
            {order.kind === 'demand' && (
              <View className="order-hours__resident">
                {order.residentConfirmedAt ? (
                  <Text className="order-hours__confirmed">居民已确认 · {formatTime(order.residentConfirmedAt)}</Text>
                ) : (
                  <>
                    <Text className="hours-card__muted">居民尚未确认服务</Text>
                    <Button size="large" type="primary" fill="outline" onClick={() => setConfirming(true)}>
                      代居民确认
                    </Button>
                  </>
                )}
              </View>
            )}
          </Card>

          {editing?.action === 'walk-in' ? (
            <WalkInForm
              order={order}
              onList={hours.members.map((member) => member.memberId)}
              onSubmit={async (memberId, reason) =>
                done(await hoursAdminApi.addWalkIn({ orderId: order.id, memberId, reason }), '已添加并签到', (data) => data)
              }
              onCancel={() => setEditing(null)}
            />
          ) : (
            // A finished or cancelled order takes nobody new: past members are entered by 补录 instead.
            order.status !== 'completed' &&
            order.status !== 'cancelled' && (
              <View className="order-hours__add">
                <Button block size="large" fill="outline" type="primary" onClick={() => setEditing({ memberId: null, action: 'walk-in' })}>
                  添加到名单并签到
                </Button>
              </View>
            )
          )}

          <View className="hours-section-title">
            <Text>名单与时长</Text>
            <Text className="hours-section-note">{hours.members.length} 人</Text>
          </View>
          {hours.members.length === 0 && (
            <Card className="hours-card">
              <Text className="hours-card__line">名单上还没有党员</Text>
            </Card>
          )}
          {hours.members.map((member) => (
            <MemberHoursCard
              key={member.memberId}
              order={order}
              member={member}
              editing={editing?.memberId === member.memberId ? (editing.action as MemberAction) : null}
              onEdit={(action) => setEditing(action ? { memberId: member.memberId, action } : null)}
              onCorrect={async (recordId, times, reason) =>
                done(await hoursAdminApi.correct({ recordId, startedAt: times.startedAt, endedAt: times.endedAt, reason }), '已更正')
              }
              onEnter={async (memberId, times, reason) =>
                done(await hoursAdminApi.enter({ orderId: order.id, memberId, startedAt: times.startedAt, endedAt: times.endedAt, reason }), '已补录')
              }
              onCheckout={async (memberId, times, reason) =>
                done(await hoursAdminApi.closeMissingCheckout({ orderId: order.id, memberId, checkedOutAt: times.checkedOutAt, reason }), '已补签退')
              }
            />
          ))}
        </View>
      )}
      <ReasonDialog
        visible={confirming}
        title="代居民确认"
        hint="居民没有手机或已电话确认时，由书记代为确认服务；确认后时长计入。"
        placeholder="例如：已电话联系居民，居民确认服务已完成"
        confirmText="确认"
        onSubmit={async (reason) => {
          if (!order) return null
          const result = await hoursAdminApi.confirmForResident(order.id, reason)
          const refusal = await done(result, '已代居民确认', (data) => data)
          if (!refusal) setConfirming(false)
          return refusal
        }}
        onClose={() => setConfirming(false)}
      />
    </PageShell>
  )
}
