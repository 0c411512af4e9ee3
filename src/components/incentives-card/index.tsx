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
  const [, bankFigure = bank.text, bankUnit = ''] = /^([\d.]+)(.*)$/.exec(bank.text) ?? []
  const figures = [
    { key: 'points', value: String(points), unit: '分', label: '积分', url: ROUTES.memberPoints },
    { key: 'stars', value: stars.stars > 0 ? '★'.repeat(stars.stars) : '—', unit: '', label: stars.label, url: ROUTES.memberPoints },
    { key: 'bank', value: bankFigure, unit: bankUnit, label: '时间银行', url: ROUTES.timeBank },
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
          <View key={figure.key} className={`dy-incentives__figure dy-incentives__figure--${figure.key}${figure.key === 'stars' && stars.stars === 0 ? ' dy-incentives__figure--unrated' : ''}`} role="button" onClick={() => go(figure.url)}>
            <Text className="dy-incentives__value">
              {figure.value}
              {figure.unit && <Text className="dy-incentives__unit">{figure.unit}</Text>}
            </Text>
            <Text className="dy-incentives__label">{figure.label}</Text>
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
