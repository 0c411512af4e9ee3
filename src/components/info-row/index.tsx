import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface InfoRowProps {
  label: string
  /** The value; a string is drawn as text, anything else as it is. */
  value?: ReactNode
  /** A quieter line under the value. */
  hint?: string
  /** 'stacked' puts the value under its label, for long text and narrow screens. */
  layout?: 'inline' | 'stacked'
  children?: ReactNode
}

/** A label and its value; the value wraps under itself, never under the label. */
export function InfoRow({ label, value, hint, layout = 'inline', children }: InfoRowProps) {
  const content = value ?? children
  return (
    <View className={`dy-info-row dy-info-row--${layout}`}>
      <Text className="dy-info-row__label">{label}</Text>
      <View className="dy-info-row__value">
        {typeof content === 'string' || typeof content === 'number' ? <Text>{content}</Text> : content}
        {hint && <Text className="dy-info-row__hint">{hint}</Text>}
      </View>
    </View>
  )
}
