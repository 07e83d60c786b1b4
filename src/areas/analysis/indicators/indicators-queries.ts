/**
 * Read models of the indicators: one report with every indicator, its evidence and the reviewer's
 * decision; the reports of a year with a summary per indicator; and the flat list of values the
 * dashboard, follow-ups and observations paper count from.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { findState, localized, listStates } from '../../states/index.ts';
import type { IndicatorValue } from '../schema.ts';
import * as repo from './indicators-repository.ts';
import type { IndicatorRow, ReportFacts, ReportIndicatorRow } from './indicators-repository.ts';
import { asSnapshot, type VersionSnapshot } from './snapshot.ts';

export type { IndicatorRow, ReportFacts, ReportIndicatorRow } from './indicators-repository.ts';

/** The value that counts: the reviewer's decision when there is one, the automatic value otherwise. */
export function effectiveValue(row: { autoValue: IndicatorValue; decision: 'yes' | 'no' | null }): IndicatorValue {
  return row.decision ?? row.autoValue;
}

/** A decision that says otherwise than the analysis. */
export function decisionDiffers(row: { autoValue: IndicatorValue; decision: 'yes' | 'no' | null }): boolean {
  return row.decision !== null && row.decision !== row.autoValue;
}

/* ---------- One report ---------- */

export interface ReportAnalysis {
  report: ReportFacts;
  stateName: string;
  version: { versionNo: number; formatVersion: string; submittedAt: Date; snapshot: VersionSnapshot };
  items: { indicator: IndicatorRow; value: ReportIndicatorRow | undefined }[];
  /** Whether every active indicator has been analysed on the latest version. */
  upToDate: boolean;
}

export async function getReportAnalysis(db: DbOrTx, report: ReportFacts, locale: string): Promise<ReportAnalysis | undefined> {
  const version = await repo.findVersion(db, report.id, report.currentVersionNo);
  if (!version) return undefined;
  const [state, indicators, values] = await Promise.all([findState(db, report.stateIso2), repo.listIndicators(db, { activeOnly: true }), repo.listReportIndicators(db, report.id)]);
  const byId = new Map(values.map((v) => [v.indicatorId, v]));
  const items = indicators.map((indicator) => ({ indicator, value: byId.get(indicator.id) }));
  return {
    report,
    stateName: state ? localized(state.names, locale) : report.stateIso2,
    version: { versionNo: version.versionNo, formatVersion: version.formatVersion, submittedAt: version.submittedAt, snapshot: asSnapshot(version.snapshot) },
    items,
    upToDate: items.every((i) => i.value && i.value.versionNo === report.currentVersionNo),
  };
}

/* ---------- The reports of a year ---------- */

export const REVIEW_FILTERS = ['to_review', 'differs', 'decided'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export interface YearFilter {
  year: number;
  stateIso2?: string | undefined;
  indicatorId?: string | undefined;
  value?: IndicatorValue | undefined;
  review?: ReviewFilter | undefined;
}

export interface YearReportRow {
  report: ReportFacts;
  stateName: string;
  /** Per indicator: the automatic value, the decision and the value that counts. */
  values: Record<string, { autoValue: IndicatorValue; decision: 'yes' | 'no' | null; value: IndicatorValue; analysedVersion: number }>;
  analysed: boolean;
  upToDate: boolean;
  decided: number;
  differs: number;
  /** Indicators with the value yes, per group. */
  yes: { cooperation: number; gender: number };
}

export interface IndicatorSummary {
  indicator: IndicatorRow;
  yes: number;
  no: number;
  unknown: number;
  decided: number;
  differs: number;
}

export interface YearAnalysis {
  years: number[];
  year: number;
  indicators: IndicatorRow[];
  /** States with a submitted report that year (for the filter). */
  states: { iso2: string; name: string }[];
  /** Every submitted report of the year, before filtering. */
  total: number;
  rows: YearReportRow[];
  /** Over every analysed report of the year, before filtering. */
  summary: IndicatorSummary[];
}

export async function yearAnalysis(db: DbOrTx, filter: YearFilter, locale: string): Promise<YearAnalysis> {
  const [years, indicators, reports, states] = await Promise.all([repo.listSubmittedYears(db), repo.listIndicators(db, { activeOnly: true }), repo.listSubmittedReports(db, { year: filter.year }), listStates(db, { locale })]);
  const names = new Map(states.map((s) => [s.state.iso2, localized(s.state.names, locale)]));
  const values = await repo.listValuesOfReports(
    db,
    reports.map((r) => r.id),
  );
  const group = new Map(indicators.map((i) => [i.id, i.group]));
  const all: YearReportRow[] = reports.map((report) => {
    const own = values.filter((v) => v.reportId === report.id && group.has(v.indicatorId));
    const row: YearReportRow = {
      report,
      stateName: names.get(report.stateIso2) ?? report.stateIso2,
      values: {},
      analysed: own.length > 0,
      upToDate: own.length === indicators.length && own.every((v) => v.versionNo === report.currentVersionNo),
      decided: 0,
      differs: 0,
      yes: { cooperation: 0, gender: 0 },
    };
    for (const v of own) {
      const value = effectiveValue(v);
      row.values[v.indicatorId] = { autoValue: v.autoValue, decision: v.decision, value, analysedVersion: v.versionNo };
      if (v.decision) row.decided++;
      if (decisionDiffers(v)) row.differs++;
      if (value === 'yes') row.yes[group.get(v.indicatorId)!]++;
    }
    return row;
  });
  all.sort((a, b) => a.stateName.localeCompare(b.stateName, locale) || a.report.kind.localeCompare(b.report.kind));
  const summary = indicators.map((indicator) => {
    const s: IndicatorSummary = { indicator, yes: 0, no: 0, unknown: 0, decided: 0, differs: 0 };
    for (const r of all) {
      const v = r.values[indicator.id];
      if (!v) continue;
      s[v.value]++;
      if (v.decision) s.decided++;
      if (v.decision && v.decision !== v.autoValue) s.differs++;
    }
    return s;
  });
  const rows = all.filter((r) => {
    if (filter.stateIso2 && r.report.stateIso2 !== filter.stateIso2) return false;
    if (filter.indicatorId && filter.value && r.values[filter.indicatorId]?.value !== filter.value) return false;
    if (filter.review === 'to_review' && (!r.analysed || r.decided >= indicators.length)) return false;
    if (filter.review === 'differs' && r.differs === 0) return false;
    if (filter.review === 'decided' && r.decided < indicators.length) return false;
    return true;
  });
  const stateList = [...new Map(all.map((r) => [r.report.stateIso2, r.stateName])).entries()].map(([iso2, name]) => ({ iso2, name }));
  return { years, year: filter.year, indicators, states: stateList, total: all.length, rows, summary };
}

/* ---------- For the dashboard, follow-ups and the observations paper ---------- */

export interface IndicatorValueRow {
  reportId: string;
  stateIso2: string;
  kind: 'initial' | 'annual';
  year: number;
  isDemo: boolean;
  indicatorId: string;
  /** The version analysed. */
  versionNo: number;
  autoValue: IndicatorValue;
  autoSource: string;
  decision: 'yes' | 'no' | null;
  /** The value that counts (the decision wins). */
  value: IndicatorValue;
}

/**
 * Every indicator value of the submitted reports of a year (or of every year): one row per report
 * and indicator, the reviewer's decision applied. Reports not analysed yet have no rows.
 */
export async function listIndicatorValues(db: DbOrTx, filter: { year?: number } = {}): Promise<IndicatorValueRow[]> {
  const reports = await repo.listSubmittedReports(db, filter.year ? { year: filter.year } : {});
  const byId = new Map(reports.map((r) => [r.id, r]));
  const values = await repo.listValuesOfReports(
    db,
    reports.map((r) => r.id),
  );
  return values.map((v) => {
    const r = byId.get(v.reportId)!;
    return {
      reportId: v.reportId,
      stateIso2: r.stateIso2,
      kind: r.kind,
      year: r.year,
      isDemo: r.isDemo,
      indicatorId: v.indicatorId,
      versionNo: v.versionNo,
      autoValue: v.autoValue,
      autoSource: v.autoSource,
      decision: v.decision,
      value: effectiveValue(v),
    };
  });
}

export { listIndicators, findReportFacts, listSubmittedYears } from './indicators-repository.ts';
