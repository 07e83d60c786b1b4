/**
 * From a posted HTML form (flat names like `s.areas.rows.2.location`) or a JSON body to typed
 * FormValues, keeping what the user typed when it cannot be read so nothing is lost on re-render.
 */
import { randomBytes } from 'node:crypto';
import { parseLocalizedNumber } from '../i18n/digits.ts';
import {
  PEOPLE_CELLS,
  type FieldDef,
  type FormDef,
  type FormValues,
  type Issue,
  type PeopleValue,
  type ScalarFieldDef,
} from './definition.ts';

export const DEFAULT_TEXT_MAX = 500;
export const DEFAULT_NARRATIVE_MAX = 20_000;
export const DEFAULT_MAX_ROWS = 500;
export const COUNT_MAX = 1_000_000_000_000; // one trillion: above anything real (m², mines, people)

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes characters that hide or reorder text (bidi overrides, zero-width space, BOM) and control
 * characters (C0 but tab and line feed, DEL, C1: PostgreSQL cannot store NUL, XML — so XLSX — has
 * no place for the others), and normalises pasted text: NFC, every line break (CR LF, CR, NEL,
 * U+2028/2029) to \n. Half a surrogate pair (JSON can carry one; it is no character) becomes
 * U+FFFD, as it would on its way to the database anyway.
 */
export function cleanText(input: string): string {
  return input
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff]/g, '')
    .replace(/[\u0085\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

export function newRowId(): string {
  return randomBytes(6).toString('base64url');
}

const ROW_ID = /^[A-Za-z0-9_-]{1,24}$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ParsedSubmission {
  values: FormValues;
  /** What was typed into fields that could not be read, by path (for re-rendering). */
  raw: Record<string, string>;
  /** Type and limit errors found while reading. */
  issues: Issue[];
  /**
   * Ids given to kept table rows that came without one, by the name of their `_id` field
   * (`s.<table path>.<index>._id`; form posts only), so a page saved in the background can fill
   * them in and the next save keeps the same rows.
   */
  newRowIds: Record<string, string>;
}

type Source = (path: string) => unknown;

function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function str(v: unknown): string | undefined {
  if (Array.isArray(v)) v = v[v.length - 1];
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? v : undefined;
}

/** Reads one scalar field at `path` from the source; records issues and raw input. */
function readScalar(f: ScalarFieldDef, path: string, get: Source, out: ParsedSubmission, opts: { json: boolean }): unknown {
  const issue = (message: string, values?: Record<string, string | number>) => out.issues.push({ path, severity: 'error', message, ...(values ? { values } : {}) });
  const rawValue = get(path);
  switch (f.type) {
    case 'text':
    case 'narrative': {
      const s = str(rawValue);
      if (s === undefined) return null;
      // One-line text: line breaks of any kind (CR, U+2028 too) become spaces, after cleaning turned them into \n.
      const cleaned = cleanText(s);
      const text = (f.type === 'text' ? cleaned.replace(/\n+/g, ' ') : cleaned).trim();
      const max = f.maxLength ?? (f.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_NARRATIVE_MAX);
      if (text.length > max) {
        out.raw[path] = text;
        issue('forms.errors.too_long', { max });
        return undefined;
      }
      return text === '' ? null : text;
    }
    case 'integer':
    case 'decimal': {
      if (opts.json && typeof rawValue === 'number') return checkNumber(f, rawValue, path, out, issue);
      const s = str(rawValue)?.trim();
      if (!s) return null;
      const n = parseLocalizedNumber(s);
      if (n === undefined) {
        out.raw[path] = s;
        issue(f.type === 'integer' ? 'forms.errors.not_whole_number' : 'forms.errors.not_number');
        return undefined;
      }
      return checkNumber(f, n, path, out, issue, s);
    }
    case 'date': {
      const s = str(rawValue)?.trim();
      if (!s) return null;
      if (!isValidDate(s)) {
        out.raw[path] = s;
        issue('forms.errors.not_date');
        return undefined;
      }
      return s;
    }
    case 'choice':
    case 'reference': {
      const s = str(rawValue)?.trim();
      if (!s) return null;
      if (f.type === 'choice' && !f.options.some((o) => o.value === s)) {
        issue('forms.errors.invalid_option');
        return undefined;
      }
      if (f.type === 'reference' && !/^[A-Za-z0-9_.-]{1,64}$/.test(s)) {
        issue('forms.errors.invalid_option');
        return undefined;
      }
      return s;
    }
    case 'multichoice': {
      const list = Array.isArray(rawValue) ? rawValue : rawValue === undefined || rawValue === '' ? [] : [rawValue];
      const picked = list.map((v) => str(v)).filter((v): v is string => !!v);
      if (picked.some((v) => !f.options.some((o) => o.value === v))) {
        issue('forms.errors.invalid_option');
        return undefined;
      }
      return [...new Set(picked)];
    }
    case 'yesno': {
      if (opts.json && typeof rawValue === 'boolean') return rawValue;
      const s = str(rawValue);
      if (s === undefined || s === '') return null;
      if (s === 'yes' || s === 'true') return true;
      if (s === 'no' || s === 'false') return false;
      issue('forms.errors.invalid_option');
      return undefined;
    }
    case 'money': {
      const amountPath = `${path}.amount`;
      const currencyPath = `${path}.currency`;
      const rawObj = opts.json && rawValue && typeof rawValue === 'object' ? (rawValue as Record<string, unknown>) : undefined;
      const a = rawObj ? rawObj.amount : get(amountPath);
      const c = rawObj ? rawObj.currency : get(currencyPath);
      let amount: number | null = null;
      if (typeof a === 'number') amount = a;
      else {
        const s = str(a)?.trim();
        if (s) {
          const n = parseLocalizedNumber(s);
          if (n === undefined) {
            out.raw[amountPath] = s;
            out.issues.push({ path: amountPath, severity: 'error', message: 'forms.errors.not_number' });
            return undefined;
          }
          amount = n;
        }
      }
      if (amount !== null && (amount < 0 || amount > (f.max ?? COUNT_MAX))) {
        out.raw[amountPath] = String(str(a) ?? amount);
        out.issues.push({ path: amountPath, severity: 'error', message: 'forms.errors.out_of_range', values: { min: 0, max: f.max ?? COUNT_MAX } });
        return undefined;
      }
      const currency = str(c)?.trim().toUpperCase() || null;
      if (currency !== null && !CURRENCY.test(currency)) {
        out.issues.push({ path: currencyPath, severity: 'error', message: 'forms.errors.invalid_currency' });
        return undefined;
      }
      if (amount === null && currency === null) return null;
      return { amount: amount === null ? null : Math.round(amount * 100) / 100, currency };
    }
    case 'people': {
      const rawObj = opts.json && rawValue && typeof rawValue === 'object' ? (rawValue as Record<string, unknown>) : undefined;
      const value: PeopleValue = {};
      let any = false;
      let bad = false;
      for (const cell of PEOPLE_CELLS) {
        const cellPath = `${path}.${cell}`;
        const v = rawObj ? rawObj[cell] : get(cellPath);
        if (typeof v === 'number') {
          if (!Number.isInteger(v) || v < 0 || v > COUNT_MAX) {
            out.issues.push({ path: cellPath, severity: 'error', message: 'forms.errors.not_count' });
            bad = true;
            continue;
          }
          value[cell] = v;
          any = true;
          continue;
        }
        const s = str(v)?.trim();
        if (!s) continue;
        const n = parseLocalizedNumber(s);
        if (n === undefined || !Number.isInteger(n) || n < 0 || n > COUNT_MAX) {
          out.raw[cellPath] = s;
          out.issues.push({ path: cellPath, severity: 'error', message: 'forms.errors.not_count' });
          bad = true;
          continue;
        }
        value[cell] = n;
        any = true;
      }
      if (bad) return undefined;
      return any ? value : null;
    }
    case 'file': {
      const s = str(rawValue)?.trim();
      if (!s) return null;
      if (!/^[0-9a-f-]{36}$/i.test(s)) {
        issue('forms.errors.invalid_file');
        return undefined;
      }
      return s.toLowerCase();
    }
  }
}

function checkNumber(
  f: { type: 'integer' | 'decimal'; min?: number; max?: number; scale?: number },
  n: number,
  path: string,
  out: ParsedSubmission,
  issue: (m: string, v?: Record<string, string | number>) => void,
  typed?: string,
): number | undefined {
  if (!Number.isFinite(n)) {
    issue('forms.errors.not_number');
    return undefined;
  }
  if (f.type === 'integer' && !Number.isInteger(n)) {
    if (typed) out.raw[path] = typed;
    issue('forms.errors.not_whole_number');
    return undefined;
  }
  const min = f.min ?? 0;
  const max = f.max ?? COUNT_MAX;
  if (n < min || n > max) {
    if (typed) out.raw[path] = typed;
    issue('forms.errors.out_of_range', { min, max });
    return undefined;
  }
  if (f.type === 'decimal') {
    const factor = 10 ** (f.scale ?? 2);
    return Math.round(n * factor) / factor;
  }
  return n;
}

/**
 * Reads a whole submission. `body` is either a flat urlencoded body (`s.<section>.<field>…`) or,
 * with `json: true`, nested FormValues as sent by the API. Fields absent from a flat body are kept
 * from `previous` only when `partial` is set (saving one section at a time).
 */
export function readSubmission(def: FormDef, body: unknown, opts: { json?: boolean } = {}): ParsedSubmission {
  const out: ParsedSubmission = { values: {}, raw: {}, issues: [], newRowIds: {} };
  const json = !!opts.json;
  const flat = !json && body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const nested = json && body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  for (const section of def.sections) {
    const sectionValues: Record<string, unknown> = {};
    const sectionJson = (nested[section.id] && typeof nested[section.id] === 'object' ? nested[section.id] : {}) as Record<string, unknown>;
    for (const field of section.fields) {
      const base = `${section.id}.${field.id}`;
      if (field.type === 'table') {
        sectionValues[field.id] = readTable(field, base, json ? sectionJson[field.id] : flat, out, json);
        continue;
      }
      const get: Source = json ? (p) => (p === base ? sectionJson[field.id] : undefined) : (p) => flat[`s.${p}`];
      const v = readScalar(field, base, get, out, { json });
      if (v !== undefined) sectionValues[field.id] = v;
    }
    out.values[section.id] = sectionValues;
  }
  return out;
}

function readTable(field: Extract<FieldDef, { type: 'table' }>, base: string, source: unknown, out: ParsedSubmission, json: boolean): Record<string, unknown>[] {
  const maxRows = field.maxRows ?? DEFAULT_MAX_ROWS;
  let rowsIn: { index: number; get: Source; id: unknown }[] = [];
  if (json) {
    const arr = Array.isArray(source) ? source : [];
    rowsIn = arr.slice(0, maxRows + 1).map((row, index) => {
      const r = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
      return { index, id: r._id, get: (p: string) => r[p.slice(`${base}.${index}.`.length)] };
    });
  } else {
    const flat = source as Record<string, unknown>;
    const prefix = `s.${base}.`;
    const indexes = new Set<number>();
    for (const key of Object.keys(flat)) {
      if (!key.startsWith(prefix)) continue;
      const idx = Number.parseInt(key.slice(prefix.length), 10);
      if (Number.isInteger(idx) && idx >= 0 && idx < 10_000) indexes.add(idx);
    }
    rowsIn = [...indexes].sort((a, b) => a - b).map((index) => ({ index, id: flat[`${prefix}${index}._id`], get: (p: string) => flat[`s.${p}`] }));
  }
  if (rowsIn.length > maxRows) {
    out.issues.push({ path: base, severity: 'error', message: 'forms.errors.too_many_rows', values: { max: maxRows } });
    rowsIn = rowsIn.slice(0, maxRows);
  }
  const rows: Record<string, unknown>[] = [];
  rowsIn.forEach((r, position) => {
    const given = typeof r.id === 'string' && ROW_ID.test(r.id);
    const row: Record<string, unknown> = { _id: given ? r.id : newRowId() };
    let empty = true;
    for (const col of field.columns) {
      // Paths use the row's position after reading, so errors point at what is shown.
      const path = `${base}.${position}.${col.id}`;
      const get: Source = (p) => r.get(p.replace(`${base}.${position}.`, `${base}.${r.index}.`));
      const v = readScalar(col, path, get, out, { json });
      if (v !== undefined) row[col.id] = v;
      if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) empty = false;
      if (v === undefined) empty = false;
    }
    if (empty) return;
    rows.push(row);
    if (!given && !json) out.newRowIds[`s.${base}.${r.index}._id`] = row._id as string;
  });
  return rows;
}

/** Totals of a people value: per sex, per age, disabilities, and overall. */
export function peopleTotals(v: PeopleValue | null | undefined) {
  const n = (x: number | null | undefined) => x ?? 0;
  const bySex = {
    female: n(v?.female_child) + n(v?.female_adult) + n(v?.female_unknown),
    male: n(v?.male_child) + n(v?.male_adult) + n(v?.male_unknown),
    unknown: n(v?.unknown_child) + n(v?.unknown_adult) + n(v?.unknown_unknown),
  };
  const byAge = {
    child: n(v?.female_child) + n(v?.male_child) + n(v?.unknown_child),
    adult: n(v?.female_adult) + n(v?.male_adult) + n(v?.unknown_adult),
    unknown: n(v?.female_unknown) + n(v?.male_unknown) + n(v?.unknown_unknown),
  };
  const disability = n(v?.disability_female) + n(v?.disability_male) + n(v?.disability_unknown);
  return { bySex, byAge, disability, total: bySex.female + bySex.male + bySex.unknown };
}
