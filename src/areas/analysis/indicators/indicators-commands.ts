/**
 * Named write use cases of the indicators: seeding the definitions, analysing a submitted report
 * version (automatically, at ISU's request, or at seed time for the demo), and a reviewer's
 * decision on one indicator of one report. Each runs in one transaction with its audit event.
 */
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { CURRENT_FORMAT, getFormat } from '../../reporting/index.ts';
import { compileLists, type CompiledLists } from '../detector/detector.ts';
import { allTermInputs } from '../detector/terms-repository.ts';
import { seedDetectorTerms } from '../detector/terms-commands.ts';
import { assertCan, canDecideIndicator, canReanalyse, canUseAnalysis } from '../policy.ts';
import type { IndicatorValue } from '../schema.ts';
import { analyseSnapshot } from './analyse.ts';
import { INDICATORS } from './definitions.ts';
import * as repo from './indicators-repository.ts';
import { asSnapshot } from './snapshot.ts';

/** Reference data: the indicator definitions and the detector's starting term lists (idempotent). */
export async function seedAnalysisReference(db: DbOrTx, actor: Actor = SYSTEM_ACTOR): Promise<{ indicators: number; terms: number }> {
  const indicators = await withTransaction(db, async (tx) => {
    const n = await repo.upsertIndicators(tx, INDICATORS);
    if (n) await recordAudit(tx, actor, { action: 'analysis.indicators.seeded', entityType: 'indicators', summary: { changed: n } });
    return n;
  });
  const terms = await seedDetectorTerms(db, actor);
  return { indicators, terms };
}

/** The detector's lists as they are now in the database. */
export async function loadDetectorLists(db: DbOrTx): Promise<CompiledLists> {
  return compileLists(await allTermInputs(db));
}

export type AnalysisTrigger = 'automatic' | 'manual' | 'seed';

export interface AnalysisOutcome {
  reportId: string;
  versionNo: number;
  values: Record<string, IndicatorValue>;
  /** Indicators whose automatic value changed with this analysis. */
  changed: string[];
}

/**
 * Analyses the latest submitted version of a report and stores the automatic values and evidence
 * (the reviewers' decisions are left as they are). Undefined when the report does not exist or
 * has no submitted version.
 */
export async function analyseReport(db: DbOrTx, actor: Actor, reportId: string, opts: { trigger: AnalysisTrigger; lists?: CompiledLists }): Promise<AnalysisOutcome | undefined> {
  const report = await repo.findReportFacts(db, reportId);
  if (!report || report.currentVersionNo === 0) return undefined;
  const version = await repo.findVersion(db, report.id, report.currentVersionNo);
  if (!version) return undefined;
  const forms = (getFormat(version.formatVersion) ?? CURRENT_FORMAT).forms;
  const indicators = await repo.listIndicators(db, { activeOnly: true });
  const lists = opts.lists ?? (await loadDetectorLists(db));
  const results = analyseSnapshot(asSnapshot(version.snapshot), forms, indicators.map((i) => i.id), lists);
  return withTransaction(db, async (tx) => {
    const before = new Map((await repo.listReportIndicators(tx, report.id)).map((r) => [r.indicatorId, r.autoValue]));
    await repo.upsertAutoValues(tx, report.id, version.versionNo, results);
    const values = Object.fromEntries(results.map((r) => [r.indicatorId, r.autoValue]));
    const changed = results.filter((r) => before.has(r.indicatorId) && before.get(r.indicatorId) !== r.autoValue).map((r) => r.indicatorId);
    await recordAudit(tx, actor, {
      action: 'analysis.report.analysed',
      entityType: 'report',
      entityId: report.id,
      summary: { state: report.stateIso2, year: report.year, version: version.versionNo, trigger: opts.trigger, values, changed, ...(report.isDemo ? { demo: true } : {}) },
    });
    return { reportId: report.id, versionNo: version.versionNo, values, changed };
  });
}

/**
 * Analyses submitted reports whose latest version has no analysis yet (or not for every active
 * indicator): the background task, and the demo seed. Returns the reports analysed. A report that
 * fails is skipped (and reported in `failed`) so one bad snapshot does not hold up the others.
 */
export async function analysePendingReports(
  database: Pick<Database, 'db'>,
  actor: Actor,
  opts: { limit?: number; trigger?: AnalysisTrigger; skip?: Set<string> } = {},
): Promise<{ analysed: AnalysisOutcome[]; failed: { reportId: string; error: string }[] }> {
  const db = database.db;
  const ids = (await repo.listReportsToAnalyse(db, (opts.limit ?? 25) + (opts.skip?.size ?? 0))).filter((id) => !opts.skip?.has(id)).slice(0, opts.limit ?? 25);
  const analysed: AnalysisOutcome[] = [];
  const failed: { reportId: string; error: string }[] = [];
  if (!ids.length) return { analysed, failed };
  const lists = await loadDetectorLists(db);
  for (const id of ids) {
    try {
      const outcome = await analyseReport(db, actor, id, { trigger: opts.trigger ?? 'automatic', lists });
      if (outcome) analysed.push(outcome);
    } catch (e) {
      failed.push({ reportId: id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { analysed, failed };
}

/** Demo mode: analyses every seeded report so the reviewer pages have something to show. */
export async function seedDemoAnalysis(database: Pick<Database, 'db'>): Promise<number> {
  const actor: Actor = { userId: null, label: 'seed' };
  let total = 0;
  const skip = new Set<string>();
  for (let round = 0; round < 100; round++) {
    const { analysed, failed } = await analysePendingReports(database, actor, { limit: 50, trigger: 'seed', skip });
    for (const f of failed) skip.add(f.reportId);
    total += analysed.length;
    if (!analysed.length) break;
  }
  return total;
}

/** ISU runs the analysis of one report again (e.g. after the term lists changed). */
export async function reanalyseReport(database: Pick<Database, 'db'>, actor: Actor, user: Principal | undefined, reportId: string): Promise<AnalysisOutcome> {
  const report = await repo.findReportFacts(database.db, reportId);
  if (!report) throw notFound();
  assertCan(canReanalyse(user));
  const outcome = await analyseReport(database.db, actor, reportId, { trigger: 'manual' });
  if (!outcome) throw notFound('analysis.report.not_submitted');
  return outcome;
}

/** ISU runs the analysis of every submitted report of a year again. */
export async function reanalyseYear(database: Pick<Database, 'db'>, actor: Actor, user: Principal | undefined, year: number): Promise<AnalysisOutcome[]> {
  assertCan(canReanalyse(user));
  const reports = await repo.listSubmittedReports(database.db, { year });
  const lists = await loadDetectorLists(database.db);
  const out: AnalysisOutcome[] = [];
  for (const r of reports) {
    const outcome = await analyseReport(database.db, actor, r.id, { trigger: 'manual', lists });
    if (outcome) out.push(outcome);
  }
  return out;
}

export interface DecisionInput {
  reportId: string;
  indicatorId: string;
  /** yes or no; null withdraws the decision (the automatic value applies again). */
  decision: 'yes' | 'no' | null;
  note?: string | undefined;
  expectedVersion: number;
}

/**
 * A reviewer confirms the automatic value, overrides it (a note saying why is required), or
 * withdraws their decision. Stale versions are refused: somebody decided, or the analysis found
 * something new, since the reviewer's page was read.
 */
export async function decideIndicator(database: Pick<Database, 'db'>, actor: Actor, user: Principal | undefined, input: DecisionInput) {
  const db = database.db;
  const report = await repo.findReportFacts(db, input.reportId);
  if (!report) throw notFound();
  assertCan(canUseAnalysis(user));
  if (report.currentVersionNo === 0) throw notFound('analysis.report.not_submitted');
  assertCan(canDecideIndicator(user, report));
  const current = await repo.findReportIndicator(db, report.id, input.indicatorId);
  if (!current) throw notFound('analysis.indicator.not_analysed');
  const note = input.note?.trim() || null;
  if (input.decision !== null && input.decision !== current.autoValue && !note) throw new AppError('validation', 'analysis.decision.note_required');
  return withTransaction(db, async (tx) => {
    const row = await repo.updateDecisionIfVersion(tx, report.id, input.indicatorId, input.expectedVersion, { decision: input.decision, decisionNote: input.decision ? note : null, decidedBy: input.decision ? actor.userId : null });
    if (!row) throw conflict('analysis.indicator.stale');
    const verb = input.decision === null ? 'cleared' : input.decision === row.autoValue ? 'confirmed' : 'overridden';
    await recordAudit(tx, actor, {
      action: `analysis.indicator.${verb}`,
      entityType: 'report_indicator',
      entityId: `${report.id}:${input.indicatorId}`,
      summary: {
        report: report.id,
        state: report.stateIso2,
        year: report.year,
        indicator: input.indicatorId,
        autoValue: row.autoValue,
        decision: row.decision,
        note: row.decisionNote,
        previous: { decision: current.decision, note: current.decisionNote },
        analysedVersion: row.versionNo,
      },
    });
    return row;
  });
}
