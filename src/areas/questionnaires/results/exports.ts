/**
 * The results as spreadsheets: one row per response and one column per question, a first row of
 * stable codes (`section.question`) and a second of labels in the chosen language.
 *  - Choice and yes/no questions: a column of codes (several codes joined by "; ") followed by a
 *    `<code>.label` column with their labels in the chosen language.
 *  - Tables: the main sheet gives the number of rows; the XLSX has one sheet per table, one row
 *    per table row with the response's key.
 *  - Answers to questions hidden by a condition are left out, as on the results page.
 * The XLSX's first sheet ("about") says all this in the chosen language.
 */
import type { Texts } from '../content.ts';
import type { XlsxSheet, XlsxValue } from '../../../platform/exports/xlsx.ts';
import { answerOf, choiceCodes, dateOf, numberOf, tableRows, textIn, textOfAnswer, type CatalogueEntry, type CountedResponse } from './summaries.ts';
import type { Column, Question } from '../content.ts';

export interface ExportTexts {
  /** Labels of the fixed columns, by key. */
  fixed: Record<(typeof FIXED)[number], string>;
  audience: (a: string) => string;
  status: (s: string) => string;
  yes: string;
  no: string;
  rowsOf: (label: string) => string;
  labelOf: (label: string) => string;
  rowNo: string;
  about: string[];
  sheetAbout: string;
  sheetResponses: string;
}

export const FIXED = ['respondent_key', 'state_iso2', 'state_name', 'audience', 'status', 'submitted_at', 'language', 'version'] as const;

export interface ExportInput {
  catalogue: CatalogueEntry[];
  responses: CountedResponse[];
  versionNo: Map<string, number>;
  stateName: (iso2: string | null) => string;
  lang: string;
  sourceLocale: string;
  texts: ExportTexts;
}

type Cell = string | number | null;

function isChoice(t: Question['type'] | Column['type']): t is 'yesno' | 'single' | 'multiple' {
  return t === 'yesno' || t === 'single' || t === 'multiple';
}

function optionLabel(q: Question | Column, code: string, input: ExportInput): string {
  if (q.type === 'yesno') return code === 'yes' ? input.texts.yes : code === 'no' ? input.texts.no : code;
  const o = q.options?.find((x) => x.value === code);
  return o ? textIn(o.label, input.lang, input.sourceLocale, code) : code;
}

/** A scalar answer's cells: [value] or, for choices, [codes, labels]. */
function scalarCells(q: Question | Column, v: unknown, input: ExportInput): Cell[] {
  if (isChoice(q.type)) {
    const codes = choiceCodes(q.type, v);
    return [codes.length ? codes.join('; ') : null, codes.length ? codes.map((c) => optionLabel(q, c, input)).join('; ') : null];
  }
  switch (q.type) {
    case 'number':
      return [numberOf(v) ?? null];
    case 'date':
      return [dateOf(v) ?? null];
    case 'short_text':
    case 'long_text':
      return [textOfAnswer(v) ?? null];
    default:
      // file: how many files were given
      return [Array.isArray(v) ? v.length : v ? 1 : null];
  }
}

function label(texts: Texts | undefined, input: ExportInput, fallback: string): string {
  return textIn(texts, input.lang, input.sourceLocale, fallback);
}

function headersOf(q: Question | Column, code: string, input: ExportInput): { codes: string[]; labels: string[] } {
  const l = label(q.label, input, code);
  const unit = q.type === 'number' && q.unit ? ` (${label(q.unit, input, '')})` : '';
  if (isChoice(q.type)) return { codes: [code, `${code}.label`], labels: [l, input.texts.labelOf(l)] };
  if (q.type === 'table') return { codes: [code], labels: [input.texts.rowsOf(l)] };
  return { codes: [code], labels: [`${l}${unit}`] };
}

function fixedCells(r: CountedResponse, input: ExportInput): Cell[] {
  return [r.respondentKey, r.stateIso2, r.stateIso2 ? input.stateName(r.stateIso2) : null, input.texts.audience(r.audience), input.texts.status(r.status), r.submittedAt ? r.submittedAt.toISOString() : null, r.locale, input.versionNo.get(r.versionId) ?? null];
}

/** The main table: codes row, labels row, one row per response. */
export function responseRows(input: ExportInput): Cell[][] {
  const codes: string[] = [...FIXED];
  const labels: string[] = FIXED.map((k) => input.texts.fixed[k]);
  for (const e of input.catalogue) {
    const h = headersOf(e.question, e.code, input);
    codes.push(...h.codes);
    labels.push(...h.labels);
  }
  const rows: Cell[][] = [codes, labels];
  for (const r of input.responses) {
    const cells = fixedCells(r, input);
    for (const e of input.catalogue) {
      const v = answerOf(r, e.code);
      if (e.question.type === 'table') {
        const n = tableRows(v).length;
        cells.push(n || null);
      } else cells.push(...scalarCells(e.question, v, input));
    }
    rows.push(cells);
  }
  return rows;
}

/** One table question's rows: codes row, labels row, one row per table row with the response's key. */
export function tableSheetRows(entry: CatalogueEntry, input: ExportInput): Cell[][] {
  const columns = entry.question.columns ?? [];
  const codes: string[] = ['respondent_key', 'state_iso2', 'row'];
  const labels: string[] = [input.texts.fixed.respondent_key, input.texts.fixed.state_iso2, input.texts.rowNo];
  for (const c of columns) {
    const h = headersOf(c, `${entry.code}.${c.id}`, input);
    codes.push(...h.codes);
    labels.push(...h.labels);
  }
  const rows: Cell[][] = [codes, labels];
  for (const r of input.responses) {
    tableRows(answerOf(r, entry.code)).forEach((row, i) => {
      const cells: Cell[] = [r.respondentKey, r.stateIso2, i + 1];
      for (const c of columns) cells.push(...scalarCells(c, row[c.id], input));
      rows.push(cells);
    });
  }
  return rows;
}

export function csvRows(input: ExportInput): Cell[][] {
  return responseRows(input);
}

const bold = (row: Cell[]): { value: XlsxValue; bold: boolean }[] => row.map((value) => ({ value, bold: true }));

export function xlsxSheets(input: ExportInput): XlsxSheet[] {
  const rtl = input.lang === 'ar';
  const withHeader = (rows: Cell[][]): XlsxSheet['rows'] => [bold(rows[0]!), bold(rows[1]!), ...rows.slice(2)];
  const main = responseRows(input);
  const sheets: XlsxSheet[] = [
    { name: input.texts.sheetAbout, rows: input.texts.about.map((line) => [{ value: line, wrap: true }]), widths: [110], rightToLeft: rtl },
    { name: input.texts.sheetResponses, rows: withHeader(main), stickyRows: 2, rightToLeft: rtl, widths: main[0]!.map((_, i) => (i < FIXED.length ? 16 : 24)) },
  ];
  for (const e of input.catalogue) {
    if (e.question.type !== 'table') continue;
    sheets.push({ name: e.code, rows: withHeader(tableSheetRows(e, input)), stickyRows: 2, rightToLeft: rtl });
  }
  return sheets;
}
