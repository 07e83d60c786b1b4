/**
 * The builder's SQL: questionnaires and their versions as the builder writes them, and the list
 * with its counts. Shared reads (one questionnaire, its versions) are in ../questionnaires-repository.ts.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { QuestionnaireContent, Texts } from '../content.ts';
import { questionnaireInvitations, questionnaireResponses, questionnaires, questionnaireVersions } from '../schema.ts';
import type { QuestionnaireRow, VersionRow } from '../questionnaires-repository.ts';

/**
 * The outer questionnaire's id inside correlated subqueries, written out: Drizzle leaves column
 * names unqualified in single-table selects, where `id` would then mean the subquery's own row.
 */
const OUTER_ID = sql.raw('"questionnaires"."id"');

export async function insertQuestionnaire(
  tx: DbOrTx,
  values: { title: Texts; description: Texts; sourceLocale: string; committeeId: string | null; createdBy: string | null },
): Promise<QuestionnaireRow> {
  const [row] = await tx.insert(questionnaires).values(values).returning();
  return row!;
}

export async function insertVersion(tx: DbOrTx, values: { questionnaireId: string; versionNo: number; content: QuestionnaireContent; createdBy: string | null }): Promise<VersionRow> {
  const [row] = await tx.insert(questionnaireVersions).values(values).returning();
  return row!;
}

/** The newest version of a questionnaire, locked for the edit that follows. */
export async function latestVersionForUpdate(tx: DbOrTx, questionnaireId: string): Promise<VersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(desc(questionnaireVersions.versionNo))
    .limit(1)
    .for('update');
  return row;
}

/** Stores new content on a draft version; undefined when the version was frozen or saved meanwhile. */
export async function updateDraftContent(tx: DbOrTx, versionId: string, expectedVersion: number, content: QuestionnaireContent): Promise<VersionRow | undefined> {
  const [row] = await tx
    .update(questionnaireVersions)
    .set({ content, updatedAt: new Date(), version: sql`${questionnaireVersions.version} + 1` })
    .where(and(eq(questionnaireVersions.id, versionId), eq(questionnaireVersions.version, expectedVersion), sql`${questionnaireVersions.frozenAt} is null`))
    .returning();
  return row;
}

/** Title and description; undefined when the questionnaire was saved meanwhile. */
export async function updateHead(tx: DbOrTx, id: string, expectedVersion: number, patch: { title: Texts; description: Texts }): Promise<QuestionnaireRow | undefined> {
  const [row] = await tx
    .update(questionnaires)
    .set({ ...patch, updatedAt: new Date(), version: sql`${questionnaires.version} + 1` })
    .where(and(eq(questionnaires.id, id), eq(questionnaires.version, expectedVersion)))
    .returning();
  return row;
}

export interface QuestionnaireListRow {
  questionnaire: QuestionnaireRow;
  latestVersionNo: number | null;
  latestFrozen: boolean;
  invitations: number;
  submitted: number;
}

/** Every questionnaire, newest first, with its newest version and counts of invitations and submitted responses. */
export async function selectQuestionnaireList(db: DbOrTx): Promise<QuestionnaireListRow[]> {
  const rows = await db
    .select({
      questionnaire: questionnaires,
      latestVersionNo: sql<number | null>`(select max(v.version_no)::int from ${questionnaireVersions} v where v.questionnaire_id = ${OUTER_ID})`,
      latestFrozen: sql<boolean>`coalesce((select v.frozen_at is not null from ${questionnaireVersions} v where v.questionnaire_id = ${OUTER_ID} order by v.version_no desc limit 1), false)`,
      invitations: sql<number>`(select count(*)::int from ${questionnaireInvitations} i where i.questionnaire_id = ${OUTER_ID} and i.revoked_at is null)`,
      submitted: sql<number>`(select count(*)::int from ${questionnaireResponses} r where r.questionnaire_id = ${OUTER_ID} and r.status = 'submitted')`,
    })
    .from(questionnaires)
    .orderBy(desc(questionnaires.createdAt), desc(questionnaires.id));
  return rows.map((r) => ({ ...r, latestVersionNo: r.latestVersionNo === null ? null : Number(r.latestVersionNo), invitations: Number(r.invitations), submitted: Number(r.submitted), latestFrozen: r.latestFrozen === true }));
}

/** Counts for one questionnaire's overview. */
export async function selectCounts(db: DbOrTx, questionnaireId: string): Promise<{ invitations: number; submitted: number; inProgress: number }> {
  const [row] = await db
    .select({
      invitations: sql<number>`(select count(*)::int from ${questionnaireInvitations} i where i.questionnaire_id = ${OUTER_ID} and i.revoked_at is null)`,
      submitted: sql<number>`(select count(*)::int from ${questionnaireResponses} r where r.questionnaire_id = ${OUTER_ID} and r.status = 'submitted')`,
      inProgress: sql<number>`(select count(*)::int from ${questionnaireResponses} r where r.questionnaire_id = ${OUTER_ID} and r.status = 'in_progress')`,
    })
    .from(questionnaires)
    .where(eq(questionnaires.id, questionnaireId));
  return { invitations: Number(row?.invitations ?? 0), submitted: Number(row?.submitted ?? 0), inProgress: Number(row?.inProgress ?? 0) };
}

/** The newest version of every questionnaire whose newest version has a question linked to an action (jsonb containment). */
export async function selectLatestVersionsLinkedTo(db: DbOrTx, actionId: string): Promise<{ questionnaire: QuestionnaireRow; version: VersionRow }[]> {
  const probe = JSON.stringify({ sections: [{ questions: [{ actions: [actionId] }] }] });
  return db
    .select({ questionnaire: questionnaires, version: questionnaireVersions })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(
      and(
        sql`${questionnaireVersions.content} @> ${probe}::jsonb`,
        sql`${questionnaireVersions.versionNo} = (select max(v.version_no) from ${questionnaireVersions} v where v.questionnaire_id = ${questionnaireVersions.questionnaireId})`,
      ),
    )
    .orderBy(desc(questionnaires.createdAt));
}
