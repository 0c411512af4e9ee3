import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './detail-card.scss'

/** A white card of a detail page, with an optional section title. */
export function DetailCard({ title, className = '', children }: { title?: string; className?: string; children: ReactNode }) {
  return (
    <View className={`detail-card ${className}`.trim()}>
      {title && <Text className="detail-card__title">{title}</Text>}
      {children}
    </View>
  )
}

/** A label and its value on one line; the value wraps under itself, never under the label. */
export function InfoRow({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <View className="detail-card__row">
      <Text className="detail-card__label">{label}</Text>
      <View className="detail-card__value">
        {typeof value === 'string' ? <Text>{value}</Text> : value}
        {hint && <Text className="detail-card__hint">{hint}</Text>}
      </View>
    </View>
  )
}
