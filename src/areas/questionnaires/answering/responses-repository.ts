/**
 * SQL of answering: responses (one per questionnaire and respondent key), their history events,
 * their files, and the invitations a respondent answers through.
 */
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { FormValues } from '../../../platform/forms/definition.ts';
import { storedFiles } from '../../../platform/files/schema.ts';
import { questionnaireInvitations, questionnaireResponseEvents, questionnaireResponseFiles, questionnaireResponses, questionnaires, type Audience } from '../schema.ts';
import type { InvitationRow } from '../respondents.ts';

export type ResponseRow = typeof questionnaireResponses.$inferSelect;
export type ResponseEventRow = typeof questionnaireResponseEvents.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export async function findResponse(db: DbOrTx, questionnaireId: string, respondentKey: string, opts: { forUpdate?: boolean } = {}): Promise<ResponseRow | undefined> {
  const q = db
    .select()
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.questionnaireId, questionnaireId), eq(questionnaireResponses.respondentKey, respondentKey)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Creates the response if none exists yet (a colleague may be creating it at the same moment); returns the row either way. */
export async function insertResponseIfAbsent(
  tx: DbOrTx,
  input: { questionnaireId: string; versionId: string; respondentKey: string; audience: Audience; stateIso2: string | null; locale: string; updatedByName: string },
): Promise<{ row: ResponseRow; created: boolean }> {
  const inserted = await tx
    .insert(questionnaireResponses)
    .values({ ...input, values: {}, status: 'in_progress' })
    .onConflictDoNothing({ target: [questionnaireResponses.questionnaireId, questionnaireResponses.respondentKey] })
    .returning();
  if (inserted[0]) return { row: inserted[0], created: true };
  const existing = await findResponse(tx, input.questionnaireId, input.respondentKey, { forUpdate: true });
  return { row: existing!, created: false };
}

/** Replaces the answers when the response is still at `expectedVersion`; undefined when someone saved first. */
export async function updateValuesIfVersion(tx: DbOrTx, id: string, expectedVersion: number, set: { values: FormValues; locale: string; updatedByName: string }): Promise<ResponseRow | undefined> {
  const [row] = await tx
    .update(questionnaireResponses)
    .set({ values: set.values, locale: set.locale, updatedByName: set.updatedByName, updatedAt: new Date(), version: sql`${questionnaireResponses.version} + 1` })
    .where(and(eq(questionnaireResponses.id, id), eq(questionnaireResponses.version, expectedVersion)))
    .returning();
  return row;
}

export async function markSubmitted(
  tx: DbOrTx,
  id: string,
  expectedVersion: number,
  set: { at: Date; byName: string; receipt: string; locale: string },
): Promise<ResponseRow | undefined> {
  const [row] = await tx
    .update(questionnaireResponses)
    .set({
      status: 'submitted',
      submittedAt: set.at,
      firstSubmittedAt: sql`coalesce(${questionnaireResponses.firstSubmittedAt}, ${set.at})`,
      submittedByName: set.byName,
      receipt: sql`coalesce(${questionnaireResponses.receipt}, ${set.receipt})`,
      locale: set.locale,
      updatedAt: set.at,
      updatedByName: set.byName,
      version: sql`${questionnaireResponses.version} + 1`,
    })
    .where(and(eq(questionnaireResponses.id, id), eq(questionnaireResponses.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertEvent(
  tx: DbOrTx,
  e: { responseId: string; kind: 'submitted' | 'changed'; actorName: string; invitationId: string | null; userId: string | null; values: FormValues; at?: Date },
): Promise<void> {
  await tx.insert(questionnaireResponseEvents).values({ ...e, at: e.at ?? new Date() });
}

export async function listEvents(db: DbOrTx, responseId: string): Promise<ResponseEventRow[]> {
  return db.select().from(questionnaireResponseEvents).where(eq(questionnaireResponseEvents.responseId, responseId)).orderBy(asc(questionnaireResponseEvents.at), asc(questionnaireResponseEvents.id));
}

/** Whether the response was changed after its last submission. */
export async function changedAfterSubmission(db: DbOrTx, responseId: string): Promise<boolean> {
  const [last] = await db.select({ kind: questionnaireResponseEvents.kind }).from(questionnaireResponseEvents).where(eq(questionnaireResponseEvents.responseId, responseId)).orderBy(desc(questionnaireResponseEvents.at), desc(questionnaireResponseEvents.id)).limit(1);
  return last?.kind === 'changed';
}

/* ----- Invitations ----- */

/** The colleagues who share a response: other invitations of the same questionnaire, State and audience. */
export async function listColleagues(db: DbOrTx, inv: InvitationRow): Promise<{ id: string; name: string }[]> {
  if (!inv.stateIso2) return [];
  return db
    .select({ id: questionnaireInvitations.id, name: questionnaireInvitations.name })
    .from(questionnaireInvitations)
    .where(and(eq(questionnaireInvitations.questionnaireId, inv.questionnaireId), eq(questionnaireInvitations.stateIso2, inv.stateIso2), eq(questionnaireInvitations.audience, inv.audience), isNull(questionnaireInvitations.revokedAt)))
    .orderBy(asc(questionnaireInvitations.name));
}

/** Invitations an account may answer through: naming it, or sent to its e-mail and naming no account. */
export async function listInvitationsOfAccount(db: DbOrTx, user: { id: string; email: string }, questionnaireId?: string) {
  const mine = or(eq(questionnaireInvitations.userId, user.id), and(isNull(questionnaireInvitations.userId), sql`lower(${questionnaireInvitations.email}) = ${user.email.trim().toLowerCase()}`))!;
  return db
    .select({ invitation: questionnaireInvitations, questionnaire: questionnaires })
    .from(questionnaireInvitations)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireInvitations.questionnaireId))
    .where(questionnaireId ? and(mine, eq(questionnaireInvitations.questionnaireId, questionnaireId)) : mine)
    .orderBy(desc(questionnaires.circulatedAt), asc(questionnaireInvitations.createdAt))
    .limit(200);
}

/** Responses of several respondent keys of several questionnaires (for the list of one's questionnaires). */
export async function listResponsesOf(db: DbOrTx, pairs: { questionnaireId: string; respondentKey: string }[]): Promise<ResponseRow[]> {
  if (!pairs.length) return [];
  return db
    .select()
    .from(questionnaireResponses)
    .where(or(...pairs.map((p) => and(eq(questionnaireResponses.questionnaireId, p.questionnaireId), eq(questionnaireResponses.respondentKey, p.respondentKey))))!);
}

/** Stamps the link as used; true when it had never been used before. */
export async function touchInvitation(tx: DbOrTx, invitationId: string, at: Date): Promise<{ first: boolean }> {
  const [before] = await tx.select({ lastUsedAt: questionnaireInvitations.lastUsedAt }).from(questionnaireInvitations).where(eq(questionnaireInvitations.id, invitationId)).for('update');
  await tx.update(questionnaireInvitations).set({ lastUsedAt: at }).where(eq(questionnaireInvitations.id, invitationId));
  return { first: !before?.lastUsedAt };
}

/* ----- Files ----- */

export interface ResponseFileItem {
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: Date;
  createdByName: string;
}

export async function listFiles(db: DbOrTx, responseId: string): Promise<ResponseFileItem[]> {
  return db
    .select({ fileId: questionnaireResponseFiles.fileId, filename: storedFiles.filename, contentType: storedFiles.contentType, size: storedFiles.size, createdAt: questionnaireResponseFiles.createdAt, createdByName: questionnaireResponseFiles.createdByName })
    .from(questionnaireResponseFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, questionnaireResponseFiles.fileId))
    .where(eq(questionnaireResponseFiles.responseId, responseId))
    .orderBy(asc(questionnaireResponseFiles.createdAt));
}

export async function insertFile(tx: DbOrTx, row: { responseId: string; fileId: string; createdByName: string }): Promise<void> {
  await tx.insert(questionnaireResponseFiles).values(row);
}

/** Removes the file of a response (and the stored file); false when the response has no such file. */
export async function deleteFile(tx: DbOrTx, responseId: string, fileId: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const rows = await tx.delete(questionnaireResponseFiles).where(and(eq(questionnaireResponseFiles.responseId, responseId), eq(questionnaireResponseFiles.fileId, fileId))).returning();
  if (!rows.length) return false;
  await tx.delete(storedFiles).where(eq(storedFiles.id, fileId));
  return true;
}

/** The response a file belongs to, within one questionnaire (for downloads). */
export async function findFileOwner(db: DbOrTx, questionnaireId: string, fileId: string): Promise<{ responseId: string; respondentKey: string } | undefined> {
  if (!isUuid(fileId)) return undefined;
  const [row] = await db
    .select({ responseId: questionnaireResponses.id, respondentKey: questionnaireResponses.respondentKey })
    .from(questionnaireResponseFiles)
    .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireResponseFiles.responseId))
    .where(and(eq(questionnaireResponseFiles.fileId, fileId), eq(questionnaireResponses.questionnaireId, questionnaireId)));
  return row;
}
