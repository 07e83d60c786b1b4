/**
 * All SQL of the individualised approach: its records, and read-only looks at the meetings and
 * commitments it links to and at the State's submitted Article 7 reports (through reporting's
 * exported tables).
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { reportsTable, reportVersionsTable } from '../../reporting/index.ts';
import { individualisedApproaches, meetingActions, meetingParticipants, meetings, type IndividualisedApproachStatus } from '../schema.ts';
import type { MeetingFacts } from '../policy.ts';

export type IaRow = typeof individualisedApproaches.$inferSelect;
export type IaInsert = typeof individualisedApproaches.$inferInsert;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export async function listRecords(db: DbOrTx, f: { status?: IndividualisedApproachStatus | undefined; stateIso2?: string | undefined } = {}): Promise<IaRow[]> {
  return db
    .select()
    .from(individualisedApproaches)
    .where(and(f.status ? eq(individualisedApproaches.status, f.status) : undefined, f.stateIso2 ? eq(individualisedApproaches.stateIso2, f.stateIso2) : undefined))
    .orderBy(desc(individualisedApproaches.interestOn), asc(individualisedApproaches.stateIso2))
    .limit(500);
}

export async function findRecord(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<IaRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(individualisedApproaches).where(eq(individualisedApproaches.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertRecord(tx: DbOrTx, values: IaInsert): Promise<IaRow> {
  const [row] = await tx.insert(individualisedApproaches).values(values).returning();
  return row!;
}

export async function updateIfVersion(tx: DbOrTx, id: string, version: number, patch: Partial<IaInsert>): Promise<IaRow | undefined> {
  const [row] = await tx
    .update(individualisedApproaches)
    .set({ ...patch, updatedAt: new Date(), version: sql`${individualisedApproaches.version} + 1` })
    .where(and(eq(individualisedApproaches.id, id), eq(individualisedApproaches.version, version)))
    .returning();
  return row;
}

/** Records whose final report is public, for a State's page: newest first. */
export async function listPublished(db: DbOrTx, stateIso2: string): Promise<IaRow[]> {
  return db
    .select()
    .from(individualisedApproaches)
    .where(and(eq(individualisedApproaches.stateIso2, stateIso2), isNotNull(individualisedApproaches.publishedAt)))
    .orderBy(desc(individualisedApproaches.publishedAt));
}

/* ---------------------------------------------------------------- meetings (read-only) */

export interface MeetingSummary {
  id: string;
  kind: string;
  title: Record<string, string | undefined>;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  status: string;
  facts: MeetingFacts;
}

async function withFacts(db: DbOrTx, rows: (typeof meetings.$inferSelect)[]): Promise<MeetingSummary[]> {
  if (!rows.length) return [];
  const parts = await db
    .select({ meetingId: meetingParticipants.meetingId, userId: meetingParticipants.userId, stateIso2: meetingParticipants.stateIso2 })
    .from(meetingParticipants)
    .where(
      inArray(
        meetingParticipants.meetingId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((m) => {
    const mine = parts.filter((p) => p.meetingId === m.id);
    return {
      id: m.id,
      kind: m.kind,
      title: m.title as Record<string, string | undefined>,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      allDay: m.allDay,
      timeZone: m.timeZone,
      status: m.status,
      facts: {
        confidentiality: m.confidentiality,
        committeeIds: m.committeeIds,
        participantUserIds: mine.map((p) => p.userId).filter((x): x is string => !!x),
        participantStates: mine.map((p) => p.stateIso2).filter((x): x is string => !!x),
      },
    };
  });
}

/** Individualised-approach meetings, those with the State taking part first, newest first. */
export async function listIaMeetings(db: DbOrTx, stateIso2: string): Promise<MeetingSummary[]> {
  const rows = await db.select().from(meetings).where(eq(meetings.kind, 'individualised_approach')).orderBy(desc(meetings.startsAt)).limit(200);
  const list = await withFacts(db, rows);
  return [...list.filter((m) => m.facts.participantStates.includes(stateIso2)), ...list.filter((m) => !m.facts.participantStates.includes(stateIso2))];
}

export async function findMeeting(db: DbOrTx, id: string): Promise<MeetingSummary | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.select().from(meetings).where(eq(meetings.id, id));
  return (await withFacts(db, rows))[0];
}

/** A State's individualised-approach meeting on a day (the demo links Senegal's record to it). */
export async function findIaMeetingOn(db: DbOrTx, stateIso2: string, day: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(and(eq(meetings.kind, 'individualised_approach'), eq(meetingParticipants.stateIso2, stateIso2), sql`(${meetings.startsAt} at time zone ${meetings.timeZone})::date = ${day}::date`))
    .limit(1);
  return row?.id;
}

export interface CommitmentRow {
  id: string;
  kind: string;
  text: string;
  ownerLabel: string | null;
  stateIso2: string | null;
  dueDate: string | null;
  status: string;
  actionIds: string[];
  reviewNote: string | null;
  reviewedAt: MeetingSummary | undefined;
}

/** The commitments recorded at a meeting, with the later meeting that last reviewed each. */
export async function listCommitments(db: DbOrTx, meetingId: string): Promise<CommitmentRow[]> {
  const rows = await db
    .select()
    .from(meetingActions)
    .where(and(eq(meetingActions.meetingId, meetingId), eq(meetingActions.kind, 'commitment')))
    .orderBy(asc(meetingActions.position), asc(meetingActions.createdAt));
  const reviewIds = [...new Set(rows.map((r) => r.reviewedAtMeetingId).filter((x): x is string => !!x))];
  const reviewRows = reviewIds.length ? await db.select().from(meetings).where(inArray(meetings.id, reviewIds)) : [];
  const reviews = new Map((await withFacts(db, reviewRows)).map((m) => [m.id, m]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    ownerLabel: r.ownerLabel,
    stateIso2: r.stateIso2,
    dueDate: r.dueDate,
    status: r.status,
    actionIds: r.actionIds,
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAtMeetingId ? reviews.get(r.reviewedAtMeetingId) : undefined,
  }));
}

/** Inserts a commitment row (demo data only; the meetings pages record them otherwise). */
export async function insertCommitment(tx: DbOrTx, values: typeof meetingActions.$inferInsert): Promise<void> {
  await tx.insert(meetingActions).values(values);
}

/* ---------------------------------------------------------------- reports (read-only) */

export interface SubmittedVersion {
  reportId: string;
  year: number;
  kind: string;
  versionNo: number;
  language: string;
  submittedAt: Date;
  snapshot: unknown;
}

/**
 * The State's latest submitted report version: the newest year with a submitted version, its
 * newest version; `submittedBefore` limits it to what existed then (demo data).
 */
export async function latestSubmittedVersion(db: DbOrTx, stateIso2: string, opts: { submittedBefore?: Date; withSnapshot?: boolean } = {}): Promise<SubmittedVersion | undefined> {
  const [row] = await db
    .select({
      reportId: reportsTable.id,
      year: reportsTable.year,
      kind: reportsTable.kind,
      versionNo: reportVersionsTable.versionNo,
      language: reportVersionsTable.language,
      submittedAt: reportVersionsTable.submittedAt,
      snapshot: opts.withSnapshot === false ? sql<null>`null` : reportVersionsTable.snapshot,
    })
    .from(reportVersionsTable)
    .innerJoin(reportsTable, eq(reportsTable.id, reportVersionsTable.reportId))
    .where(and(eq(reportsTable.stateIso2, stateIso2), gt(reportsTable.currentVersionNo, 0), opts.submittedBefore ? sql`${reportVersionsTable.submittedAt} < ${opts.submittedBefore.toISOString()}` : undefined))
    .orderBy(desc(reportsTable.year), desc(reportVersionsTable.versionNo))
    .limit(1);
  return row;
}

/** The language a report was written in (to mark the profile's texts taken from it). */
export async function reportLanguage(db: DbOrTx, reportId: string): Promise<string | undefined> {
  if (!isUuid(reportId)) return undefined;
  const [row] = await db.select({ language: reportsTable.language }).from(reportsTable).where(eq(reportsTable.id, reportId));
  return row?.language;
}
