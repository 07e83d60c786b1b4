/**
 * CSV files of reports: one per form table (every report's rows, each row led by the report it
 * belongs to) and `report.csv` with the other answers (one row per report), plus `codes.csv`, the
 * legend of option codes. Row 1 holds stable codes, row 2 labels in the interface language.
 * Used for one report (export.csv.zip) and for a whole year (bulk download).
 */
import { textOf } from '../../../platform/forms/definition.ts';
import { csvDocument, type CsvCell } from '../../../platform/exports/csv.ts';
import { getFormat } from '../formats.ts';
import type { ReportDocument } from './document.ts';
import type { ExportContext } from './context.ts';
import { formLayout, leafLabel, optionLegend, scalarCells, tableRows } from './columns.ts';
import { exportedValues } from './spreadsheet.ts';

const META = ['_report', '_state', '_kind', '_year', '_version'] as const;

function metaLabels(ctx: ExportContext): string[] {
  const { t } = ctx;
  return [t('reporting.export.col.report'), t('reporting.view.state'), t('reporting.export.col.kind'), t('reporting.export.col.year'), t('reporting.view.version')];
}

const metaCells = (doc: ReportDocument): CsvCell[] => [doc.id, doc.state.iso2, doc.kind, doc.year, doc.version];

export interface CsvFile {
  name: string;
  text: string;
}

/** CSV files for the documents given (all of the same reporting format). */
export function reportCsvFiles(docs: ReportDocument[], formatVersion: string, ctx: ExportContext): CsvFile[] {
  const format = getFormat(formatVersion);
  if (!format) return [];
  const { t } = ctx;
  const files: CsvFile[] = [];
  const layouts = new Map(format.forms.map((def) => [def.id, formLayout(def)]));
  const layoutOf = (id: string) => layouts.get(id)!;

  // report.csv: statuses and the answers outside tables.
  const codes: string[] = [...META];
  const labels: string[] = metaLabels(ctx);
  for (const def of format.forms) {
    const title = textOf(def.title, ctx.locale, t);
    codes.push(`${def.id}._status`, `${def.id}._unchanged_since`);
    labels.push(`${title} – ${t('reporting.export.col.status')}`, `${title} – ${t('reporting.export.col.unchanged_since')}`);
    for (const leaf of layoutOf(def.id).scalars) {
      codes.push(`${def.id}.${leaf.code}`);
      labels.push(`${title} – ${leafLabel(leaf, t, ctx.locale)}`);
    }
  }
  const rows: CsvCell[][] = docs.map((doc) => [
    ...metaCells(doc),
    ...format.forms.flatMap((def) => {
      const f = doc.forms[def.id];
      return [f?.status ?? 'not_started', f?.unchangedSinceYear ?? null, ...scalarCells(layoutOf(def.id), exportedValues(doc, def.id))];
    }),
  ]);
  files.push({ name: 'report.csv', text: csvDocument([codes, labels, ...rows]) });

  // One file per table.
  for (const def of format.forms) {
    for (const table of layoutOf(def.id).tables) {
      const head = [...META, ...table.leaves.map((l) => l.code)];
      const names = [...metaLabels(ctx), ...table.leaves.map((l) => leafLabel(l, t, ctx.locale))];
      const body = docs.flatMap((doc) => tableRows(table, exportedValues(doc, def.id)).map((r) => [...metaCells(doc), ...r]));
      files.push({ name: `${def.id}.${table.code}.csv`, text: csvDocument([head, names, ...body]) });
    }
  }

  // The legend of option codes.
  const legend: CsvCell[][] = [['form', 'code', 'value', 'label'], [t('reporting.export.xlsx.sheet'), t('reporting.export.xlsx.code'), t('reporting.export.xlsx.value'), t('reporting.export.xlsx.meaning')]];
  for (const def of format.forms) for (const [code, value, label] of optionLegend(layoutOf(def.id), t, ctx.locale)) legend.push([def.id, code, value, label]);
  files.push({ name: 'codes.csv', text: csvDocument(legend) });
  return files;
}
