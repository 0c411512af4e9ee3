import { assertOrderOpen, cancelDeadline, deriveOrderStatus, isClosed, type OrderProgress, type OrderStatus } from './order-status';

describe('deriveOrderStatus', () => {
  const rows: [string, OrderProgress, OrderStatus][] = [
    ['nobody accepted yet', { status: 'published', capacity: 3, placesTaken: 0, serving: 0, checkedIn: 0, checkedOut: 0 }, 'published'],
    ['some places still free', { status: 'published', capacity: 3, placesTaken: 2, serving: 2, checkedIn: 0, checkedOut: 0 }, 'published'],
    ['every place taken', { status: 'published', capacity: 3, placesTaken: 3, serving: 3, checkedIn: 0, checkedOut: 0 }, 'staffed'],
    ['a place freed on a staffed order', { status: 'staffed', capacity: 3, placesTaken: 2, serving: 2, checkedIn: 0, checkedOut: 0 }, 'published'],
    ['a staffed order, someone checked in', { status: 'staffed', capacity: 3, placesTaken: 3, serving: 3, checkedIn: 1, checkedOut: 0 }, 'in_service'],
    ['an order not yet full, someone checked in', { status: 'published', capacity: 3, placesTaken: 1, serving: 1, checkedIn: 1, checkedOut: 0 }, 'in_service'],
    ['an order not yet full, its only member so far checked out', { status: 'in_service', capacity: 3, placesTaken: 1, serving: 1, checkedIn: 1, checkedOut: 1 }, 'in_service'],
    ['some of those who accepted checked out', { status: 'in_service', capacity: 3, placesTaken: 3, serving: 3, checkedIn: 3, checkedOut: 2 }, 'in_service'],
    ['every place taken, everyone checked in and out', { status: 'in_service', capacity: 3, placesTaken: 3, serving: 3, checkedIn: 3, checkedOut: 3 }, 'completed'],
    ['full, a walk-in still checked in', { status: 'in_service', capacity: 3, placesTaken: 3, serving: 4, checkedIn: 4, checkedOut: 3 }, 'in_service'],
    ['full, the walk-in checked out too', { status: 'in_service', capacity: 3, placesTaken: 3, serving: 4, checkedIn: 4, checkedOut: 4 }, 'completed'],
    ['one no-show, the others checked out', { status: 'in_service', capacity: 3, placesTaken: 3, serving: 3, checkedIn: 2, checkedOut: 2 }, 'in_service'],
    ['checked in though nobody holds a place', { status: 'in_service', capacity: 3, placesTaken: 0, serving: 0, checkedIn: 1, checkedOut: 1 }, 'in_service'],
    ['cancelled stays cancelled', { status: 'cancelled', capacity: 3, placesTaken: 3, serving: 3, checkedIn: 0, checkedOut: 0 }, 'cancelled'],
    ['completed stays completed', { status: 'completed', capacity: 3, placesTaken: 1, serving: 1, checkedIn: 0, checkedOut: 0 }, 'completed'],
  ];

  it.each(rows)('should derive the status when %s', (_case, progress, expected) => {
    expect(deriveOrderStatus(progress)).toBe(expected);
  });
});

describe('isClosed', () => {
  it.each([
    ['published', false],
    ['staffed', false],
    ['in_service', false],
    ['completed', true],
    ['cancelled', true],
  ] as [OrderStatus, boolean][])('should say whether %s is final', (status, closed) => {
    expect(isClosed(status)).toBe(closed);
  });
});

describe('assertOrderOpen', () => {
  it.each(['published', 'staffed', 'in_service'] as OrderStatus[])('should let an action on a %s order through', (status) => {
    expect(() => assertOrderOpen(status)).not.toThrow();
  });

  it.each([
    ['cancelled', '订单已取消'],
    ['completed', '订单已完成'],
  ] as [OrderStatus, string][])('should refuse every action on a %s order as ORDER_CLOSED', (status, detail) => {
    expect(() => assertOrderOpen(status)).toThrow(expect.objectContaining({ code: 'ORDER_CLOSED', message: expect.stringContaining(detail) }));
  });
});

describe('cancelDeadline', () => {
  const start = new Date('2026-11-23T09:00:00+08:00');
  it.each([
    [0, '2026-11-23T01:00:00.000Z'],
    [1, '2026-11-23T00:59:00.000Z'],
    [120, '2026-11-22T23:00:00.000Z'],
    [10080, '2026-11-16T01:00:00.000Z'],
  ])('should put the cut-off %i minutes before the start', (cutoff, expected) => {
    expect(cancelDeadline(start, cutoff).toISOString()).toBe(expected);
  });

  it('should not change the start it was given', () => {
    cancelDeadline(start, 60);
    expect(start.toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });
});
