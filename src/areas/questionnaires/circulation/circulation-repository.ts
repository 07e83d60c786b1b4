/**
 * All SQL of circulation: the questionnaire's dates and state, freezing versions, invitations,
 * and the reads the tracking page and the reminders need. Takes a transaction handle or the database.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, gt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { users } from '../../accounts/schema.ts';
import { questionnaires, questionnaireVersions, questionnaireInvitations, questionnaireResponses } from '../schema.ts';
import type { QuestionnaireRow } from '../questionnaires-repository.ts';
import type { InvitationRow } from '../respondents.ts';

export type { InvitationRow };
export type NewInvitationRow = typeof questionnaireInvitations.$inferInsert;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type QuestionnairePatch = Partial<Pick<QuestionnaireRow, 'opensAt' | 'closesAt' | 'circulatedAt' | 'closedAt' | 'reminderEveryDays'>>;

/**
 * Changes a questionnaire's circulation fields and bumps its version; with `expectedVersion`, only
 * when the row still has that version (undefined otherwise: someone saved first).
 */
export async function updateQuestionnaire(tx: DbOrTx, id: string, patch: QuestionnairePatch, expectedVersion?: number): Promise<QuestionnaireRow | undefined> {
  const where = expectedVersion === undefined ? eq(questionnaires.id, id) : and(eq(questionnaires.id, id), eq(questionnaires.version, expectedVersion));
  const [row] = await tx
    .update(questionnaires)
    .set({ ...patch, updatedAt: new Date(), version: sql`${questionnaires.version} + 1` })
    .where(where)
    .returning();
  return row;
}

export async function freezeVersion(tx: DbOrTx, versionId: string, at: Date): Promise<void> {
  await tx.update(questionnaireVersions).set({ frozenAt: at, updatedAt: at }).where(and(eq(questionnaireVersions.id, versionId), isNull(questionnaireVersions.frozenAt)));
}

export async function listInvitations(db: DbOrTx, questionnaireId: string): Promise<InvitationRow[]> {
  return db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.questionnaireId, questionnaireId)).orderBy(asc(questionnaireInvitations.createdAt), asc(questionnaireInvitations.id));
}

/** An invitation of this questionnaire (undefined for another questionnaire's or an unknown id). */
export async function findInvitation(db: DbOrTx, questionnaireId: string, invitationId: string, opts: { forUpdate?: boolean } = {}): Promise<InvitationRow | undefined> {
  if (!UUID.test(invitationId)) return undefined;
  const q = db
    .select()
    .from(questionnaireInvitations)
    .where(and(eq(questionnaireInvitations.id, invitationId), eq(questionnaireInvitations.questionnaireId, questionnaireId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The e-mail addresses already invited (lower case). */
export async function invitedEmails(db: DbOrTx, questionnaireId: string): Promise<Set<string>> {
  const rows = await db.select({ email: sql<string>`lower(${questionnaireInvitations.email})` }).from(questionnaireInvitations).where(eq(questionnaireInvitations.questionnaireId, questionnaireId));
  return new Set(rows.map((r) => r.email));
}

export async function insertInvitations(tx: DbOrTx, rows: NewInvitationRow[]): Promise<InvitationRow[]> {
  if (!rows.length) return [];
  return tx.insert(questionnaireInvitations).values(rows).returning();
}

export type InvitationPatch = Partial<Pick<InvitationRow, 'linkNonce' | 'tokenHash' | 'expiresAt' | 'revokedAt' | 'sentAt' | 'remindersSent' | 'lastRemindedAt' | 'name' | 'email' | 'organisation' | 'locale' | 'userId'>>;

export async function updateInvitation(tx: DbOrTx, id: string, patch: InvitationPatch): Promise<InvitationRow | undefined> {
  const [row] = await tx.update(questionnaireInvitations).set(patch).where(eq(questionnaireInvitations.id, id)).returning();
  return row;
}

/** Moves the expiry of every link of a questionnaire that is not revoked (the closing date moved). */
export async function setInvitationsExpiry(tx: DbOrTx, questionnaireId: string, expiresAt: Date): Promise<number> {
  const rows = await tx
    .update(questionnaireInvitations)
    .set({ expiresAt })
    .where(and(eq(questionnaireInvitations.questionnaireId, questionnaireId), isNull(questionnaireInvitations.revokedAt)))
    .returning({ id: questionnaireInvitations.id });
  return rows.length;
}

export interface ResponseStatusRow {
  respondentKey: string;
  status: string;
  submittedAt: Date | null;
  updatedAt: Date;
}

/** Where each response of a questionnaire stands, by respondent key. */
export async function responseStatuses(db: DbOrTx, questionnaireId: string): Promise<Map<string, ResponseStatusRow>> {
  const rows = await db
    .select({ respondentKey: questionnaireResponses.respondentKey, status: questionnaireResponses.status, submittedAt: questionnaireResponses.submittedAt, updatedAt: questionnaireResponses.updatedAt })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.questionnaireId, questionnaireId));
  return new Map(rows.map((r) => [r.respondentKey, r]));
}

/** Accounts by e-mail address (lower case), active or not: an invitation names the account it matches. */
export async function accountsByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!lower.length) return new Map();
  const out = new Map<string, string>();
  // In slices, so a long pasted list stays within the parameter limit.
  for (let i = 0; i < lower.length; i += 500) {
    const slice = lower.slice(i, i + 500);
    const rows = await db.select({ id: users.id, email: sql<string>`lower(${users.email})` }).from(users).where(inArray(sql`lower(${users.email})`, slice));
    for (const r of rows) out.set(r.email, r.id);
  }
  return out;
}

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  locale: string;
}

/** Active committee members (the committee-members audience). */
export async function activeCommitteeMembers(db: DbOrTx): Promise<PersonRow[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'committee_member'), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/** A user's name and address (whom invitees may contact). */
export async function findContact(db: DbOrTx, userId: string | null): Promise<{ name: string; email: string } | undefined> {
  if (!userId) return undefined;
  const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return row;
}

/** Questionnaires open at `now` with automatic reminders. */
export async function openQuestionnairesWithReminders(db: DbOrTx, now: Date): Promise<QuestionnaireRow[]> {
  return db
    .select()
    .from(questionnaires)
    .where(
      and(
        isNotNull(questionnaires.circulatedAt),
        isNull(questionnaires.closedAt),
        isNotNull(questionnaires.reminderEveryDays),
        or(isNull(questionnaires.opensAt), lte(questionnaires.opensAt, now)),
        or(isNull(questionnaires.closesAt), gt(questionnaires.closesAt, now)),
      ),
    )
    .orderBy(asc(questionnaires.id));
}
