/**
 * The question page's form: a question as the text boxes show it (a draft of strings), read back
 * from a posted body, and turned into a question of the content model with one message key per
 * field that is wrong. Texts are written in one language (the source language); the other
 * languages of each text are kept from the question as it was.
 */
import { FIELD_ID } from '../../../platform/forms/definition.ts';
import { userText } from '../../../platform/http/forms.ts';
import { parseLocalizedNumber } from '../../../platform/i18n/digits.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { COLUMN_TYPES, type Column, type ColumnType, type ContentProblem, type QSection, type Question, type QuestionOption } from '../content.ts';
import { nextCode, withText } from './editing.ts';

export const OPTION_CODE = /^[a-z][a-z0-9_]{0,62}$/;
const MAX_LABEL = 1000;
const MAX_HELP = 4000;
const MAX_UNIT = 40;
export const MAX_OPTIONS = 100;
export const MAX_COLUMNS = 20;

export interface OptionDraft {
  value: string;
  label: string;
}

export interface ColumnDraft {
  code: string;
  type: string;
  label: string;
  /** single-choice columns: one option a line, `code = label` (or just a label: a code is made). */
  options: string;
}

export interface QuestionDraft {
  code: string;
  label: string;
  help: string;
  required: boolean;
  options: OptionDraft[];
  unit: string;
  min: string;
  max: string;
  decimals: string;
  maxLength: string;
  columns: ColumnDraft[];
  maxRows: string;
  /** The question this one depends on ('' for none). */
  condition: string;
  /** Chosen answers as `<question>=<answer>` (checkboxes of every candidate question, only the chosen question's count). */
  conditionValues: string[];
  actions: string[];
}

export type DraftErrors = Record<string, string>;

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

function columnOptionsText(c: Column, lang: Locale): string {
  return (c.options ?? []).map((o) => `${o.value} = ${o.label[lang] ?? ''}`.trimEnd()).join('\n');
}

export function draftOf(q: Question, lang: Locale): QuestionDraft {
  return {
    code: q.id,
    label: q.label[lang] ?? '',
    help: q.help?.[lang] ?? '',
    required: !!q.required,
    options: (q.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] ?? '' })),
    unit: q.unit?.[lang] ?? '',
    min: num(q.min),
    max: num(q.max),
    decimals: num(q.decimals),
    maxLength: num(q.maxLength),
    columns: (q.columns ?? []).map((c) => ({ code: c.id, type: c.type, label: c.label[lang] ?? '', options: columnOptionsText(c, lang) })),
    maxRows: num(q.maxRows),
    condition: q.showIf?.question ?? '',
    conditionValues: (q.showIf?.in ?? []).map((v) => `${q.showIf!.question}=${v}`),
    actions: [...(q.actions ?? [])],
  };
}

const str = (v: unknown, max: number, multiline = false): string => {
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? userText(s.slice(0, max * 2), { multiline }).slice(0, max * 2) : '';
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string').slice(0, 500);

/** Rows posted as `<prefix>.<n>.<field>`, in index order (at most `max`). */
function rowsOf(body: Record<string, unknown>, prefix: string, max: number): number[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`).exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes].sort((a, b) => a - b).slice(0, max);
}

/** The draft a posted question form describes; `action` adds or removes an option or column row. */
export function readDraft(body: Record<string, unknown>, action: string): QuestionDraft {
  const options = rowsOf(body, 'options', MAX_OPTIONS + 1).map((i) => ({ value: str(body[`options.${i}.value`], 64), label: str(body[`options.${i}.label`], MAX_LABEL) }));
  const columns = rowsOf(body, 'columns', MAX_COLUMNS + 1).map((i) => ({
    code: str(body[`columns.${i}.code`], 64),
    type: str(body[`columns.${i}.type`], 20),
    label: str(body[`columns.${i}.label`], MAX_LABEL),
    options: str(body[`columns.${i}.options`], 20_000, true),
  }));
  const draft: QuestionDraft = {
    code: str(body.code, 64),
    label: str(body.label, MAX_LABEL),
    help: str(body.help, MAX_HELP, true),
    required: body.required === 'on' || body.required === 'yes' || (Array.isArray(body.required) && body.required.includes('on')),
    options,
    unit: str(body.unit, MAX_UNIT),
    min: str(body.min, 40),
    max: str(body.max, 40),
    decimals: str(body.decimals, 10),
    maxLength: str(body.maxLength, 10),
    columns,
    maxRows: str(body.maxRows, 10),
    condition: str(body.condition, 64),
    conditionValues: list(body.conditionValues).map((v) => v.slice(0, 140)),
    actions: list(body.actions).map((v) => v.slice(0, 20)),
  };
  if (action === 'add_option' && draft.options.length < MAX_OPTIONS) draft.options.push({ value: nextCode('o', draft.options.map((o) => o.value)), label: '' });
  if (action.startsWith('remove_option:')) {
    const i = Number(action.slice('remove_option:'.length));
    if (Number.isInteger(i)) draft.options.splice(i, 1);
  }
  if (action === 'add_column' && draft.columns.length < MAX_COLUMNS) draft.columns.push({ code: nextCode('c', draft.columns.map((c) => c.code)), type: 'short_text', label: '', options: '' });
  if (action.startsWith('remove_column:')) {
    const i = Number(action.slice('remove_column:'.length));
    if (Number.isInteger(i)) draft.columns.splice(i, 1);
  }
  return draft;
}

function parseNumber(raw: string, field: string, errors: DraftErrors, opts: { int?: boolean; min?: number; max?: number; key?: string } = {}): number | undefined {
  if (raw === '') return undefined;
  const n = parseLocalizedNumber(raw);
  const bad = n === undefined || !Number.isFinite(n) || (opts.int && !Number.isInteger(n)) || (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max);
  if (bad) {
    errors[field] = opts.key ?? 'questionnaires.builder.errors.number';
    return undefined;
  }
  return n;
}

/** Column options typed one a line: `code = label`, or a bare label (a code is made: o1, o2…). */
export function parseColumnOptions(text: string, lang: Locale, before: QuestionOption[] = []): { options: QuestionOption[]; bad: boolean } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MAX_OPTIONS + 1);
  const options: QuestionOption[] = [];
  let bad = lines.length > MAX_OPTIONS;
  for (const line of lines) {
    const m = /^([^=]{1,64}?)\s*=\s*(.*)$/.exec(line);
    const code = m ? m[1]!.trim() : nextCode('o', [...options.map((o) => o.value), ...before.map((o) => o.value)]);
    const label = (m ? m[2]! : line).trim().slice(0, MAX_LABEL);
    if (!OPTION_CODE.test(code) || !label) bad = true;
    const old = before.find((o) => o.value === code);
    options.push({ value: code, label: withText(old?.label, lang, label) ?? {} });
  }
  return { options, bad };
}

/**
 * The question a draft describes (type and what is not on the form kept from `before`), and the
 * fields that are wrong. `knownActions`: the action ids that exist.
 */
export function questionFromDraft(draft: QuestionDraft, before: Question, lang: Locale, opts: { section: QSection; knownActions: ReadonlySet<string> }): { question: Question; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const type = before.type;
  if (!FIELD_ID.test(draft.code)) errors.code = 'questionnaires.builder.errors.code';
  if (!draft.label) errors.label = 'questionnaires.builder.errors.label_required';
  else if (draft.label.length > MAX_LABEL) errors.label = 'questionnaires.builder.errors.too_long';
  if (draft.help.length > MAX_HELP) errors.help = 'questionnaires.builder.errors.too_long';
  const q: Question = { id: draft.code, type, label: withText(before.label, lang, draft.label) ?? {} };
  const help = withText(before.help, lang, draft.help);
  if (help) q.help = help;
  if (draft.required) q.required = true;

  if (type === 'single' || type === 'multiple') {
    if (draft.options.length > MAX_OPTIONS) errors.options = 'questionnaires.builder.errors.too_many_options';
    q.options = draft.options.slice(0, MAX_OPTIONS).map((o, i) => {
      if (!OPTION_CODE.test(o.value)) errors[`options.${i}.value`] ??= 'questionnaires.builder.errors.option_code';
      if (!o.label) errors[`options.${i}.label`] ??= 'questionnaires.builder.errors.option_label';
      else if (o.label.length > MAX_LABEL) errors[`options.${i}.label`] ??= 'questionnaires.builder.errors.too_long';
      const old = before.options?.find((x) => x.value === o.value) ?? before.options?.[i];
      return { value: o.value, label: withText(old?.label, lang, o.label) ?? {} };
    });
  }
  if (type === 'number') {
    const unit = withText(before.unit, lang, draft.unit);
    if (unit) q.unit = unit;
    const min = parseNumber(draft.min, 'min', errors);
    const max = parseNumber(draft.max, 'max', errors);
    const decimals = parseNumber(draft.decimals, 'decimals', errors, { int: true, min: 0, max: 6, key: 'questionnaires.builder.errors.decimals' });
    if (min !== undefined) q.min = min;
    if (max !== undefined) q.max = max;
    if (decimals) q.decimals = decimals;
  }
  if (type === 'short_text' || type === 'long_text') {
    const maxLength = parseNumber(draft.maxLength, 'maxLength', errors, { int: true, min: 1, max: 20_000, key: 'questionnaires.builder.errors.max_length' });
    if (maxLength !== undefined) q.maxLength = maxLength;
  }
  if (type === 'table') {
    if (draft.columns.length > MAX_COLUMNS) errors.columns = 'questionnaires.builder.errors.too_many_columns';
    q.columns = draft.columns.slice(0, MAX_COLUMNS).map((c, i) => {
      if (!FIELD_ID.test(c.code)) errors[`columns.${i}.code`] ??= 'questionnaires.builder.errors.code';
      if (!c.label) errors[`columns.${i}.label`] ??= 'questionnaires.builder.errors.label_required';
      else if (c.label.length > MAX_LABEL) errors[`columns.${i}.label`] ??= 'questionnaires.builder.errors.too_long';
      const ctype = (COLUMN_TYPES as readonly string[]).includes(c.type) ? (c.type as ColumnType) : undefined;
      if (!ctype) errors[`columns.${i}.type`] ??= 'questionnaires.builder.errors.column_type';
      const old = before.columns?.find((x) => x.id === c.code) ?? before.columns?.[i];
      const col: Column = { id: c.code, type: ctype ?? 'short_text', label: withText(old?.label, lang, c.label) ?? {} };
      if (ctype === 'single') {
        const parsed = parseColumnOptions(c.options, lang, old?.options);
        if (parsed.bad) errors[`columns.${i}.options`] ??= 'questionnaires.builder.errors.column_options';
        col.options = parsed.options;
      }
      return col;
    });
    const maxRows = parseNumber(draft.maxRows, 'maxRows', errors, { int: true, min: 1, max: 500, key: 'questionnaires.builder.errors.max_rows' });
    if (maxRows !== undefined) q.maxRows = maxRows;
  }
  if (draft.condition) {
    const chosen = draft.conditionValues.filter((v) => v.startsWith(`${draft.condition}=`)).map((v) => v.slice(draft.condition.length + 1));
    if (!FIELD_ID.test(draft.condition)) errors.condition = 'questionnaires.builder.errors.condition_question';
    else if (chosen.length === 0) errors.conditionValues = 'questionnaires.builder.errors.condition_values';
    else q.showIf = { question: draft.condition, in: [...new Set(chosen)].slice(0, 100) };
  }
  const actions = [...new Set(draft.actions)];
  if (actions.some((a) => !opts.knownActions.has(a))) errors.actions = 'questionnaires.builder.errors.unknown_action';
  else if (actions.length > 20) errors.actions = 'questionnaires.builder.errors.too_many_actions';
  else if (actions.length) q.actions = actions;
  void opts.section;
  return { question: q, errors };
}

/** The field of the question page a content problem belongs to. */
export function problemField(p: ContentProblem, sectionId: string, questionId: string, columns: { id: string }[] = []): string | undefined {
  const base = `${sectionId}.${questionId}`;
  if (p.path.startsWith(`${base}.`)) {
    const colId = p.path.slice(base.length + 1);
    const i = columns.findIndex((c) => c.id === colId);
    if (i < 0) return 'columns';
    return p.message.endsWith('duplicate_column') ? `columns.${i}.code` : `columns.${i}.options`;
  }
  if (p.path !== base) return undefined;
  switch (p.message.split('.').pop()) {
    case 'duplicate_question':
      return 'code';
    case 'no_options':
    case 'duplicate_option':
      return 'options';
    case 'no_columns':
      return 'columns';
    case 'min_above_max':
      return 'min';
    case 'condition_unknown':
    case 'condition_type':
    case 'condition_value':
      return 'condition';
    default:
      return undefined;
  }
}
