import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Failure, List, NetworkError, Search, Success, User } from '@nutui/icons-react-taro'
import './index.scss'

export type EmptyStateIcon = 'empty' | 'search' | 'error' | 'offline' | 'login' | 'done'

const ICONS: Record<EmptyStateIcon, typeof List> = {
  empty: List,
  search: Search,
  error: Failure,
  offline: NetworkError,
  login: User,
  done: Success,
}

export interface EmptyStateProps {
  icon?: EmptyStateIcon
  title: string
  /** What the user can do about it, in a sentence. */
  hint?: string
  /** An action (a button) under the sentence. */
  children?: ReactNode
}

/** A page or list with nothing to show: an icon, what is (not) there, and what to do next. Drawn offline too. */
export function EmptyState({ icon = 'empty', title, hint, children }: EmptyStateProps) {
  const Icon = ICONS[icon]
  return (
    <View className={`dy-empty-state dy-empty-state--${icon}`}>
      <View className="dy-empty-state__icon">
        <Icon size="100%" />
      </View>
      <Text className="dy-empty-state__title">{title}</Text>
      {hint && <Text className="dy-empty-state__hint">{hint}</Text>}
      {children && <View className="dy-empty-state__action">{children}</View>}
    </View>
  )
}
