import type { OrgStreet } from '@/services/api/org'
import { filterStreets } from './filter-tree'

const grid = (id: string, name: string) => ({ id, name, members: 0, residents: 0 })
const community = (id: string, name: string, grids: ReturnType<typeof grid>[], secretary?: string) => ({
  id, name, members: 0, residents: 0, grids,
  secretaries: secretary ? [{ grantId: `g-${id}`, userId: `u-${id}`, name: secretary, phone: '199****0001' }] : [],
})
const STREETS = [
  { id: 's1', name: '红旗街道', members: 0, residents: 0, communities: [community('c1', '幸福社区', [grid('g1', '第一网格'), grid('g2', '第二网格')], '演示书记·幸福'), community('c2', '和平社区', [grid('g3', '第一网格')])] },
  { id: 's2', name: '东风街道', members: 0, residents: 0, communities: [community('c3', '光明社区', [grid('g4', 'Lake网格')])] },
] as OrgStreet[]

const shape = (streets: OrgStreet[]) => streets.map((s) => [s.name, s.communities.map((c) => [c.name, c.grids.map((g) => g.name)])])

describe('filterStreets', () => {
  it('should keep the whole tree for an empty query', () => {
    expect(filterStreets(STREETS, '  ')).toBe(STREETS)
  })

  it('should keep a matching street with all its communities', () => {
    expect(shape(filterStreets(STREETS, '东风'))).toEqual([['东风街道', [['光明社区', ['Lake网格']]]]])
  })

  it('should keep a matching community with all its grids, under its street only', () => {
    expect(shape(filterStreets(STREETS, '和平'))).toEqual([['红旗街道', [['和平社区', ['第一网格']]]]])
  })

  it('should find a community by its secretary', () => {
    expect(shape(filterStreets(STREETS, '演示书记'))).toEqual([['红旗街道', [['幸福社区', ['第一网格', '第二网格']]]]])
  })

  it('should keep only the matching grids of a community whose name does not match, case ignored', () => {
    expect(shape(filterStreets(STREETS, '第二'))).toEqual([['红旗街道', [['幸福社区', ['第二网格']]]]])
    expect(shape(filterStreets(STREETS, 'lake'))).toEqual([['东风街道', [['光明社区', ['Lake网格']]]]])
  })

  it('should find nothing for a name nobody has', () => {
    expect(filterStreets(STREETS, '没有这个')).toEqual([])
  })
})
