import { describe, expect, it } from 'vitest';
import { exponentialBackoff, parseSchedule, slotFor } from './schedule.ts';

describe('scheduled task slots', () => {
  it('aligns interval slots to the period start', () => {
    expect(slotFor(3600_000, new Date('2026-03-04T10:59:59.999Z'))).toBe('2026-03-04T10:00:00.000Z');
    expect(slotFor(3600_000, new Date('2026-03-04T11:00:00.000Z'))).toBe('2026-03-04T11:00:00.000Z');
    expect(slotFor(15 * 60_000, new Date('2026-03-04T11:29:00Z'))).toBe('2026-03-04T11:15:00.000Z');
  });

  it('gives one slot per day for a daily time, the most recent one not after now', () => {
    expect(slotFor('03:30', new Date('2026-03-04T03:29:59Z'))).toBe('2026-03-03T03:30:00.000Z');
    expect(slotFor('03:30', new Date('2026-03-04T03:30:00Z'))).toBe('2026-03-04T03:30:00.000Z');
    expect(slotFor('daily@23:00', new Date('2026-01-01T00:10:00Z'))).toBe('2025-12-31T23:00:00.000Z');
  });

  it('refuses schedules it cannot read', () => {
    expect(() => parseSchedule('25:00')).toThrow(/HH:MM/);
    expect(() => parseSchedule('every hour')).toThrow();
    expect(() => parseSchedule(10)).toThrow(/≥ 1000/);
  });

  it('backs off exponentially up to a cap', () => {
    const b = exponentialBackoff(1000, 5000);
    expect([1, 2, 3, 4, 5].map(b)).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
