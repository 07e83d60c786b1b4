/**
 * All SQL of the coverage dashboard. One row per report, aggregated in the database from the
 * indicator values (analysis_report_indicators): the report snapshots are never read here, so
 * the dashboard costs the same whatever the size of the narratives.
 *
 * What is counted (the page's "how we count" text says the same):
 *  - a report counts when it has been submitted at least once (current_version_no > 0); only its
 *    latest submitted version counts: indicator values analysed on an older version are ignored
 *    (the report is "not analysed yet" until the analysis of its latest version has run);
 *    drafts never submitted never count;
 *  - the value of an indicator is the reviewer's decision when there is one, the automatic value
 *    otherwise (effectiveValue); only active indicators count;
 *  - "affected State": the State's current Article 5 record (newest row of article5_deadlines) is
 *    not "completed". The data hold no history of that standing by year and no list of donor
 *    States: a "donor" here is a report saying the State provided assistance (ca.assistance_provided).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { genderInCooperation } from '../indicators/indicators-repository.ts';

/** One submitted report of a year, with the ids of its indicators whose value counts as yes. */
export interface CoverageReportRow {
  reportId: string;
  stateIso2: string;
  kind: 'initial' | 'annual';
  year: number;
  region: string;
  /** Article 5 obligation on record and not completed. */
  affected: boolean;
  /** Active indicators analysed on the latest submitted version. */
  analysedCount: number;
  /** Active indicators whose value that counts is yes (decision wins). */
  yesIds: string[];
}

function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

async function q<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/**
 * The per-report aggregation, for the years in [from, to]: one index lookup of the values per
 * report (lateral), so a year costs the same whatever the number of years stored.
 */
function perReport(from: number, to: number): SQL {
  return sql`
    select r.id::text as report_id, r.state_iso2, r.kind, r.year, s.region,
      coalesce((select d.status <> 'completed' from article5_deadlines d where d.state_iso2 = r.state_iso2
                order by d.created_at desc, d.deadline desc, d.id desc limit 1), false) as affected,
      a.analysed_count, a.yes_ids
    from reports r
    join states s on s.iso2 = r.state_iso2
    cross join lateral (
      select count(*)::int as analysed_count,
        coalesce(array_agg(v.indicator_id::text order by v.indicator_id) filter (where coalesce(v.decision, v.auto_value) = 'yes'), '{}'::text[]) as yes_ids
      from analysis_report_indicators v
      join analysis_indicators i on i.id = v.indicator_id and i.active
      where v.report_id = r.id and v.version_no = r.current_version_no
    ) a
    where r.current_version_no > 0 and r.year between ${from} and ${to}`;
}

/**
 * Per report of the years in [from, to]: how many active indicators were analysed on its latest
 * version, and whether any cooperation / gender / quantitative indicator counts as yes. One pass
 * over the values, grouped by report (the trend reads every year at once).
 */
function flagsPerReport(from: number, to: number): SQL {
  return sql`
    with flags as (
      select v.report_id, v.version_no, count(*) as n,
        bool_or(i."group" = 'cooperation' and coalesce(v.decision, v.auto_value) = 'yes') as ca,
        bool_or(v.indicator_id in (${genderInCooperation()}) and coalesce(v.decision, v.auto_value) = 'yes') as gd,
        bool_or(i.quantitative and coalesce(v.decision, v.auto_value) = 'yes') as quant
      from analysis_report_indicators v
      join analysis_indicators i on i.id = v.indicator_id and i.active
      group by v.report_id, v.version_no
    )
    select r.id::text as id, r.year, coalesce(f.n, 0) as analysed_count,
      coalesce(f.ca, false) as ca, coalesce(f.gd, false) as gd, coalesce(f.quant, false) as quant
    from reports r
    left join flags f on f.report_id = r.id and f.version_no = r.current_version_no
    where r.current_version_no > 0 and r.year between ${from} and ${to}`;
}

interface RawReportRow {
  report_id: string;
  state_iso2: string;
  kind: 'initial' | 'annual';
  year: number;
  region: string;
  affected: boolean;
  analysed_count: number;
  yes_ids: string[] | string;
}

/** pg returns text[] as an array; be tolerant of the literal form '{a,b}' all the same. */
function textArray(v: string[] | string | null): string[] {
  if (Array.isArray(v)) return v;
  if (!v || v === '{}') return [];
  return v.slice(1, -1).split(',').map((s) => s.replace(/^"|"$/g, ''));
}

export async function selectCoverageRows(db: DbOrTx, year: number): Promise<CoverageReportRow[]> {
  const rows = await q<RawReportRow>(db, sql`${perReport(year, year)} order by r.state_iso2, r.kind`);
  return rows.map((r) => ({
    reportId: r.report_id,
    stateIso2: r.state_iso2,
    kind: r.kind,
    year: Number(r.year),
    region: r.region,
    affected: r.affected === true || (r.affected as unknown) === 't',
    analysedCount: Number(r.analysed_count),
    yesIds: textArray(r.yes_ids),
  }));
}

/** Indicators whose "yes" counts, per group and kind (active ones only). */
export async function selectActiveIndicatorGroups(db: DbOrTx): Promise<{ id: string; group: 'cooperation' | 'gender'; quantitative: boolean }[]> {
  return q(db, sql`select id, "group", quantitative from analysis_indicators where active order by sort_order, id`);
}

export interface TrendRow {
  year: number;
  reports: string[];
  analysed: string[];
  withCooperation: string[];
  withCooperationAndGender: string[];
  quantitative: string[];
}

/**
 * The across-years figures aggregated entirely in SQL: per year, the ids of the reports in each
 * figure (so every number can still link to its reports).
 */
export async function selectTrend(db: DbOrTx, from: number, to: number): Promise<TrendRow[]> {
  const rows = await q<{ year: number; reports: string[] | string; analysed: string[] | string; ca: string[] | string; cagd: string[] | string; quant: string[] | string }>(
    db,
    sql`
      with per as (${flagsPerReport(from, to)})
      select year,
        array_agg(id) as reports,
        coalesce(array_agg(id) filter (where analysed_count > 0), '{}'::text[]) as analysed,
        coalesce(array_agg(id) filter (where ca), '{}'::text[]) as ca,
        coalesce(array_agg(id) filter (where ca and gd), '{}'::text[]) as cagd,
        coalesce(array_agg(id) filter (where ca and quant), '{}'::text[]) as quant
      from per group by year order by year`,
  );
  const ids = (v: string[] | string) => textArray(v).sort();
  return rows.map((r) => ({
    year: Number(r.year),
    reports: ids(r.reports),
    analysed: ids(r.analysed),
    withCooperation: ids(r.ca),
    withCooperationAndGender: ids(r.cagd),
    quantitative: ids(r.quant),
  }));
}

export interface TrendCountRow {
  year: number;
  reports: number;
  analysed: number;
  withCooperation: number;
  withCooperationAndGender: number;
  quantitative: number;
}

/** The same figures as selectTrend, counts only (the dashboard links by year and figure name). */
export async function selectTrendCounts(db: DbOrTx, from: number, to: number): Promise<TrendCountRow[]> {
  const rows = await q<Record<keyof TrendCountRow, number | string>>(
    db,
    sql`
      with per as (${flagsPerReport(from, to)})
      select year,
        count(*)::int as reports,
        (count(*) filter (where analysed_count > 0))::int as analysed,
        (count(*) filter (where ca))::int as "withCooperation",
        (count(*) filter (where ca and gd))::int as "withCooperationAndGender",
        (count(*) filter (where ca and quant))::int as quantitative
      from per group by year order by year`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    reports: Number(r.reports),
    analysed: Number(r.analysed),
    withCooperation: Number(r.withCooperation),
    withCooperationAndGender: Number(r.withCooperationAndGender),
    quantitative: Number(r.quantitative),
  }));
}

/** The years that have at least one submitted report, newest first. */
export async function selectCoverageYears(db: DbOrTx): Promise<number[]> {
  const rows = await q<{ year: number }>(db, sql`select distinct year from reports where current_version_no > 0 order by year desc`);
  return rows.map((r) => Number(r.year));
}

export interface ReportListRow {
  reportId: string;
  stateIso2: string;
  kind: 'initial' | 'annual';
  year: number;
  names: Record<string, string>;
}

/** The reports behind a figure (ids already validated as UUIDs), with the State's names. */
export async function selectReportsByIds(db: DbOrTx, ids: string[]): Promise<ReportListRow[]> {
  if (!ids.length) return [];
  const rows = await q<{ id: string; state_iso2: string; kind: 'initial' | 'annual'; year: number; names: Record<string, string> }>(
    db,
    sql`select r.id::text as id, r.state_iso2, r.kind, r.year, s.names from reports r join states s on s.iso2 = r.state_iso2
        where r.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  return rows.map((r) => ({ reportId: r.id, stateIso2: r.state_iso2, kind: r.kind, year: Number(r.year), names: r.names }));
}
