/**
 * The Zod schema of a form's values, generated from its definition: what the JSON API accepts and
 * returns, and what the OpenAPI document shows for every form. Types and limits mirror the reading
 * rules in values.ts (so a body that passes this schema reads without issues there); unknown
 * sections, fields, columns and people cells are rejected rather than silently dropped.
 *
 * Zod's own issues are mapped back to the engine's message keys (`forms.errors.*`) where one
 * exists, so API clients get the same translated messages as people using the HTML forms.
 */
import * as z from 'zod';
import { PEOPLE_CELLS, textOf, type FieldDef, type FormDef, type FormValues, type ScalarFieldDef, type TableFieldDef, type Text } from './definition.ts';
import { COUNT_MAX, DEFAULT_MAX_ROWS, DEFAULT_NARRATIVE_MAX, DEFAULT_TEXT_MAX } from './values.ts';
import { MAX_LISTED_ERRORS, shownKey, unknownKeyMessage } from '../http/forms.ts';

export const ROW_ID_PATTERN = /^[A-Za-z0-9_-]{1,24}$/;
const REFERENCE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export interface FormSchemaOptions {
  /**
   * `input` (default): what a client may send — a table row's `_id` may be left out (new rows get
   * one). `output`: what the API returns — every row has its `_id`.
   */
  io?: 'input' | 'output';
  /** Turns a label (message key or text in several languages) into a description for the API document. */
  describe?: (text: Text) => string;
}

const cache = new WeakMap<FormDef, Map<string, z.ZodType>>();

/** The schema of one form's values: `{ [section]: { [field]: value } }`, every answer optional and nullable. */
export function formValuesSchema(def: FormDef, opts: FormSchemaOptions = {}): z.ZodType<FormValues> {
  const io = opts.io ?? 'input';
  // Descriptions depend on the caller's function, so only undescribed schemas are cached.
  const key = opts.describe ? undefined : io;
  if (key) {
    const hit = cache.get(def)?.get(key);
    if (hit) return hit as z.ZodType<FormValues>;
  }
  const label = (text: Text | undefined) => (text !== undefined && opts.describe ? opts.describe(text) : '');
  const describe: Describe = (schema, text, extra) => {
    const parts = [label(text), extra ?? ''].filter(Boolean);
    return parts.length ? schema.describe(parts.join(' — ')) : schema;
  };
  describe.label = label;
  const sections: Record<string, z.ZodType> = {};
  for (const section of def.sections) {
    const fields: Record<string, z.ZodType> = {};
    for (const field of section.fields) fields[field.id] = fieldSchema(field, io, describe);
    sections[section.id] = describe(z.strictObject(fields), section.title).optional();
  }
  const schema = describe(z.strictObject(sections), def.title, `Values of form ${def.id}, by section and field. Every answer may be null or left out (left out = not answered).`) as unknown as z.ZodType<FormValues>;
  if (key) {
    const byIo = cache.get(def) ?? new Map<string, z.ZodType>();
    byIo.set(key, schema);
    cache.set(def, byIo);
  }
  return schema;
}

interface Describe {
  (schema: z.ZodType, text: Text | undefined, extra?: string): z.ZodType;
  label?: (text: Text | undefined) => string;
}

function fieldSchema(field: FieldDef, io: 'input' | 'output', describe: Describe): z.ZodType {
  if (field.type === 'table') return tableSchema(field, io, describe);
  return scalarSchema(field, describe);
}

function tableSchema(field: TableFieldDef, io: 'input' | 'output', describe: Describe): z.ZodType {
  const rowId = z.string().regex(ROW_ID_PATTERN);
  const columns: Record<string, z.ZodType> = {
    _id: io === 'output' ? rowId.describe('Stable row id') : rowId.optional().describe('Stable row id: send it back to keep the row; leave it out for a new row'),
  };
  for (const col of field.columns) columns[col.id] = scalarSchema(col, describe);
  const maxRows = field.maxRows ?? DEFAULT_MAX_ROWS;
  return describe(z.array(z.strictObject(columns)).max(maxRows).nullable(), field.label, `table, at most ${maxRows} rows; rows left empty are dropped`).optional();
}

function scalarSchema(f: ScalarFieldDef, describe: Describe): z.ZodType {
  const required = f.required ? 'required for submission' : undefined;
  const d = (s: z.ZodType, extra?: string) => describe(s.nullable(), f.label, [extra, required].filter(Boolean).join('; ') || undefined).optional();
  switch (f.type) {
    case 'text':
      return d(z.string().max(f.maxLength ?? DEFAULT_TEXT_MAX), 'one line of text');
    case 'narrative':
      return d(z.string().max(f.maxLength ?? DEFAULT_NARRATIVE_MAX), 'text, may span several paragraphs');
    case 'integer':
      return d(z.number().int().min(f.min ?? 0).max(f.max ?? COUNT_MAX), unitNote(f.unit, describe));
    case 'decimal':
      return d(z.number().min(f.min ?? 0).max(f.max ?? COUNT_MAX), [`rounded to ${f.scale ?? 2} decimals`, unitNote(f.unit, describe)].filter(Boolean).join('; '));
    case 'date':
      return d(z.iso.date(), f.withinPeriod ? 'YYYY-MM-DD, expected within the reporting period' : 'YYYY-MM-DD');
    case 'choice':
      return d(z.enum(f.options.map((o) => o.value) as [string, ...string[]]));
    case 'multichoice':
      return d(z.array(z.enum(f.options.map((o) => o.value) as [string, ...string[]])).max(f.options.length), 'any of the options, each once');
    case 'yesno':
      return d(z.boolean());
    case 'reference':
      return d(z.string().regex(REFERENCE_PATTERN), `a code of the ${f.source} catalogue`);
    case 'money':
      return d(
        z.strictObject({
          amount: z.number().min(0).max(f.max ?? COUNT_MAX).nullable().optional().describe('Amount, rounded to cents'),
          currency: z.string().regex(CURRENCY_PATTERN).nullable().optional().describe('ISO 4217 code in capitals, e.g. USD; needed with an amount'),
        }),
        'an amount of money with its currency',
      );
    case 'people':
      return d(
        z.strictObject(
          Object.fromEntries(
            PEOPLE_CELLS.map((cell) => [
              cell,
              z
                .number()
                .int()
                .min(0)
                .max(COUNT_MAX)
                .nullable()
                .optional()
                .describe(cell.startsWith('disability_') ? `Persons with disabilities (${cell.slice(11)}), included in the counts by sex and age` : `People by sex and age: ${cell.replace('_', ', ')}`),
            ]),
          ),
        ),
        'people disaggregated by sex and age, with persons with disabilities by sex',
      );
    case 'file':
      return d(z.guid(), 'id of a file attached to the report');
  }
}

function unitNote(unit: Text | undefined, describe: Describe): string | undefined {
  const text = unit === undefined ? '' : describe.label?.(unit);
  return text ? `unit: ${text}` : undefined;
}

/* ---------- From Zod issues to the engine's messages ---------- */

/** A problem with one value, with the engine's message key when there is one (else Zod's message). */
export interface ValueIssue {
  /** Path inside the values: `section.field`, `section.table.2.column`, `section.field.cell`. */
  path: string;
  /** Message key of the interface catalogues (`forms.errors.*`), with its ICU values. */
  key?: string;
  values?: Record<string, string | number>;
  /** Zod's message, localised by the error map used for parsing. */
  zodMessage: string;
}

type Located = { kind: 'section' | 'field' | 'column' | 'cell' | 'row' | 'root'; field?: ScalarFieldDef | TableFieldDef; cell?: string };

function locate(def: FormDef, path: PropertyKey[]): Located {
  if (path.length === 0) return { kind: 'root' };
  const section = def.sections.find((s) => s.id === path[0]);
  if (!section || path.length === 1) return { kind: 'section' };
  const field = section.fields.find((f) => f.id === path[1]);
  if (!field) return { kind: 'section' };
  if (path.length === 2) return { kind: 'field', field };
  if (field.type === 'table') {
    if (path.length === 3) return { kind: 'row', field };
    const col = field.columns.find((c) => c.id === path[3]);
    if (!col) return { kind: 'row', field };
    return path.length === 4 ? { kind: 'column', field: col } : { kind: 'cell', field: col, cell: String(path[4]) };
  }
  return { kind: 'cell', field, cell: String(path[2]) };
}

/**
 * Turns a failed parse of formValuesSchema(def) into one issue per problem, keyed to the
 * engine's messages (`forms.errors.*`) where the field's type says which one applies.
 */
export function valueIssuesFromZod(def: FormDef, error: z.ZodError, locale = 'en'): ValueIssue[] {
  const out: ValueIssue[] = [];
  for (const issue of error.issues) {
    if (out.length >= MAX_LISTED_ERRORS) break;
    if (issue.code === 'unrecognized_keys') {
      // One message per key (Zod's names them all), and only the first keys of a flood of them.
      for (const k of issue.keys.slice(0, MAX_LISTED_ERRORS - out.length)) out.push({ path: [...issue.path, shownKey(k)].map(String).join('.'), zodMessage: unknownKeyMessage(locale, k) });
      continue;
    }
    const path = issue.path.map(String).join('.');
    const mapped = engineMessage(locate(def, issue.path), issue);
    out.push({ path, zodMessage: issue.message, ...(mapped ?? {}) });
  }
  return out;
}

function engineMessage(loc: Located, issue: z.core.$ZodIssue): Pick<ValueIssue, 'key' | 'values'> | undefined {
  const f = loc.field;
  if (!f) return undefined;
  if (f.type === 'table') {
    if (loc.kind === 'field' && issue.code === 'too_big') return { key: 'forms.errors.too_many_rows', values: { max: f.maxRows ?? DEFAULT_MAX_ROWS } };
    return undefined;
  }
  const onValue = loc.kind === 'field' || loc.kind === 'column';
  switch (f.type) {
    case 'text':
    case 'narrative':
      if (onValue && issue.code === 'too_big') return { key: 'forms.errors.too_long', values: { max: f.maxLength ?? (f.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_NARRATIVE_MAX) } };
      return undefined;
    case 'integer':
    case 'decimal':
      if (!onValue) return undefined;
      if (issue.code === 'too_big' || issue.code === 'too_small') return { key: 'forms.errors.out_of_range', values: { min: f.min ?? 0, max: f.max ?? COUNT_MAX } };
      if (issue.code === 'invalid_type') return { key: f.type === 'integer' ? 'forms.errors.not_whole_number' : 'forms.errors.not_number' };
      return undefined;
    case 'date':
      return onValue && (issue.code === 'invalid_format' || issue.code === 'invalid_type') ? { key: 'forms.errors.not_date' } : undefined;
    case 'choice':
    case 'multichoice':
    case 'yesno':
    case 'reference':
      return issue.code === 'invalid_value' || issue.code === 'invalid_format' || issue.code === 'invalid_type' ? { key: 'forms.errors.invalid_option' } : undefined;
    case 'file':
      return onValue ? { key: 'forms.errors.invalid_file' } : undefined;
    case 'people':
      return loc.kind === 'cell' && (PEOPLE_CELLS as readonly string[]).includes(loc.cell ?? '') && issue.code !== 'unrecognized_keys' ? { key: 'forms.errors.not_count' } : undefined;
    case 'money':
      if (loc.cell === 'amount') {
        if (issue.code === 'too_big' || issue.code === 'too_small') return { key: 'forms.errors.out_of_range', values: { min: 0, max: f.max ?? COUNT_MAX } };
        return { key: 'forms.errors.not_number' };
      }
      if (loc.cell === 'currency') return { key: 'forms.errors.invalid_currency' };
      return undefined;
  }
}

/* ---------- Keeping stored values to the definition ---------- */

/**
 * The stored values restricted to the sections, fields and columns the definition knows, so what
 * the API returns can be sent back as it is (values carried forward from an older format may hold
 * fields that no longer exist).
 */
export function valuesForDefinition(def: FormDef, values: FormValues | null | undefined): FormValues {
  const out: FormValues = {};
  if (!values || typeof values !== 'object') return out;
  for (const section of def.sections) {
    const sv = values[section.id];
    if (!sv || typeof sv !== 'object') continue;
    const kept: Record<string, unknown> = {};
    for (const field of section.fields) {
      if (!(field.id in sv)) continue;
      const v = sv[field.id];
      if (field.type === 'table' && Array.isArray(v)) {
        kept[field.id] = v.map((row) => {
          const r = (row ?? {}) as Record<string, unknown>;
          const outRow: Record<string, unknown> = { _id: r._id };
          for (const col of field.columns) if (col.id in r) outRow[col.id] = pickCells(col, r[col.id]);
          return outRow;
        });
      } else {
        kept[field.id] = field.type === 'table' ? v : pickCells(field, v);
      }
    }
    out[section.id] = kept;
  }
  return out;
}

function pickCells(f: ScalarFieldDef, v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const keys: readonly string[] | undefined = f.type === 'people' ? PEOPLE_CELLS : f.type === 'money' ? ['amount', 'currency'] : undefined;
  if (!keys) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => keys.includes(k)));
}

/** A label's English text, for API descriptions (`translate` resolves message keys). */
export function englishText(translate: (key: string) => string): (text: Text) => string {
  return (text) => textOf(text, 'en', translate);
}
