import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { demandsApi } from '@/services/api/demands'
import type { ApiError, Demand } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import { canRate, formatTime, needStatusOf, stepTitle } from '../shared/need-display'
import './index.scss'

const PAGE_SIZE = 10

export default function MyNeedsPage() {
  const [elder] = useElderMode()
  const [items, setItems] = useState<Demand[]>([])
  const [total, setTotal] = useState(0)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const loaded = useRef(false)

  const loadFirstPage = useCallback(async (quiet = false) => {
    if (!getSession()) return
    if (!quiet) setStatus('loading')
    const result = await demandsApi.listMine({ limit: PAGE_SIZE, offset: 0 })
    Taro.stopPullDownRefresh()
    if (!result.ok) {
      // A refresh that fails keeps what is on screen and says so; a first load shows the error.
      if (quiet && loaded.current) setMoreError(result.error.message)
      else {
        setError(result.error)
        setStatus('error')
      }
      return
    }
    loaded.current = true
    setItems(result.data.items)
    setTotal(result.data.total)
    setMoreError(null)
    setStatus(result.data.items.length ? 'ready' : 'empty')
  }, [])

  const loadMore = async () => {
    if (loadingMore || items.length >= total) return
    setLoadingMore(true)
    const result = await demandsApi.listMine({ limit: PAGE_SIZE, offset: items.length })
    setLoadingMore(false)
    if (!result.ok) {
      setMoreError(result.error.message)
      return
    }
    setMoreError(null)
    setItems((previous) => [...previous, ...result.data.items.filter((item) => !previous.some((known) => known.id === item.id))])
    setTotal(result.data.total)
  }

  // Coming back from a detail page (after rating or withdrawing) shows the new state.
  useDidShow(() => void loadFirstPage(loaded.current))
  usePullDownRefresh(() => void loadFirstPage(true))
  useReachBottom(() => void loadMore())

  return (
    <PageShell
      title={elder ? '我的求助' : '我的需求'}
      tab="my-needs"
      elderToggle
      status={status}
      error={error}
      onRetry={() => void loadFirstPage()}
      empty={{
        title: elder ? '您还没有求助过' : '还没有提交过需求',
        hint: elder ? '有困难点下面的按钮告诉社区' : '遇到需要帮忙的事，点下面的按钮提交，社区党组织会安排党员义工服务',
        actionText: elder ? '我要求助' : '去点单',
        onAction: () => void Taro.redirectTo({ url: ROUTES.postNeed }),
      }}
    >
      <View className="my-needs">
        {moreError && items.length >= total && (
          <View className="my-needs__stale" onClick={() => void loadFirstPage(true)}>
            {moreError}，显示的是上次的内容。点此刷新
          </View>
        )}
        <Text className="my-needs__count">共 {total} 项</Text>
        {items.map((need) => (
          <NeedCard key={need.id} need={need} elder={elder} />
        ))}
        <View className="my-needs__footer">
          {items.length < total ? (
            <Button size="small" fill="outline" loading={loadingMore} onClick={() => void loadMore()}>
              {moreError ? `${moreError}，点此重试` : '加载更多'}
            </Button>
          ) : (
            <Text className="my-needs__end">已显示全部 {total} 项</Text>
          )}
        </View>
      </View>
    </PageShell>
  )
}

function NeedCard({ need, elder }: { need: Demand; elder: boolean }) {
  const state = needStatusOf(need)
  const timeline = [...need.timeline].reverse()
  return (
    <View className="need-card" onClick={() => void Taro.navigateTo({ url: ROUTES.needDetail(need.id) })}>
      <View className="need-card__head">
        <Text className="need-card__category">
          {need.category}
          {need.subItem ? ` · ${need.subItem}` : ''}
        </Text>
        <Tag type={state.tag}>{elder ? state.elderText : state.text}</Tag>
      </View>
      <Text className="need-card__description">{need.description}</Text>
      {need.status === 'rejected' && need.rejectReason && (
        <View className="need-card__reject">
          {elder ? '社区的说明：' : '未受理原因：'}
          {need.rejectReason}
        </View>
      )}
      <View className="need-card__timeline">
        {timeline.map((entry, index) => (
          <View key={`${entry.at}-${entry.label}`} className={`need-card__step${index === 0 ? ' need-card__step--latest' : ''}`}>
            <View className="need-card__dot" />
            <Text className="need-card__label">{stepTitle(entry.label)}</Text>
            <Text className="need-card__time">{formatTime(entry.at)}</Text>
          </View>
        ))}
      </View>
      {canRate(need) && <View className="need-card__cta">{elder ? '服务做完了吗？点这里评价' : '服务已完成，请确认并评价 ›'}</View>}
    </View>
  )
}
