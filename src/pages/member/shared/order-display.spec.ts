import type { Order } from '@/services/api/types'
import { clashWarnings, formatHours, invitationsFirst, memberActionsOf, memberStateOf, placesLeft } from './order-display'

const order = (overrides: Partial<Order> = {}): Order => ({
  id: 'o1',
  communityId: 'c1',
  kind: 'activity',
  demandId: null,
  title: '楼道清理',
  category: '社区服务',
  description: '',
  place: '幸福小区',
  startsAt: '2026-11-24T01:00:00.000Z',
  endsAt: '2026-11-24T03:00:00.000Z',
  capacity: 5,
  acceptedCount: 2,
  checkedInCount: 0,
  dispatch: 'open',
  status: 'published',
  cancelReason: null,
  cancelDeadline: '2026-11-23T23:00:00.000Z',
  requiredPosts: [],
  requiredSkills: [],
  leaderMemberId: null,
  leaderName: null,
  focusedTeam: null,
  notice: null,
  myClashes: [],
  myAssignment: null,
  requester: null,
  assignments: null,
  evaluation: null,
  changes: [],
  ...overrides,
})
const now = new Date('2026-11-23T12:00:00.000Z')

describe('how the member sees an order', () => {
  it('should count places left and never below zero', () => {
    expect(placesLeft(order())).toBe(3)
    expect(placesLeft(order({ acceptedCount: 7 }))).toBe(0)
  })

  it('should put invitations first and keep the rest in order', () => {
    const invited = order({ id: 'i', dispatch: 'directed', myAssignment: { status: 'invited', phase: null } })
    expect(invitationsFirst([order({ id: 'a' }), invited, order({ id: 'b' })]).map((item) => item.id)).toEqual(['i', 'a', 'b'])
  })

  it.each([
    ['an open order with places', order(), { canAccept: true, canDecline: false, canCancel: false, cancelTooLate: false }, '可接单'],
    ['a full order', order({ acceptedCount: 5 }), { canAccept: false, canDecline: false, canCancel: false, cancelTooLate: false }, '名额已满'],
    [
      'an invitation',
      order({ dispatch: 'directed', myAssignment: { status: 'invited', phase: null } }),
      { canAccept: true, canDecline: true, canCancel: false, cancelTooLate: false },
      '待您答复',
    ],
    [
      'an accepted order before the cut-off',
      order({ myAssignment: { status: 'accepted', phase: 'upcoming' } }),
      { canAccept: false, canDecline: false, canCancel: true, cancelTooLate: false },
      '已接单 · 待开始',
    ],
    [
      'an accepted order past the cut-off',
      order({ cancelDeadline: '2026-11-23T11:00:00.000Z', myAssignment: { status: 'accepted', phase: 'upcoming' } }),
      { canAccept: false, canDecline: false, canCancel: false, cancelTooLate: true },
      '已接单 · 待开始',
    ],
    ['a cancelled order', order({ status: 'cancelled' }), { canAccept: false, canDecline: false, canCancel: false, cancelTooLate: false }, '订单已取消'],
    [
      'a directed order I declined',
      order({ dispatch: 'directed', myAssignment: { status: 'declined', phase: null } }),
      { canAccept: false, canDecline: false, canCancel: false, cancelTooLate: false },
      '已谢绝',
    ],
  ])('should offer the right actions for %s', (_, subject, actions, text) => {
    expect(memberActionsOf(subject, now)).toEqual(actions)
    expect(memberStateOf(subject, now).text).toBe(text)
  })

  it('should write hours without a trailing zero', () => {
    expect(formatHours(2)).toBe('2 小时')
    expect(formatHours(2.25)).toBe('2.3 小时')
  })
})

describe('the accept warning', () => {
  it('should name each overlapping order with its times, the day only when it differs', () => {
    const clashing = order({
      myClashes: [
        { id: 'o2', title: '助老送餐', startsAt: '2026-11-24T02:00:00.000Z', endsAt: '2026-11-24T04:00:00.000Z' },
        { id: 'o3', title: '夜间巡逻', startsAt: '2026-11-23T15:00:00.000Z', endsAt: '2026-11-24T01:30:00.000Z' },
      ],
    })
    expect(clashWarnings(clashing, now)).toEqual([
      '与已接的「助老送餐」10:00–12:00 时间重叠，同一时间只能在一处服务',
      '与已接的「夜间巡逻」11月23日 周一 23:00 至 11月24日 周二 09:30 时间重叠，同一时间只能在一处服务',
    ])
    expect(clashWarnings(order(), now)).toEqual([])
  })
})
