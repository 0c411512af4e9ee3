import type { Demand } from '@/services/api/types'
import { awaitsMyConfirmation, canRate, mayVerifyAtHome, needStatusOf } from './need-display'

const need = (order: Partial<NonNullable<Demand['order']>> | null, rating: Demand['rating'] = null): Demand =>
  ({
    id: 'd1',
    status: 'accepted',
    order: order && { id: 'o1', title: '家电、水电维修·上门服务', status: 'staffed', startsAt: '', endsAt: '', residentConfirmedAt: null, awaitingResident: false, ...order },
    rating,
  }) as Demand

describe('how a resident sees a need', () => {
  it('should ask the resident to confirm once a member’s hours wait for her', () => {
    const done = need({ status: 'completed', awaitingResident: true })
    expect(awaitsMyConfirmation(done)).toBe(true)
    expect(needStatusOf(done)).toMatchObject({ text: '待您确认服务', elderText: '请您确认' })
    expect(canRate(done)).toBe(true)
  })

  it('should not ask when no hours wait for her (she scanned the check-out herself, or confirmed), nor once rated', () => {
    expect(awaitsMyConfirmation(need({ status: 'completed' }))).toBe(false)
    expect(canRate(need({ status: 'completed' }))).toBe(true)
    expect(awaitsMyConfirmation(need({ status: 'completed', residentConfirmedAt: '2026-11-23T03:00:00Z' }))).toBe(false)
    const rated = need({ status: 'completed', awaitingResident: true }, { rating: 'satisfied', comment: '' })
    expect(awaitsMyConfirmation(rated)).toBe(false)
    expect(needStatusOf(rated).text).toBe('已评价')
  })

  it('should offer the home scanner only while the service is on', () => {
    expect(mayVerifyAtHome(need({ status: 'staffed' }))).toBe(true)
    expect(mayVerifyAtHome(need({ status: 'in_service' }))).toBe(true)
    expect(mayVerifyAtHome(need({ status: 'completed' }))).toBe(false)
    expect(mayVerifyAtHome(need(null))).toBe(false)
  })
})
