import type { UserProfile } from '@/services/api/types'

export interface AdministeredUnit {
  id: string
  name: string
}

/** The units the profile administers, in the order the server keeps its grants. */
export const administeredUnits = (profile: UserProfile | undefined): AdministeredUnit[] =>
  (profile?.roles ?? []).flatMap((grant) =>
    grant.role === 'unit_admin' && grant.unitId ? [{ id: grant.unitId, name: grant.unitName ?? '本单位' }] : [],
  )

/** The unit the pages show: the one remembered on the device while the user still administers it, else the first. */
export function activeUnitOf(units: AdministeredUnit[], remembered: string | undefined): AdministeredUnit | null {
  return units.find((unit) => unit.id === remembered) ?? units[0] ?? null
}
