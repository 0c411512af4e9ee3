import type { Demand } from '@/services/api/types'
import { needStatusWord } from '@/services/status-words'
import { awaitsMyConfirmation, canRate, helperNames, isUnderway, mayVerifyAtHome, needTitle } from './need-display'

const NOW = new Date('2026-11-23T10:00:00+08:00')

const need = (order: Partial<NonNullable<Demand['order']>> | null, rating: Demand['rating'] = null): Demand =>
  ({
    id: 'd1',
    status: 'accepted',
    kindName: '上门维修',
    category: '社区服务',
    subItem: '家电、水电维修',
    community: { name: '幸福社区', servicePhone: '0750-5550101' },
    order: order && {
      id: 'o1', title: '家电、水电维修·上门服务', status: 'staffed', startsAt: '2026-11-24T09:00:00+08:00', endsAt: '2026-11-24T10:00:00+08:00',
      residentConfirmedAt: null, awaitingResident: false, members: [], ...order,
    },
    rating,
  }) as Demand

describe('how a resident sees a need', () => {
  it('should ask the resident to confirm once a member’s hours wait for her', () => {
    const done = need({ status: 'completed', awaitingResident: true })
    expect(awaitsMyConfirmation(done)).toBe(true)
    expect(needStatusWord(done, NOW)).toMatchObject({ text: '待您确认', elderText: '请您确认', tone: 'waiting' })
    expect(canRate(done)).toBe(true)
  })

  it('should not ask when no hours wait for her (she scanned the check-out herself, or confirmed), nor once rated', () => {
    expect(awaitsMyConfirmation(need({ status: 'completed' }))).toBe(false)
    expect(canRate(need({ status: 'completed' }))).toBe(true)
    expect(awaitsMyConfirmation(need({ status: 'completed', residentConfirmedAt: '2026-11-23T03:00:00Z' }))).toBe(false)
    const rated = need({ status: 'completed', awaitingResident: true }, { rating: 'satisfied', comment: '' })
    expect(awaitsMyConfirmation(rated)).toBe(false)
    expect(needStatusWord(rated, NOW).text).toBe('已评价')
  })

  it('should say a member is coming once one accepted, and that the service is on once it started', () => {
    expect(needStatusWord(need({ members: [] }), NOW).text).toBe('已下单')
    expect(needStatusWord(need({ members: [{ name: '党员张一' }] }), NOW)).toMatchObject({ text: '已安排党员', elderText: '党员会来' })
    expect(needStatusWord(need({ members: [{ name: '党员张一' }], startsAt: '2026-11-23T09:30:00+08:00' }), NOW).text).toBe('进行中')
    expect(needStatusWord({ ...need(null), status: 'submitted' }, NOW).text).toBe('待受理')
  })

  it('should name the need in the resident’s words, and who will come', () => {
    expect(needTitle(need(null))).toBe('上门维修')
    expect(needTitle({ ...need(null), kindName: null })).toBe('社区服务 · 家电、水电维修')
    expect(helperNames(need({ members: [{ name: '党员张一' }, { name: '党员王二' }] }))).toBe('党员张一、党员王二')
    expect(helperNames(need(null))).toBe('')
  })

  it('should offer the home scanner and the community’s phone only while the service is on', () => {
    expect(mayVerifyAtHome(need({ status: 'staffed' }))).toBe(true)
    expect(mayVerifyAtHome(need({ status: 'in_service' }))).toBe(true)
    expect(mayVerifyAtHome(need({ status: 'completed' }))).toBe(false)
    expect(mayVerifyAtHome(need(null))).toBe(false)
    expect(isUnderway({ ...need(null), status: 'submitted' })).toBe(true)
    expect(isUnderway(need({ status: 'staffed' }))).toBe(true)
    expect(isUnderway(need({ status: 'completed' }))).toBe(false)
    expect(isUnderway({ ...need(null), status: 'rejected' })).toBe(false)
  })
})
