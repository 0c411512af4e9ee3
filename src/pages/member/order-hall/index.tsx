import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Input, Loading } from '@nutui/nutui-react-taro'
import { SERVICE_CATEGORIES, type ServiceCategory } from '@core/catalogue/service-catalogue'
import { PageShell } from '@/components/page-shell'
import { ordersApi } from '@/services/api/orders'
import { ensureDevice } from '@/services/checkin-device'
import { getSession } from '@/services/session'
import { EmptyState } from '@/components/empty-state'
import { useElderMode } from '@/hooks/use-elder-mode'
import { ListFooter } from '@/components/list-footer'
import { OrderCard } from '../shared/order-card'
import { invitationsFirst, isInvitation } from '../shared/order-display'
import { usePagedList } from '@/hooks/use-paged-list'
import type { Order } from '@/services/api/types'
import { dateChoices } from '@/services/beijing-time'
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

/** Typing stops this long before the hall is searched; 搜索 or the keyboard's search key searches at once. */
const SEARCH_PAUSE_MS = 500
const QUERY_MAX = 30

interface SearchBoxProps {
  value: string
  onChange: (value: string) => void
  onSearch: () => void
}

/** Words to find in the title, the service content or the place of the open orders. */
function SearchBox({ value, onChange, onSearch }: SearchBoxProps) {
  return (
    <View className="order-hall__search" role="search">
      <Input
        className="order-hall__search-input"
        value={value}
        type="text"
        confirmType="search"
        maxLength={QUERY_MAX}
        clearable
        placeholder="搜索标题、内容或地点，如：送餐"
        onChange={onChange}
        onClear={() => onChange('')}
        onConfirm={onSearch}
      />
      <Button className="order-hall__search-button" type="primary" fill="outline" onClick={onSearch}>
        搜索
      </Button>
    </View>
  )
}

const CATEGORY_CHIPS: Chip[] = [{ value: '', label: '全部类别' }, ...SERVICE_CATEGORIES.map((category) => ({ value: category, label: category }))]

/** 接单大厅: orders open to me and invitations sent to me, searched by words, filtered by category and date. */
export default function OrderHallPage() {
  const [category, setCategory] = useState('')
  const [date, setDate] = useState('')
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
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

  // The search follows the typing after a pause.
  useEffect(() => {
    const words = typed.trim()
    if (words === query) return undefined
    const timer = setTimeout(() => setQuery(words), SEARCH_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [typed, query])
  const searchNow = () => setQuery(typed.trim())

  // A filter change reloads from the first page; the first load comes from useDidShow.
  const filterKey = `${category}|${date}|${query}`
  const lastFilterKey = useRef(filterKey)
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return
    lastFilterKey.current = filterKey
    refresh()
  }, [filterKey, refresh])

  // Coming back from a detail page (after accepting or declining) shows the new state.
  useDidShow(() => {
    refresh(shownOnce.current)
    shownOnce.current = true
  })
  usePullDownRefresh(() => refresh(true))
  useReachBottom(() => void list.loadMore())

  const items = invitationsFirst(list.items)
  const invitations = items.filter(isInvitation).length
  const filtered = category !== '' || date !== '' || query !== ''
  const clearFilters = () => {
    setCategory('')
    setDate('')
    setTyped('')
    setQuery('')
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
        <SearchBox value={typed} onChange={setTyped} onSearch={searchNow} />
        <ChipRow label="类别" idPrefix="hall-category" chips={CATEGORY_CHIPS} value={category} onChange={setCategory} />
        <ChipRow label="日期" idPrefix="hall-date" chips={dateChips} value={date} onChange={setDate} />

        {list.status === 'loading' ? (
          <View className="order-hall__loading">
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
          <View className="order-hall__list">
            <Text className="order-hall__count">{countText}</Text>
            {items.map((order) => (
              <OrderCard key={order.id} order={order} now={now} variant="hall" />
            ))}
            <ListFooter
              shown={list.items.length}
              total={list.total}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={() => void list.loadMore()}
            />
          </View>
        )}
      </View>
    </PageShell>
  )
}
