import { useCallback, useEffect, useState } from 'react'
import type { PageStatus } from '@/components/page-shell'
import type { ApiError, ApiResult } from '@/services/api/types'

/**
 * A queue the server gives back whole (no paging): loaded once when shown, reloaded on 重试, and replaced or
 * updated in place after an action. Empty or ready follows from the items.
 */
export function useItemList<T>(fetchItems: () => Promise<ApiResult<{ items: T[] }>>) {
  const [items, setItems] = useState<T[]>([])
  const [phase, setPhase] = useState<'loading' | 'error' | 'loaded'>('loading')
  const [error, setError] = useState<ApiError | null>(null)

  const reload = useCallback(async () => {
    setPhase('loading')
    const result = await fetchItems()
    if (!result.ok) {
      setError(result.error)
      setPhase('error')
      return
    }
    setItems(result.data.items)
    setPhase('loaded')
  }, [fetchItems])

  useEffect(() => void reload(), [reload])

  const status: PageStatus = phase === 'loaded' ? (items.length ? 'ready' : 'empty') : phase
  return { items, setItems, status, error, reload }
}
