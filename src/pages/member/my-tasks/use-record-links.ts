import { useEffect, useState } from 'react'
import { recordsApi } from '@/services/api/records'
import type { Order } from '@/services/api/types'
import { inBeijing } from '@/services/beijing-time'

/**
 * For finished tasks: which order has a service record (orderId → recordId), from 我的时长 of the
 * years the tasks fall in, so each task links to its record, or to 申诉 when none was made.
 */
export function useRecordLinks(orders: Order[], enabled: boolean): Map<string, string> | null {
  const [links, setLinks] = useState<Map<string, string> | null>(null)
  const years = enabled ? Array.from(new Set(orders.map((order) => inBeijing(order.startsAt).year()))).sort() : []
  const key = years.join(',')

  useEffect(() => {
    if (!key) return
    let current = true
    void Promise.all(key.split(',').map((year) => recordsApi.myHours({ year: Number(year), page: { limit: 100, offset: 0 } }))).then(
      (answers) => {
        if (!current) return
        const found = new Map<string, string>()
        for (const answer of answers) if (answer.ok) for (const record of answer.data.records) found.set(record.orderId, record.id)
        setLinks(found)
      },
    )
    return () => {
      current = false
    }
  }, [key])

  return enabled ? links : null
}
