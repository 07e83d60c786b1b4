/**
 * The JSON document of one submitted version of a report: what `/{l}/reports/{id}/export.json`
 * serves, what the bulk download contains, and what the public API returns. Content is exactly as
 * submitted (the version's snapshot), forms in the order of their format.
 */
import { getFormat } from '../formats.ts';
import type { FormStatus } from '../report.ts';
import type { ReportSnapshot } from '../reports-commands.ts';
import type { ReportRow, ReportVersionRow } from '../reports-repository.ts';
import type { FormValues } from '../../../platform/forms/definition.ts';

/** Bumped when the shape of the document changes. */
export const DOCUMENT_SCHEMA = 'apmbc.article7.report/1';

export interface ReportDocumentForm {
  status: FormStatus;
  unchangedSinceYear: number | null;
  values: FormValues;
  explanations: Record<string, string>;
}

export interface ReportDocument {
  schema: string;
  id: string;
  state: { iso2: string; name: string };
  kind: 'initial' | 'annual';
  year: number;
  period: { start: string; end: string };
  version: number;
  formatVersion: string;
  /** Language the State submitted in. */
  language: string;
  visibility: 'public' | 'restricted';
  nothingNew: boolean;
  reason: string | null;
  submittedAt: string;
  publishedAt: string | null;
  forms: Record<string, ReportDocumentForm>;
  links: { pdf: string; xlsx: string; csv: string; json: string; html: string };
}

export interface ReportDocumentInput {
  report: Pick<ReportRow, 'id' | 'stateIso2' | 'kind' | 'year' | 'periodStart' | 'periodEnd'>;
  version: Pick<ReportVersionRow, 'versionNo' | 'formatVersion' | 'language' | 'visibility' | 'nothingNew' | 'reason' | 'snapshot' | 'submittedAt' | 'publishedAt'>;
  stateName: string;
  /** Absolute base of links, e.g. https://reports.example.org (config.baseUrl). */
  baseUrl: string;
  /** Interface language of the links. */
  locale: string;
}

/** Links to every export of one version. */
export function exportLinks(baseUrl: string, locale: string, reportId: string, versionNo: number) {
  const base = `${baseUrl}/${locale}/reports/${reportId}`;
  const q = `?version=${versionNo}`;
  return { pdf: `${base}/export.pdf${q}`, xlsx: `${base}/export.xlsx${q}`, csv: `${base}/export.csv.zip${q}`, json: `${base}/export.json${q}`, html: `${base}${q}` };
}

const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());

export function reportDocument({ report, version, stateName, baseUrl, locale }: ReportDocumentInput): ReportDocument {
  const snapshot = version.snapshot as unknown as ReportSnapshot;
  const format = getFormat(version.formatVersion);
  const ids = format ? format.forms.map((f) => f.id) : Object.keys(snapshot.forms ?? {});
  const forms: Record<string, ReportDocumentForm> = {};
  for (const id of ids) {
    const f = snapshot.forms?.[id];
    if (!f) continue;
    forms[id] = {
      status: f.status,
      unchangedSinceYear: f.unchangedSinceYear ?? null,
      values: structuredClone(f.values ?? {}),
      explanations: { ...(f.explanations ?? {}) },
    };
  }
  return {
    schema: DOCUMENT_SCHEMA,
    id: report.id,
    state: { iso2: report.stateIso2, name: stateName },
    kind: report.kind,
    year: report.year,
    period: { start: report.periodStart, end: report.periodEnd },
    version: version.versionNo,
    formatVersion: version.formatVersion,
    language: version.language,
    visibility: version.visibility,
    nothingNew: version.nothingNew,
    reason: version.reason ?? null,
    submittedAt: iso(version.submittedAt)!,
    publishedAt: iso(version.publishedAt),
    forms,
    links: exportLinks(baseUrl, locale, report.id, version.versionNo),
  };
}

/** A safe file name base for downloads: apmbc-art7-SN-annual-2023-v2. */
export function exportFileBase(report: Pick<ReportRow, 'stateIso2' | 'kind' | 'year'>, versionNo: number): string {
  return `apmbc-art7-${report.stateIso2}-${report.kind}-${report.year}-v${versionNo}`.replace(/[^A-Za-z0-9_.-]/g, '');
}
