import { describe, expect, it } from 'vitest';
import { questionnaireStatus } from './status.ts';

const day = 86_400_000;
const now = new Date('2026-05-01T12:00:00Z');
const at = (d: number) => new Date(now.getTime() + d * day);
const base = { committeeId: null, opensAt: null, closesAt: null, circulatedAt: null, closedAt: null };

describe('questionnaire status', () => {
  it('is a draft until circulated, then scheduled, open and closed by date or by hand', () => {
    expect(questionnaireStatus(base, now)).toBe('draft');
    expect(questionnaireStatus({ ...base, circulatedAt: at(-1), opensAt: at(2) }, now)).toBe('scheduled');
    expect(questionnaireStatus({ ...base, circulatedAt: at(-1), opensAt: at(-1), closesAt: at(10) }, now)).toBe('open');
    expect(questionnaireStatus({ ...base, circulatedAt: at(-1) }, now)).toBe('open');
    expect(questionnaireStatus({ ...base, circulatedAt: at(-20), opensAt: at(-20), closesAt: at(-1) }, now)).toBe('closed');
    expect(questionnaireStatus({ ...base, circulatedAt: at(-1), closedAt: at(-0.5), closesAt: at(10) }, now)).toBe('closed');
  });
});
