/** The writes of the demo seed (the only SQL of the demo part). */
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { users } from '../../accounts/schema.ts';
import { questionnaires, questionnaireVersions, questionnaireInvitations, questionnaireResponses, questionnaireResponseEvents, questionnaireAnswerTags } from '../schema.ts';

export async function questionnaireExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: questionnaires.id }).from(questionnaires).where(eq(questionnaires.id, id));
  return !!row;
}

/** Ids of the accounts with these e-mail addresses (demo accounts the invitations may name). */
export async function userIdsByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  if (!emails.length) return new Map();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}

export async function insertQuestionnaire(db: DbOrTx, row: typeof questionnaires.$inferInsert) {
  await db.insert(questionnaires).values(row);
}
export async function insertVersion(db: DbOrTx, row: typeof questionnaireVersions.$inferInsert) {
  await db.insert(questionnaireVersions).values(row);
}
export async function insertInvitation(db: DbOrTx, row: typeof questionnaireInvitations.$inferInsert) {
  await db.insert(questionnaireInvitations).values(row);
}
export async function insertResponse(db: DbOrTx, row: typeof questionnaireResponses.$inferInsert) {
  await db.insert(questionnaireResponses).values(row);
}
export async function insertResponseEvent(db: DbOrTx, row: typeof questionnaireResponseEvents.$inferInsert) {
  await db.insert(questionnaireResponseEvents).values(row);
}
export async function insertTag(db: DbOrTx, row: typeof questionnaireAnswerTags.$inferInsert) {
  await db.insert(questionnaireAnswerTags).values(row).onConflictDoNothing();
}
