import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { secretaryOrdersApi } from '@/services/api/secretary-orders'
import type { ApiError, ApiResult, Order, OrderList, OrderStatus } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import { ORDER_STATUS_TEXT, formatSpan, isScanWindowOpen } from '../shared/display'
import { StatusTabs } from '../shared/status-tabs'
import './index.scss'

const PAGE_SIZE = 10
type Filter = OrderStatus | 'active' | 'all'
const TABS: { key: Filter; text: string }[] = [
  { key: 'active', text: '进行中' },
  { key: 'published', text: '招募中' },
  { key: 'in_service', text: '服务中' },
  { key: 'completed', text: '已完成' },
  { key: 'cancelled', text: '已取消' },
  { key: 'all', text: '全部' },
]
const ACTIVE: OrderStatus[] = ['in_service', 'staffed', 'published']
/** Enough for every order a community has running at once; 进行中 shows them on one page. */
const ACTIVE_LIMIT = 100

const statusOf = (filter: Exclude<Filter, 'active'>) => (filter === 'all' ? undefined : filter)

/** 进行中: the running, staffed and recruiting orders together, the soonest first. */
async function listActive(): Promise<ApiResult<OrderList>> {
  const answers = await Promise.all(ACTIVE.map((state) => secretaryOrdersApi.listForCommunity({ limit: ACTIVE_LIMIT, offset: 0 }, state)))
  const failed = answers.find((answer) => !answer.ok)
  if (failed && !failed.ok) return failed
  const items = answers.flatMap((answer) => (answer.ok ? answer.data.items : []))
  items.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  return { ok: true, data: { items, total: items.length } }
}

const firstPage = (filter: Filter) =>
  filter === 'active' ? listActive() : secretaryOrdersApi.listForCommunity({ limit: PAGE_SIZE, offset: 0 }, statusOf(filter))

/** The community's orders by state, with how many accepted and checked in. */
export default function SecretaryOrdersPage() {
  const [tab, setTab] = useState<Filter>('active')
  const [items, setItems] = useState<Order[]>([])
  const [total, setTotal] = useState(0)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const loaded = useRef(false)
  const tabRef = useRef(tab)

  const loadFirstPage = useCallback(async (which: Filter, quiet = false) => {
    if (!getSession()) return
    if (!quiet) setStatus('loading')
    const result = await firstPage(which)
    Taro.stopPullDownRefresh()
    if (which !== tabRef.current) return
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    loaded.current = true
    setItems(result.data.items)
    setTotal(result.data.total)
    setMoreError(null)
    setStatus(result.data.items.length ? 'ready' : 'empty')
  }, [])

  const loadMore = async () => {
    if (loadingMore || items.length >= total || tab === 'active') return
    setLoadingMore(true)
    const result = await secretaryOrdersApi.listForCommunity({ limit: PAGE_SIZE, offset: items.length }, statusOf(tab))
    setLoadingMore(false)
    if (!result.ok) {
      setMoreError(result.error.message)
      return
    }
    setMoreError(null)
    setItems((previous) => [...previous, ...result.data.items.filter((item) => !previous.some((known) => known.id === item.id))])
    setTotal(result.data.total)
  }

  const switchTab = (next: Filter) => {
    tabRef.current = next
    setTab(next)
    setItems([])
    setTotal(0)
    void loadFirstPage(next)
  }

  useDidShow(() => void loadFirstPage(tabRef.current, loaded.current))
  usePullDownRefresh(() => void loadFirstPage(tabRef.current, true))
  useReachBottom(() => void loadMore())

  return (
    <PageShell title="订单" tab="secretary-orders" elderToggle>
      <StatusTabs tabs={TABS} current={tab} onChange={switchTab} />
      <View className="orders-list__actions">
        <Button size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCreateOrder() })}>
          发布组织活动
        </Button>
      </View>
      <View className="status-tabs-body">
        <PageShell
          requireLogin={false}
          status={status}
          error={error}
          onRetry={() => void loadFirstPage(tab)}
          empty={{ title: tab === 'active' ? '没有进行中的订单' : '这里还没有订单', hint: '在需求池把居民需求转为订单，或发布组织活动' }}
        >
          <View className="orders-list">
            <Text className="orders-list__count">共 {total} 单</Text>
            {items.map((order) => (
              <OrderCard key={order.id} order={order} />
            ))}
            <View className="orders-list__footer">
              {items.length < total ? (
                <Button size="small" fill="outline" loading={loadingMore} onClick={() => void loadMore()}>
                  {moreError ? `${moreError}，点此重试` : '加载更多'}
                </Button>
              ) : (
                <Text className="orders-list__end">已显示全部 {total} 单</Text>
              )}
            </View>
          </View>
        </PageShell>
      </View>
    </PageShell>
  )
}

function OrderCard({ order }: { order: Order }) {
  const state = ORDER_STATUS_TEXT[order.status]
  const scannable = isScanWindowOpen(order)
  return (
    <View className="sec-order-card" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderDetail(order.id) })}>
      <View className="sec-order-card__head">
        <Text className="sec-order-card__title">{order.title}</Text>
        <Tag type={state.tag}>{state.text}</Tag>
      </View>
      <Text className="sec-order-card__line">{formatSpan(order.startsAt, order.endsAt)}</Text>
      <Text className="sec-order-card__line">{order.place}</Text>
      <View className="sec-order-card__stats">
        <Text className="sec-order-card__stat">{order.dispatch === 'directed' ? '定向' : '公开'}</Text>
        <Text className="sec-order-card__stat">
          接单 {order.acceptedCount}/{order.capacity}
        </Text>
        <Text className="sec-order-card__stat">签到 {order.checkedInCount}</Text>
        {order.evaluation && <Text className="sec-order-card__stat">已评价</Text>}
      </View>
      {scannable && (
        <View className="sec-order-card__scan">
          <Button
            size="small"
            type="primary"
            onClick={(event) => {
              event.stopPropagation()
              void Taro.navigateTo({ url: ROUTES.secretaryScanner(order.id) })
            }}
          >
            扫码签到
          </Button>
        </View>
      )}
    </View>
  )
}
