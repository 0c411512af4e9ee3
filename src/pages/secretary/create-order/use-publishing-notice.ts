import { useEffect, useState } from 'react'
import { calendarApi, type PublishingNotice } from '@/services/api/calendar'

/** 预约预告: asks the server, whenever an activity's start changes, how many working days of notice it would give. */
export function usePublishingNotice(startsAt: string | null): PublishingNotice | null {
  const [notice, setNotice] = useState<PublishingNotice | null>(null)
  useEffect(() => {
    if (!startsAt) {
      setNotice(null)
      return
    }
    let current = true
    void calendarApi.publishingNotice(startsAt).then((result) => {
      if (current) setNotice(result.ok ? result.data : null)
    })
    return () => {
      current = false
    }
  }, [startsAt])
  return notice
}
