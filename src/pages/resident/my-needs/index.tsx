import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { CallButton } from '@/components/call-button'
import { Card } from '@/components/card'
import { ListFooter } from '@/components/list-footer'
import { StatusTag } from '@/components/status-tag'
import { PageShell } from '@/components/page-shell'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { useElderMode } from '@/hooks/use-elder-mode'
import { demandsApi } from '@/services/api/demands'
import type { Demand } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { formatTime } from '@/services/beijing-time'
import { needStatusWord } from '@/services/status-words'
import { canRate, helperNames, isUnderway, needTitle, stepTitle } from '../shared/need-display'
import './index.scss'

const PAGE_SIZE = 10

export default function MyNeedsPage() {
  const [elder] = useElderMode()
  const list = usePagedList<Demand>(PAGE_SIZE)
  const { items, total, loadingMore, moreError } = list
  const loadFirstPage = (quiet = false) => list.reload((page) => demandsApi.listMine(page), quiet)
  const loadMore = () => list.loadMore()

  // Coming back from a detail page (after rating or withdrawing) shows the new state.
  useDidShow(() => void loadFirstPage(list.loaded))
  usePullDownRefresh(() => void loadFirstPage(true))
  useReachBottom(() => void loadMore())

  return (
    <PageShell
      title={elder ? '我的求助' : '我的需求'}
      tab="my-needs"
      elderToggle
      status={shellStatusOf(list.status, items.length)}
      error={list.error}
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
        <Text className="my-needs__calendar" onClick={() => void Taro.navigateTo({ url: ROUTES.activityCalendar })}>
          {elder ? '看看社区活动' : '社区活动日历（欢迎参加）'}
        </Text>
        <CommunityPhone needs={items} elder={elder} />
        {items.map((need) => (
          <NeedCard key={need.id} need={need} elder={elder} />
        ))}
        <ListFooter shown={items.length} total={total} loading={loadingMore} error={moreError} onMore={() => void loadMore()} unit="项" />
      </View>
    </PageShell>
  )
}

/** One call button above the list, while any need is still being served: members' own phones stay hidden. */
function CommunityPhone({ needs, elder }: { needs: Demand[]; elder: boolean }) {
  const underway = needs.find((need) => isUnderway(need) && need.community.servicePhone)
  if (!underway) return null
  const { name, servicePhone } = underway.community
  return (
    <View className="my-needs__call">
      {elder && <Text className="my-needs__call-hint">有事打社区电话：{servicePhone}</Text>}
      <CallButton phone={servicePhone!}>{elder ? '打社区电话' : `联系${name} ${servicePhone}`}</CallButton>
    </View>
  )
}

function NeedCard({ need, elder }: { need: Demand; elder: boolean }) {
  const state = needStatusWord(need, new Date())
  // 长辈模式 shows fewer lines per card: only where the need is now.
  const timeline = [...need.timeline].reverse().slice(0, elder ? 1 : undefined)
  const names = helperNames(need)
  return (
    <Card
      title={needTitle(need)}
      extra={<StatusTag tone={state.tone}>{elder ? (state.elderText ?? state.text) : state.text}</StatusTag>}
      onClick={() => void Taro.navigateTo({ url: ROUTES.needDetail(need.id) })}
      className="need-card"
    >
      {need.description && <Text className="need-card__description">{need.description}</Text>}
      {names && (
        <Text className="need-card__helpers">
          {elder ? '来帮您的是' : '来帮您的党员'}：{names}
        </Text>
      )}
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
    </Card>
  )
}
