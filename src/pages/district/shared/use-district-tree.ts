import { useCallback, useState } from 'react'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { PageStatus } from '@/components/page-shell'
import { orgApi, type OrgTree } from '@/services/api/org'
import type { ApiError } from '@/services/api/types'

/** The district's tree, loaded on every show and on pull-down; `reload(true)` keeps the page while it refreshes. */
export function useDistrictTree() {
  const [tree, setTree] = useState<OrgTree | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)

  const reload = useCallback(async (quiet = false) => {
    if (!quiet) setStatus('loading')
    const result = await orgApi.tree()
    if (result.ok) {
      setTree(result.data)
      setStatus('ready')
    } else {
      setError(result.error)
      setStatus('error')
    }
  }, [])

  useDidShow(() => void reload(tree !== null))
  usePullDownRefresh(() => void reload(true))
  return { tree, status, error, reload }
}

/** Every community of the tree, with its street's name for pickers. */
export const communitiesOf = (tree: OrgTree) =>
  tree.streets.flatMap((street) => street.communities.map((community) => ({ ...community, streetName: street.name })))
