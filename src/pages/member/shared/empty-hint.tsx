import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './empty-hint.scss'

export interface EmptyHintProps {
  title: string
  /** What the member can do about it, in words. */
  hint: string
  children?: ReactNode
}

/** An empty list inside a page that keeps its filters or tabs (no remote image: it must show offline). */
export function EmptyHint({ title, hint, children }: EmptyHintProps) {
  return (
    <View className="empty-hint">
      <View className="empty-hint__glyph">空</View>
      <Text className="empty-hint__title">{title}</Text>
      <Text className="empty-hint__text">{hint}</Text>
      {children && <View className="empty-hint__action">{children}</View>}
    </View>
  )
}
