/** All SQL of the results: responses, invitations as the response rate needs them, answer tags. */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { questionnaires, questionnaireAnswerTags, questionnaireInvitations, questionnaireResponses } from '../schema.ts';

export type ResponseRow = typeof questionnaireResponses.$inferSelect;
export type TagRow = typeof questionnaireAnswerTags.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listResponses(db: DbOrTx, questionnaireId: string): Promise<ResponseRow[]> {
  return db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, questionnaireId)).orderBy(asc(questionnaireResponses.stateIso2), asc(questionnaireResponses.respondentKey));
}

/** One response of this questionnaire (undefined for another questionnaire's or a malformed id). */
export async function findResponse(db: DbOrTx, questionnaireId: string, responseId: string): Promise<ResponseRow | undefined> {
  if (!UUID.test(responseId)) return undefined;
  const [row] = await db
    .select()
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.questionnaireId, questionnaireId), eq(questionnaireResponses.id, responseId)));
  return row;
}

export async function listInvitationFacts(db: DbOrTx, questionnaireId: string) {
  return db
    .select({ id: questionnaireInvitations.id, audience: questionnaireInvitations.audience, stateIso2: questionnaireInvitations.stateIso2, revokedAt: questionnaireInvitations.revokedAt })
    .from(questionnaireInvitations)
    .where(eq(questionnaireInvitations.questionnaireId, questionnaireId));
}

/** Every tag on the answers of a questionnaire's responses. */
export async function listTags(db: DbOrTx, questionnaireId: string): Promise<TagRow[]> {
  const ids = db.select({ id: questionnaireResponses.id }).from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, questionnaireId));
  return db.select().from(questionnaireAnswerTags).where(inArray(questionnaireAnswerTags.responseId, ids)).orderBy(asc(questionnaireAnswerTags.tag));
}

/** Adds a tag; false when the answer already has it. */
export async function insertTag(tx: DbOrTx, row: { responseId: string; path: string; tag: string; createdBy: string | null }): Promise<boolean> {
  const inserted = await tx.insert(questionnaireAnswerTags).values(row).onConflictDoNothing().returning({ tag: questionnaireAnswerTags.tag });
  return inserted.length > 0;
}

/** Removes a tag; false when the answer did not have it. */
export async function deleteTag(tx: DbOrTx, key: { responseId: string; path: string; tag: string }): Promise<boolean> {
  const deleted = await tx
    .delete(questionnaireAnswerTags)
    .where(and(eq(questionnaireAnswerTags.responseId, key.responseId), eq(questionnaireAnswerTags.path, key.path), eq(questionnaireAnswerTags.tag, key.tag)))
    .returning({ tag: questionnaireAnswerTags.tag });
  return deleted.length > 0;
}

/** The tags of an answer, case-insensitively equal to this one (so "Funding gap" and "funding gap" are one tag). */
export async function findTagLike(db: DbOrTx, key: { responseId: string; path: string; tag: string }): Promise<TagRow | undefined> {
  const [row] = await db
    .select()
    .from(questionnaireAnswerTags)
    .where(and(eq(questionnaireAnswerTags.responseId, key.responseId), eq(questionnaireAnswerTags.path, key.path), sql`lower(${questionnaireAnswerTags.tag}) = lower(${key.tag})`));
  return row;
}

/** Every questionnaire ever circulated (the observations paper picks those open during its year). */
export async function listCirculated(db: DbOrTx) {
  return db.select().from(questionnaires).where(isNotNull(questionnaires.circulatedAt));
}
