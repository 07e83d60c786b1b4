/** ZIP downloads: the CSV files of one report, and everything published publicly for a year. */
import { zipFiles, type ZipEntry } from '../../../platform/exports/zip.ts';
import type { ReportDocument } from './document.ts';
import { exportFileBase } from './document.ts';
import type { ExportContext } from './context.ts';
import { CURRENT_FORMAT } from '../formats.ts';
import { reportCsvFiles } from './tables.ts';

export function reportCsvZip(doc: ReportDocument, ctx: ExportContext): Buffer {
  return zipFiles(reportCsvFiles([doc], doc.formatVersion, ctx).map((f) => ({ name: f.name, data: f.text })));
}

/**
 * The year's public reports: one JSON document each (reports/…json) and, per reporting format,
 * the combined CSV files (csv/<format>/…csv) with one row per report or table row.
 */
export function bulkZip(docs: ReportDocument[], ctx: ExportContext): Buffer {
  const entries: ZipEntry[] = docs.map((doc) => ({ name: `reports/${exportFileBase({ stateIso2: doc.state.iso2, kind: doc.kind, year: doc.year }, doc.version)}.json`, data: `${JSON.stringify(doc, null, 2)}\n` }));
  const formats = docs.length ? [...new Set(docs.map((d) => d.formatVersion))].sort() : [CURRENT_FORMAT.version];
  for (const fv of formats) {
    const group = docs.filter((d) => d.formatVersion === fv);
    for (const f of reportCsvFiles(group, fv, ctx)) entries.push({ name: `csv/format-${fv}/${f.name}`, data: f.text });
  }
  return zipFiles(entries);
}
