import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { recordsApi } from '@/services/api/records'
import type { Dispute } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { Card } from '@/components/card'
import { DisputeCard } from '../shared/dispute-card'

/** 我的申诉 on the hours page: each with its status and the secretary's decision; hidden while there is none. */
export function MyDisputes() {
  const [items, setItems] = useState<Dispute[]>([])
  const load = useCallback(() => {
    void recordsApi.myDisputes().then((result) => {
      if (result.ok) setItems(result.data.items)
    })
  }, [])
  // Mounted once the hours have loaded (after the page was shown); again on each return to the page.
  useEffect(load, [load])
  useDidShow(load)
  if (items.length === 0) return null
  const open = items.filter((item) => item.status === 'open').length
  return (
    <Card title={`我的申诉（${open ? `${open} 条处理中` : `共 ${items.length} 条`}）`} className="my-disputes">
      {items.slice(0, 5).map((dispute) => (
        <View key={dispute.id} onClick={() => void Taro.navigateTo({ url: ROUTES.memberDispute(dispute.orderId) })}>
          <DisputeCard dispute={dispute} showOrder />
        </View>
      ))}
    </Card>
  )
}
