import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import type { IncentiveSummary } from '@/services/api/points'
import { ROUTES } from '@/services/navigation'
import './index.scss'

export interface IncentivesCardProps {
  summary: IncentiveSummary
}

const go = (url: string) => void Taro.navigateTo({ url })

/** 我的激励 on the member's home: 积分, 星级 and the time-bank balance, each one tap to its page, and the shop. */
export function IncentivesCard({ summary }: IncentivesCardProps) {
  const { points, stars, bank } = summary
  const figures = [
    { key: 'points', label: '积分', value: String(points), unit: '分', url: ROUTES.memberPoints },
    { key: 'stars', label: '星级', value: stars.stars > 0 ? '★'.repeat(stars.stars) : '—', unit: stars.label, url: ROUTES.memberPoints },
    { key: 'bank', label: '时间银行', value: bank.text, unit: '', url: ROUTES.timeBank },
  ]
  return (
    <Card
      className="dy-incentives"
      title="我的激励"
      extra={
        <Text className="dy-incentives__shop" onClick={() => go(ROUTES.memberShop)}>
          爱心超市 ›
        </Text>
      }
    >
      <View className="dy-incentives__figures">
        {figures.map((figure) => (
          <View key={figure.key} className={`dy-incentives__figure dy-incentives__figure--${figure.key}`} role="button" onClick={() => go(figure.url)}>
            <Text className="dy-incentives__value">{figure.value}</Text>
            <Text className="dy-incentives__label">
              {figure.label}
              {figure.unit && figure.key === 'stars' ? ` · ${figure.unit}` : ''}
            </Text>
          </View>
        ))}
      </View>
      {stars.next && (
        <Text className="dy-incentives__next">
          再服务 {stars.next.hoursLeft} 小时可达{stars.next.label}
        </Text>
      )}
    </Card>
  )
}
