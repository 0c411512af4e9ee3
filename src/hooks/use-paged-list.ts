import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { PageStatus } from '@/components/page-shell'
import type { ApiError, ApiResult } from '@/services/api/types'
import { getSession } from '@/services/session'

export type ListStatus = 'loading' | 'ready' | 'error'
export type PageFetcher<T> = (page: { limit: number; offset: number }) => Promise<ApiResult<{ items: T[]; total: number }>>

/** Appends a further page, skipping items already shown (the list may have shifted in between). */
export function appendPage<T extends { id: string }>(shown: T[], next: T[]): T[] {
  const known = new Set(shown.map((item) => item.id))
  return [...shown, ...next.filter((item) => !known.has(item.id))]
}

/** What the page shell shows for a list in this state. */
export const shellStatusOf = (status: ListStatus, count: number): PageStatus =>
  status === 'ready' && count === 0 ? 'empty' : status

/**
 * A paged list: `reload(fetchPage)` on first show, filter change or pull to refresh, `loadMore()` at
 * the bottom. An answer to an older request (the filters changed meanwhile) is dropped.
 */
export function usePagedList<T extends { id: string }>(pageSize = 10) {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [status, setStatus] = useState<ListStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const request = useRef(0)
  const loaded = useRef(false)
  const fetcher = useRef<PageFetcher<T> | null>(null)

  const reload = useCallback(
    async (fetchPage: PageFetcher<T>, quiet = false) => {
      if (!getSession()) return
      fetcher.current = fetchPage
      const ticket = ++request.current
      if (!quiet) setStatus('loading')
      const result = await fetchPage({ limit: pageSize, offset: 0 })
      Taro.stopPullDownRefresh()
      if (ticket !== request.current) return
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
      setError(null)
      setStatus('ready')
    },
    [pageSize],
  )

  const loadMore = useCallback(async () => {
    if (loadingMore || !fetcher.current || items.length >= total) return
    const ticket = request.current
    setLoadingMore(true)
    const result = await fetcher.current({ limit: pageSize, offset: items.length })
    setLoadingMore(false)
    if (ticket !== request.current) return
    if (!result.ok) {
      setMoreError(result.error.message)
      return
    }
    setMoreError(null)
    setItems((shown) => appendPage(shown, result.data.items))
    setTotal(result.data.total)
  }, [items.length, loadingMore, pageSize, total])

  /** Takes an item off the list after an action moved it elsewhere (rejected, accepted…). */
  const removeItem = useCallback((id: string) => {
    setItems((shown) => shown.filter((item) => item.id !== id))
    setTotal((count) => Math.max(0, count - 1))
  }, [])

  return { items, total, status, error, loadingMore, moreError, loaded: loaded.current, reload, loadMore, removeItem }
}
