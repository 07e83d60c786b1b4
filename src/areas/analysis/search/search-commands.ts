/**
 * Named write use cases of the narrative search: (re)indexing the latest submitted version of a
 * report, the reports the analysis poller has just analysed, and every report (seed, ISU).
 * The rows of a report are replaced in one transaction, so a search sees the old version's rows
 * or the new version's, never a mix.
 */
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import type { FieldDef, FormDef } from '../../../platform/forms/definition.ts';
import { isVisible } from '../../../platform/forms/validate.ts';
import type { JobLogger } from '../../../platform/jobs/runner.ts';
import { CURRENT_FORMAT, getFormat } from '../../reporting/index.ts';
import { asSnapshot, narrativeTexts, type VersionSnapshot } from '../indicators/snapshot.ts';
import * as repo from './search-repository.ts';
import { languageOf, prepare, type SearchLanguage } from './text.ts';

/** Action-plan actions a narrative field (or table column) gives evidence for, from its form definition. */
export function actionsOfField(forms: FormDef[], formId: string, path: string): string[] {
  const def = forms.find((f) => f.id === formId);
  const [sectionId, fieldId, , columnId] = path.split('.');
  const field = def?.sections.find((s) => s.id === sectionId)?.fields.find((f) => f.id === fieldId);
  if (!field) return [];
  const column: FieldDef | undefined = field.type === 'table' && columnId ? field.columns.find((c) => c.id === columnId) : undefined;
  return [...new Set([...(field.actions ?? []), ...(column?.actions ?? [])])];
}

/**
 * Whether the report page shows the answer at `path` (`section.field` or `section.table.row.column`).
 * An answer kept in the snapshot for a field its show-if condition now hides (e.g. a plan summary
 * after the State answered "no plan") is not part of the report as readers see it: it is not
 * indexed, so no result quotes text the report does not show or links to an anchor not on the page.
 */
export function isShownOnPage(snapshot: VersionSnapshot, forms: FormDef[], formId: string, path: string): boolean {
  const [sectionId, fieldId, row, columnId] = path.split('.');
  const field = forms.find((f) => f.id === formId)?.sections.find((s) => s.id === sectionId)?.fields.find((f) => f.id === fieldId);
  const sv = snapshot.forms[formId]?.values?.[sectionId!];
  if (!field || !sv || typeof sv !== 'object' || !isVisible(field, sv)) return false;
  if (field.type !== 'table') return true;
  const column = columnId ? field.columns.find((c) => c.id === columnId) : undefined;
  const rows = sv[field.id];
  const cells = Array.isArray(rows) ? rows[Number(row)] : undefined;
  return !!column && !!cells && typeof cells === 'object' && isVisible(column, cells as Record<string, unknown>);
}

/** The rows to index for a version: one per narrative field the report page shows, in its language. */
export function documentsOfVersion(snapshot: VersionSnapshot, forms: FormDef[], reportLanguage: string, configs: Record<SearchLanguage, string>): repo.DocumentInput[] {
  return narrativeTexts(snapshot, forms).filter((n) => isShownOnPage(snapshot, forms, n.formId, n.path)).map((n) => {
    const lang = languageOf(n.text, reportLanguage);
    return { formId: n.formId, path: n.path, actionIds: actionsOfField(forms, n.formId, n.path), lang, config: configs[lang], body: n.text, normalized: prepare(n.text).text };
  });
}

export interface IndexOutcome {
  reportId: string;
  versionNo: number;
  documents: number;
  /** False when rows of a newer version were there already. */
  written: boolean;
}

/**
 * Indexes the narratives of the latest submitted version of a report, replacing the rows of any
 * earlier version. Undefined when the report does not exist or has no submitted version.
 */
export async function indexReport(db: DbOrTx, reportId: string): Promise<IndexOutcome | undefined> {
  const report = await repo.findReportToIndex(db, reportId);
  if (!report || report.currentVersionNo === 0) return undefined;
  const version = await repo.findVersionForIndex(db, report.id, report.currentVersionNo);
  if (!version) return undefined;
  const forms = (getFormat(version.formatVersion) ?? CURRENT_FORMAT).forms;
  const docs = documentsOfVersion(asSnapshot(version.snapshot), forms, version.language, await repo.languageConfigs(db));
  const visibility = report.visibility === 'public' && report.publishedVersionNo === version.versionNo ? 'public' : 'restricted';
  const written = await withTransaction(db, (tx) => repo.replaceReportDocuments(tx, report, version.versionNo, visibility, docs));
  return { reportId: report.id, versionNo: version.versionNo, documents: docs.length, written };
}

/**
 * The analysis poller's step: indexes the reports it has just analysed (a new submitted version)
 * and any report whose rows are of an older version. A report that fails is logged and skipped.
 */
export async function indexNewVersions(database: Pick<Database, 'db'>, reportIds: string[], log?: JobLogger): Promise<IndexOutcome[]> {
  const db = database.db;
  const ids = new Set(reportIds);
  try {
    for (const id of await repo.listStaleReports(db, 25)) ids.add(id);
  } catch (e) {
    log?.error({ task: 'analysis.search', err: e instanceof Error ? e.message : String(e) }, 'search index check failed');
  }
  const out: IndexOutcome[] = [];
  for (const id of ids) {
    try {
      const r = await indexReport(db, id);
      if (r) out.push(r);
    } catch (e) {
      log?.error({ task: 'analysis.search', report: id, err: e instanceof Error ? e.message : String(e) }, 'search indexing failed');
    }
  }
  if (out.length) log?.info({ task: 'analysis.search', reports: out.length }, 'reports indexed for search');
  return out;
}

/** Indexes every submitted report again (demo seed, or after a change of configuration). Audited. */
export async function reindexAllSearchDocuments(database: Pick<Database, 'db'>, actor: Actor): Promise<{ reports: number; documents: number }> {
  const db = database.db;
  let after: string | undefined;
  let reports = 0;
  let documents = 0;
  for (;;) {
    const ids = await repo.listSubmittedReportIds(db, after, 100);
    if (!ids.length) break;
    for (const id of ids) {
      const r = await indexReport(db, id);
      if (r?.written) {
        reports++;
        documents += r.documents;
      }
    }
    after = ids[ids.length - 1];
  }
  await withTransaction(db, (tx) => recordAudit(tx, actor, { action: 'analysis.search.reindexed', entityType: 'search_index', summary: { reports, documents } }));
  return { reports, documents };
}
