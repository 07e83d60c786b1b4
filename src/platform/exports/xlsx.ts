/**
 * XLSX workbooks (write-excel-file to write, read-excel-file to read). Every text cell is protected
 * against formula injection; sheet names are made valid (≤ 31 characters, no []:*?/\, unique).
 */
import writeExcelFile, { type Cell, type Sheet } from 'write-excel-file/node';
import readExcelFile from 'read-excel-file/node';
import { neutraliseFormula, restoreFormulaText } from './cells.ts';
import { isZip, measureZip } from './zip.ts';

export type XlsxValue = string | number | boolean | null | undefined;
export interface XlsxCell {
  value: XlsxValue;
  bold?: boolean;
  /** Number format, e.g. '#,##0' or '0.##'. */
  format?: string;
  wrap?: boolean;
}

export interface XlsxSheet {
  name: string;
  rows: (XlsxValue | XlsxCell)[][];
  rightToLeft?: boolean;
  /** Column widths in characters. */
  widths?: number[];
  /** Rows kept visible when scrolling (the header rows). */
  stickyRows?: number;
}

const BAD_SHEET_CHARS = /[[\]:*?/\\\u0000-\u001f]/g;

/** A valid, unique sheet name (Excel: 1–31 characters, none of []:*?/\, not starting or ending with '). */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(BAD_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  if (!base) base = 'Sheet';
  let name = [...base].slice(0, 31).join('').trim();
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = [...base].slice(0, 31 - suffix.length).join('').trim() + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function cellOf(c: XlsxValue | XlsxCell): Cell {
  const x: XlsxCell = c !== null && typeof c === 'object' ? c : { value: c };
  const v = x.value;
  if (v === null || v === undefined || v === '') return null;
  const style = { ...(x.bold ? { fontWeight: 'bold' as const } : {}), ...(x.wrap ? { wrap: true } : {}) };
  if (typeof v === 'number') return { value: v, type: Number, ...(x.format ? { format: x.format } : {}), ...style };
  if (typeof v === 'boolean') return { value: v, type: Boolean, ...style };
  return { value: neutraliseFormula(v), type: String, ...style };
}

export async function writeXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const taken = new Set<string>();
  const out: Sheet<Buffer>[] = sheets.map((s) => ({
    sheet: sheetName(s.name, taken),
    data: s.rows.length ? s.rows.map((r) => r.map(cellOf)) : [[null]],
    ...(s.rightToLeft ? { rightToLeft: true } : {}),
    ...(s.widths ? { columns: s.widths.map((width) => ({ width })) } : {}),
    ...(s.stickyRows ? { stickyRowsCount: s.stickyRows } : {}),
  }));
  return writeExcelFile(out).toBuffer();
}

export type ReadValue = string | number | boolean | null;
export interface ReadSheet {
  name: string;
  rows: ReadValue[][];
}

export class XlsxReadError extends Error {
  constructor(readonly reason: 'not_xlsx' | 'too_large' | 'damaged') {
    super(`xlsx ${reason}`);
  }
}

/**
 * Reads every sheet as rows of plain values. Text loses the formula-protection quote an export
 * added; dates become YYYY-MM-DD. Refuses files that are not ZIPs or that expand past `maxBytes`.
 */
export async function readXlsx(buf: Buffer, maxBytes = 50 * 1024 * 1024): Promise<ReadSheet[]> {
  if (!isZip(buf)) throw new XlsxReadError('not_xlsx');
  const measured = measureZip(buf, maxBytes);
  if (!measured.ok) throw new XlsxReadError(measured.bytes > maxBytes ? 'too_large' : 'damaged');
  if (!measured.names.includes('xl/workbook.xml')) throw new XlsxReadError('not_xlsx');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readExcelFile(buf)) as unknown as { sheet: string; data: unknown[][] }[];
  } catch {
    throw new XlsxReadError('damaged');
  }
  return sheets.map((s) => ({
    name: s.sheet,
    rows: s.data.map((row) =>
      row.map((v): ReadValue => {
        if (v === null || v === undefined) return null;
        if (typeof v === 'string') return restoreFormulaText(v);
        if (typeof v === 'number' || typeof v === 'boolean') return v;
        if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
        return String(v);
      }),
    ),
  }));
}
