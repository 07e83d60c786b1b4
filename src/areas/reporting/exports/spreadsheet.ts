/**
 * The XLSX workbook of one submitted version: an "about" sheet (report, version, form statuses),
 * one sheet per form (row 1 labels in the interface language, row 2 stable codes, then data: the
 * form's other answers on the first data row, each table's rows side by side below), and a legend
 * of option codes. Right-to-left sheets for Arabic. The same layout is read back by the import.
 */
import { textOf, type FormDef, type ScalarFieldDef } from '../../../platform/forms/definition.ts';
import { writeXlsx, type XlsxCell, type XlsxSheet, type XlsxValue } from '../../../platform/exports/xlsx.ts';
import { getFormat } from '../formats.ts';
import { formStatusText } from '../views/shared.tsx';
import type { ReportDocument } from './document.ts';
import type { ExportContext } from './context.ts';
import { formLayout, leafLabel, optionLegend, scalarCells, tableRows, type FormLayout, type Leaf } from './columns.ts';

/** Codes of the about sheet that the import reads. */
export const META_CODES = { formatVersion: 'report.formatVersion', id: 'report.id' } as const;

/** "C - Location of mined areas": form id, then the title without its "Form C:" prefix. */
export function formSheetName(def: FormDef, ctx: ExportContext): string {
  const title = textOf(def.title, ctx.locale, ctx.t);
  const short = title.includes(':') || title.includes('：') ? title.split(/[:：]/).slice(1).join(':').trim() : title;
  return `${def.id} - ${short || title}`;
}

/** The form id a sheet name starts with ("C - …" → "C"). */
export function formIdOfSheet(name: string): string | undefined {
  return /^([A-Za-z][A-Za-z0-9]*) - /.exec(name)?.[1];
}

function numberFormat(field: ScalarFieldDef | undefined, part?: string): string | undefined {
  if (!field) return undefined;
  if (field.type === 'people') return '#,##0';
  if (field.type === 'money') return part === 'amount' ? '#,##0.00' : undefined;
  if (field.type === 'integer') return (field.min ?? 0) >= 1000 && (field.max ?? Infinity) <= 9999 ? '0' : '#,##0';
  if (field.type === 'decimal') return (field.scale ?? 2) > 0 ? `#,##0.${'0'.repeat(field.scale ?? 2)}` : '#,##0';
  return undefined;
}

function width(leaf: Leaf): number {
  const f = leaf.field;
  if (!f) return 12;
  if (f.type === 'narrative') return 60;
  if (f.type === 'text') return Math.min(40, Math.max(16, (f.maxLength ?? 200) / 10));
  if (leaf.numeric) return 14;
  return 18;
}

function formSheet(layout: FormLayout, values: Record<string, Record<string, unknown>>, ctx: ExportContext, rtl: boolean, name: string): XlsxSheet {
  const leaves: { leaf: Leaf; label: string }[] = [
    ...layout.scalars.map((leaf) => ({ leaf, label: leafLabel(leaf, ctx.t, ctx.locale) })),
    ...layout.tables.flatMap((table) => table.leaves.map((leaf) => ({ leaf, label: leafLabel(leaf, ctx.t, ctx.locale, table.field) }))),
  ];
  const header: XlsxCell[] = leaves.map((l) => ({ value: l.label, bold: true, wrap: true }));
  const codes: XlsxCell[] = leaves.map((l) => ({ value: l.leaf.code }));
  const scalars = scalarCells(layout, values);
  const tables = layout.tables.map((t) => tableRows(t, values));
  const height = Math.max(1, ...tables.map((t) => t.length));
  const data: (XlsxValue | XlsxCell)[][] = [];
  for (let r = 0; r < height; r++) {
    const row: (XlsxValue | XlsxCell)[] = layout.scalars.map((leaf, i) => (r === 0 ? cell(scalars[i]!, leaf) : null));
    layout.tables.forEach((t, ti) => t.leaves.forEach((leaf, ci) => row.push(cell(tables[ti]![r]?.[ci] ?? null, leaf))));
    data.push(row);
  }
  return { name, rows: [header, codes, ...data], rightToLeft: rtl, widths: leaves.map((l) => width(l.leaf)), stickyRows: 2 };
}

function cell(value: string | number | null, leaf: Leaf): XlsxValue | XlsxCell {
  if (typeof value === 'number') {
    const format = numberFormat(leaf.field, leaf.part);
    return format ? { value, format } : value;
  }
  return value;
}

/** Forms whose answers are exported: not the ones marked not applicable (or never started). */
export function exportedValues(doc: ReportDocument, formId: string): Record<string, Record<string, unknown>> {
  const f = doc.forms[formId];
  if (!f || f.status === 'not_applicable' || f.status === 'not_started') return {};
  return f.values ?? {};
}

export async function reportXlsx(doc: ReportDocument, ctx: ExportContext): Promise<Buffer> {
  const { t } = ctx;
  const format = getFormat(doc.formatVersion);
  const rtl = ctx.locale === 'ar';
  const defs = format?.forms ?? [];
  const bold = (value: string): XlsxCell => ({ value, bold: true });
  const about: XlsxSheet = {
    name: t('reporting.export.xlsx.about_sheet'),
    rightToLeft: rtl,
    widths: [40, 26, 40, 30],
    stickyRows: 1,
    rows: [
      [bold(t('reporting.export.xlsx.item')), bold(t('reporting.export.xlsx.code')), bold(t('reporting.export.xlsx.value')), bold(t('reporting.export.xlsx.meaning'))],
      [t('reporting.export.col.report'), META_CODES.id, doc.id, null],
      [t('reporting.view.state'), 'report.state', doc.state.iso2, doc.state.name],
      [t('reporting.export.col.kind'), 'report.kind', doc.kind, t(`reporting.export.kind.${doc.kind}`)],
      [t('reporting.export.col.year'), 'report.year', { value: doc.year, format: '0' }, null],
      [t('reporting.tasks.period'), 'report.period', `${doc.period.start}/${doc.period.end}`, null],
      [t('reporting.view.version'), 'report.version', doc.version, null],
      [t('reporting.export.col.format_version'), META_CODES.formatVersion, doc.formatVersion, null],
      [t('reporting.view.language'), 'report.language', doc.language, t(`reporting.opt.language.${doc.language}`)],
      [t('reporting.view.visibility'), 'report.visibility', doc.visibility, t(`reporting.visibility.${doc.visibility}`)],
      [t('reporting.tasks.submitted'), 'report.submittedAt', doc.submittedAt, null],
      [t('reporting.view.published'), 'report.publishedAt', doc.publishedAt, null],
      ...defs.map((def): (XlsxValue | XlsxCell)[] => {
        const f = doc.forms[def.id];
        const status = f?.status ?? 'not_started';
        return [textOf(def.title, ctx.locale, t), `${def.id}._status`, status, formStatusText(t, status, f?.unchangedSinceYear ?? null)];
      }),
      [t('reporting.export.xlsx.note'), null, null, null],
    ],
  };
  const sheets: XlsxSheet[] = [about];
  const legend: (XlsxValue | XlsxCell)[][] = [[bold(t('reporting.export.xlsx.sheet')), bold(t('reporting.export.xlsx.code')), bold(t('reporting.export.xlsx.value')), bold(t('reporting.export.xlsx.meaning'))]];
  for (const def of defs) {
    const layout = formLayout(def);
    const name = formSheetName(def, ctx);
    sheets.push(formSheet(layout, exportedValues(doc, def.id), ctx, rtl, name));
    for (const [code, value, label] of optionLegend(layout, t, ctx.locale)) legend.push([def.id, code, value, label]);
  }
  sheets.push({ name: t('reporting.export.xlsx.codes_sheet'), rows: legend, rightToLeft: rtl, widths: [10, 40, 20, 50], stickyRows: 1 });
  return writeXlsx(sheets);
}
