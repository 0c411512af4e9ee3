import { useEffect, useState } from 'react'
import { useSession } from '@/hooks/use-session'
import { getActiveUnit, setActiveUnit, subscribeActiveUnit } from '@/services/preferences'
import { activeUnitOf, administeredUnits } from './active-unit'

/**
 * The unit the unit pages work on, shared by them and remembered on the device. `askFor` is the unit to
 * name in requests: only an admin of several units names one, so a single unit's requests stay as they were.
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
  return { units, active, askFor: units.length > 1 ? active?.id : undefined, choose: setActiveUnit }
}
