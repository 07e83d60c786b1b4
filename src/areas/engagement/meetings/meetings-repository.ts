/** All SQL of meetings, their participants, documents, outcomes and follow-up actions, and calendar feeds. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { storedFiles } from '../../../platform/files/schema.ts';
import { users } from '../../accounts/schema.ts';
import { calendarFeeds, meetingActions, meetingDocuments, meetingParticipants, meetings, type MeetingKind } from '../schema.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type ParticipantRow = typeof meetingParticipants.$inferSelect;
export type DocumentRow = typeof meetingDocuments.$inferSelect;
export type ActionRow = typeof meetingActions.$inferSelect;
export type FeedRow = typeof calendarFeeds.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/* ----- meetings ----- */

export interface MeetingFilter {
  kind?: MeetingKind | undefined;
  committeeId?: string | undefined;
  stateIso2?: string | undefined;
  /** Meetings overlapping [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only meetings ending at or after `now` (upcoming) or before it (past). */
  when?: { upcoming: boolean; now: Date } | undefined;
}

export async function listMeetings(db: DbOrTx, f: MeetingFilter = {}): Promise<MeetingRow[]> {
  const where = and(
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.committeeId ? sql`${f.committeeId} = any(${meetings.committeeIds})` : undefined,
    f.stateIso2 ? sql`exists (select 1 from ${meetingParticipants} p where p.meeting_id = ${meetings.id} and p.state_iso2 = ${f.stateIso2})` : undefined,
    f.to ? lt(meetings.startsAt, f.to) : undefined,
    f.from ? gte(meetings.endsAt, f.from) : undefined,
    f.when ? (f.when.upcoming ? gte(meetings.endsAt, f.when.now) : lt(meetings.endsAt, f.when.now)) : undefined,
  );
  return db
    .select()
    .from(meetings)
    .where(where)
    .orderBy(f.when?.upcoming ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id));
}

export async function listMeetingYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ year: sql<number>`extract(year from ${meetings.startsAt})::int` }).from(meetings);
  return rows.map((r) => r.year).sort((a, b) => b - a);
}

export async function findMeeting(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<MeetingRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(meetings).where(eq(meetings.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertMeeting(tx: DbOrTx, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await tx.insert(meetings).values(values).returning();
  return row!;
}

/** Inserts a meeting with a given id unless it exists (demo data). */
export async function insertMeetingIfAbsent(tx: DbOrTx, values: typeof meetings.$inferInsert & { id: string }): Promise<MeetingRow | undefined> {
  const [row] = await tx.insert(meetings).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateMeetingIfVersion(tx: DbOrTx, id: string, version: number, patch: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow | undefined> {
  const [row] = await tx
    .update(meetings)
    .set({ ...patch, updatedAt: new Date(), version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  return row;
}

/* ----- participants ----- */

export interface ParticipantWithUser extends ParticipantRow {
  userName: string | null;
  userDisabled: boolean;
}

export async function listParticipants(db: DbOrTx, meetingIds: string[]): Promise<ParticipantWithUser[]> {
  if (!meetingIds.length) return [];
  const rows = await db
    .select({ p: meetingParticipants, userName: users.name, disabledAt: users.disabledAt })
    .from(meetingParticipants)
    .leftJoin(users, eq(users.id, meetingParticipants.userId))
    .where(inArray(meetingParticipants.meetingId, meetingIds))
    .orderBy(asc(meetingParticipants.position), asc(meetingParticipants.id));
  return rows.map((r) => ({ ...r.p, userName: r.userName, userDisabled: r.disabledAt !== null }));
}

export async function countParticipants(db: DbOrTx, meetingId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  return row?.n ?? 0;
}

export async function insertParticipant(tx: DbOrTx, values: Omit<typeof meetingParticipants.$inferInsert, 'position'>): Promise<ParticipantRow> {
  const [pos] = await tx.select({ n: sql<number>`coalesce(max(${meetingParticipants.position}), 0)::int + 1` }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, values.meetingId));
  const [row] = await tx
    .insert(meetingParticipants)
    .values({ ...values, position: pos?.n ?? 1 })
    .returning();
  return row!;
}

/** Whether the same State, organisation or person is already listed. */
export async function findSameParticipant(db: DbOrTx, meetingId: string, p: { kind: string; stateIso2?: string | null; organisation?: string | null; userId?: string | null; name?: string | null }): Promise<ParticipantRow | undefined> {
  const cond =
    p.kind === 'state'
      ? eq(meetingParticipants.stateIso2, p.stateIso2 ?? '')
      : p.kind === 'organisation'
        ? sql`lower(${meetingParticipants.organisation}) = lower(${p.organisation ?? ''})`
        : p.userId
          ? eq(meetingParticipants.userId, p.userId)
          : and(isNull(meetingParticipants.userId), sql`lower(${meetingParticipants.name}) = lower(${p.name ?? ''})`);
  const [row] = await db
    .select()
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.kind, p.kind as 'state'), cond));
  return row;
}

export async function deleteParticipant(tx: DbOrTx, meetingId: string, id: string): Promise<ParticipantRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .delete(meetingParticipants)
    .where(and(eq(meetingParticipants.id, id), eq(meetingParticipants.meetingId, meetingId)))
    .returning();
  return row;
}

/* ----- documents ----- */

export async function listDocuments(db: DbOrTx, meetingId: string) {
  return db
    .select({ id: meetingDocuments.id, title: meetingDocuments.title, kind: meetingDocuments.kind, fileId: meetingDocuments.fileId, createdAt: meetingDocuments.createdAt, filename: storedFiles.filename, contentType: storedFiles.contentType, size: storedFiles.size })
    .from(meetingDocuments)
    .innerJoin(storedFiles, eq(storedFiles.id, meetingDocuments.fileId))
    .where(eq(meetingDocuments.meetingId, meetingId))
    .orderBy(asc(meetingDocuments.createdAt), asc(meetingDocuments.id));
}

export async function countDocuments(db: DbOrTx, meetingId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(meetingDocuments).where(eq(meetingDocuments.meetingId, meetingId));
  return row?.n ?? 0;
}

export async function findDocument(db: DbOrTx, meetingId: string, id: string): Promise<DocumentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(meetingDocuments)
    .where(and(eq(meetingDocuments.id, id), eq(meetingDocuments.meetingId, meetingId)));
  return row;
}

export async function insertDocument(tx: DbOrTx, values: typeof meetingDocuments.$inferInsert): Promise<DocumentRow> {
  const [row] = await tx.insert(meetingDocuments).values(values).returning();
  return row!;
}

/** Removes a document and its stored file. */
export async function deleteDocument(tx: DbOrTx, doc: DocumentRow): Promise<void> {
  await tx.delete(meetingDocuments).where(eq(meetingDocuments.id, doc.id));
  await tx.delete(storedFiles).where(eq(storedFiles.id, doc.fileId));
}

/* ----- outcomes and follow-up actions ----- */

export interface ActionWithOwner extends ActionRow {
  ownerName: string | null;
  ownerDisabled: boolean;
}

function withOwner(r: { a: ActionRow; ownerName: string | null; disabledAt: Date | null }): ActionWithOwner {
  return { ...r.a, ownerName: r.ownerName, ownerDisabled: r.disabledAt !== null };
}

export async function listActions(db: DbOrTx, meetingId: string): Promise<ActionWithOwner[]> {
  const rows = await db
    .select({ a: meetingActions, ownerName: users.name, disabledAt: users.disabledAt })
    .from(meetingActions)
    .leftJoin(users, eq(users.id, meetingActions.ownerUserId))
    .where(eq(meetingActions.meetingId, meetingId))
    .orderBy(asc(meetingActions.position), asc(meetingActions.createdAt));
  return rows.map(withOwner);
}

/** Follow-up actions and commitments still to be done, due in [from, to) (or overdue when `from` is omitted). */
export async function listActionsDue(db: DbOrTx, f: { to: string; from?: string | undefined }): Promise<ActionWithOwner[]> {
  const rows = await db
    .select({ a: meetingActions, ownerName: users.name, disabledAt: users.disabledAt })
    .from(meetingActions)
    .leftJoin(users, eq(users.id, meetingActions.ownerUserId))
    .where(and(inArray(meetingActions.kind, ['follow_up', 'commitment']), inArray(meetingActions.status, ['open', 'in_progress']), lt(meetingActions.dueDate, f.to), f.from ? gte(meetingActions.dueDate, f.from) : undefined))
    .orderBy(asc(meetingActions.dueDate), asc(meetingActions.id));
  return rows.map(withOwner);
}

/** Actions reviewed at a meeting (shown on the later meeting's page). */
export async function listActionsReviewedAt(db: DbOrTx, meetingId: string): Promise<ActionWithOwner[]> {
  const rows = await db
    .select({ a: meetingActions, ownerName: users.name, disabledAt: users.disabledAt })
    .from(meetingActions)
    .leftJoin(users, eq(users.id, meetingActions.ownerUserId))
    .where(eq(meetingActions.reviewedAtMeetingId, meetingId))
    .orderBy(asc(meetingActions.dueDate), asc(meetingActions.id));
  return rows.map(withOwner);
}

export async function findAction(db: DbOrTx, meetingId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ActionRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db
    .select()
    .from(meetingActions)
    .where(and(eq(meetingActions.id, id), eq(meetingActions.meetingId, meetingId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertAction(tx: DbOrTx, values: Omit<typeof meetingActions.$inferInsert, 'position'>): Promise<ActionRow> {
  const [pos] = await tx.select({ n: sql<number>`coalesce(max(${meetingActions.position}), 0)::int + 1` }).from(meetingActions).where(eq(meetingActions.meetingId, values.meetingId));
  const [row] = await tx
    .insert(meetingActions)
    .values({ ...values, position: pos?.n ?? 1 })
    .returning();
  return row!;
}

export async function updateActionIfVersion(tx: DbOrTx, id: string, version: number, patch: Partial<typeof meetingActions.$inferInsert>): Promise<ActionRow | undefined> {
  const [row] = await tx
    .update(meetingActions)
    .set({ ...patch, updatedAt: new Date(), version: sql`${meetingActions.version} + 1` })
    .where(and(eq(meetingActions.id, id), eq(meetingActions.version, version)))
    .returning();
  return row;
}

/* ----- people ----- */

/** A user and whether the account is disabled (owners must be active). */
export async function findUser(db: DbOrTx, id: string): Promise<{ id: string; name: string; locale: string; disabled: boolean } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select({ id: users.id, name: users.name, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.id, id));
  return row ? { id: row.id, name: row.name, locale: row.locale, disabled: row.disabledAt !== null } : undefined;
}

/** Active accounts, for choosing owners and people taking part. */
export async function listActiveUsers(db: DbOrTx): Promise<{ id: string; name: string; role: string; stateIso2: string | null; committeeId: string | null }[]> {
  return db
    .select({ id: users.id, name: users.name, role: users.role, stateIso2: users.stateIso2, committeeId: users.committeeId })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name), asc(users.id));
}

/* ----- calendar feeds ----- */

export async function findFeed(db: DbOrTx, userId: string): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

export async function findFeedByHash(db: DbOrTx, tokenHash: string): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row;
}

/** Creates the user's feed or replaces its address. */
export async function upsertFeed(tx: DbOrTx, values: { userId: string; linkNonce: string; tokenHash: string }): Promise<FeedRow> {
  const [row] = await tx
    .insert(calendarFeeds)
    .values(values)
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { linkNonce: values.linkNonce, tokenHash: values.tokenHash, createdAt: new Date(), lastUsedAt: null } })
    .returning();
  return row!;
}

export async function touchFeed(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, userId), or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, sql`now() - interval '5 minutes'`))));
}
