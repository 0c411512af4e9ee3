import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { ShortNoticeTags } from '@/components/short-notice-tag'
import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import type { Order } from '@/services/api/types'
import { formatSpan } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { focusedActivityText } from '@/services/focused-activity'
import { isInvitation, memberStateOf, placesLeft, stateText } from './order-display'
import './order-card.scss'

export interface OrderCardProps {
  order: Order
  now: Date
  /** In the hall the member cares about places left; in my tasks about the cut-off and check-in. */
  variant: 'hall' | 'task'
}

/** One order in a list: title, state, when, where, places; a tap opens its detail. 长辈模式 leaves out the category and the counts. */
export function OrderCard({ order, now, variant }: OrderCardProps) {
  const [elder] = useElderMode()
  const state = memberStateOf(order, now)
  const invited = isInvitation(order)
  const left = placesLeft(order)
  const tag = invited ? <StatusTag tone="waiting">定向邀请</StatusTag> : <StatusTag tone={state.tone}>{stateText(state, elder)}</StatusTag>
  return (
    <View className="order-card" data-order-id={order.id}>
      <Card
        title={<Text className="order-card__title">{order.title}</Text>}
        extra={<ShortNoticeTags notice={order.notice}>{tag}</ShortNoticeTags>}
        tone={invited ? 'notice' : 'plain'}
        onClick={() => void Taro.navigateTo({ url: ROUTES.memberOrderDetail(order.id) })}
      >
        {!elder && <InfoRow label="类别" value={order.category} />}
        {order.focusedTeam && <InfoRow label="活动" value={focusedActivityText(order)} />}
        <InfoRow label="时间" value={formatSpan(order.startsAt, order.endsAt, now, { weekday: !elder })} />
        <InfoRow label="地点" value={order.place} />
        {variant === 'hall' ? (
          <View className="order-card__foot">
            <Text className={`order-card__places${left === 0 ? ' order-card__places--none' : ''}`}>
              {left > 0 ? `还剩 ${left} 个名额` : '名额已满'}
            </Text>
            {!elder && (
              <Text className="order-card__capacity">
                共 {order.capacity} 人 · 已接 {order.acceptedCount} 人
              </Text>
            )}
          </View>
        ) : (
          <View className="order-card__foot">
            {!elder && (
              <Text className="order-card__capacity">
                {order.checkedInCount > 0 ? `已签到 ${order.checkedInCount} 人` : `共 ${order.acceptedCount} 人接单`}
              </Text>
            )}
            <Text className="order-card__more">查看详情 ›</Text>
          </View>
        )}
      </Card>
    </View>
  )
}
