import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { EmptyState } from '@/components/empty-state'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import type { ApiError } from '@/services/api-client'
import { pointsApi, type IncentiveSummary, type PointsLine, type StarStanding } from '@/services/api/points'
import { formatBusinessDate } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { starProgressPercent, signedPoints } from './points-display'
import './index.scss'

/** 积分与星级: the member's points with what each line was for, and 星级 with progress to the next and the day each was reached. */
export default function PointsPage() {
  const [summary, setSummary] = useState<IncentiveSummary | null>(null)
  const [lines, setLines] = useState<PointsLine[]>([])
  const [nextBefore, setNextBefore] = useState<number | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  const load = async () => {
    const mine = await pointsApi.mine()
    const page = await pointsApi.lines()
    if (!mine.ok) return setError(mine.error)
    if (!page.ok) return setError(page.error)
    setError(null)
    setSummary(mine.data)
    setLines(page.data.lines)
    setNextBefore(page.data.nextBefore)
  }
  const loadMore = async () => {
    if (nextBefore === null) return
    setLoadingMore(true)
    const page = await pointsApi.lines(nextBefore)
    setLoadingMore(false)
    if (!page.ok) return void Taro.showToast({ title: page.error.message, icon: 'none' })
    setLines((shown) => [...shown, ...page.data.lines])
    setNextBefore(page.data.nextBefore)
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  return (
    <PageShell title="积分与星级" elderToggle status={error ? 'error' : summary ? 'ready' : 'loading'} error={error} onRetry={() => void load()}>
      {summary && (
        <View className="points-page">
          <Card title="我的积分">
            <Text className="points-page__balance">{summary.points}</Text>
            <Text className="points-page__unit">分，可在爱心超市兑换物品</Text>
            <View className="points-page__links">
              <Text className="points-page__link" onClick={() => void Taro.navigateTo({ url: ROUTES.memberShop })}>
                去爱心超市 ›
              </Text>
              <Text className="points-page__link" onClick={() => void Taro.navigateTo({ url: `${ROUTES.districtIncentiveRules}?view=1` })}>
                积分怎么得 ›
              </Text>
            </View>
          </Card>
          <StarsCard stars={summary.stars} />
          <Card title="积分明细">
            {lines.length === 0 ? (
              <EmptyState icon="empty" title="还没有积分" hint="扫码签到签退的服务计入后，积分会显示在这里。" />
            ) : (
              <View className="points-page__lines">
                {lines.map((line) => (
                  <LineRow key={line.entryId} line={line} />
                ))}
              </View>
            )}
            {nextBefore !== null && (
              <Button block fill="outline" loading={loadingMore} onClick={() => void loadMore()}>
                查看更早的明细
              </Button>
            )}
          </Card>
        </View>
      )}
    </PageShell>
  )
}

function StarsCard({ stars }: { stars: StarStanding }) {
  const percent = starProgressPercent(stars)
  return (
    <Card title="我的星级" extra={<StatusTag tone={stars.stars > 0 ? 'done' : 'muted'}>{stars.label}</StatusTag>}>
      <Text className="points-page__stars">{stars.stars > 0 ? '★'.repeat(stars.stars) : '☆'}</Text>
      <Text className="points-page__hours">
        {stars.basis === 'annual' ? '今年' : '累计'}服务 {stars.hours} 小时
      </Text>
      {stars.next ? (
        <>
          <View className="points-page__bar" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
            <View className="points-page__bar-fill" style={{ width: `${percent}%` }} />
          </View>
          <Text className="points-page__next">
            {stars.next.hours} 小时为{stars.next.label}，还差 {stars.next.hoursLeft} 小时
          </Text>
        </>
      ) : (
        <Text className="points-page__next">已达到最高星级</Text>
      )}
      {stars.reached.length > 0 && (
        <View className="points-page__reached">
          {[...stars.reached].reverse().map((step) => (
            <View key={`${step.label}-${step.on}`} className="points-page__reached-row">
              <Text>{step.label}</Text>
              <Text className="points-page__reached-on">{formatBusinessDate(step.on)} 达到</Text>
            </View>
          ))}
        </View>
      )}
    </Card>
  )
}

const KIND_TAG: Record<PointsLine['kind'], { tone: 'done' | 'muted' | 'waiting' | 'active'; text: string } | null> = {
  award: null,
  reversal: { tone: 'muted', text: '冲正' },
  write_off: { tone: 'waiting', text: '核减' },
  other: { tone: 'active', text: '兑换' },
}

function LineRow({ line }: { line: PointsLine }) {
  const tag = line.reversed ? { tone: 'muted' as const, text: '已冲正' } : KIND_TAG[line.kind]
  return (
    <View className={`points-page__line${line.reversed ? ' points-page__line--reversed' : ''}`}>
      <View className="points-page__line-head">
        <Text className="points-page__line-date">{formatBusinessDate(line.date)}</Text>
        {tag && <StatusTag tone={tag.tone}>{tag.text}</StatusTag>}
        <Text className={`points-page__amount${line.amount < 0 ? ' points-page__amount--minus' : ''}`}>{signedPoints(line.amount)}</Text>
      </View>
      <Text className="points-page__line-title">{line.title}</Text>
      {line.note && <Text className="points-page__line-note">{line.note}</Text>}
      <Text className="points-page__line-balance">余额 {line.balanceAfter} 分</Text>
    </View>
  )
}
