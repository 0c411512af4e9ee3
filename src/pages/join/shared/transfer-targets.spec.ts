import { transferTargets } from './transfer-targets'

const community = (id: string) => ({ id, name: `社区${id}`, grids: [] })
const options = {
  districts: [
    { id: 'd', name: '区', collectIdNumbers: false, units: [], streets: [{ id: 's1', name: '街道一', communities: [community('a'), community('b')] }, { id: 's2', name: '街道二', communities: [community('c')] }] },
  ],
}

describe('transferTargets', () => {
  it('should not offer the community the member is in', () => {
    expect(transferTargets({ ...options, memberCommunityId: 'b' }).map((c) => c.id)).toEqual(['a', 'c'])
  })

  it('should offer every community when the caller is in none', () => {
    expect(transferTargets({ ...options, memberCommunityId: null }).map((c) => c.id)).toEqual(['a', 'b', 'c'])
  })
})
