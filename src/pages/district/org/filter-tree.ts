import type { OrgStreet } from '@/services/api/org'

/**
 * The streets that match `query` (part of a name, case ignored): a matching street with all of it, a matching
 * community (by its name or a secretary's) with all its grids, else only the grids whose name matches.
 */
export function filterStreets(streets: OrgStreet[], query: string): OrgStreet[] {
  const words = query.trim().toLowerCase()
  if (!words) return streets
  const hit = (name: string) => name.toLowerCase().includes(words)
  return streets.flatMap((street) => {
    if (hit(street.name)) return [street]
    const communities = street.communities.flatMap((community) => {
      if (hit(community.name) || community.secretaries.some((person) => hit(person.name))) return [community]
      const grids = community.grids.filter((grid) => hit(grid.name))
      return grids.length > 0 ? [{ ...community, grids }] : []
    })
    return communities.length > 0 ? [{ ...street, communities }] : []
  })
}
