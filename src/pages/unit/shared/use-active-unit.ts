import { useEffect, useState } from 'react'
import { useSession } from '@/hooks/use-session'
import { getActiveUnit, setActiveUnit, subscribeActiveUnit } from '@/services/preferences'
import { activeUnitOf, administeredUnits } from './active-unit'

/**
 * The unit the unit pages work on, shared by them and remembered on the device. Requests always name it
 * (`askFor`; the server checks it), so a profile cached before a new appointment cannot leave the server to guess.
 */
export function useActiveUnit() {
  const session = useSession()
  const [remembered, setRemembered] = useState(getActiveUnit)
  useEffect(() => {
    setRemembered(getActiveUnit())
    return subscribeActiveUnit(setRemembered)
  }, [])
  const units = administeredUnits(session?.profile)
  const active = activeUnitOf(units, remembered)
  return { units, active, askFor: active?.id, choose: setActiveUnit }
}
