/** All SQL for the States area's tables. Functions take the database or an open transaction. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { article5Deadlines, committeeMemberships, committees, states } from './schema.ts';

export type StateRow = typeof states.$inferSelect;
export type NewStateRow = typeof states.$inferInsert;
export type Article5Row = typeof article5Deadlines.$inferSelect;
export type NewArticle5Row = typeof article5Deadlines.$inferInsert;
export type CommitteeRow = typeof committees.$inferSelect;

/** Membership fields an administrator may change on an existing State. */
export type MembershipPatch = Pick<
  NewStateRow,
  'signatureDate' | 'consentType' | 'consentDate' | 'eifDate' | 'withdrawalNotifiedDate' | 'withdrawalEffectiveDate' | 'suspensionNotifiedDate' | 'note'
>;

export async function selectAllStates(db: DbOrTx): Promise<StateRow[]> {
  return db.select().from(states).orderBy(asc(states.iso2));
}

/** Every State's names only (what lists of other things need to name States). */
export async function selectStateNames(db: DbOrTx) {
  return db.select({ iso2: states.iso2, names: states.names }).from(states);
}

/** `iso2` must already be upper case. */
export async function selectState(db: DbOrTx, iso2: string): Promise<StateRow | undefined> {
  const [row] = await db.select().from(states).where(eq(states.iso2, iso2)).limit(1);
  return row;
}

export async function insertState(tx: DbOrTx, row: NewStateRow): Promise<StateRow | undefined> {
  const [created] = await tx.insert(states).values(row).onConflictDoNothing().returning();
  return created;
}

/** Updates the membership dates only if the row still has `expectedVersion`; undefined when someone saved first. */
export async function updateStateMembership(tx: DbOrTx, iso2: string, expectedVersion: number, patch: MembershipPatch): Promise<StateRow | undefined> {
  const [row] = await tx
    .update(states)
    .set({ ...patch, version: sql`${states.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(states.iso2, iso2), eq(states.version, expectedVersion)))
    .returning();
  return row;
}

/** Newest row first: the row recorded last is the current deadline. */
const article5Order = [desc(article5Deadlines.createdAt), desc(article5Deadlines.deadline), desc(article5Deadlines.id)] as const;

/** The current Article 5 deadline of every State that has one. */
export async function selectCurrentArticle5Deadlines(db: DbOrTx): Promise<Article5Row[]> {
  return db
    .selectDistinctOn([article5Deadlines.stateIso2])
    .from(article5Deadlines)
    .orderBy(asc(article5Deadlines.stateIso2), ...article5Order);
}

export async function selectArticle5History(db: DbOrTx, iso2: string): Promise<Article5Row[]> {
  return db.select().from(article5Deadlines).where(eq(article5Deadlines.stateIso2, iso2)).orderBy(...article5Order);
}

export async function insertArticle5Deadline(tx: DbOrTx, row: NewArticle5Row): Promise<Article5Row> {
  const [created] = await tx.insert(article5Deadlines).values(row).returning();
  return created!;
}

export async function selectCommittees(db: DbOrTx): Promise<CommitteeRow[]> {
  return db.select().from(committees).orderBy(asc(committees.sortOrder), asc(committees.id));
}

export interface CommitteeMembershipRow {
  committeeId: string;
  committeeNames: CommitteeRow['names'];
  stateIso2: string;
  stateNames: StateRow['names'];
  year: number;
  role: 'chair' | 'member';
}

function membershipQuery(db: DbOrTx) {
  return db
    .select({
      committeeId: committeeMemberships.committeeId,
      committeeNames: committees.names,
      stateIso2: committeeMemberships.stateIso2,
      stateNames: states.names,
      year: committeeMemberships.year,
      role: committeeMemberships.role,
    })
    .from(committeeMemberships)
    .innerJoin(committees, eq(committees.id, committeeMemberships.committeeId))
    .innerJoin(states, eq(states.iso2, committeeMemberships.stateIso2));
}

export async function selectCommitteeMembershipsOfState(db: DbOrTx, iso2: string): Promise<CommitteeMembershipRow[]> {
  return membershipQuery(db)
    .where(eq(committeeMemberships.stateIso2, iso2))
    .orderBy(desc(committeeMemberships.year), asc(committees.sortOrder));
}

export async function selectCommitteeMembershipsOfYear(db: DbOrTx, year: number): Promise<CommitteeMembershipRow[]> {
  return membershipQuery(db)
    .where(eq(committeeMemberships.year, year))
    .orderBy(asc(committees.sortOrder), asc(committeeMemberships.role), asc(committeeMemberships.stateIso2));
}
