import { Text, View } from '@tarojs/components'
import type { Order } from '@/services/api/types'
import { formatMoment } from '@/services/beijing-time'
import { Card } from '@/components/card'
import './index.scss'

export interface OrderChangesProps {
  changes: Order['changes']
}

/** 活动已调整: what was moved on this order, newest first, with the reason and who moved it. */
export function OrderChanges({ changes }: OrderChangesProps) {
  if (changes.length === 0) return null
  return (
    <Card tone="notice" title="活动已调整">
      {changes.map((change) => (
        <View key={change.at} className="order-changes__item">
          <Text className="order-changes__summary">{change.summary}</Text>
          <Text className="order-changes__meta">
            原因：{change.reason}（{change.byName}，{formatMoment(change.at)}）
          </Text>
        </View>
      ))}
    </Card>
  )
}
