import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { checkinApi } from '@/services/api/checkin'
import type { VerifiableOrder } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { formatSpan } from '@/services/beijing-time'

/** 扫码核验 for the orders I lead as 现场负责人 (accepted or not): the server lists those open for scanning. */
export function VerifyEntries() {
  const [items, setItems] = useState<VerifiableOrder[]>([])
  const load = useCallback(() => {
    void checkinApi.verifiableOrders().then((result) => {
      if (result.ok) setItems(result.data.items.filter((item) => item.as === 'leader'))
    })
  }, [])
  useEffect(load, [load])
  useDidShow(load)
  if (items.length === 0) return null
  return (
    <View className="my-tasks__verify">
      {items.map((item) => (
        <View
          key={item.id}
          className="my-tasks__verify-item"
          data-order-id={item.id}
          onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryScanner(item.id) })}
        >
          <View className="my-tasks__verify-body">
            <Text className="my-tasks__verify-title">现场负责人 · {item.title}</Text>
            <Text className="my-tasks__verify-time">{formatSpan(item.startsAt, item.endsAt)}</Text>
          </View>
          <Text className="my-tasks__verify-action">扫码核验 ›</Text>
        </View>
      ))}
    </View>
  )
}
