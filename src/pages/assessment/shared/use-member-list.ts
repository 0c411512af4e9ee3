import { useCallback, useRef, useState } from 'react'
import { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { usePagedList } from '@/hooks/use-paged-list'
import type { ApiResult } from '@/services/api/types'

type MemberPage = { items: { memberId: string }[]; total: number }

/**
 * A filtered, paged list of members with the numbers above it (考核达标, 党员服务情况): `view` is the first page's whole
 * answer; the list loads when the page is shown, on a change of filters and on pull to refresh, and pages on at the
 * bottom. `fetchPage` must be stable (useCallback).
 */
export function useMemberList<F, V extends MemberPage>(initial: F, fetchPage: (filters: F, page: { limit: number; offset: number }) => Promise<ApiResult<V>>, pageSize = 20) {
  const [filters, setFilters] = useState<F>(initial)
  const [view, setView] = useState<V | null>(null)
  const list = usePagedList<V['items'][number] & { id: string }>(pageSize)

  const load = useCallback(
    (next: F, quiet = false) =>
      list.reload(async (page) => {
        const result = await fetchPage(next, page)
        if (!result.ok) return result
        if (page.offset === 0) setView(result.data)
        return { ok: true as const, data: { items: result.data.items.map((row) => ({ ...row, id: row.memberId })), total: result.data.total } }
      }, quiet),
    [list.reload, fetchPage],
  )

  const change = (patch: Partial<F>) => {
    const next = { ...filters, ...patch }
    setFilters(next)
    void load(next)
  }

  const shown = useRef(false)
  useDidShow(() => {
    void load(filters, shown.current)
    shown.current = true
  })
  usePullDownRefresh(() => void load(filters, true))
  useReachBottom(() => void list.loadMore())

  return { filters, change, view, list, retry: () => void load(filters) }
}
