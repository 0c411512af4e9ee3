import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { StatusTag } from '@/components/status-tag'
import './index.scss'

export interface ShortNoticeTagsProps {
  /** The order's 预约预告 as counted at publishing (`order.notice`); null for a need's order, which has none. */
  notice: { short: boolean } | null | undefined
  /** The card's other tag (its status), shown after 临时通知. */
  children?: ReactNode
}

/** 临时通知 beside an order's status when it was published with less than the district's notice. */
export function ShortNoticeTags({ notice, children }: ShortNoticeTagsProps) {
  if (!notice?.short) return <>{children}</>
  return (
    <View className="short-notice-tags">
      <StatusTag tone="waiting">临时通知</StatusTag>
      {children}
    </View>
  )
}
