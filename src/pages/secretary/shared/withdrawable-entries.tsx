import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { InfoRow } from '@/components/info-row'
import type { PageStatus } from '@/components/page-shell'
import type { ApiError, ApiResult } from '@/services/api/types'

interface WithdrawableEntry {
  id: string
  withdrawn: boolean
  withdrawReason?: string | null
}

/**
 * A year's entries a secretary records and may withdraw (培训记录, 表彰奖励): loaded when shown (quietly once
 * loaded), the entry being withdrawn, and the withdrawal that reloads the list.
 */
export function useWithdrawableEntries<T extends WithdrawableEntry>(
  fetch: () => Promise<ApiResult<{ items: T[] }>>,
  withdrawOne: (id: string, reason: string) => Promise<ApiResult<unknown>>,
) {
  const [items, setItems] = useState<T[] | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [withdrawing, setWithdrawing] = useState<T | null>(null)

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setStatus('loading')
    const result = await fetch()
    if (!result.ok) {
      setLoadError(result.error)
      setStatus('error')
      return
    }
    setItems(result.data.items)
    setStatus('ready')
  }, [fetch])

  useDidShow(() => void load(items !== null))

  const withdraw = async (reason: string): Promise<ApiError | null> => {
    if (!withdrawing) return null
    const result = await withdrawOne(withdrawing.id, reason)
    if (!result.ok) return result.error
    setWithdrawing(null)
    void Taro.showToast({ title: '已撤回', icon: 'none' })
    await load(true)
    return null
  }

  return { items, status, loadError, load, withdrawing, setWithdrawing, withdraw }
}

/** The foot of an entry's card: why it was withdrawn, or the 撤回 button. */
export function WithdrawFooter({ item, onWithdraw }: { item: WithdrawableEntry; onWithdraw: () => void }) {
  if (item.withdrawn) return <InfoRow label="撤回原因" value={item.withdrawReason ?? ''} />
  return (
    <View className="trainings__actions">
      <Button size="small" fill="outline" onClick={onWithdraw}>
        撤回
      </Button>
    </View>
  )
}

/** 登记 and 取消 under an entry's form. */
export function EntryFormActions({ submitClass, saving, onSubmit, onCancel }: { submitClass: string; saving: boolean; onSubmit: () => void; onCancel: () => void }) {
  return (
    <View className="trainings__actions">
      <Button type="primary" className={submitClass} loading={saving} onClick={onSubmit}>
        登记
      </Button>
      <Button fill="outline" onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
