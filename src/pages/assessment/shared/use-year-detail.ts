import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useShownDetail } from '@/hooks/use-shown-detail'
import type { ApiResult } from '@/services/api/types'

/**
 * What an assessment page shows for one year (this Beijing year first): loaded when the page is shown, on pull to
 * refresh, and again when another year is chosen. `fetchYear` must be stable (useCallback).
 */
export function useYearDetail<T>(thisYear: number, fetchYear: (year: number) => Promise<ApiResult<T>>, missing: string) {
  const [year, setYear] = useState(thisYear)
  const fetchIt = useCallback(() => fetchYear(year), [fetchYear, year])
  const detail = useShownDetail(fetchIt, missing)
  const { reload } = detail
  usePullDownRefresh(() => void reload(true).finally(() => Taro.stopPullDownRefresh()))

  // useShownDetail loads when the page is shown; another year is another fetchIt, loaded here.
  const firstYear = useRef(year)
  useEffect(() => {
    if (year !== firstYear.current) void reload()
    firstYear.current = Number.NaN
  }, [reload, year])

  return { ...detail, year, setYear }
}
