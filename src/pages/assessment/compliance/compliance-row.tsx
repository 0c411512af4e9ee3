import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { StatusWordTag } from '@/components/status-word-tag'
import type { ComplianceRow } from '@/services/api/assessment'
import { ROUTES } from '@/services/navigation'
import { MEMBER_STATUS_WORDS, otherShortfalls, rowFigure } from './compliance-display'
import './compliance-row.scss'

/** One member's line of the list: who, where, the figure against the target, what is left by when; a tap opens their 考核. */
export function ComplianceRowCard({ row, elder, place, quarterRunning }: { row: ComplianceRow; elder: boolean; place: string; quarterRunning: boolean }) {
  const word = MEMBER_STATUS_WORDS[row.status]
  const others = otherShortfalls(row)
  return (
    <Card
      className="compliance-row"
      tone={row.status === 'behind' ? 'alert' : 'plain'}
      title={<Text className="compliance-row__name">{row.name}</Text>}
      extra={<StatusWordTag word={word} />}
      onClick={() => void Taro.navigateTo({ url: ROUTES.memberStandingOf(row.memberId) })}
    >
      <View className="compliance-row__meta" data-member={row.memberId}>
        <Text>{row.memberTypeLabel}</Text>
        {place && <Text> · {place}</Text>}
        <Text> · 今年 {row.hours} 小时</Text>
      </View>
      {row.headline && (
        <View className="compliance-row__headline">
          <Text className="compliance-row__figure">{rowFigure(row)}</Text>
          {!elder && <Text className="compliance-row__rule">{row.headline.title}</Text>}
        </View>
      )}
      <Text className="compliance-row__advice">{row.headline?.advice ?? '入党积极分子缺少日期或年底后加入，本年度不考核'}</Text>
      {others.length > 0 && <Text className="compliance-row__others">另有未达标：{others.join('；')}</Text>}
      {quarterRunning && !row.servedThisQuarter && (row.status === 'met' || row.status === 'behind') && (
        <Text className="compliance-row__quarter">本季度尚无服务</Text>
      )}
      <Text className="compliance-row__more">查看详情 ›</Text>
    </Card>
  )
}
