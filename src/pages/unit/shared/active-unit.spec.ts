import type { UserProfile } from '@/services/api/types'
import { activeUnitOf, administeredUnits } from './active-unit'

const A = { id: 'unit-a', name: '甲单位' }
const B = { id: 'unit-b', name: '乙单位' }

const grant = (role: UserProfile['roles'][number]['role'], unit: { id: string; name: string } | null, orgId: string | null = null) => ({
  role, orgId, orgName: null, unitId: unit?.id ?? null, unitName: unit?.name ?? null, servicePhone: null,
})

describe('administeredUnits', () => {
  it('should list the unit admin grants in their order and nothing else', () => {
    const profile = { roles: [grant('member', null, 'community-1'), grant('unit_admin', A), grant('unit_admin', B)] } as UserProfile
    expect(administeredUnits(profile)).toEqual([A, B])
  })

  it('should list nothing without a session', () => {
    expect(administeredUnits(undefined)).toEqual([])
  })
})

describe('activeUnitOf', () => {
  it.each([
    ['the remembered unit while it is still held', [A, B], 'unit-b', B],
    ['the first unit when nothing is remembered', [A, B], undefined, A],
    ['the first unit when the remembered one is no longer held', [A, B], 'unit-c', A],
    ['the only unit, whatever is remembered', [B], 'unit-a', B],
    ['no unit for someone who administers none', [], 'unit-a', null],
  ])('should choose %s', (_, units, remembered, expected) => {
    expect(activeUnitOf(units, remembered)).toEqual(expected)
  })
})
