/**
 * All SQL of the narrative search (analysis_search_documents), and the facts it reads about
 * reports (the reporting area's tables, read only, through its index).
 *
 * A query is matched against every language at once: the search text goes through
 * websearch_to_tsquery with each configuration in use, the OR of them finds candidates through
 * the GIN index, and each row is then checked (and ranked) with the query of its own
 * configuration only.
 */
import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { reportsTable as reports, reportVersionsTable as reportVersions } from '../../reporting/index.ts';
import { searchDocuments } from '../schema.ts';
import { states } from '../../states/schema.ts';
import type { LocalizedText } from '../../states/index.ts';
import { SEARCH_LANGUAGES, WANTED_CONFIG, type SearchLanguage } from './text.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONFIG_NAME = /^[a-z_]{1,40}$/;

/* ---------- Configurations ---------- */

const configCache = new WeakMap<object, Promise<Record<SearchLanguage, string>>>();

/**
 * The configuration used for each language on this database: the wanted one where the server
 * has it, 'simple' otherwise (checked once per database handle).
 */
export function languageConfigs(db: DbOrTx): Promise<Record<SearchLanguage, string>> {
  let p = configCache.get(db);
  if (!p) {
    p = (async () => {
      const rows = await db.execute(sql`select cfgname::text as name from pg_catalog.pg_ts_config`);
      const have = new Set((rows as unknown as { rows: { name: string }[] }).rows.map((r) => r.name));
      return Object.fromEntries(SEARCH_LANGUAGES.map((l) => [l, have.has(WANTED_CONFIG[l]) ? WANTED_CONFIG[l] : 'simple'])) as Record<SearchLanguage, string>;
    })();
    p.catch(() => configCache.delete(db));
    configCache.set(db, p);
  }
  return p;
}

/** A configuration name as a literal (only names from the fixed list above reach here). */
function configLiteral(name: string): SQL {
  if (!CONFIG_NAME.test(name)) throw new Error(`unexpected text search configuration ${name}`);
  return sql.raw(`'${name}'::regconfig`);
}

/* ---------- Reports to index ---------- */

export interface ReportToIndex {
  id: string;
  stateIso2: string;
  year: number;
  visibility: 'public' | 'restricted';
  publishedVersionNo: number | null;
  currentVersionNo: number;
}

export async function findReportToIndex(db: DbOrTx, id: string): Promise<ReportToIndex | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db
    .select({ id: reports.id, stateIso2: reports.stateIso2, year: reports.year, visibility: reports.visibility, publishedVersionNo: reports.publishedVersionNo, currentVersionNo: reports.currentVersionNo })
    .from(reports)
    .where(eq(reports.id, id))
    .limit(1);
  return row;
}

export async function findVersionForIndex(db: DbOrTx, reportId: string, versionNo: number) {
  const [row] = await db
    .select({ versionNo: reportVersions.versionNo, formatVersion: reportVersions.formatVersion, language: reportVersions.language, snapshot: reportVersions.snapshot })
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.versionNo, versionNo)))
    .limit(1);
  return row;
}

/** Every submitted report, in a stable order (for a full re-index), after `afterId`. */
export async function listSubmittedReportIds(db: DbOrTx, afterId: string | undefined, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(gt(reports.currentVersionNo, 0), afterId ? gt(reports.id, afterId) : undefined))
    .orderBy(asc(reports.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Reports whose indexed rows are of an older version than their latest submitted one. */
export async function listStaleReports(db: DbOrTx, limit: number): Promise<string[]> {
  const d = searchDocuments;
  const rows = await db
    .selectDistinct({ id: d.reportId })
    .from(d)
    .innerJoin(reports, eq(reports.id, d.reportId))
    .where(lt(d.versionNo, reports.currentVersionNo))
    .limit(limit);
  return rows.map((r) => r.id);
}

/* ---------- Writing ---------- */

export interface DocumentInput {
  formId: string;
  path: string;
  actionIds: string[];
  lang: SearchLanguage;
  config: string;
  body: string;
  normalized: string;
}

/**
 * Replaces the rows of a report with those of `versionNo` — unless rows of a newer version are
 * there already (an indexing that finishes late never replaces a newer one). Returns whether the
 * rows were written. Call inside a transaction.
 */
export async function replaceReportDocuments(
  tx: DbOrTx,
  report: { id: string; stateIso2: string; year: number },
  versionNo: number,
  visibility: 'public' | 'restricted',
  docs: DocumentInput[],
): Promise<boolean> {
  const d = searchDocuments;
  // One indexer at a time per report (several app instances may poll): without it, two could
  // each delete the old rows and insert their own, leaving both sets.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`analysis.search:${report.id}`}, 0))`);
  const [newer] = await tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.reportId, report.id), gt(d.versionNo, versionNo)))
    .limit(1);
  if (newer) return false;
  await tx.delete(d).where(eq(d.reportId, report.id));
  for (let i = 0; i < docs.length; i += 200) {
    await tx.insert(d).values(
      docs.slice(i, i + 200).map((doc) => ({
        reportId: report.id,
        versionNo,
        stateIso2: report.stateIso2,
        year: report.year,
        formId: doc.formId,
        path: doc.path,
        actionIds: doc.actionIds,
        lang: doc.lang,
        config: doc.config,
        body: doc.body,
        normalized: doc.normalized,
        tsv: sql`to_tsvector(${configLiteral(doc.config)}, ${doc.normalized})` as unknown as string,
        visibility,
      })),
    );
  }
  return true;
}

export async function countDocuments(db: DbOrTx, reportId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(searchDocuments)
    .where(reportId ? eq(searchDocuments.reportId, reportId) : undefined);
  return row?.n ?? 0;
}

/* ---------- Searching ---------- */

/** Every match of the whole text marked with two control characters (see text.ts). */
const HEADLINE_OPTIONS = 'HighlightAll=true, StartSel="\u0001", StopSel="\u0002"';

export interface SearchFilter {
  /** The prepared query (see text.ts), in websearch syntax. */
  query: string;
  year?: number | undefined;
  stateIso2?: string | undefined;
  formId?: string | undefined;
  actionId?: string | undefined;
  /** Only public, published versions (a public search): never anything else. */
  publicOnly?: boolean;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: number;
  reportId: string;
  versionNo: number;
  stateIso2: string;
  year: number;
  formId: string;
  path: string;
  lang: string;
  config: string;
  body: string;
  rank: number;
  /** The prepared text marked by ts_headline (every match between \u0001 and \u0002). */
  marked: string;
  kind: 'initial' | 'annual';
  total: number;
}

/**
 * The row's version is the published version of a public report, and that version was itself
 * published as public: what anyone may read. Nothing else ever reaches a public search.
 */
function publishedPublic(reportId: typeof searchDocuments.reportId, versionNo: typeof searchDocuments.versionNo): SQL {
  return sql`exists (select 1 from ${reports} join ${reportVersions} on ${reportVersions.reportId} = ${reports.id} and ${reportVersions.versionNo} = ${reports.publishedVersionNo}
    where ${reports.id} = ${reportId} and ${reports.visibility} = 'public' and ${reports.publishedVersionNo} = ${versionNo}
      and ${reportVersions.visibility} = 'public' and ${reportVersions.publishedAt} is not null)`;
}

/** Matching rows, best first, with the total count; only the page's rows are highlighted. */
export async function searchDocumentsPage(db: DbOrTx, f: SearchFilter): Promise<{ rows: SearchRow[]; total: number }> {
  const d = searchDocuments;
  const configs = [...new Set(Object.values(await languageConfigs(db)))];
  const tsq = (c: string) => sql`websearch_to_tsquery(${configLiteral(c)}, ${f.query})`;
  const anyConfig = sql.join(
    configs.map((c) => tsq(c)),
    sql` || `,
  );
  const ownConfig = sql`(case ${d.config} ${sql.join(
    configs.map((c) => sql`when ${c} then ${tsq(c)}`),
    sql` `,
  )} end)`;
  const where = and(
    sql`${d.tsv} @@ (${anyConfig})`,
    sql`${d.tsv} @@ ${ownConfig}`,
    f.year ? eq(d.year, f.year) : undefined,
    f.stateIso2 ? eq(d.stateIso2, f.stateIso2) : undefined,
    f.formId ? eq(d.formId, f.formId) : undefined,
    f.actionId ? sql`${d.actionIds} @> array[${f.actionId}]::text[]` : undefined,
    f.publicOnly ? publishedPublic(d.reportId, d.versionNo) : undefined,
  );
  const rank = sql<number>`ts_rank(${d.tsv}, ${ownConfig})`;
  // Ranking carries only ids and ranks (narrow rows); the texts, report kind and highlighting are
  // read for the page's rows only.
  const ranked = db
    .select({ id: d.id, rank: rank.as('rank'), total: sql<number>`count(*) over ()`.as('total') })
    .from(d)
    .where(where)
    .orderBy(desc(sql`rank`), desc(d.year), asc(d.stateIso2), asc(d.id))
    .limit(f.limit)
    .offset(f.offset)
    .as('ranked');
  const headlineQuery = sql`(case ${d.config} ${sql.join(
    configs.map((c) => sql`when ${c} then ${tsq(c)}`),
    sql` `,
  )} end)`;
  const rows = await db
    .select({
      id: d.id,
      reportId: d.reportId,
      versionNo: d.versionNo,
      stateIso2: d.stateIso2,
      year: d.year,
      formId: d.formId,
      path: d.path,
      lang: d.lang,
      config: d.config,
      body: d.body,
      kind: reports.kind,
      rank: ranked.rank,
      total: ranked.total,
      marked: sql<string>`ts_headline(${d.config}::regconfig, ${d.normalized}, ${headlineQuery}, ${HEADLINE_OPTIONS})`,
    })
    .from(ranked)
    .innerJoin(d, eq(d.id, ranked.id))
    .innerJoin(reports, eq(reports.id, d.reportId))
    .orderBy(desc(ranked.rank), desc(d.year), asc(d.stateIso2), asc(d.id));
  const out = rows.map((r) => ({ ...r, rank: Number(r.rank), total: Number(r.total) })) as SearchRow[];
  if (out.length || f.offset === 0) return { rows: out, total: out[0]?.total ?? 0 };
  // A page past the end: still say how many there are.
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .where(where);
  return { rows: [], total: count?.n ?? 0 };
}

/** Reports a search may show: every submitted one, or (public) the published public ones. */
const searchable = (publicOnly: boolean) =>
  publicOnly
    ? and(
        gt(reports.currentVersionNo, 0),
        sql`${reports.visibility} = 'public' and ${reports.publishedVersionNo} is not null and exists (select 1 from ${reportVersions} where ${reportVersions.reportId} = ${reports.id}
          and ${reportVersions.versionNo} = ${reports.publishedVersionNo} and ${reportVersions.visibility} = 'public' and ${reportVersions.publishedAt} is not null)`,
      )
    : gt(reports.currentVersionNo, 0);

/** The years of the reports a search may show, newest first. */
export async function listIndexedYears(db: DbOrTx, publicOnly = false): Promise<number[]> {
  const rows = await db.selectDistinct({ year: reports.year }).from(reports).where(searchable(publicOnly)).orderBy(desc(reports.year));
  return rows.map((r) => r.year);
}

/** The States of the reports a search may show, with their names in every language. */
export async function listIndexedStates(db: DbOrTx, publicOnly = false): Promise<{ iso2: string; names: LocalizedText }[]> {
  return db
    .select({ iso2: states.iso2, names: states.names })
    .from(states)
    .where(sql`${states.iso2} in (select distinct ${reports.stateIso2} from ${reports} where ${searchable(publicOnly)})`);
}

