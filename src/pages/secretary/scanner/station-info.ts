import { useCallback, useState } from 'react'
import { checkinApi } from '@/services/api/checkin'
import { ordersApi } from '@/services/api/orders'
import type { Order } from '@/services/api/types'
import { storage } from '@/services/storage'

const LAST_STATION_KEY = 'dyg.scanner.lastStation'

/** What the scanner shows above the camera: the order, its time and who has checked in and out. */
export interface StationInfo {
  title: string
  startsAt: string | null
  endsAt: string | null
  expected: number
  checkedIn: number
  checkedOut: number
  /** The secretary's full order view, for the link to its detail. */
  order: Order | null
}

/**
 * The secretary reads the order itself; a leader or a resident reads the order's attendance (the
 * server lets them see it) and its times from the orders they may verify.
 */
export function useStationInfo(orderId: string, asSecretary: boolean) {
  const [info, setInfoState] = useState<StationInfo | null>(() => lastStation(orderId))
  const [error, setError] = useState<string | null>(null)
  const setInfo = (fresh: StationInfo) => {
    setInfoState(fresh)
    rememberStation(orderId, fresh)
  }

  const load = useCallback(async () => {
    if (asSecretary) {
      const answer = await ordersApi.get(orderId)
      if (!answer.ok) {
        if (answer.error.code !== 'NETWORK') setError(answer.error.message)
        return
      }
      const attendees = (answer.data.assignments ?? []).filter((assignment) => assignment.status === 'accepted')
      setInfo({
        title: answer.data.title,
        startsAt: answer.data.startsAt,
        endsAt: answer.data.endsAt,
        expected: attendees.length,
        checkedIn: attendees.filter((assignment) => assignment.checkedInAt).length,
        checkedOut: attendees.filter((assignment) => assignment.checkedOutAt).length,
        order: answer.data,
      })
      setError(null)
      return
    }
    const [attendance, verifiable] = await Promise.all([checkinApi.attendance(orderId), checkinApi.verifiableOrders()])
    if (!attendance.ok) {
      if (attendance.error.code !== 'NETWORK') setError(attendance.error.message)
      return
    }
    const listed = verifiable.ok ? verifiable.data.items.find((item) => item.id === orderId) : undefined
    const members = attendance.data.members
    setInfo({
      title: attendance.data.title,
      startsAt: listed?.startsAt ?? null,
      endsAt: listed?.endsAt ?? null,
      expected: members.length,
      checkedIn: members.filter((member) => member.checkedInAt).length,
      checkedOut: members.filter((member) => member.checkedOutAt).length,
      order: null,
    })
    setError(null)
  }, [orderId, asSecretary])

  return { info, error, load }
}

/**
 * The last order's heading, kept so that a scanner reopened with no network still says which order it scans
 * for (the counts as they were then). Only the order's own words and counts: no member's data.
 */
function rememberStation(orderId: string, info: StationInfo): void {
  storage.set(LAST_STATION_KEY, { orderId, info: { ...info, order: null } })
}

function lastStation(orderId: string): StationInfo | null {
  const kept = storage.get<{ orderId?: string; info?: StationInfo }>(LAST_STATION_KEY)
  return kept?.orderId === orderId && kept.info && typeof kept.info.title === 'string' ? kept.info : null
}
