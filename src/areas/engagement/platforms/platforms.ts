/**
 * National mine action platforms (domain §10 priorities; Oslo Action Plan #45): whether a State has
 * one, when it last met, who chairs and who takes part, with the gender balance of its members.
 * Pure rules only.
 */
import { PLATFORM_MEMBER_KINDS } from '../schema.ts';

export { PLATFORM_MEMBER_KINDS };
export type MemberKind = (typeof PLATFORM_MEMBER_KINDS)[number];
export const EXISTS = ['yes', 'no', 'unknown'] as const;
export type Exists = (typeof EXISTS)[number];

export interface Counts {
  women: number | null;
  men: number | null;
  otherGender: number | null;
}

export interface Balance {
  women: number;
  men: number;
  other: number;
  total: number;
  /** Shares of the people counted (0–1), undefined when nobody was counted. */
  womenShare: number | undefined;
  menShare: number | undefined;
  otherShare: number | undefined;
  /** Members (organisations) whose people were not counted at all. */
  uncounted: number;
}

/** The gender balance of a set of members: totals and shares of the people counted. */
export function genderBalance(members: Counts[]): Balance {
  let women = 0;
  let men = 0;
  let other = 0;
  let uncounted = 0;
  for (const m of members) {
    if (m.women === null && m.men === null && m.otherGender === null) uncounted++;
    women += m.women ?? 0;
    men += m.men ?? 0;
    other += m.otherGender ?? 0;
  }
  const total = women + men + other;
  const share = (n: number) => (total ? n / total : undefined);
  return { women, men, other, total, womenShare: share(women), menShare: share(men), otherShare: share(other), uncounted };
}

/** The balance per kind of member (government, operators, …), in the kinds' order, kinds present only. */
export function balanceByKind<T extends Counts & { kind: MemberKind }>(members: T[]): { kind: MemberKind; members: number; balance: Balance }[] {
  return PLATFORM_MEMBER_KINDS.map((kind) => {
    const of = members.filter((m) => m.kind === kind);
    return { kind, members: of.length, balance: genderBalance(of) };
  }).filter((k) => k.members > 0);
}

/**
 * Problems with a platform's facts, as field → message key: dates in the wrong order or in the
 * future, dates or a chair given for a platform said not to exist.
 */
export function platformProblems(p: { exists: Exists; establishedOn?: string | undefined; lastMetOn?: string | undefined; chairedBy?: string | undefined }, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.establishedOn && p.establishedOn > today) out.established_on = 'engagement.platforms.date_future';
  if (p.lastMetOn && p.lastMetOn > today) out.last_met_on = 'engagement.platforms.date_future';
  if (p.establishedOn && p.lastMetOn && p.lastMetOn < p.establishedOn) out.last_met_on = 'engagement.platforms.met_before_established';
  if (p.exists === 'no' && (p.establishedOn || p.lastMetOn || p.chairedBy)) out.exists = 'engagement.platforms.facts_without_platform';
  return out;
}
