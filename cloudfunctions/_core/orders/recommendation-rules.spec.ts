import { orderTimeOf, scoreCandidate, slotOf, type Candidate, type OrderNeeds } from './recommendation-rules';

// Saturday 2026-11-28 09:00 in Shanghai.
const SATURDAY_MORNING = new Date('2026-11-28T01:00:00Z');

const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  memberId: 'm',
  posts: [],
  skills: [],
  availability: {},
  gridId: null,
  hoursThisYear: 30,
  pastAccepted: 0,
  pastAttended: 0,
  overlapping: 0,
  ...overrides,
});

const needs = (overrides: Partial<OrderNeeds> = {}): OrderNeeds => ({
  time: orderTimeOf(SATURDAY_MORNING),
  requiredPosts: [],
  requiredSkills: [],
  gridId: null,
  medianHours: 20,
  ...overrides,
});

describe('scoreCandidate', () => {
  it.each([
    ['a matching post', candidate({ posts: ['困难群众帮扶岗'] }), needs({ requiredPosts: ['困难群众帮扶岗'] }), 3, '认领了「困难群众帮扶岗」'],
    ['a matching skill', candidate({ skills: ['维修'] }), needs({ requiredSkills: ['维修'] }), 2, '擅长维修'],
    ['free on Saturday morning', candidate({ availability: { sat: ['morning'] } }), needs(), 2, '周六上午有空'],
    ['the same grid as the resident', candidate({ gridId: 'g1' }), needs({ gridId: 'g1' }), 1, '与服务对象同一网格'],
    ['fewer hours than the median', candidate({ hoursThisYear: 10 }), needs({ medianHours: 20 }), 1.5, '今年服务10.0小时，少于社区中位数'],
    ['reliable attendance', candidate({ pastAccepted: 10, pastAttended: 10 }), needs(), 1, '守约率100%'],
    ['frequent no-shows', candidate({ pastAccepted: 10, pastAttended: 5 }), needs(), -1, '接单后到场率50%'],
    ['busy at that time', candidate({ overlapping: 1 }), needs(), -10, '该时段已有其他任务'],
  ])('should score %s', (_label, who, order, score, reason) => {
    expect(scoreCandidate(who, order)).toEqual({ score, reasons: [reason] });
  });

  it('should say nothing for a member with no match', () => {
    expect(scoreCandidate(candidate(), needs())).toEqual({ score: 0, reasons: [] });
  });

  it('should not count availability on another day or slot', () => {
    expect(scoreCandidate(candidate({ availability: { sat: ['evening'], sun: ['morning'] } }), needs()).reasons).toEqual([]);
  });

  it('should judge reliability only after three orders', () => {
    expect(scoreCandidate(candidate({ pastAccepted: 2, pastAttended: 0 }), needs()).reasons).toEqual([]);
  });
});

describe('orderTimeOf', () => {
  it('should give the Beijing weekday and slot of the order, which every candidate is then scored against', () => {
    expect(orderTimeOf(SATURDAY_MORNING)).toEqual({ day: 'sat', slot: 'morning' });
    // 2026-11-29 23:30 in UTC is Monday 07:30 in Shanghai
    expect(orderTimeOf(new Date('2026-11-29T23:30:00Z'))).toEqual({ day: 'mon', slot: 'morning' });
  });

  it('should leave scoring to the day and slot given, with no time arithmetic per candidate', () => {
    const sundayEvening = needs({ time: { day: 'sun', slot: 'evening' } });
    expect(scoreCandidate(candidate({ availability: { sun: ['evening'] } }), sundayEvening)).toEqual({ score: 2, reasons: ['周日晚上有空'] });
    expect(scoreCandidate(candidate({ availability: { sat: ['morning'] } }), sundayEvening).reasons).toEqual([]);
  });
});

describe('slotOf', () => {
  it.each([
    ['2026-11-28T03:59:00Z', 'morning'],
    ['2026-11-28T04:00:00Z', 'afternoon'],
    ['2026-11-28T09:59:00Z', 'afternoon'],
    ['2026-11-28T10:00:00Z', 'evening'],
  ])('should put %s (UTC) in the %s slot of Shanghai time', (instant, slot) => {
    expect(slotOf(new Date(instant))).toBe(slot);
  });
});
