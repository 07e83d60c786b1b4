/**
 * All SQL for indicators (analysis_indicators) and their values per report
 * (analysis_report_indicators), and the facts read about reports and their submitted versions
 * (the reporting area's tables, read only, through its index).
 */
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { reportsTable as reports, reportVersionsTable as reportVersions } from '../../reporting/index.ts';
import { analysisIndicators, reportIndicators, type IndicatorEvidence } from '../schema.ts';
import { GENDER_IN_COOPERATION, type IndicatorDefinition } from './definitions.ts';
import type { IndicatorResult } from './analyse.ts';

export type IndicatorRow = typeof analysisIndicators.$inferSelect;
export type ReportIndicatorRow = typeof reportIndicators.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/* ---------- Indicators ---------- */

/**
 * Inserts the indicators, or brings their definitions up to date; the version of an indicator
 * moves only when something in it changed. Returns how many rows were inserted or changed.
 */
export async function upsertIndicators(tx: DbOrTx, defs: IndicatorDefinition[]): Promise<number> {
  if (!defs.length) return 0;
  const t = analysisIndicators;
  const rows = await tx
    .insert(t)
    .values(defs.map((d) => ({ id: d.id, group: d.group, actionIds: d.actionIds, title: d.title, description: d.description, quantitative: d.quantitative, sortOrder: d.sortOrder })))
    .onConflictDoUpdate({
      target: t.id,
      set: {
        group: sql`excluded.group`,
        actionIds: sql`excluded.action_ids`,
        title: sql`excluded.title`,
        description: sql`excluded.description`,
        quantitative: sql`excluded.quantitative`,
        sortOrder: sql`excluded.sort_order`,
        updatedAt: sql`now()`,
        version: sql`${t.version} + 1`,
      },
      setWhere: sql`(${t.group}, ${t.actionIds}, ${t.title}, ${t.description}, ${t.quantitative}, ${t.sortOrder}) is distinct from (excluded.group, excluded.action_ids, excluded.title, excluded.description, excluded.quantitative, excluded.sort_order)`,
    })
    .returning({ id: t.id });
  return rows.length;
}

export async function listIndicators(db: DbOrTx, opts: { activeOnly?: boolean } = {}): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(analysisIndicators)
    .where(opts.activeOnly ? eq(analysisIndicators.active, true) : undefined)
    .orderBy(asc(analysisIndicators.sortOrder), asc(analysisIndicators.id));
}

/* ---------- Reports, as the analysis reads them ---------- */

export interface ReportFacts {
  id: string;
  stateIso2: string;
  kind: 'initial' | 'annual';
  year: number;
  status: string;
  visibility: 'public' | 'restricted';
  language: string;
  formatVersion: string;
  currentVersionNo: number;
  publishedVersionNo: number | null;
  submittedAt: Date | null;
  isDemo: boolean;
}

const reportFacts = {
  id: reports.id,
  stateIso2: reports.stateIso2,
  kind: reports.kind,
  year: reports.year,
  status: reports.status,
  visibility: reports.visibility,
  language: reports.language,
  formatVersion: reports.formatVersion,
  currentVersionNo: reports.currentVersionNo,
  publishedVersionNo: reports.publishedVersionNo,
  submittedAt: reports.submittedAt,
  isDemo: reports.isDemo,
};

export async function findReportFacts(db: DbOrTx, id: string): Promise<ReportFacts | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select(reportFacts).from(reports).where(eq(reports.id, id)).limit(1);
  return row;
}

/** Submitted reports of a year (or of every year), newest submissions first. */
export async function listSubmittedReports(db: DbOrTx, f: { year?: number; stateIso2?: string } = {}): Promise<ReportFacts[]> {
  return db
    .select(reportFacts)
    .from(reports)
    .where(and(gt(reports.currentVersionNo, 0), f.year ? eq(reports.year, f.year) : undefined, f.stateIso2 ? eq(reports.stateIso2, f.stateIso2) : undefined))
    .orderBy(asc(reports.stateIso2), asc(reports.kind));
}

/** The years that have at least one submitted report, newest first. */
export async function listSubmittedYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ year: reports.year }).from(reports).where(gt(reports.currentVersionNo, 0)).orderBy(desc(reports.year));
  return rows.map((r) => r.year);
}

export async function findVersion(db: DbOrTx, reportId: string, versionNo: number) {
  const [row] = await db
    .select({ versionNo: reportVersions.versionNo, formatVersion: reportVersions.formatVersion, language: reportVersions.language, snapshot: reportVersions.snapshot, submittedAt: reportVersions.submittedAt })
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.versionNo, versionNo)))
    .limit(1);
  return row;
}

/**
 * Submitted reports whose latest version has not been analysed for every active indicator
 * (never analysed, analysed on an older version, or an indicator added since), oldest first.
 */
export async function listReportsToAnalyse(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        gt(reports.currentVersionNo, 0),
        sql`(select count(*) from ${analysisIndicators} i where i.active) > (
              select count(*) from ${reportIndicators} a join ${analysisIndicators} i on i.id = a.indicator_id and i.active
              where a.report_id = ${reports.id} and a.version_no = ${reports.currentVersionNo})`,
      ),
    )
    .orderBy(asc(reports.submittedAt), asc(reports.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/* ---------- Values per report ---------- */

/**
 * Stores what the analysis found: only the automatic columns. The reviewer's decision (decision,
 * note, who and when) is never written here, so it survives every re-analysis. The row's version
 * moves only when the automatic value, its source or its evidence changed, so a re-analysis that
 * finds the same thing does not turn a reviewer's open form into a conflict.
 */
export async function upsertAutoValues(tx: DbOrTx, reportId: string, versionNo: number, results: IndicatorResult[]): Promise<ReportIndicatorRow[]> {
  if (!results.length) return [];
  const t = reportIndicators;
  return tx
    .insert(t)
    .values(results.map((r) => ({ reportId, indicatorId: r.indicatorId, versionNo, autoValue: r.autoValue, autoSource: r.autoSource, evidence: r.evidence })))
    .onConflictDoUpdate({
      target: [t.reportId, t.indicatorId],
      set: {
        versionNo: sql`excluded.version_no`,
        autoValue: sql`excluded.auto_value`,
        autoSource: sql`excluded.auto_source`,
        evidence: sql`excluded.evidence`,
        analysedAt: sql`now()`,
        version: sql`case when (${t.autoValue}, ${t.autoSource}, ${t.evidence}) is distinct from (excluded.auto_value, excluded.auto_source, excluded.evidence) then ${t.version} + 1 else ${t.version} end`,
      },
      // An analysis of an older version that finishes late never replaces a newer one.
      setWhere: sql`excluded.version_no >= ${t.versionNo}`,
    })
    .returning();
}

export async function listReportIndicators(db: DbOrTx, reportId: string): Promise<ReportIndicatorRow[]> {
  if (!isUuid(reportId)) return [];
  return db.select().from(reportIndicators).where(eq(reportIndicators.reportId, reportId));
}

/** Values for several reports at once, without the evidence (list pages, dashboards). */
export async function listValuesOfReports(db: DbOrTx, reportIds: string[]) {
  if (!reportIds.length) return [];
  return db
    .select({
      reportId: reportIndicators.reportId,
      indicatorId: reportIndicators.indicatorId,
      versionNo: reportIndicators.versionNo,
      autoValue: reportIndicators.autoValue,
      autoSource: reportIndicators.autoSource,
      decision: reportIndicators.decision,
      decidedAt: reportIndicators.decidedAt,
      analysedAt: reportIndicators.analysedAt,
    })
    .from(reportIndicators)
    .where(inArray(reportIndicators.reportId, reportIds));
}

export async function findReportIndicator(db: DbOrTx, reportId: string, indicatorId: string): Promise<ReportIndicatorRow | undefined> {
  if (!isUuid(reportId)) return undefined;
  const [row] = await db
    .select()
    .from(reportIndicators)
    .where(and(eq(reportIndicators.reportId, reportId), eq(reportIndicators.indicatorId, indicatorId)))
    .limit(1);
  return row;
}

/** Records a reviewer's decision if nobody changed the row since `expectedVersion`. */
export async function updateDecisionIfVersion(
  tx: DbOrTx,
  reportId: string,
  indicatorId: string,
  expectedVersion: number,
  patch: { decision: 'yes' | 'no' | null; decisionNote: string | null; decidedBy: string | null },
): Promise<ReportIndicatorRow | undefined> {
  const t = reportIndicators;
  const [row] = await tx
    .update(t)
    .set({ ...patch, decidedAt: patch.decision ? sql`now()` : null, version: sql`${t.version} + 1` })
    .where(and(eq(t.reportId, reportId), eq(t.indicatorId, indicatorId), eq(t.version, expectedVersion)))
    .returning();
  return row;
}

export type { IndicatorEvidence };

/** The ids of GENDER_IN_COOPERATION as an SQL list, for `indicator_id in (...)`. */
export function genderInCooperation(): SQL {
  return sql.join(GENDER_IN_COOPERATION.map((id) => sql`${id}`), sql`, `);
}
