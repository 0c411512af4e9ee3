import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ApiError, ApiResult, Order, OrderList } from '@/services/api/types'
import { getSession } from '@/services/session'

export type ListStatus = 'loading' | 'ready' | 'error'
type FetchPage = (page: { limit: number; offset: number }) => Promise<ApiResult<OrderList>>

/**
 * A paged list of orders with reload (first load, filter change, pull to refresh) and load more.
 * An answer to an older request (filters changed meanwhile) is dropped.
 */
export function usePagedOrders(pageSize = 10) {
  const [items, setItems] = useState<Order[]>([])
  const [total, setTotal] = useState(0)
  const [status, setStatus] = useState<ListStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const request = useRef(0)
  const fetcher = useRef<FetchPage | null>(null)

  const reload = useCallback(
    async (fetchPage: FetchPage, quiet = false) => {
      if (!getSession()) return
      fetcher.current = fetchPage
      const ticket = ++request.current
      if (!quiet) setStatus('loading')
      const result = await fetchPage({ limit: pageSize, offset: 0 })
      Taro.stopPullDownRefresh()
      if (ticket !== request.current) return
      if (!result.ok) {
        setError(result.error)
        setStatus('error')
        return
      }
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
    setItems((previous) => [...previous, ...result.data.items.filter((item) => !previous.some((known) => known.id === item.id))])
    setTotal(result.data.total)
  }, [items.length, loadingMore, pageSize, total])

  return { items, total, status, error, loadingMore, moreError, reload, loadMore }
}
