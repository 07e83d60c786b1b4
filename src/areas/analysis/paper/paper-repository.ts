/** All SQL for the observations papers (analysis_observation_papers), and the evidence read they choose examples from. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { observationPapers, reportIndicators, type PaperExample } from '../schema.ts';

export type PaperRow = typeof observationPapers.$inferSelect;
export type PaperKind = PaperRow['kind'];
export type PaperContent = PaperRow['content'];

export async function findPaper(db: DbOrTx, year: number, kind: PaperKind = 'preliminary'): Promise<PaperRow | undefined> {
  const [row] = await db
    .select()
    .from(observationPapers)
    .where(and(eq(observationPapers.year, year), eq(observationPapers.kind, kind)))
    .limit(1);
  return row;
}

export async function listPapers(db: DbOrTx, kind: PaperKind = 'preliminary'): Promise<PaperRow[]> {
  return db.select().from(observationPapers).where(eq(observationPapers.kind, kind)).orderBy(desc(observationPapers.year));
}

/** Creates the paper of a year; undefined when another one was created first (a stale first save). */
export async function insertPaper(tx: DbOrTx, values: { year: number; kind: PaperKind; content: PaperContent; examples: PaperExample[]; createdBy: string | null }): Promise<PaperRow | undefined> {
  const [row] = await tx
    .insert(observationPapers)
    .values({ ...values, updatedBy: values.createdBy })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Updates the paper if it is still at `expectedVersion` (optimistic check); undefined otherwise. */
export async function updatePaperIfVersion(
  tx: DbOrTx,
  id: string,
  expectedVersion: number,
  set: Partial<Pick<PaperRow, 'content' | 'examples' | 'status'>> & { updatedBy: string | null },
): Promise<PaperRow | undefined> {
  const [row] = await tx
    .update(observationPapers)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${observationPapers.version} + 1` })
    .where(and(eq(observationPapers.id, id), eq(observationPapers.version, expectedVersion)))
    .returning();
  return row;
}

/** The indicator values of several reports at once, with their evidence (the examples to choose from). */
export async function listEvidenceOfReports(db: DbOrTx, reportIds: string[]) {
  if (!reportIds.length) return [];
  return db
    .select({
      reportId: reportIndicators.reportId,
      indicatorId: reportIndicators.indicatorId,
      autoValue: reportIndicators.autoValue,
      decision: reportIndicators.decision,
      evidence: reportIndicators.evidence,
    })
    .from(reportIndicators)
    .where(inArray(reportIndicators.reportId, reportIds));
}
