import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { notifyApi, type Notification } from '@/services/api/notify'
import type { ApiError } from '@/services/api/types'
import { formatMoment } from '@/services/beijing-time'
import { ROUTES } from '@/services/navigation'
import { setUnread } from '@/services/unread'
import { appendPage } from '@/hooks/use-paged-list'
import './index.scss'

const PAGE_SIZE = 20

/** 消息: every notification of the user, newest first, unread marked; a tap reads it and opens what it is about. */
export default function MessagesPage() {
  const [items, setItems] = useState<Notification[]>([])
  const [unread, setUnreadHere] = useState(0)
  const [next, setNext] = useState<string | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [markingAll, setMarkingAll] = useState(false)
  const loaded = useRef(false)

  const counted = (count: number) => {
    setUnreadHere(count)
    setUnread(count)
  }

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setStatus('loading')
    const result = await notifyApi.inbox({ limit: PAGE_SIZE })
    Taro.stopPullDownRefresh()
    if (!result.ok) {
      // Coming back to the page with the list on screen keeps it when the refresh fails.
      if (quiet && loaded.current) return
      setError(result.error)
      setStatus('error')
      return
    }
    loaded.current = true
    setItems(result.data.items)
    setNext(result.data.nextCursor)
    counted(result.data.unread)
    setMoreError(null)
    setStatus(result.data.items.length === 0 ? 'empty' : 'ready')
  }, [])

  const loadMore = async () => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    const result = await notifyApi.inbox({ limit: PAGE_SIZE, cursor: next })
    setLoadingMore(false)
    if (!result.ok) {
      setMoreError(result.error.message)
      return
    }
    setMoreError(null)
    setItems((shown) => appendPage(shown, result.data.items))
    setNext(result.data.nextCursor)
    counted(result.data.unread)
  }

  useDidShow(() => void load(loaded.current))
  usePullDownRefresh(() => void load(true))
  useReachBottom(() => void loadMore())

  const markShown = (ids: string[]) => setItems((shown) => shown.map((item) => (ids.includes(item.id) ? { ...item, read: true } : item)))

  const open = async (item: Notification) => {
    if (!item.read) {
      markShown([item.id])
      const result = await notifyApi.markRead([item.id])
      if (result.ok) counted(result.data.unread)
    }
    if (item.page) void Taro.navigateTo({ url: item.page })
  }

  const markAll = async () => {
    setMarkingAll(true)
    const result = await notifyApi.markAllRead()
    setMarkingAll(false)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none' })
      return
    }
    setItems((shown) => shown.map((item) => ({ ...item, read: true })))
    counted(result.data.unread)
  }

  const openPreferences = () => void Taro.navigateTo({ url: ROUTES.inboxPreferences })
  const now = new Date()

  return (
    <PageShell
      title="消息"
      elderToggle
      status={status}
      error={error}
      onRetry={() => void load()}
      empty={{ title: '还没有消息', hint: '社区的通知、接单和服务提醒会出现在这里', actionText: '消息设置', onAction: openPreferences }}
    >
      <View className="inbox">
        <View className="inbox__bar">
          <Text className="inbox__count">{unread > 0 ? `${unread}条未读` : '全部已读'}</Text>
          <View className="inbox__bar-actions">
            {unread > 0 && (
              <Button size="small" type="primary" fill="outline" loading={markingAll} onClick={() => void markAll()}>
                全部已读
              </Button>
            )}
            <Button size="small" fill="outline" onClick={openPreferences}>
              消息设置
            </Button>
          </View>
        </View>
        {items.map((item) => (
          <View key={item.id} className={`inbox__item${item.read ? '' : ' inbox__item--unread'}`} data-notification-id={item.id}>
            <Card
              tone={item.read ? 'plain' : 'alert'}
              title={item.title}
              extra={item.read ? undefined : <StatusTag tone="alert">未读</StatusTag>}
              onClick={() => void open(item)}
            >
              <Text className="inbox__body">{item.body}</Text>
              <View className="inbox__foot">
                <Text className="inbox__meta">
                  {item.kindLabel} · {formatMoment(item.createdAt, now)}
                </Text>
                {item.page && <Text className="inbox__more">查看 ›</Text>}
              </View>
            </Card>
          </View>
        ))}
        <View className="inbox__footer">
          {next ? (
            <Button size="large" fill="outline" type="primary" block loading={loadingMore} onClick={() => void loadMore()}>
              {moreError ? `${moreError}，点此重试` : '加载更早的消息'}
            </Button>
          ) : (
            <Text className="inbox__end">没有更早的消息了</Text>
          )}
        </View>
      </View>
    </PageShell>
  )
}
