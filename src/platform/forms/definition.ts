/**
 * Form definitions: one typed description of a form (sections, fields, repeating tables, people
 * disaggregation, validation rules) from which the engine derives parsing, validation, the HTML
 * editor and read-only views, exports and the API schema. Article 7 forms are definitions in code
 * (versioned); questionnaires store the same structure as content.
 */

/** A text shown to users: a message key of the interface catalogues, or content in several languages. */
export type Text = string | { [locale: string]: string };

export interface Option {
  value: string;
  label: Text;
}

interface FieldBase {
  /** Stable identifier, [a-z][a-zA-Z0-9_]*; the key in stored values and exports. */
  id: string;
  label: Text;
  hint?: Text;
  /** Must be answered before submission (checked as an error at submission, not on each save). */
  required?: boolean;
  /** Action-plan actions this field gives evidence for, e.g. ['OAP-42']. */
  actions?: string[];
  /** Show only when another field of the same section/row has one of these values. */
  showIf?: { field: string; in: (string | boolean)[] };
}

export interface TextFieldDef extends FieldBase {
  type: 'text';
  maxLength?: number;
}
export interface NarrativeFieldDef extends FieldBase {
  type: 'narrative';
  maxLength?: number;
  rows?: number;
}
export interface IntegerFieldDef extends FieldBase {
  type: 'integer';
  min?: number;
  max?: number;
  unit?: Text;
}
export interface DecimalFieldDef extends FieldBase {
  type: 'decimal';
  min?: number;
  max?: number;
  /** Digits after the decimal point kept. */
  scale?: number;
  unit?: Text;
}
export interface DateFieldDef extends FieldBase {
  type: 'date';
  /** Keep the date within the reporting period (a warning otherwise). */
  withinPeriod?: boolean;
}
export interface ChoiceFieldDef extends FieldBase {
  type: 'choice';
  options: Option[];
  /** radios (default for ≤ 5 options) or a select. */
  display?: 'radios' | 'select';
}
export interface MultiChoiceFieldDef extends FieldBase {
  type: 'multichoice';
  options: Option[];
}
export interface YesNoFieldDef extends FieldBase {
  type: 'yesno';
}
/** A value from a shared catalogue (e.g. mine types), stored as its code. */
export interface ReferenceFieldDef extends FieldBase {
  type: 'reference';
  source: string;
}
/** An amount of money with its currency (ISO 4217). */
export interface MoneyFieldDef extends FieldBase {
  type: 'money';
  max?: number;
}
/** People counted by sex and age, with persons with disabilities by sex; totals are derived. */
export interface PeopleFieldDef extends FieldBase {
  type: 'people';
}
export interface FileFieldDef extends FieldBase {
  type: 'file';
  accept: ('pdf' | 'image' | 'spreadsheet' | 'document')[];
  maxBytes?: number;
}

export type ScalarFieldDef =
  | TextFieldDef
  | NarrativeFieldDef
  | IntegerFieldDef
  | DecimalFieldDef
  | DateFieldDef
  | ChoiceFieldDef
  | MultiChoiceFieldDef
  | YesNoFieldDef
  | ReferenceFieldDef
  | MoneyFieldDef
  | PeopleFieldDef
  | FileFieldDef;

/** A repeating table: each row has the same columns. */
export interface TableFieldDef extends FieldBase {
  type: 'table';
  columns: ScalarFieldDef[];
  /** Label of the "add a row" button. */
  addLabel?: Text;
  maxRows?: number;
  /** Columns summed in a totals row. */
  totals?: string[];
}

export type FieldDef = ScalarFieldDef | TableFieldDef;

export interface SectionDef {
  id: string;
  title: Text;
  intro?: Text;
  fields: FieldDef[];
}

export type Severity = 'error' | 'warning';

export interface Issue {
  /** Path of the field: `section.field`, `section.table.3.column`, or `_form`. */
  path: string;
  severity: Severity;
  /** Message key (interface catalogue) with ICU values. */
  message: string;
  values?: Record<string, string | number>;
}

export interface RuleContext {
  /** Values of other forms of the same report, by form id. */
  forms: Record<string, FormValues | undefined>;
  /** The previous year's values of the same form, when there is one. */
  previous?: FormValues | undefined;
  /** The previous year's values of every form, by form id. */
  previousForms?: Record<string, FormValues | undefined>;
  period?: { start: string; end: string };
}

export interface RuleDef {
  id: string;
  severity: Severity;
  /** Returns the issues found (empty when the rule holds). */
  check(values: FormValues, ctx: RuleContext): Omit<Issue, 'severity'>[];
}

export interface FormDef {
  /** Short id, e.g. 'A' … 'J', 'cover'. */
  id: string;
  title: Text;
  intro?: Text;
  sections: SectionDef[];
  rules?: RuleDef[];
}

/** Stored values: section → field → value; a table is an array of rows with a stable `_id`. */
export type FormValues = Record<string, Record<string, unknown>>;

export interface PeopleValue {
  /** sex × age counts */
  female_child?: number | null;
  female_adult?: number | null;
  female_unknown?: number | null;
  male_child?: number | null;
  male_adult?: number | null;
  male_unknown?: number | null;
  unknown_child?: number | null;
  unknown_adult?: number | null;
  unknown_unknown?: number | null;
  /** persons with disabilities, by sex (included in the counts above) */
  disability_female?: number | null;
  disability_male?: number | null;
  disability_unknown?: number | null;
}

export const SEXES = ['female', 'male', 'unknown'] as const;
export const AGES = ['child', 'adult', 'unknown'] as const;
export const PEOPLE_CELLS = [
  ...SEXES.flatMap((s) => AGES.map((a) => `${s}_${a}` as const)),
  ...SEXES.map((s) => `disability_${s}` as const),
] as const;

export interface MoneyValue {
  amount: number | null;
  currency: string | null;
}

export const FIELD_ID = /^[a-z][a-zA-Z0-9_]{0,62}$/;

export function textOf(text: Text | undefined, locale: string, translate: (key: string) => string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return translate(text);
  return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** Checks a definition's own consistency (ids unique and well-formed, options present). */
export function assertValidDefinition(def: FormDef): void {
  const problems: string[] = [];
  const sectionIds = new Set<string>();
  for (const s of def.sections) {
    if (!FIELD_ID.test(s.id) || sectionIds.has(s.id)) problems.push(`section id ${s.id}`);
    sectionIds.add(s.id);
    const ids = new Set<string>();
    for (const f of s.fields) {
      if (!FIELD_ID.test(f.id) || ids.has(f.id)) problems.push(`field id ${s.id}.${f.id}`);
      ids.add(f.id);
      if ((f.type === 'choice' || f.type === 'multichoice') && f.options.length === 0) problems.push(`no options ${s.id}.${f.id}`);
      if (f.type === 'table') {
        const cols = new Set<string>();
        for (const c of f.columns) {
          if (!FIELD_ID.test(c.id) || cols.has(c.id)) problems.push(`column id ${s.id}.${f.id}.${c.id}`);
          cols.add(c.id);
        }
      }
    }
  }
  if (problems.length) throw new Error(`Invalid form definition ${def.id}: ${problems.join(', ')}`);
}
