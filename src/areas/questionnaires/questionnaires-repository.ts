/**
 * Reads of questionnaires and their versions shared by the builder, circulation, answering and
 * results. Each part keeps its own writes in its own repository.
 */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { questionnaires, questionnaireVersions } from './schema.ts';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type VersionRow = typeof questionnaireVersions.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A questionnaire by id (undefined for an unknown or malformed id). */
export async function findQuestionnaire(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<QuestionnaireRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const q = db.select().from(questionnaires).where(eq(questionnaires.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findVersion(db: DbOrTx, versionId: string): Promise<VersionRow | undefined> {
  if (!UUID.test(versionId)) return undefined;
  const [row] = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, versionId));
  return row;
}

/** The version new responses are started on: the newest frozen one (undefined before circulation). */
export async function currentVersion(db: DbOrTx, questionnaireId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.questionnaireId, questionnaireId), isNotNull(questionnaireVersions.frozenAt)))
    .orderBy(desc(questionnaireVersions.versionNo))
    .limit(1);
  return row;
}

/** The version being edited (at most one), if any. */
export async function draftVersion(db: DbOrTx, questionnaireId: string, opts: { forUpdate?: boolean } = {}): Promise<VersionRow | undefined> {
  const q = db
    .select()
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.questionnaireId, questionnaireId), isNull(questionnaireVersions.frozenAt)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The newest version, frozen or not (what the builder shows). */
export async function latestVersion(db: DbOrTx, questionnaireId: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, questionnaireId)).orderBy(desc(questionnaireVersions.versionNo)).limit(1);
  return row;
}

export async function listVersions(db: DbOrTx, questionnaireId: string): Promise<VersionRow[]> {
  return db.select().from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, questionnaireId)).orderBy(questionnaireVersions.versionNo);
}
