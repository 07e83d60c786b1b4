/**
 * Reading an uploaded export back: the JSON document (export.json) or the workbook (export.xlsx).
 * The file's content decides its type (JSON must parse; XLSX is a ZIP starting with PK\x03\x04)
 * and must agree with its name. Each form becomes a JSON body for
 * `readSubmission(def, body, { json: true })`, with a way to point at the cell of a problem.
 */
import type { FormValues } from '../../../platform/forms/definition.ts';
import { isZip } from '../../../platform/exports/zip.ts';
import { readXlsx, XlsxReadError, type ReadSheet, type ReadValue } from '../../../platform/exports/xlsx.ts';
import type { ReportingFormat } from '../formats.ts';
import { DOCUMENT_SCHEMA } from './document.ts';
import { formLayout, isEmptyRow, readScalars, readTableRow } from './columns.ts';
import { META_CODES, formIdOfSheet } from './spreadsheet.ts';

export interface UploadedForm {
  formId: string;
  body: FormValues;
  /** Where a value path is in the file (e.g. "C - Location of mined areas!D5"), when known. */
  locate?: (path: string) => string | undefined;
}

export interface FileProblem {
  formId?: string;
  where?: string;
  /** Message key and values. */
  message: string;
  values?: Record<string, string | number>;
}

export type ParsedUpload =
  | { kind: 'ok'; source: 'json' | 'xlsx'; forms: UploadedForm[]; problems: FileProblem[] }
  | { kind: 'rejected'; message: string; values?: Record<string, string | number> };

const reject = (message: string, values?: Record<string, string | number>): ParsedUpload => ({ kind: 'rejected', message, ...(values ? { values } : {}) });

function claimedType(filename: string): 'json' | 'xlsx' | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'xlsx' ? 'xlsx' : undefined;
}

export async function parseUpload(buf: Buffer, filename: string, format: ReportingFormat, opts: { maxExpandedBytes?: number } = {}): Promise<ParsedUpload> {
  if (buf.length === 0) return reject('reporting.export.import.empty_file');
  const claimed = claimedType(filename);
  if (!claimed) return reject('reporting.export.import.unsupported_type');
  const zip = isZip(buf);
  if (claimed === 'xlsx' && !zip) return reject('reporting.export.import.not_xlsx');
  if (claimed === 'json' && zip) return reject('reporting.export.import.not_json');
  return claimed === 'xlsx' ? parseXlsx(buf, format, opts.maxExpandedBytes) : parseJson(buf, format);
}

/* ---------- JSON ---------- */

function parseJson(buf: Buffer, format: ReportingFormat): ParsedUpload {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return reject('reporting.export.import.not_json');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return reject('reporting.export.import.not_json');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return reject('reporting.export.import.not_report');
  const d = doc as Record<string, unknown>;
  if (d.schema !== undefined && d.schema !== DOCUMENT_SCHEMA) return reject('reporting.export.import.not_report');
  if (!d.forms || typeof d.forms !== 'object' || Array.isArray(d.forms)) return reject('reporting.export.import.not_report');
  if (d.formatVersion !== undefined && d.formatVersion !== format.version) return reject('reporting.export.import.other_format', { found: String(d.formatVersion).slice(0, 20), expected: format.version });
  const problems: FileProblem[] = [];
  const forms: UploadedForm[] = [];
  for (const [formId, f] of Object.entries(d.forms as Record<string, unknown>)) {
    if (!format.forms.some((def) => def.id === formId)) {
      problems.push({ where: `forms.${formId.slice(0, 40)}`, message: 'reporting.export.import.unknown_form' });
      continue;
    }
    const values = f && typeof f === 'object' && !Array.isArray(f) ? (f as Record<string, unknown>).values : undefined;
    if (values !== undefined && (values === null || typeof values !== 'object' || Array.isArray(values))) {
      problems.push({ formId, where: `forms.${formId}.values`, message: 'reporting.export.import.not_values' });
      continue;
    }
    forms.push({ formId, body: (values ?? {}) as FormValues, locate: (path) => `forms.${formId}.values.${path}` });
  }
  return { kind: 'ok', source: 'json', forms, problems };
}

/* ---------- XLSX ---------- */

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const blank = (v: ReadValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

async function parseXlsx(buf: Buffer, format: ReportingFormat, maxExpandedBytes?: number): Promise<ParsedUpload> {
  let sheets: ReadSheet[];
  try {
    sheets = await readXlsx(buf, maxExpandedBytes);
  } catch (e) {
    if (e instanceof XlsxReadError) return reject(e.reason === 'too_large' ? 'reporting.export.import.too_large_expanded' : e.reason === 'not_xlsx' ? 'reporting.export.import.not_xlsx' : 'reporting.export.import.damaged');
    throw e;
  }
  const problems: FileProblem[] = [];
  // The about sheet (if kept) says which format the workbook was made for.
  for (const sheet of sheets) {
    const row = sheet.rows.find((r) => r[1] === META_CODES.formatVersion);
    if (row && row[2] !== null && String(row[2]) !== format.version) return reject('reporting.export.import.other_format', { found: String(row[2]).slice(0, 20), expected: format.version });
  }
  const forms: UploadedForm[] = [];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const formId = formIdOfSheet(sheet.name);
    const def = formId ? format.forms.find((f) => f.id === formId) : undefined;
    if (!def) continue;
    if (seen.has(def.id)) {
      problems.push({ formId: def.id, where: sheet.name, message: 'reporting.export.import.duplicate_sheet' });
      continue;
    }
    seen.add(def.id);
    const layout = formLayout(def);
    const codesRow = sheet.rows[1] ?? [];
    const known = new Set([...layout.scalars.map((l) => l.code), ...layout.tables.flatMap((t) => t.leaves.map((l) => l.code))]);
    const column = new Map<string, number>();
    codesRow.forEach((c, i) => {
      if (blank(c)) return;
      const code = String(c).trim();
      if (!known.has(code)) problems.push({ formId: def.id, where: `${sheet.name}!${columnLetter(i)}2`, message: 'reporting.export.import.unknown_column', values: { code: code.slice(0, 80) } });
      else if (column.has(code)) problems.push({ formId: def.id, where: `${sheet.name}!${columnLetter(i)}2`, message: 'reporting.export.import.duplicate_column', values: { code } });
      else column.set(code, i);
    });
    const data = sheet.rows.slice(2);
    const at = (rowIndex: number) => (code: string) => {
      const i = column.get(code);
      return i === undefined ? null : data[rowIndex]?.[i] ?? null;
    };
    const body: FormValues = data.length ? readScalars(layout, at(0)) : readScalars(layout, () => null);
    // Answers outside tables belong on the first data row only.
    for (const leaf of layout.scalars) {
      const i = column.get(leaf.code);
      if (i === undefined) continue;
      data.forEach((row, r) => {
        if (r > 0 && !blank(row[i])) problems.push({ formId: def.id, where: `${sheet.name}!${columnLetter(i)}${r + 3}`, message: 'reporting.export.import.answer_below_first_row', values: { code: leaf.code } });
      });
    }
    const sheetRowOf = new Map<string, number>();
    for (const table of layout.tables) {
      const rows: Record<string, unknown>[] = [];
      data.forEach((_, r) => {
        const get = at(r);
        if (isEmptyRow(table, get)) return;
        sheetRowOf.set(`${table.code}.${rows.length}`, r + 3);
        rows.push(readTableRow(table, get));
      });
      (body[table.section] ??= {})[table.field.id] = rows;
    }
    forms.push({
      formId: def.id,
      body,
      locate: (path) => {
        const parts = path.split('.');
        const tableCode = `${parts[0]}.${parts[1]}`;
        const table = layout.tables.find((t) => t.code === tableCode);
        if (table) {
          const rowNo = sheetRowOf.get(`${tableCode}.${parts[2]}`);
          if (rowNo === undefined) return sheet.name;
          const i = column.get([tableCode, ...parts.slice(3)].join('.'));
          return i === undefined ? `${sheet.name}!${rowNo}:${rowNo}` : `${sheet.name}!${columnLetter(i)}${rowNo}`;
        }
        const i = column.get(path);
        return i === undefined ? sheet.name : `${sheet.name}!${columnLetter(i)}3`;
      },
    });
  }
  if (!forms.length && !problems.length) return reject('reporting.export.import.no_forms');
  return { kind: 'ok', source: 'xlsx', forms, problems };
}
