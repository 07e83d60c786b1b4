/**
 * The coverage dashboard's read model: for a year, how many submitted reports include
 * cooperation & assistance (C&A) information, how many of those address gender & diversity (G&D),
 * quantitative vs qualitative, by region and by affected / donor State; and the same across years.
 *
 * Definitions (the page's "how we count" text says the same):
 *  - reports: annual and initial reports of the year that have been submitted at least once; only
 *    the latest submitted version counts, drafts never do;
 *  - the value of an indicator is the reviewer's decision when there is one, the automatic value
 *    otherwise (effectiveValue); only active indicators count;
 *  - "includes C&A information": at least one indicator of the cooperation group is yes;
 *  - "addresses G&D": an indicator of GENDER_IN_COOPERATION (gender and diversity taken into account
 *    in C&A, actions 45 and 47) is yes — disaggregated data alone do not count;
 *  - quantitative: C&A information and at least one quantitative indicator (indicator.quantitative,
 *    of either group) is yes; qualitative: C&A information and no quantitative indicator is yes;
 *  - affected State: its current Article 5 record is not "completed" (current standing: the data
 *    hold no history by year); donor: the report says the State provided assistance
 *    (ca.assistance_provided is yes) — the data hold no list of donor States. A State can be both.
 * Every figure carries the ids of the reports behind it, so that any number can link to them.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { REGIONS } from '../../states/index.ts';
import { GENDER_IN_COOPERATION, type IndicatorId } from '../indicators/definitions.ts';
import { selectActiveIndicatorGroups, selectCoverageRows, selectCoverageYears, selectTrend, selectTrendCounts, type CoverageReportRow } from './coverage-repository.ts';

/** A number on the dashboard and the reports behind it. */
export interface Figure {
  count: number;
  reportIds: string[];
}

/** The C&A and G&D figures of a group of reports (a region, affected States, ...). */
export interface CoverageGroup {
  key: string;
  reports: Figure;
  withCooperation: Figure;
  withCooperationAndGender: Figure;
  withCooperationNoGender: Figure;
  /** Analysed, no C&A information. */
  withoutCooperation: Figure;
  notAnalysed: Figure;
}

/** The figures of a group, by name (links and CSV use these names). */
export const GROUP_FIGURES = ['reports', 'withCooperation', 'withCooperationAndGender', 'withCooperationNoGender', 'withoutCooperation', 'notAnalysed'] as const;
export type GroupFigure = (typeof GROUP_FIGURES)[number];

export const STATE_TYPES = ['affected', 'donor', 'other'] as const;
export type StateType = (typeof STATE_TYPES)[number];

/** The indicator whose yes makes a report a "donor" report. */
export const DONOR_INDICATOR = 'ca.assistance_provided';

export interface IndicatorFigure {
  indicatorId: string;
  group: 'cooperation' | 'gender';
  quantitative: boolean;
  yes: Figure;
}

export interface YearCoverage {
  year: number;
  /** Annual and initial reports of the year, submitted at least once. */
  reports: Figure;
  /** Of which analysed on their latest submitted version. */
  analysed: Figure;
  /** Submitted but whose latest version has not been analysed yet (counted nowhere else). */
  notAnalysed: Figure;
  withCooperation: Figure;
  /** Analysed, no C&A information. */
  withoutCooperation: Figure;
  /** G&D information, with or without C&A. */
  withGender: Figure;
  withCooperationAndGender: Figure;
  /** C&A information but nothing on G&D: the follow-up candidates. */
  withCooperationNoGender: Figure;
  quantitative: Figure;
  qualitative: Figure;
  byIndicator: IndicatorFigure[];
  /** Every region (REGIONS order), including those with no report. */
  byRegion: CoverageGroup[];
  /** affected, donor, other (neither); affected and donor may overlap. */
  byStateType: CoverageGroup[];
}

/** A number without the reports behind it. */
export interface Count {
  count: number;
}

/** The trend's figures of one year, counts only (what the dashboard's chart and CSV need). */
export interface TrendCounts {
  year: number;
  reports: Count;
  analysed: Count;
  notAnalysed: Count;
  withoutCooperation: Count;
  withCooperation: Count;
  withCooperationAndGender: Count;
  withCooperationNoGender: Count;
  quantitative: Count;
  qualitative: Count;
}

export interface TrendPoint extends TrendCounts {
  year: number;
  reports: Figure;
  analysed: Figure;
  notAnalysed: Figure;
  withoutCooperation: Figure;
  withCooperation: Figure;
  withCooperationAndGender: Figure;
  withCooperationNoGender: Figure;
  quantitative: Figure;
  qualitative: Figure;
}

export interface IndicatorGroupInfo {
  id: string;
  group: 'cooperation' | 'gender';
  quantitative: boolean;
}

export const figure = (ids: string[]): Figure => ({ count: ids.length, reportIds: ids });

/** The figures of a year from its report rows (pure: unit-tested). */
export function summariseYear(year: number, rows: CoverageReportRow[], indicators: IndicatorGroupInfo[]): YearCoverage {
  const group = new Map(indicators.map((i) => [i.id, i]));
  const flags = rows.map((r) => {
    const yes = r.yesIds.map((id) => group.get(id)).filter((i): i is IndicatorGroupInfo => !!i);
    const analysed = r.analysedCount > 0;
    const ca = yes.some((i) => i.group === 'cooperation');
    const gd = yes.some((i) => GENDER_IN_COOPERATION.includes(i.id as IndicatorId));
    const quant = yes.some((i) => i.quantitative);
    return { r, analysed, ca, gd, quant, donor: r.yesIds.includes(DONOR_INDICATOR) };
  });
  type F = (typeof flags)[number];
  const ids = (pred: (f: F) => boolean, from: F[] = flags) => figure(from.filter(pred).map((f) => f.r.reportId));
  const groupOf = (key: string, members: F[]): CoverageGroup => ({
    key,
    reports: ids(() => true, members),
    withCooperation: ids((f) => f.ca, members),
    withCooperationAndGender: ids((f) => f.ca && f.gd, members),
    withCooperationNoGender: ids((f) => f.ca && !f.gd, members),
    withoutCooperation: ids((f) => f.analysed && !f.ca, members),
    notAnalysed: ids((f) => !f.analysed, members),
  });
  const regions: string[] = [...REGIONS, ...[...new Set(rows.map((r) => r.region))].filter((r) => !(REGIONS as readonly string[]).includes(r)).sort()];
  return {
    year,
    reports: ids(() => true),
    analysed: ids((f) => f.analysed),
    notAnalysed: ids((f) => !f.analysed),
    withCooperation: ids((f) => f.ca),
    withoutCooperation: ids((f) => f.analysed && !f.ca),
    withGender: ids((f) => f.gd),
    withCooperationAndGender: ids((f) => f.ca && f.gd),
    withCooperationNoGender: ids((f) => f.ca && !f.gd),
    quantitative: ids((f) => f.ca && f.quant),
    qualitative: ids((f) => f.ca && !f.quant),
    byIndicator: indicators.map((i) => ({ indicatorId: i.id, group: i.group, quantitative: i.quantitative, yes: ids((f) => f.r.yesIds.includes(i.id)) })),
    byRegion: regions.map((region) =>
      groupOf(
        region,
        flags.filter((f) => f.r.region === region),
      ),
    ),
    byStateType: [
      groupOf(
        'affected',
        flags.filter((f) => f.r.affected),
      ),
      groupOf(
        'donor',
        flags.filter((f) => f.donor),
      ),
      groupOf(
        'other',
        flags.filter((f) => !f.r.affected && !f.donor),
      ),
    ],
  };
}

/** Every figure of the dashboard for one year. */
export async function yearCoverage(db: DbOrTx, year: number): Promise<YearCoverage> {
  const [rows, indicators] = await Promise.all([selectCoverageRows(db, year), selectActiveIndicatorGroups(db)]);
  return summariseYear(year, rows, indicators);
}

/** The main figures for every year from `fromYear` to `toYear` (years without reports included, all zero). */
export async function coverageTrend(db: DbOrTx, fromYear: number, toYear: number): Promise<TrendPoint[]> {
  const rows = await selectTrend(db, fromYear, toYear);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out: TrendPoint[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const r = byYear.get(year);
    const ca = r?.withCooperation ?? [];
    const cagd = new Set(r?.withCooperationAndGender ?? []);
    const quant = new Set(r?.quantitative ?? []);
    const analysed = new Set(r?.analysed ?? []);
    const caSet = new Set(ca);
    const all = r?.reports ?? [];
    out.push({
      year,
      reports: figure(all),
      analysed: figure(r?.analysed ?? []),
      notAnalysed: figure(all.filter((id) => !analysed.has(id))),
      withoutCooperation: figure(all.filter((id) => analysed.has(id) && !caSet.has(id))),
      withCooperation: figure(ca),
      withCooperationAndGender: figure(ca.filter((id) => cagd.has(id))),
      withCooperationNoGender: figure(ca.filter((id) => !cagd.has(id))),
      quantitative: figure(ca.filter((id) => quant.has(id))),
      qualitative: figure(ca.filter((id) => !quant.has(id))),
    });
  }
  return out;
}

/**
 * The same as coverageTrend, counts only: cheaper at volume (no report ids travel), for pages
 * that link to the reports by year and figure name instead.
 */
export async function coverageTrendCounts(db: DbOrTx, fromYear: number, toYear: number): Promise<TrendCounts[]> {
  const rows = await selectTrendCounts(db, fromYear, toYear);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out: TrendCounts[] = [];
  const c = (count: number): Count => ({ count });
  for (let year = fromYear; year <= toYear; year++) {
    const r = byYear.get(year) ?? { reports: 0, analysed: 0, withCooperation: 0, withCooperationAndGender: 0, quantitative: 0 };
    out.push({
      year,
      reports: c(r.reports),
      analysed: c(r.analysed),
      notAnalysed: c(r.reports - r.analysed),
      withoutCooperation: c(r.analysed - r.withCooperation),
      withCooperation: c(r.withCooperation),
      withCooperationAndGender: c(r.withCooperationAndGender),
      withCooperationNoGender: c(r.withCooperation - r.withCooperationAndGender),
      quantitative: c(r.quantitative),
      qualitative: c(r.withCooperation - r.quantitative),
    });
  }
  return out;
}

/** The years that have at least one submitted report, newest first. */
export function coverageYears(db: DbOrTx): Promise<number[]> {
  return selectCoverageYears(db);
}

/** The year figures that can be asked for by name (links to the reports behind a number). */
export const YEAR_FIGURES = [
  'reports',
  'analysed',
  'notAnalysed',
  'withCooperation',
  'withoutCooperation',
  'withGender',
  'withCooperationAndGender',
  'withCooperationNoGender',
  'quantitative',
  'qualitative',
] as const;
export type YearFigure = (typeof YEAR_FIGURES)[number];

/**
 * A figure of the year by its key: a year figure (`withCooperation`), an indicator
 * (`indicator.ca.needs`), a region's or a State type's figure (`region.africa.withCooperation`,
 * `type.affected.reports`). Undefined for an unknown key.
 */
export function figureByKey(c: YearCoverage, key: string): Figure | undefined {
  if ((YEAR_FIGURES as readonly string[]).includes(key)) return c[key as YearFigure];
  if (key.startsWith('indicator.')) return c.byIndicator.find((i) => i.indicatorId === key.slice('indicator.'.length))?.yes;
  const m = /^(region|type)\.([a-z_]+)\.([A-Za-z]+)$/.exec(key);
  if (!m) return undefined;
  const group = (m[1] === 'region' ? c.byRegion : c.byStateType).find((g) => g.key === m[2]);
  if (!group || !(GROUP_FIGURES as readonly string[]).includes(m[3]!)) return undefined;
  return group[m[3] as GroupFigure];
}

/** A share as a number between 0 and 1 (0 when there is nothing to divide by). */
export function share(part: Figure | number, whole: Figure | number): number {
  const p = typeof part === 'number' ? part : part.count;
  const w = typeof whole === 'number' ? whole : whole.count;
  return w > 0 ? p / w : 0;
}
