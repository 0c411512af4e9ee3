import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { navigateTo, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { SERVICE_CATEGORIES, type ServiceCategory } from '@core/catalogue/service-catalogue'
import { PageShell } from '@/components/page-shell'
import { WarningsCard } from '@/components/warnings-card'
import { IncentivesCard } from '@/components/incentives-card'
import { pointsApi, type IncentiveSummary } from '@/services/api/points'
import { assessmentApi, type AssessmentWarning } from '@/services/api/assessment'
import { ROUTES } from '@/services/navigation'
import { ordersApi } from '@/services/api/orders'
import { ensureDevice } from '@/services/checkin-device'
import { getSession } from '@/services/session'
import { EmptyState } from '@/components/empty-state'
import { SearchBox, useSearchQuery } from '@/components/search-box'
import { useElderMode } from '@/hooks/use-elder-mode'
import { OrderCard } from '../shared/order-card'
import { invitationsFirst, isInvitation } from '../shared/order-display'
import { usePagedList } from '@/hooks/use-paged-list'
import type { Order } from '@/services/api/types'
import { dateChoices } from '@/services/beijing-time'
import { PagedFooter } from '../shared/paged-footer'
import './index.scss'

interface Chip {
  value: string
  label: string
}

interface ChipRowProps {
  label: string
  /** Prefix of the chips' ids, so the row can scroll the chosen chip into view. */
  idPrefix: string
  chips: Chip[]
  value: string
  onChange: (value: string) => void
}

function ChipRow({ label, idPrefix, chips, value, onChange }: ChipRowProps) {
  return (
    <View className="order-hall__filter">
      <Text className="order-hall__filter-label">{label}</Text>
      <ScrollView
        scrollX
        className="order-hall__chips"
        enhanced
        showScrollbar={false}
        scrollWithAnimation
        scrollIntoView={`${idPrefix}-${Math.max(0, chips.findIndex((chip) => chip.value === value) - 1)}`}
      >
        <View className="order-hall__chip-track">
          {chips.map((chip, index) => (
            <View
              key={chip.value || 'all'}
              id={`${idPrefix}-${index}`}
              className={`order-hall__chip${chip.value === value ? ' order-hall__chip--on' : ''}`}
              onClick={() => onChange(chip.value)}
            >
              {chip.label}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}

const CATEGORY_CHIPS: Chip[] = [{ value: '', label: '全部类别' }, ...SERVICE_CATEGORIES.map((category) => ({ value: category, label: category }))]

/** 接单大厅: orders open to me and invitations sent to me, searched by words, filtered by category and date. */
export default function OrderHallPage() {
  const [category, setCategory] = useState('')
  const [date, setDate] = useState('')
  const search = useSearchQuery()
  const { query } = search
  const [elder] = useElderMode()
  const [now, setNow] = useState(() => new Date())
  const list = usePagedList<Order>(10)
  const shownOnce = useRef(false)

  const dateChips = useMemo<Chip[]>(() => [{ value: '', label: '全部日期' }, ...dateChoices(now)], [now])

  const fetchPage = useCallback(
    (page: { limit: number; offset: number }) =>
      ordersApi.listOpen({
        ...(category ? { category: category as ServiceCategory } : {}),
        ...(date ? { date } : {}),
        ...(query ? { query } : {}),
        page,
      }),
    [category, date, query],
  )

  const { reload } = list
  const refresh = useCallback(
    (quiet = false) => {
      setNow(new Date())
      void reload(fetchPage, quiet)
    },
    [fetchPage, reload],
  )

  // Fetch the check-in secret while there is a network, so the code shows later even with none.
  useEffect(() => {
    const session = getSession()
    if (session) void ensureDevice(session.profile.userId)
  }, [])

  // A filter change reloads from the first page; the first load comes from useDidShow.
  const filterKey = `${category}|${date}|${query}`
  const lastFilterKey = useRef(filterKey)
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return
    lastFilterKey.current = filterKey
    refresh()
  }, [filterKey, refresh])

  // 考核提醒 above the hall: a failed load only leaves the card out, the hall is what the member came for.
  const [warnings, setWarnings] = useState<AssessmentWarning[]>([])
  const loadWarnings = () =>
    void assessmentApi.warnings().then((result) => {
      if (result.ok) setWarnings(result.data.items)
    })

  // 我的激励 above the hall, on the same terms: a failed load leaves the card out.
  const [incentives, setIncentives] = useState<IncentiveSummary | null>(null)
  const loadIncentives = () =>
    void pointsApi.mine().then((result) => {
      if (result.ok) setIncentives(result.data)
    })

  // Coming back from a detail page (after accepting or declining) shows the new state.
  useDidShow(() => {
    refresh(shownOnce.current)
    shownOnce.current = true
    loadWarnings()
    loadIncentives()
  })
  usePullDownRefresh(() => {
    refresh(true)
    loadWarnings()
    loadIncentives()
  })
  useReachBottom(() => void list.loadMore())

  const items = invitationsFirst(list.items)
  const invitations = items.filter(isInvitation).length
  const filtered = category !== '' || date !== '' || query !== ''
  const clearFilters = () => {
    setCategory('')
    setDate('')
    search.clear()
  }
  const emptyTitle = query ? `没有找到含「${query}」的订单` : filtered ? '没有符合条件的订单' : '暂时没有可接的订单'
  const emptyHint = filtered
    ? elder
      ? '换个词或日期再找找。'
      : '换一个词、类别或日期试试，或看看全部订单。'
    : elder
      ? '社区发新单后会在这里。'
      : '社区发布新订单后会显示在这里。下拉页面可以刷新。'
  const countText = query
    ? `找到 ${list.total} 单`
    : elder
      ? `共 ${list.total} 单`
      : `共 ${list.total} 单${invitations > 0 ? `，其中 ${invitations} 单是社区定向邀请您的，请尽快答复` : ''}`

  return (
    <PageShell
      title="接单大厅"
      tab="member-hall"
      elderToggle
      status={list.status === 'error' ? 'error' : 'ready'}
      error={list.error}
      onRetry={() => refresh()}
    >
      <View className="order-hall">
        {incentives && (
          <View className="order-hall__incentives">
            <IncentivesCard summary={incentives} />
          </View>
        )}
        {warnings.length > 0 && (
          <View className="order-hall__warnings">
            <WarningsCard items={warnings} moreText="查看我的考核" moreUrl={ROUTES.memberStanding} elder={elder} />
          </View>
        )}
        <View className="order-hall__calendar">
          <Button size="small" fill="outline" type="primary" onClick={() => void navigateTo({ url: ROUTES.activityCalendar })}>
            活动日历（本周、下周、本月）
          </Button>
        </View>
        <View className="order-hall__search">
          <SearchBox
            value={search.typed}
            onChange={search.setTyped}
            onSearch={search.searchNow}
            label="搜索订单"
            placeholder={elder ? '搜一搜，如：送餐' : '搜标题、内容或地点，如：送餐'}
          />
        </View>
        <ChipRow label="类别" idPrefix="hall-category" chips={CATEGORY_CHIPS} value={category} onChange={setCategory} />
        <ChipRow label="日期" idPrefix="hall-date" chips={dateChips} value={date} onChange={setDate} />

        {list.status === 'loading' ? (
          <View className="order-list__loading">
            <Loading direction="vertical">正在加载订单…</Loading>
          </View>
        ) : items.length === 0 ? (
          <EmptyState icon={query ? 'search' : 'empty'} title={emptyTitle} hint={emptyHint}>
            {filtered && (
              <Button type="primary" size="large" block fill="outline" onClick={clearFilters}>
                {query ? '清除搜索，看全部订单' : '看全部订单'}
              </Button>
            )}
          </EmptyState>
        ) : (
          <View className="order-list">
            <Text className="order-list__count">{countText}</Text>
            {items.map((order) => (
              <OrderCard key={order.id} order={order} now={now} variant="hall" />
            ))}
            <PagedFooter list={list} />
          </View>
        )}
      </View>
    </PageShell>
  )
}
