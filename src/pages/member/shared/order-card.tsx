import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import type { Order } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { StateTag } from './state-tag'
import { isInvitation, memberStateOf, placesLeft } from './order-display'
import { formatSpan } from '@/services/beijing-time'
import './order-card.scss'

export interface OrderCardProps {
  order: Order
  now: Date
  /** In the hall the member cares about places left; in my tasks about the cut-off and check-in. */
  variant: 'hall' | 'task'
}

/** One order in a list: title, category, when, where, places; a tap opens its detail. */
export function OrderCard({ order, now, variant }: OrderCardProps) {
  const state = memberStateOf(order, now)
  const invited = isInvitation(order)
  const left = placesLeft(order)
  return (
    <View
      className={`order-card${invited ? ' order-card--invited' : ''}`}
      data-order-id={order.id}
      onClick={() => void Taro.navigateTo({ url: ROUTES.memberOrderDetail(order.id) })}
    >
      <View className="order-card__head">
        <Text className="order-card__title">{order.title}</Text>
        {invited ? (
          <Tag type="warning" className="order-card__tag">
            定向邀请
          </Tag>
        ) : (
          <StateTag state={state} />
        )}
      </View>
      <View className="order-card__line">
        <Text className="order-card__label">类别</Text>
        <Text className="order-card__value">{order.category}</Text>
      </View>
      <View className="order-card__line">
        <Text className="order-card__label">时间</Text>
        <Text className="order-card__value">{formatSpan(order.startsAt, order.endsAt, now)}</Text>
      </View>
      <View className="order-card__line">
        <Text className="order-card__label">地点</Text>
        <Text className="order-card__value">{order.place}</Text>
      </View>
      {variant === 'hall' ? (
        <View className="order-card__foot">
          <Text className={`order-card__places${left === 0 ? ' order-card__places--none' : ''}`}>
            {left > 0 ? `还剩 ${left} 个名额` : '名额已满'}
          </Text>
          <Text className="order-card__capacity">
            共 {order.capacity} 人 · 已接 {order.acceptedCount} 人
          </Text>
        </View>
      ) : (
        <View className="order-card__foot">
          <Text className="order-card__capacity">
            {order.checkedInCount > 0 ? `已签到 ${order.checkedInCount} 人` : `共 ${order.acceptedCount} 人接单`}
          </Text>
          <Text className="order-card__more">查看详情 ›</Text>
        </View>
      )}
    </View>
  )
}
