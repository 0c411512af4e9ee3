import { DomainError } from './domain-error';
import { assertWithinHorizon } from './time-horizon';

describe('dates within what a person plans', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const refusal = (value: string, bounds: Parameters<typeof assertWithinHorizon>[2]) => {
    try {
      assertWithinHorizon(value, now, bounds);
      return null;
    } catch (error) {
      return (error as DomainError).toBody();
    }
  };

  it('should accept a date within the horizon and an absent one', () => {
    expect(refusal('2027-06-01T09:00:00+08:00', { field: 'startsAt', label: '开始时间' })).toBeNull();
    expect(() => assertWithinHorizon(undefined, now, { field: 'startsAt', label: '开始时间' })).not.toThrow();
  });

  it('should refuse a date more than a year ahead, naming the field', () => {
    expect(refusal('2099-01-01T09:00:00+08:00', { field: 'startsAt', label: '开始时间' })).toEqual({
      code: 'VALIDATION_FAILED',
      message: '填写的内容有误：开始时间不能晚于366天以后',
      fields: { startsAt: '开始时间不能晚于366天以后' },
    });
  });

  it('should refuse a date further back than allowed', () => {
    expect(refusal('2025-01-01T09:00:00+08:00', { field: 'wantedFrom', label: '期望开始时间', pastDays: 31 })?.fields).toEqual({
      wantedFrom: '期望开始时间不能早于31天以前',
    });
    expect(refusal('2026-11-15T09:00:00+08:00', { field: 'wantedFrom', label: '期望开始时间', pastDays: 31 })).toBeNull();
  });
});
