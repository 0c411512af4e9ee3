import type { Demand } from '@/services/api/types'
import {
  beijingIso, emptyOrderForm, fieldsTouchedBy, formDateTime, formFromNeed, orderFieldOf, orderFormChanged, startingSoon, toCreateOrderData, validateOrder,
  type OrderForm,
} from './order-form'

const now = new Date('2026-11-23T02:00:00Z') // 10:00 in Beijing

const need = {
  id: '6f1c2f5e-8a43-4b8e-9d1e-0c7a1b2c3d4e',
  category: '社区服务',
  subItem: '家电、水电维修',
  description: '卫生间下水道堵了好几天',
  requesterName: '居民钱一',
  address: '幸福小区3栋1204室',
  wantedFrom: '2026-11-25T09:00:00+08:00',
  wantedUntil: '2026-11-25T17:00:00+08:00',
} as Demand

const valid = (): OrderForm => ({ ...emptyOrderForm(now), title: '楼道清理', category: '环保绿化服务', place: '3栋' })

describe('the create-order form', () => {
  it('should work in Beijing time whatever the phone zone', () => {
    expect(formDateTime(new Date('2026-11-23T17:30:00Z'))).toEqual({ date: '2026-11-24', time: '01:30' })
    expect(beijingIso('2026-11-24', '09:30')).toBe('2026-11-24T09:30:00+08:00')
    expect(emptyOrderForm(now).date).toBe('2026-11-24')
  })

  it('should prefill a directed home service from a need, at the time the resident asked for', () => {
    const form = formFromNeed(need, now)
    expect(form).toMatchObject({
      demandId: need.id,
      title: '家电、水电维修·上门服务',
      category: '社区服务',
      place: '',
      date: '2026-11-25',
      startTime: '09:00',
      endTime: '11:00',
      capacity: '1',
      dispatch: 'directed',
    })
    expect(formFromNeed({ ...need, wantedFrom: '2026-11-20T09:00:00+08:00' }, now).date).toBe('2026-11-24')
  })

  it("should never put the resident's name in the default title", () => {
    expect(formFromNeed(need, now).title).not.toContain(need.requesterName)
    expect(formFromNeed({ ...need, subItem: '其他' }, now).title).toBe('社区服务·上门服务')
    expect(formFromNeed({ ...need, subItem: null }, now).title).toBe('社区服务·上门服务')
  })

  it('should name each wrong field with the server words', () => {
    expect(validateOrder(valid(), now)).toEqual({})
    expect(validateOrder({ ...valid(), title: ' ', category: '', place: '' }, now)).toEqual({
      title: '请填写标题',
      category: '请选择服务类别',
      place: '请填写服务地点',
    })
    expect(validateOrder({ ...valid(), date: '2026-11-23', startTime: '09:00' }, now).startsAt).toBe('开始时间已过，请重新选择')
    expect(validateOrder({ ...valid(), endTime: '08:00' }, now).endsAt).toBe('结束时间须晚于开始时间')
    expect(validateOrder({ ...valid(), capacity: '0' }, now).capacity).toBe('需要人数须为不小于1的整数')
    expect(validateOrder({ ...valid(), dispatch: 'directed' }, now).inviteeIds).toBe('定向派单须至少选择一名党员')
  })

  it("should leave a need's place empty, so that the order takes the need's own address", () => {
    const form = formFromNeed(need, now)
    expect(validateOrder(form, now).place).toBeUndefined()
    expect(toCreateOrderData(form)).not.toHaveProperty('place')
    expect(toCreateOrderData({ ...form, place: '社区活动室' }).place).toBe('社区活动室')
  })

  it('should send ISO times with +08:00 and the invitees only when directed', () => {
    const data = toCreateOrderData({ ...valid(), inviteeIds: ['a'], dispatch: 'open' })
    expect(data).toMatchObject({ startsAt: '2026-11-24T09:00:00+08:00', endsAt: '2026-11-24T11:00:00+08:00', capacity: 5, inviteeIds: [] })
    expect(data.demandId).toBeUndefined()
    expect(toCreateOrderData({ ...valid(), inviteeIds: ['a'], dispatch: 'directed' }).inviteeIds).toEqual(['a'])
  })

  it('should send the 现场负责人 only when one is chosen', () => {
    expect(toCreateOrderData(valid())).not.toHaveProperty('leaderMemberId')
    expect(toCreateOrderData({ ...valid(), leaderMemberId: 'm1' }).leaderMemberId).toBe('m1')
  })

  it('should put server field paths on the form rows', () => {
    expect(orderFieldOf('inviteeIds.0')).toBe('inviteeIds')
    expect(orderFieldOf('endsAt')).toBe('endsAt')
  })
})

describe('startingSoon', () => {
  it('should start at the next five-minute mark in Beijing time and last two hours', () => {
    expect(startingSoon(new Date('2026-11-23T06:02:10Z'))).toEqual({ date: '2026-11-23', startTime: '14:05', endTime: '16:05' })
  })

  it('should leave at least a minute before the start', () => {
    expect(startingSoon(new Date('2026-11-23T06:04:30Z')).startTime).toBe('14:10')
  })

  it('should end by 23:59 of the same day when two hours would cross midnight', () => {
    expect(startingSoon(new Date('2026-11-23T15:12:00Z'))).toEqual({ date: '2026-11-23', startTime: '23:15', endTime: '23:59' })
  })
})

describe('the form as it is edited', () => {
  it('should tell a changed form from the one that opened, lists included', () => {
    const opened = emptyOrderForm(now)
    expect(orderFormChanged({ ...opened }, opened)).toBe(false)
    expect(orderFormChanged({ ...opened, title: '楼道清理' }, opened)).toBe(true)
    expect(orderFormChanged({ ...opened, requiredPosts: ['政策法规宣传岗'] }, opened)).toBe(true)
    expect(orderFormChanged({ ...opened, requiredPosts: [] }, opened)).toBe(false)
  })

  it('should settle the time rows when the date or a clock changes', () => {
    expect(fieldsTouchedBy({ title: 'x' })).toEqual(['title'])
    expect(fieldsTouchedBy({ date: '2026-11-25' })).toEqual(['startsAt', 'endsAt'])
    expect(fieldsTouchedBy({ endTime: '12:00', capacity: '3' })).toEqual(['endsAt', 'capacity'])
  })
})
