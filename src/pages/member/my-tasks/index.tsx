import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { ordersApi } from '@/services/api/orders'
import type { Order, TaskPhase } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { EmptyState } from '@/components/empty-state'
import { useElderMode } from '@/hooks/use-elder-mode'
import { OrderCard } from '../shared/order-card'
import { TASK_PHASES } from '../shared/order-display'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRecordLinks } from './use-record-links'
import { VerifyEntries } from './verify-entries'
import { PagedFooter } from '../shared/paged-footer'
import './index.scss'

/** 我的任务: the orders I accepted, by phase: 待服务 / 服务中 / 已完成, in the server's order (what is happening now first). */
export default function MyTasksPage() {
  const [phase, setPhase] = useState<TaskPhase>('upcoming')
  const [now, setNow] = useState(() => new Date())
  const [elder] = useElderMode()
  const list = usePagedList<Order>(10)
  const shownOnce = useRef(false)
  const { reload } = list

  const refresh = useCallback(
    (quiet = false) => {
      setNow(new Date())
      void reload((page) => ordersApi.listMine({ phase, page }), quiet)
    },
    [phase, reload],
  )

  const lastPhase = useRef(phase)
  useEffect(() => {
    if (lastPhase.current === phase) return
    lastPhase.current = phase
    refresh()
  }, [phase, refresh])

  useDidShow(() => {
    refresh(shownOnce.current)
    shownOnce.current = true
  })
  usePullDownRefresh(() => refresh(true))
  useReachBottom(() => void list.loadMore())

  const recordLinks = useRecordLinks(list.items, phase === 'done' && list.status === 'ready')
  const current = TASK_PHASES.find((entry) => entry.phase === phase) ?? TASK_PHASES[0]
  const startedCount = phase === 'upcoming' ? list.items.filter((order) => new Date(order.startsAt) <= now).length : 0
  const countText =
    phase !== 'upcoming'
      ? `${current.title}共 ${list.total} 单`
      : startedCount > 0
        ? `${startedCount} 单已经开始，请尽快到场，在“签到码”页出示签到码。`
        : elder
          ? `共 ${list.total} 单`
          : `${current.title}共 ${list.total} 单。到场后请在“签到码”页出示签到码。`

  return (
    <PageShell
      title="我的任务"
      tab="member-tasks"
      elderToggle
      status={list.status === 'error' ? 'error' : 'ready'}
      error={list.error}
      onRetry={() => refresh()}
    >
      <View className="my-tasks">
        <VerifyEntries />
        <View className="my-tasks__tabs" role="tablist">
          {TASK_PHASES.map((entry) => (
            <View
              key={entry.phase}
              role="tab"
              aria-selected={entry.phase === phase}
              className={`my-tasks__tab${entry.phase === phase ? ' my-tasks__tab--on' : ''}`}
              onClick={() => setPhase(entry.phase)}
            >
              {entry.title}
            </View>
          ))}
        </View>

        {list.status === 'loading' ? (
          <View className="order-list__loading">
            <Loading direction="vertical">正在加载…</Loading>
          </View>
        ) : list.items.length === 0 ? (
          <EmptyState title={`没有${current.title}的任务`} hint={elder ? current.elderEmpty : current.empty}>
            {phase === 'upcoming' && (
              <Button type="primary" size="large" block onClick={() => void Taro.redirectTo({ url: ROUTES.memberHome })}>
                去接单大厅
              </Button>
            )}
            {phase === 'in_service' && (
              <Button type="primary" size="large" block onClick={() => void Taro.redirectTo({ url: ROUTES.memberCheckinCode })}>
                打开签到码
              </Button>
            )}
          </EmptyState>
        ) : (
          <View className="order-list">
            <Text className={`order-list__count${startedCount > 0 ? ' order-list__count--urgent' : ''}`}>{countText}</Text>
            {list.items.map((order) =>
              phase === 'done' ? (
                <View key={order.id} className="my-tasks__done">
                  <OrderCard order={order} now={now} variant="task" />
                  {recordLinks && order.status !== 'cancelled' && (
                    <RecordLink orderId={order.id} recordId={recordLinks.get(order.id) ?? null} />
                  )}
                </View>
              ) : (
                <OrderCard key={order.id} order={order} now={now} variant="task" />
              ),
            )}
            <PagedFooter list={list} />
          </View>
        )}
      </View>
    </PageShell>
  )
}

/** Under a finished task: its service record, or 申诉 when no hours were recorded for it. */
function RecordLink({ orderId, recordId }: { orderId: string; recordId: string | null }) {
  return (
    <View
      className={`my-tasks__record-link${recordId ? '' : ' my-tasks__record-link--missing'}`}
      onClick={() => void Taro.navigateTo({ url: recordId ? ROUTES.memberRecordDetail(recordId) : ROUTES.memberDispute(orderId) })}
    >
      <Text>{recordId ? '查看服务记录与时长' : '没有计入时长？申诉'}</Text>
      <Text>›</Text>
    </View>
  )
}
