import { orderStatusWord, slipStatusWord } from './status-words'

describe('an order read against the clock', () => {
  const order = { status: 'published' as const, startsAt: '2026-11-23T10:00:00+08:00', endsAt: '2026-11-23T12:00:00+08:00', capacity: 3, acceptedCount: 1 }
  const at = (clock: string) => new Date(`2026-11-23T${clock}:00+08:00`)

  it.each([
    ['published', '09:59', 1, '招募中', 'waiting'],
    ['published', '09:59', 3, '已满员', 'active'],
    ['staffed', '09:59', 3, '已满员', 'active'],
    ['published', '10:00', 1, '已开始', 'active'],
    ['staffed', '11:00', 3, '已开始', 'active'],
    ['published', '12:00', 1, '已结束', 'muted'],
    ['in_service', '11:00', 1, '进行中', 'active'],
    ['in_service', '12:30', 1, '待签退', 'waiting'],
    ['completed', '11:00', 1, '已完成', 'done'],
    ['cancelled', '09:00', 1, '已取消', 'muted'],
  ] as const)('should call a %s order at %s with %i taken %s', (status, clock, acceptedCount, text, tone) => {
    expect(orderStatusWord({ ...order, status, acceptedCount }, at(clock))).toMatchObject({ text, tone })
  })

  it('should never say 招募中 once the start has passed, whatever status is stored and however many accepted', () => {
    for (const status of ['published', 'staffed', 'in_service'] as const) {
      for (const acceptedCount of [0, 1, 3]) {
        for (const clock of ['10:00', '11:59', '12:00', '18:00']) {
          expect(orderStatusWord({ ...order, status, acceptedCount }, at(clock)).text).not.toBe('招募中')
        }
      }
    }
  })
})

describe('slipStatusWord', () => {
  it.each([
    [{ result: 'awaiting', overdue: false }, '待报到', 'waiting'],
    [{ result: 'awaiting', overdue: true }, '逾期未报到', 'alert'],
    [{ result: 'returned', overdue: true }, '被退回·已逾期', 'alert'],
    [{ result: 'pending', overdue: true }, '待社区确认', 'waiting'],
    [{ result: 'reported', overdue: false }, '已报到', 'done'],
    [{ result: 'cancelled', overdue: true }, '已作废', 'muted'],
  ] as const)('should call a slip %p %s', (slip, text, tone) => {
    expect(slipStatusWord(slip)).toEqual({ text, tone })
  })
})
