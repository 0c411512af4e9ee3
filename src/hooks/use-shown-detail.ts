import { useCallback, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { PageStatus } from '@/components/page-shell'
import type { ApiError, ApiResult } from '@/services/api/types'
import { getSession } from '@/services/session'

/**
 * The one thing a detail page shows, loaded each time the page is shown: loading, then ready or the error.
 * Coming back to the page reloads quietly and keeps what is on screen if that fails. Without the id from the
 * link (`fetchIt` null) the page says `missing` instead. `fetchIt` must be stable (useCallback).
 */
export function useShownDetail<T>(fetchIt: (() => Promise<ApiResult<T>>) | null, missing: string, onLoaded?: (data: T) => void) {
  const [data, setData] = useState<T | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const shown = useRef<T | null>(null)
  const loaded = useRef(onLoaded)
  loaded.current = onLoaded

  const load = useCallback(
    async (quiet = false) => {
      if (!getSession()) return
      if (!fetchIt) {
        setError({ code: 'NOT_FOUND', message: missing })
        setStatus('error')
        return
      }
      if (!quiet) setStatus('loading')
      const result = await fetchIt()
      if (!result.ok) {
        if (quiet && shown.current !== null) return
        setError(result.error)
        setStatus('error')
        return
      }
      shown.current = result.data
      setData(result.data)
      setStatus('ready')
      loaded.current?.(result.data)
    },
    [fetchIt, missing],
  )

  useDidShow(() => void load(shown.current !== null))

  const replace = useCallback((next: T) => {
    shown.current = next
    setData(next)
  }, [])

  return { data, setData: replace, status, error, reload: load }
}
