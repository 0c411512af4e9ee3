import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ListFooter } from '@/components/list-footer'
import { ShortNoticeTags } from '@/components/short-notice-tag'
import { PageShell } from '@/components/page-shell'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { briefsApi } from '@/services/api/briefs'
import { ordersApi } from '@/services/api/orders'
import type { ApiResult, Order, OrderList, OrderStatus } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { orderStatusWord } from '@/services/status-words'
import { isScanWindowOpen } from '../shared/display'
import { StatusWordTag } from '../shared/status-word-tag'
import { StatusTabs } from '../shared/status-tabs'
import { formatSpan } from '@/services/beijing-time'
import './index.scss'

const PAGE_SIZE = 10
type Filter = OrderStatus | 'active' | 'all'
const TABS: { key: Filter; text: string }[] = [
  { key: 'active', text: '未结束' },
  { key: 'published', text: '招募中' },
  { key: 'in_service', text: '进行中' },
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
  const answers = await Promise.all(ACTIVE.map((state) => ordersApi.listForCommunity({ limit: ACTIVE_LIMIT, offset: 0 }, state)))
  const failed = answers.find((answer) => !answer.ok)
  if (failed && !failed.ok) return failed
  const items = answers.flatMap((answer) => (answer.ok ? answer.data.items : []))
  items.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  return { ok: true, data: { items, total: items.length } }
}

/** The community's orders by state, with how many accepted and checked in. */
export default function SecretaryOrdersPage() {
  const [tab, setTab] = useState<Filter>('active')
  const list = usePagedList<Order>(PAGE_SIZE)
  const { items, total, loadingMore, moreError } = list
  const tabRef = useRef(tab)
  // Statuses follow the clock: an order that has started no longer says 招募中.
  const [now, setNow] = useState(() => new Date())

  // 进行中 comes whole in one answer, so it never has a further page.
  const loadFirstPage = (which: Filter, quiet = false) => {
    setNow(new Date())
    return list.reload((page) => (which === 'active' ? listActive() : ordersApi.listForCommunity(page, statusOf(which))), quiet)
  }
  const loadMore = () => list.loadMore()

  const switchTab = (next: Filter) => {
    tabRef.current = next
    setTab(next)
    void loadFirstPage(next)
  }

  // 待提交简讯: finished activities still without their 简讯, read again on every show (one may just have been written).
  const [briefsDue, setBriefsDue] = useState(0)
  const countBriefsDue = () => void briefsApi.due().then((answer) => answer.ok && setBriefsDue(answer.data.total))

  useDidShow(() => {
    void loadFirstPage(tabRef.current, list.loaded)
    countBriefsDue()
  })
  usePullDownRefresh(() => void loadFirstPage(tabRef.current, true))
  useReachBottom(() => void loadMore())

  return (
    <PageShell title="订单" tab="secretary-orders" elderToggle>
      <StatusTabs tabs={TABS} current={tab} onChange={switchTab} />
      <View className="orders-list__actions status-tabs-actions">
        <Button size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryHours })}>
          时长管理
        </Button>
        <Button size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCreateOrder() })}>
          发布组织活动
        </Button>
        <Button size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.activityCalendar })}>
          活动日历
        </Button>
        {briefsDue > 0 && (
          <Button className="orders-list__briefs-due" size="small" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.briefsDue })}>
            待提交简讯 {briefsDue}
          </Button>
        )}
      </View>
      <View className="status-tabs-body">
        <PageShell
          requireLogin={false}
          status={shellStatusOf(list.status, items.length)}
          error={list.error}
          onRetry={() => void loadFirstPage(tab)}
          empty={{ title: tab === 'active' ? '没有未结束的订单' : '这里还没有订单', hint: '在需求池把居民需求转为订单，或发布组织活动' }}
        >
          <View className="orders-list status-tabs-list">
            <Text className="orders-list__count status-tabs-count">共 {total} 单</Text>
            {items.map((order) => (
              <OrderCard key={order.id} order={order} now={now} />
            ))}
            <ListFooter shown={items.length} total={total} loading={loadingMore} error={moreError} onMore={() => void loadMore()} />
          </View>
        </PageShell>
      </View>
    </PageShell>
  )
}

function OrderCard({ order, now }: { order: Order; now: Date }) {
  const scannable = isScanWindowOpen(order, now)
  return (
    <Card
      className="sec-order-card"
      title={order.title}
      extra={
        <ShortNoticeTags notice={order.notice}>
          <StatusWordTag word={orderStatusWord(order, now)} />
        </ShortNoticeTags>
      }
      onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderDetail(order.id) })}
    >
      <Text className="sec-order-card__line">{formatSpan(order.startsAt, order.endsAt, now)}</Text>
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
    </Card>
  )
}
