import { useState } from 'react'
import { Card } from '@/components/card'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { StatusTag } from '@/components/status-tag'
import { QueueShell } from './queue-shell'
import { hoursAdminApi } from '@/services/api/records'
import type { ApiError, MissingCheckout } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { TimeReasonForm } from '../hours-shared/time-reason-form'
import { useItemList } from '../hours-shared/use-item-list'
import { formatTime } from '@/services/beijing-time'

const keyOf = (item: MissingCheckout) => `${item.orderId}:${item.memberId}`

const fetchMissingCheckouts = () => hoursAdminApi.missingCheckouts()

/** 漏签退: members checked in on an order that has ended and never checked out; the secretary enters the check-out time. */
export function MissingCheckoutList() {
  const { items, setItems, status, error, reload } = useItemList(fetchMissingCheckouts)
  const [closing, setClosing] = useState<string | null>(null)

  const close = async (item: MissingCheckout, checkedOutAt: string, reason: string): Promise<ApiError | null> => {
    const result = await hoursAdminApi.closeMissingCheckout({ orderId: item.orderId, memberId: item.memberId, checkedOutAt, reason })
    if (!result.ok) return result.error
    setClosing(null)
    setItems(result.data.items)
    void Taro.showToast({ title: '已补签退', icon: 'none' })
    return null
  }

  return (
    <QueueShell status={status} error={error} onRetry={() => void reload()} empty={{ title: '没有漏签退', hint: '服务结束后仍未签退的党员会在这里，等您补录签退时间' }}>
      {items.map((item) => (
        <Card key={keyOf(item)} className="hours-card missing-checkout" title={item.memberName} extra={item.overdue ? <StatusTag tone="alert">逾期</StatusTag> : <StatusTag tone="waiting">未签退</StatusTag>}>
          <Text className="hours-card__line">{item.title}</Text>
          <Text className="hours-card__line">签到 {formatTime(item.checkedInAt)} · 订单 {formatTime(item.endsAt)} 结束</Text>
          {closing === keyOf(item) ? (
            <TimeReasonForm
              times={[{ key: 'checkedOutAt', label: '签退时间', initial: item.endsAt }]}
              reasonLabel="补签退理由"
              reasonPlaceholder="例如：服务结束时忘记扫码签退，负责人确认11点离开"
              submitText="保存签退"
              onSubmit={(times, reason) => close(item, times.checkedOutAt, reason)}
              onCancel={() => setClosing(null)}
            />
          ) : (
            <View className="hours-card__actions">
              <Button size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderHours(item.orderId) })}>
                订单时长
              </Button>
              <Button size="large" type="primary" onClick={() => setClosing(keyOf(item))}>
                补签退
              </Button>
            </View>
          )}
        </Card>
      ))}
    </QueueShell>
  )
}
