import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { StatusTag } from '@/components/status-tag'
import type { AssessmentWarning } from '@/services/api/assessment'
import { warningsSummary } from './summary'
import './index.scss'

export interface WarningsCardProps {
  items: AssessmentWarning[]
  title?: string
  /** Where the card leads: 我的考核 for a member, 考核达标 for a secretary. */
  moreText: string
  moreUrl: string
  elder?: boolean
}

/** 考核提醒: what of the assessment is at risk now, compact, one tap to the page that helps meet it. Nothing when all is well. */
export function WarningsCard({ items, title = '考核提醒', moreText, moreUrl, elder = false }: WarningsCardProps) {
  if (items.length === 0) return null
  const { tone, tag, shown, hidden } = warningsSummary(items, elder)
  return (
    <Card
      className="dy-warnings"
      tone={tone}
      title={title}
      extra={<StatusTag tone={tone === 'alert' ? 'alert' : 'waiting'}>{tag}</StatusTag>}
      onClick={() => void Taro.navigateTo({ url: moreUrl })}
    >
      {shown.map((item) => (
        <Text key={`${item.kind}-${item.ruleId ?? ''}`} className="dy-warnings__item">
          {item.text}
        </Text>
      ))}
      {hidden > 0 && <Text className="dy-warnings__hidden">另有 {hidden} 项</Text>}
      <Text className="dy-warnings__more">{moreText} ›</Text>
    </Card>
  )
}
