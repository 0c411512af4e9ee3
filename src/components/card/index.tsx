import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

export type CardTone = 'plain' | 'notice' | 'alert' | 'done'

export interface CardProps {
  title?: ReactNode
  /** Beside the title: a status tag, a count, a small action. */
  extra?: ReactNode
  tone?: CardTone
  onClick?: () => void
  className?: string
  children?: ReactNode
}

/** A white block of a page: an optional title line, then its rows. A card with onClick is one tap target. */
export function Card({ title, extra, tone = 'plain', onClick, className = '', children }: CardProps) {
  return (
    <View
      className={`dy-card dy-card--${tone}${onClick ? ' dy-card--tappable' : ''} ${className}`.trim()}
      onClick={onClick}
      role={onClick ? 'button' : undefined}
    >
      {(title || extra) && (
        <View className="dy-card__head">
          {typeof title === 'string' ? <Text className="dy-card__title">{title}</Text> : <View className="dy-card__title">{title}</View>}
          {extra && <View className="dy-card__extra">{extra}</View>}
        </View>
      )}
      {children}
    </View>
  )
}
