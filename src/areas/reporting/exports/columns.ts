/**
 * The flat shape of a form for spreadsheets and CSV: every answer becomes one or more columns with
 * a stable code (`section.field`, `section.table.column`, people cells and money parts as a further
 * `.part`), and cells hold language-neutral values (numbers, ISO dates, option codes). The same
 * model reads a spreadsheet back into values for `readSubmission(def, values, { json: true })`.
 */
import { PEOPLE_CELLS, textOf, type FormDef, type FormValues, type ScalarFieldDef, type TableFieldDef, type Text } from '../../../platform/forms/definition.ts';

export type FlatValue = string | number | null;
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** One column: the answer (or part of an answer) it holds and how it is labelled. */
export interface Leaf {
  code: string;
  /** Absent for a table's row id column. */
  field?: ScalarFieldDef;
  /** People cell (female_child…) or money part (amount, currency). */
  part?: string;
  numeric: boolean;
}

export interface TableLayout {
  section: string;
  field: TableFieldDef;
  /** `section.table` */
  code: string;
  /** Row id first, then the columns. */
  leaves: Leaf[];
}

export interface FormLayout {
  def: FormDef;
  scalars: Leaf[];
  tables: TableLayout[];
}

export const ROW_ID = '_id';

export function leavesOf(field: ScalarFieldDef, path: string): Leaf[] {
  if (field.type === 'people') return PEOPLE_CELLS.map((cell) => ({ code: `${path}.${cell}`, field, part: cell, numeric: true }));
  if (field.type === 'money')
    return [
      { code: `${path}.amount`, field, part: 'amount', numeric: true },
      { code: `${path}.currency`, field, part: 'currency', numeric: false },
    ];
  return [{ code: path, field, numeric: field.type === 'integer' || field.type === 'decimal' }];
}

export function formLayout(def: FormDef): FormLayout {
  const scalars: Leaf[] = [];
  const tables: TableLayout[] = [];
  for (const s of def.sections) {
    for (const f of s.fields) {
      const path = `${s.id}.${f.id}`;
      if (f.type === 'table') {
        tables.push({ section: s.id, field: f, code: path, leaves: [{ code: `${path}.${ROW_ID}`, numeric: false }, ...f.columns.flatMap((c) => leavesOf(c, `${path}.${c.id}`))] });
      } else scalars.push(...leavesOf(f, path));
    }
  }
  return { def, scalars, tables };
}

/** The label of a column in the interface language, e.g. "Casualties – Women and girls, Under 18". */
export function leafLabel(leaf: Leaf, t: Translate, locale: string, table?: TableFieldDef): string {
  const text = (x: Text | undefined) => textOf(x, locale, t);
  const prefix = table ? `${text(table.label)} – ` : '';
  if (!leaf.field) return `${prefix}${t('reporting.export.row_id')}`;
  const base = `${prefix}${text(leaf.field.label)}`;
  if (leaf.field.type === 'people' && leaf.part) {
    const [a, b] = leaf.part.split('_') as [string, string];
    if (a === 'disability') return `${base} – ${t('forms.people.disability')} (${t(`forms.people.sex_${b}`)})`;
    return `${base} – ${t(`forms.people.sex_${a}`)}, ${t(`forms.people.age_${b}`)}`;
  }
  if (leaf.field.type === 'money' && leaf.part) return `${base} – ${t(`forms.money.${leaf.part}`)}`;
  const unit = (leaf.field.type === 'integer' || leaf.field.type === 'decimal') && leaf.field.unit ? ` (${text(leaf.field.unit)})` : '';
  return base + unit;
}

/** The cell of one column for a field's value (or a table row's `_id`). */
export function flatCell(leaf: Leaf, value: unknown): FlatValue {
  if (!leaf.field) return typeof value === 'string' ? value : null;
  if (value === null || value === undefined) return null;
  const f = leaf.field;
  if (leaf.part) {
    const part = (value as Record<string, unknown>)[leaf.part];
    return typeof part === 'number' || typeof part === 'string' ? part : null;
  }
  switch (f.type) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : null;
    case 'yesno':
      return value === true ? 'yes' : value === false ? 'no' : null;
    case 'multichoice':
      return Array.isArray(value) && value.length ? value.join('; ') : null;
    default:
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  }
}

/** Cells of a form's scalar answers, in column order. */
export function scalarCells(layout: FormLayout, values: FormValues): FlatValue[] {
  return layout.scalars.map((leaf) => {
    const [s, f] = leaf.code.split('.') as [string, string];
    return flatCell(leaf, values[s]?.[f]);
  });
}

/** Rows of one table, each in column order (row id first). */
export function tableRows(table: TableLayout, values: FormValues): FlatValue[][] {
  const rows = values[table.section]?.[table.field.id];
  if (!Array.isArray(rows)) return [];
  return (rows as Record<string, unknown>[]).map((row) =>
    table.leaves.map((leaf) => {
      if (!leaf.field) return flatCell(leaf, row[ROW_ID]);
      return flatCell(leaf, row[leaf.field.id]);
    }),
  );
}

/* ---------- Reading cells back ---------- */

type Cell = string | number | boolean | null | undefined;
const empty = (c: Cell) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * Values for `readSubmission(def, …, { json: true })` from cells looked up by column code. Parts
 * (people cells, money) are gathered into objects; multiple choices are split on `;`.
 */
function gather(leaves: Leaf[], cellOf: (code: string) => Cell): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const leaf of leaves) {
    const cell = cellOf(leaf.code);
    if (!leaf.field) {
      if (!empty(cell)) out[ROW_ID] = String(cell).trim();
      continue;
    }
    const id = leaf.field.id;
    if (leaf.part) {
      if (empty(cell)) continue;
      const obj = (out[id] ??= {}) as Record<string, unknown>;
      obj[leaf.part] = cell;
      continue;
    }
    if (empty(cell)) continue;
    if (leaf.field.type === 'multichoice') out[id] = String(cell).split(/[;\n]/).map((x) => x.trim()).filter(Boolean);
    else out[id] = cell;
  }
  return out;
}

/** Scalar answers of a form as nested JSON values, from a cell lookup. */
export function readScalars(layout: FormLayout, cellOf: (code: string) => Cell): FormValues {
  const bySection: FormValues = {};
  for (const s of layout.def.sections) {
    bySection[s.id] = gather(layout.scalars.filter((l) => l.code.startsWith(`${s.id}.`)), cellOf);
  }
  return bySection;
}

/** One table row as JSON, from a cell lookup. */
export function readTableRow(table: TableLayout, cellOf: (code: string) => Cell): Record<string, unknown> {
  return gather(table.leaves, cellOf);
}

export function isEmptyRow(table: TableLayout, cellOf: (code: string) => Cell): boolean {
  return table.leaves.every((l) => empty(cellOf(l.code)));
}

/** Options of choice fields, for a legend of codes: [code of the column, value, label]. */
export function optionLegend(layout: FormLayout, t: Translate, locale: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  const visit = (leaf: Leaf) => {
    const f = leaf.field;
    if (!f) return;
    if (f.type === 'choice' || f.type === 'multichoice') for (const o of f.options) out.push([leaf.code, o.value, textOf(o.label, locale, t)]);
    if (f.type === 'yesno') for (const v of ['yes', 'no']) out.push([leaf.code, v, t(`common.${v}`)]);
  };
  layout.scalars.forEach(visit);
  for (const table of layout.tables) table.leaves.forEach(visit);
  return out;
}
