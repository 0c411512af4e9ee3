import { useCallback, useEffect, useRef, useState } from 'react'
import { ordersApi } from '@/services/api/orders'
import type { Recommendation } from '@/services/api/types'
import { beijingIso, type OrderForm } from './order-form'

/** The members the server recommends for the form's time and posts; both pickers (invitees, 现场负责人) choose from them. */
export function useRecommendations(form: OrderForm) {
  const [items, setItems] = useState<Recommendation[]>([])
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)

  const startsAt = beijingIso(form.date, form.startTime)
  const endsAt = beijingIso(form.date, form.endTime)
  const postsKey = form.requiredPosts.join(',')
  const timesInOrder = form.endTime > form.startTime

  const load = useCallback(async () => {
    if (!timesInOrder) {
      setError('请先选好开始和结束时间')
      return
    }
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    const result = await ordersApi.recommend({
      startsAt,
      endsAt,
      ...(form.demandId ? { demandId: form.demandId } : {}),
      requiredPosts: postsKey ? (postsKey.split(',') as OrderForm['requiredPosts']) : [],
      limit: 20,
    })
    if (ticket !== latest.current) return
    setLoading(false)
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    setItems(result.data.items)
  }, [startsAt, endsAt, form.demandId, postsKey, timesInOrder])

  useEffect(() => void load(), [load])

  return { items, loading, error, reload: load }
}
