/** All SQL for reports, their forms, versions, comments and attachments. */
import { and, asc, desc, eq, getTableColumns, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.ts';
import { mineTypes, reportAttachments, reportForms, reports, reportVersions, reviewComments, type ReportStatus } from './schema.ts';
import { storedFiles } from '../../platform/files/schema.ts';

export type ReportRow = typeof reports.$inferSelect;
export type ReportFormRow = typeof reportForms.$inferSelect;
export type ReportVersionRow = typeof reportVersions.$inferSelect;
export type CommentRow = typeof reviewComments.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export async function findReport(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(reports).where(eq(reports.id, id)).limit(1);
  return row;
}

/** Locks the report row for the rest of the transaction (status changes). */
export async function lockReport(tx: DbOrTx, id: string): Promise<ReportRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for('update').limit(1);
  return row;
}

/**
 * Holds the report row against status changes (submission) until the transaction ends, so a save
 * can never slip into a report that is being submitted. Returns the row as locked.
 */
export async function shareLockReport(tx: DbOrTx, id: string): Promise<ReportRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for('share').limit(1);
  return row;
}

export async function findReportByObligation(db: DbOrTx, stateIso2: string, kind: 'initial' | 'annual', year: number) {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.stateIso2, stateIso2), eq(reports.kind, kind), eq(reports.year, year)))
    .limit(1);
  return row;
}

export async function listReportsOfState(db: DbOrTx, stateIso2: string) {
  return db.select().from(reports).where(eq(reports.stateIso2, stateIso2)).orderBy(desc(reports.year), desc(reports.kind));
}

export interface ReportFilter {
  stateIso2?: string | undefined;
  year?: number | undefined;
  kind?: 'initial' | 'annual' | undefined;
  statuses?: ReportStatus[] | undefined;
  publishedOnly?: boolean;
  publicOnly?: boolean;
  limit?: number;
  offset?: number;
}

function reportConditions(f: ReportFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.stateIso2) where.push(eq(reports.stateIso2, f.stateIso2));
  if (f.year) where.push(eq(reports.year, f.year));
  if (f.kind) where.push(eq(reports.kind, f.kind));
  if (f.statuses?.length) where.push(inArray(reports.status, f.statuses));
  if (f.publishedOnly) where.push(sql`${reports.publishedVersionNo} is not null`);
  if (f.publicOnly) where.push(eq(reports.visibility, 'public'));
  return where.length ? and(...where) : undefined;
}

export async function countReports(db: DbOrTx, f: ReportFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(reportConditions(f));
  return row?.n ?? 0;
}

export async function listReports(db: DbOrTx, f: ReportFilter) {
  return db
    .select()
    .from(reports)
    .where(reportConditions(f))
    .orderBy(desc(reports.year), asc(reports.stateIso2), asc(reports.kind))
    .limit(Math.min(f.limit ?? 100, 1000))
    .offset(f.offset ?? 0);
}

export async function insertReport(tx: DbOrTx, values: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(reports).values(values).returning();
  return row!;
}

export async function updateReport(tx: DbOrTx, id: string, patch: Partial<typeof reports.$inferInsert>): Promise<ReportRow> {
  const [row] = await tx
    .update(reports)
    .set({ ...patch, updatedAt: new Date(), version: sql`${reports.version} + 1` })
    .where(eq(reports.id, id))
    .returning();
  return row!;
}

export async function listForms(db: DbOrTx, reportId: string): Promise<ReportFormRow[]> {
  return db.select().from(reportForms).where(eq(reportForms.reportId, reportId));
}

export async function findForm(db: DbOrTx, reportId: string, formId: string): Promise<ReportFormRow | undefined> {
  const [row] = await db
    .select()
    .from(reportForms)
    .where(and(eq(reportForms.reportId, reportId), eq(reportForms.formId, formId)))
    .limit(1);
  return row;
}

export async function insertForms(tx: DbOrTx, rows: (typeof reportForms.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(reportForms).values(rows);
}

/**
 * Saves a form only if nobody saved it since `expectedVersion` (optimistic concurrency).
 * Returns the new row, or undefined when the version is stale.
 */
/**
 * `updateFormIfVersion` that also returns the values the form had just before (for the audit
 * event's list of changed fields) in the same statement: one round trip instead of a read and a
 * write. The previous row is matched at the expected version, so it is exactly what was replaced.
 */
export async function replaceFormIfVersion(
  tx: DbOrTx,
  reportId: string,
  formId: string,
  expectedVersion: number,
  patch: Partial<Pick<ReportFormRow, 'values' | 'status' | 'unchangedSinceYear' | 'explanations' | 'updatedBy'>>,
): Promise<(ReportFormRow & { previousValues: ReportFormRow['values'] }) | undefined> {
  const previous = alias(reportForms, 'previous');
  const [row] = await tx
    .update(reportForms)
    .set({ ...patch, updatedAt: new Date(), version: sql`${reportForms.version} + 1` })
    .from(previous)
    .where(
      and(
        eq(reportForms.reportId, reportId),
        eq(reportForms.formId, formId),
        eq(reportForms.version, expectedVersion),
        eq(previous.reportId, reportForms.reportId),
        eq(previous.formId, reportForms.formId),
        eq(previous.version, expectedVersion),
      ),
    )
    .returning({ ...getTableColumns(reportForms), previousValues: previous.values });
  return row;
}

export async function updateFormIfVersion(
  tx: DbOrTx,
  reportId: string,
  formId: string,
  expectedVersion: number,
  patch: Partial<Pick<ReportFormRow, 'values' | 'status' | 'unchangedSinceYear' | 'explanations' | 'updatedBy'>>,
): Promise<ReportFormRow | undefined> {
  const [row] = await tx
    .update(reportForms)
    .set({ ...patch, updatedAt: new Date(), version: sql`${reportForms.version} + 1` })
    .where(and(eq(reportForms.reportId, reportId), eq(reportForms.formId, formId), eq(reportForms.version, expectedVersion)))
    .returning();
  return row;
}

export async function setExplanations(tx: DbOrTx, reportId: string, formId: string, explanations: Record<string, string>) {
  await tx
    .update(reportForms)
    .set({ explanations })
    .where(and(eq(reportForms.reportId, reportId), eq(reportForms.formId, formId)));
}

export async function insertVersion(tx: DbOrTx, values: typeof reportVersions.$inferInsert): Promise<ReportVersionRow> {
  const [row] = await tx.insert(reportVersions).values(values).returning();
  return row!;
}

export async function listVersions(db: DbOrTx, reportId: string) {
  return db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(asc(reportVersions.versionNo));
}

export async function findVersion(db: DbOrTx, reportId: string, versionNo: number) {
  const [row] = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.versionNo, versionNo)))
    .limit(1);
  return row;
}

export async function updateVersion(tx: DbOrTx, reportId: string, versionNo: number, patch: Partial<typeof reportVersions.$inferInsert>) {
  await tx
    .update(reportVersions)
    .set(patch)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.versionNo, versionNo)));
}

/** The newest submitted report of a State for a year before `year` (for carry-forward and year-on-year checks). */
export async function findPreviousSubmitted(db: DbOrTx, stateIso2: string, year: number): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.stateIso2, stateIso2), lt(reports.year, year), sql`${reports.currentVersionNo} > 0`))
    .orderBy(desc(reports.year), desc(reports.kind))
    .limit(1);
  return row;
}

export async function insertComment(tx: DbOrTx, values: typeof reviewComments.$inferInsert): Promise<CommentRow> {
  const [row] = await tx.insert(reviewComments).values(values).returning();
  return row!;
}

export async function listComments(db: DbOrTx, reportId: string): Promise<CommentRow[]> {
  return db.select().from(reviewComments).where(eq(reviewComments.reportId, reportId)).orderBy(asc(reviewComments.createdAt));
}

export async function resolveComments(tx: DbOrTx, reportId: string, formId: string | null, userId: string | null) {
  await tx
    .update(reviewComments)
    .set({ resolvedAt: new Date(), resolvedBy: userId })
    .where(and(eq(reviewComments.reportId, reportId), formId === null ? sql`${reviewComments.formId} is null` : eq(reviewComments.formId, formId), sql`${reviewComments.resolvedAt} is null`));
}

export async function listMineTypes(db: DbOrTx) {
  return db.select().from(mineTypes).orderBy(asc(mineTypes.sortOrder), asc(mineTypes.code));
}

export async function listAttachments(db: DbOrTx, reportId: string) {
  return db
    .select({ id: reportAttachments.id, fileId: reportAttachments.fileId, description: reportAttachments.description, createdAt: reportAttachments.createdAt, filename: storedFiles.filename, contentType: storedFiles.contentType, size: storedFiles.size })
    .from(reportAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, reportAttachments.fileId))
    .where(eq(reportAttachments.reportId, reportId))
    .orderBy(asc(reportAttachments.createdAt));
}
