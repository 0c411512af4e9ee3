import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PageStatus } from '@/components/page-shell'
import type { ApiError, ApiResult } from '@/services/api/types'
import { getSession } from '@/services/session'

export interface Page {
  limit: number
  offset: number
}

export type PageFetcher<T> = (page: Page) => Promise<ApiResult<{ items: T[]; total: number }>>

/** Appends a further page, skipping items already shown (the list may have shifted in between). */
export function appendPage<T extends { id: string }>(shown: T[], next: T[]): T[] {
  const known = new Set(shown.map((item) => item.id))
  return [...shown, ...next.filter((item) => !known.has(item.id))]
}

/**
 * A paged list for a page: the first page on show (quietly when coming back to it), pull to refresh,
 * the next page on reaching the bottom. `fetchPage` should be stable (useCallback) and change when
 * its filters change; call `reload()` after changing them.
 */
export function usePagedList<T extends { id: string }>(fetchPage: PageFetcher<T>, pageSize = 10) {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const loaded = useRef(false)

  const reload = useCallback(
    async (quiet = false) => {
      if (!getSession()) return
      if (!quiet) setStatus('loading')
      const result = await fetchPage({ limit: pageSize, offset: 0 })
      Taro.stopPullDownRefresh()
      if (!result.ok) {
        setError(result.error)
        setStatus('error')
        return
      }
      loaded.current = true
      setItems(result.data.items)
      setTotal(result.data.total)
      setMoreError(null)
      setStatus(result.data.items.length > 0 ? 'ready' : 'empty')
    },
    [fetchPage, pageSize],
  )

  const loadMore = useCallback(async () => {
    if (loadingMore || items.length >= total) return
    setLoadingMore(true)
    const result = await fetchPage({ limit: pageSize, offset: items.length })
    setLoadingMore(false)
    if (!result.ok) {
      setMoreError(result.error.message)
      return
    }
    setMoreError(null)
    setItems((shown) => appendPage(shown, result.data.items))
    setTotal(result.data.total)
  }, [fetchPage, items.length, loadingMore, pageSize, total])

  useDidShow(() => void reload(loaded.current))
  usePullDownRefresh(() => void reload(true))
  useReachBottom(() => void loadMore())

  return { items, total, status, error, loadingMore, moreError, hasMore: items.length < total, reload, loadMore, setItems }
}
