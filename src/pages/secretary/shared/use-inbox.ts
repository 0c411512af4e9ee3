import { useRef, useState } from 'react'
import { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { usePagedList } from '@/hooks/use-paged-list'
import type { ApiResult } from '@/services/api/types'

/** A page of an inbox, with how many of the community's items wait for the secretary whatever the tab. */
type InboxPage<T> = { items: T[]; total: number; waiting: number }

/**
 * A community's inbox under status tabs (建议处理, 承诺确认): the tab's first page when shown, on a tab change and on
 * pull to refresh, the next page at the bottom, and the count of those waiting.
 */
export function useInbox<T extends { id: string }, K extends string>(
  firstTab: K,
  fetchPage: (page: { limit: number; offset: number }, tab: K) => Promise<ApiResult<InboxPage<T>>>,
  pageSize = 10,
) {
  const [tab, setTab] = useState<K>(firstTab)
  const [waiting, setWaiting] = useState<number | null>(null)
  const list = usePagedList<T>(pageSize)
  const tabRef = useRef(tab)

  const loadFirstPage = (which: K, quiet = false) =>
    list.reload(async (page) => {
      const result = await fetchPage(page, which)
      if (result.ok) setWaiting(result.data.waiting)
      return result
    }, quiet)

  const switchTab = (next: K) => {
    tabRef.current = next
    setTab(next)
    void loadFirstPage(next)
  }

  useDidShow(() => void loadFirstPage(tabRef.current, list.loaded))
  usePullDownRefresh(() => void loadFirstPage(tabRef.current, true))
  useReachBottom(() => void list.loadMore())

  /** An item an action moved to another tab leaves the list; `waitingBy` is -1 when it waited, +1 when it now waits. */
  const moved = (id: string, waitingBy = 0) => {
    list.removeItem(id)
    if (waitingBy !== 0) setWaiting((count) => (count === null ? count : Math.max(0, count + waitingBy)))
  }

  return { tab, switchTab, waiting, list, moved, retry: () => void loadFirstPage(tab) }
}
