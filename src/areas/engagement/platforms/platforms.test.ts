import { describe, expect, it } from 'vitest';
import { balanceByKind, genderBalance, platformProblems } from './platforms.ts';

describe('gender balance of a national platform', () => {
  it('adds up the people counted and gives shares; members without counts are noted, not zeros', () => {
    const b = genderBalance([
      { women: 3, men: 5, otherGender: null },
      { women: 2, men: 1, otherGender: 1 },
      { women: null, men: null, otherGender: null },
    ]);
    expect(b).toMatchObject({ women: 5, men: 6, other: 1, total: 12, uncounted: 1 });
    expect(b.womenShare).toBeCloseTo(5 / 12);
    expect(genderBalance([]).womenShare).toBeUndefined();
  });

  it('groups by kind in the kinds’ order', () => {
    const rows = balanceByKind([
      { kind: 'operator', women: 1, men: 1, otherGender: 0 },
      { kind: 'government', women: 0, men: 2, otherGender: 0 },
      { kind: 'operator', women: 1, men: 0, otherGender: 0 },
    ]);
    expect(rows.map((r) => [r.kind, r.members, r.balance.women])).toEqual([
      ['government', 1, 0],
      ['operator', 2, 2],
    ]);
  });
});

describe('platform facts', () => {
  it('refuses dates in the wrong order or future, and facts for a platform that does not exist', () => {
    expect(platformProblems({ exists: 'yes', establishedOn: '2023-01-01', lastMetOn: '2022-01-01' }, '2024-01-01')).toEqual({ last_met_on: 'engagement.platforms.met_before_established' });
    expect(platformProblems({ exists: 'yes', lastMetOn: '2025-01-01' }, '2024-01-01')).toEqual({ last_met_on: 'engagement.platforms.date_future' });
    expect(platformProblems({ exists: 'no', chairedBy: 'X' }, '2024-01-01')).toEqual({ exists: 'engagement.platforms.facts_without_platform' });
    expect(platformProblems({ exists: 'unknown' }, '2024-01-01')).toEqual({});
  });
});
