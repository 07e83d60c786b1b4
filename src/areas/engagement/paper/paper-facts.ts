/**
 * What a committee's paper on its activities and priorities is written from, for one year: its
 * composition, the meetings it held or took part in (with the States met, the gender & diversity
 * questions raised and what came out of them), its work plan and gender & diversity action plan,
 * the individualised-approach records of the year and next year's plan. Everything is recorded
 * data; nothing is typed for the paper. Meetings open only to their participants are left out.
 */
import { and, asc, eq, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { committeeMembershipsByYear, listCommittees, stateNamesByIso2, type Committee } from '../../states/index.ts';
import type { LocalizedText } from '../../states/index.ts';
import { individualisedApproaches, meetingActions, meetingParticipants, meetings, workPlanItems, workPlans, type ItemStatus, type MeetingKind, type Texts } from '../schema.ts';

export interface PaperMeeting {
  id: string;
  kind: MeetingKind;
  title: Texts;
  startsAt: Date;
  endsAt: Date;
  status: 'planned' | 'held' | 'cancelled';
  withPresidency: boolean;
  states: string[];
  genderQuestions: string | null;
  outcomes: number;
  followUps: { total: number; done: number };
}

export interface PaperItem {
  position: number;
  title: Texts;
  status: ItemStatus;
  dueDate: string | null;
}

export interface PaperFacts {
  committee: Committee;
  year: number;
  members: { iso2: string; role: 'chair' | 'member' }[];
  stateNames: Map<string, LocalizedText>;
  meetings: PaperMeeting[];
  workPlan: PaperItem[];
  genderPlan: PaperItem[];
  nextYearPlan: PaperItem[];
  individualised: { stateIso2: string; status: string; interestOn: string; intendedEvent: string | null; meetingOn: Date | null; publishedAt: Date | null }[];
}

/** Meeting kinds a committee takes part in even when not listed as a participant (the Convention's own meetings). */
const CONVENTION_MEETINGS: MeetingKind[] = ['intersessional', 'msp', 'review_conference'];

async function planItems(db: DbOrTx, committeeId: string, year: number, kind: 'work_plan' | 'gender_action_plan'): Promise<PaperItem[]> {
  return db
    .select({ position: workPlanItems.position, title: workPlanItems.title, status: workPlanItems.status, dueDate: workPlanItems.dueDate })
    .from(workPlanItems)
    .innerJoin(workPlans, eq(workPlans.id, workPlanItems.planId))
    .where(and(eq(workPlans.committeeId, committeeId), eq(workPlans.year, year), eq(workPlans.kind, kind)))
    .orderBy(asc(workPlanItems.position));
}

/** The facts of a committee's year, or undefined for an unknown committee. */
export async function paperFacts(db: DbOrTx, committeeId: string, year: number): Promise<PaperFacts | undefined> {
  const committee = (await listCommittees(db)).find((c) => c.id === committeeId);
  if (!committee) return undefined;
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const [memberships, stateNames, rows, workPlan, genderPlan, nextYearPlan, ias] = await Promise.all([
    committeeMembershipsByYear(db, year),
    stateNamesByIso2(db),
    db
      .select()
      .from(meetings)
      // Meetings restricted to their participants stay out of a paper that every committee member reads.
      .where(and(gte(meetings.startsAt, from), lt(meetings.startsAt, to), ne(meetings.status, 'cancelled'), ne(meetings.confidentiality, 'participants'), or(sql`${committeeId} = any(${meetings.committeeIds})`, inArray(meetings.kind, CONVENTION_MEETINGS))))
      .orderBy(asc(meetings.startsAt)),
    planItems(db, committeeId, year, 'work_plan'),
    planItems(db, committeeId, year, 'gender_action_plan'),
    planItems(db, committeeId, year + 1, 'work_plan'),
    db
      .select({ ia: individualisedApproaches, meetingOn: meetings.startsAt })
      .from(individualisedApproaches)
      .leftJoin(meetings, eq(meetings.id, individualisedApproaches.meetingId))
      .where(or(and(gte(individualisedApproaches.interestOn, `${year}-01-01`), lt(individualisedApproaches.interestOn, `${year + 1}-01-01`)), and(gte(meetings.startsAt, from), lt(meetings.startsAt, to))))
      .orderBy(asc(individualisedApproaches.interestOn)),
  ]);
  const ids = rows.map((m) => m.id);
  const [participants, actions] = ids.length
    ? await Promise.all([
        db
          .select({ meetingId: meetingParticipants.meetingId, iso2: meetingParticipants.stateIso2 })
          .from(meetingParticipants)
          .where(and(inArray(meetingParticipants.meetingId, ids), eq(meetingParticipants.kind, 'state')))
          .orderBy(asc(meetingParticipants.position)),
        db.select({ meetingId: meetingActions.meetingId, kind: meetingActions.kind, status: meetingActions.status }).from(meetingActions).where(inArray(meetingActions.meetingId, ids)),
      ])
    : [[], []];
  return {
    committee,
    year,
    members: memberships.filter((m) => m.committeeId === committeeId).map((m) => ({ iso2: m.stateIso2, role: m.role })).sort((a, b) => (a.role === b.role ? 0 : a.role === 'chair' ? -1 : 1)),
    stateNames,
    meetings: rows.map((m) => {
      const acts = actions.filter((a) => a.meetingId === m.id);
      const follow = acts.filter((a) => a.kind !== 'outcome');
      return {
        id: m.id,
        kind: m.kind,
        title: m.title,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        status: m.status,
        withPresidency: m.withPresidency,
        states: participants.filter((p) => p.meetingId === m.id && p.iso2).map((p) => p.iso2!),
        genderQuestions: m.genderQuestions,
        outcomes: acts.filter((a) => a.kind === 'outcome').length,
        followUps: { total: follow.length, done: follow.filter((a) => a.status === 'done').length },
      };
    }),
    workPlan,
    genderPlan,
    nextYearPlan,
    individualised: ias.map(({ ia, meetingOn }) => ({ stateIso2: ia.stateIso2, status: ia.status, interestOn: ia.interestOn, intendedEvent: ia.intendedEvent, meetingOn, publishedAt: ia.publishedAt })),
  };
}
