/**
 * The content of a questionnaire: sections of questions written in up to six languages, stored as
 * one JSON document per version and compiled to a form definition, so that answering reuses the
 * form engine of the Article 7 forms (parsing, digits, validation, show-if, autosave, conflicts).
 */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { FIELD_ID, type FieldDef, type FormDef, type FormValues, type ScalarFieldDef, type Text } from '../../platform/forms/definition.ts';
import { isEmpty, isVisible } from '../../platform/forms/validate.ts';

/** A text in the languages it has been written in. */
export type Texts = Partial<Record<Locale, string>>;

export const QUESTION_TYPES = ['single', 'multiple', 'yesno', 'short_text', 'long_text', 'number', 'date', 'table', 'file'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** What a table's columns may be. */
export const COLUMN_TYPES = ['single', 'yesno', 'short_text', 'number', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface QuestionOption {
  /** Stable code of the option (exports, show-if conditions), [a-z][a-z0-9_]*. */
  value: string;
  label: Texts;
}

interface QuestionBase {
  /** Stable code of the question within its section (exports, links), [a-z][a-zA-Z0-9_]*. */
  id: string;
  label: Texts;
  help?: Texts;
  required?: boolean;
  options?: QuestionOption[];
  /** number: unit shown after the box (e.g. "USD", "m²"). */
  unit?: Texts;
  min?: number;
  max?: number;
  /** number: digits kept after the decimal point (0: whole numbers). */
  decimals?: number;
  /** short/long text: maximum length. */
  maxLength?: number;
}

export interface Column extends QuestionBase {
  type: ColumnType;
}

export interface Question extends QuestionBase {
  type: QuestionType;
  /** Shown only when another question of the same section has one of these answers ("yes"/"no" for yes/no questions). */
  showIf?: { question: string; in: string[] };
  /** Action-plan actions the question gives evidence for, e.g. ['OAP-42']. */
  actions?: string[];
  /** table: its columns, and the most rows accepted. */
  columns?: Column[];
  maxRows?: number;
}

export interface QSection {
  id: string;
  title: Texts;
  intro?: Texts;
  questions: Question[];
}

export interface QuestionnaireContent {
  sections: QSection[];
}

/* ---------------- Validation of content (builder, API, import) ---------------- */

const MAX_TEXT = 4000;
const textsSchema = z.partialRecord(z.enum(LOCALES), z.string().max(MAX_TEXT));
const codeSchema = z.string().regex(FIELD_ID);
const optionSchema = z.object({ value: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), label: textsSchema });

const baseShape = {
  id: codeSchema,
  label: textsSchema,
  help: textsSchema.optional(),
  required: z.boolean().optional(),
  options: z.array(optionSchema).max(100).optional(),
  unit: textsSchema.optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  maxLength: z.number().int().min(1).max(20_000).optional(),
};

export const columnSchema = z.object({ ...baseShape, type: z.enum(COLUMN_TYPES) });
export const questionSchema = z.object({
  ...baseShape,
  type: z.enum(QUESTION_TYPES),
  showIf: z.object({ question: codeSchema, in: z.array(z.string().max(64)).min(1).max(100) }).optional(),
  actions: z.array(z.string().regex(/^[A-Z][A-Z0-9]{0,9}-[1-9]\d{0,2}$/)).max(20).optional(),
  columns: z.array(columnSchema).max(20).optional(),
  maxRows: z.number().int().min(1).max(500).optional(),
});
export const sectionSchema = z.object({ id: codeSchema, title: textsSchema, intro: textsSchema.optional(), questions: z.array(questionSchema).max(200) });
export const contentSchema = z.object({ sections: z.array(sectionSchema).max(50) });

/** A problem in a questionnaire's content, with a message key of the questionnaires catalogue. */
export interface ContentProblem {
  /** `section`, `section.question` or `section.question.column`. */
  path: string;
  message: string;
  values?: Record<string, string | number>;
}

/** Structural problems that would make the questionnaire unanswerable (checked before circulating and on every builder save). */
export function contentProblems(content: QuestionnaireContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const sectionIds = new Set<string>();
  for (const s of content.sections) {
    if (sectionIds.has(s.id)) problems.push({ path: s.id, message: 'questionnaires.content.duplicate_section' });
    sectionIds.add(s.id);
    const ids = new Set<string>();
    for (const q of s.questions) {
      const path = `${s.id}.${q.id}`;
      if (ids.has(q.id)) problems.push({ path, message: 'questionnaires.content.duplicate_question' });
      ids.add(q.id);
      if ((q.type === 'single' || q.type === 'multiple') && !(q.options?.length ?? 0)) problems.push({ path, message: 'questionnaires.content.no_options' });
      if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) problems.push({ path, message: 'questionnaires.content.duplicate_option' });
      if (q.type === 'table') {
        if (!(q.columns?.length ?? 0)) problems.push({ path, message: 'questionnaires.content.no_columns' });
        const cols = new Set<string>();
        for (const c of q.columns ?? []) {
          if (cols.has(c.id)) problems.push({ path: `${path}.${c.id}`, message: 'questionnaires.content.duplicate_column' });
          cols.add(c.id);
          if (c.type === 'single' && !(c.options?.length ?? 0)) problems.push({ path: `${path}.${c.id}`, message: 'questionnaires.content.no_options' });
        }
      }
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) problems.push({ path, message: 'questionnaires.content.min_above_max' });
      if (q.showIf) {
        // The condition must be an earlier question of the same section, with answers it can have.
        const index = s.questions.indexOf(q);
        const target = s.questions.slice(0, index).find((x) => x.id === q.showIf!.question);
        if (!target) problems.push({ path, message: 'questionnaires.content.condition_unknown', values: { question: q.showIf.question } });
        else {
          const allowed = target.type === 'yesno' ? ['yes', 'no'] : target.type === 'single' || target.type === 'multiple' ? (target.options ?? []).map((o) => o.value) : null;
          if (!allowed) problems.push({ path, message: 'questionnaires.content.condition_type' });
          else if (q.showIf.in.some((v) => !allowed.includes(v))) problems.push({ path, message: 'questionnaires.content.condition_value' });
        }
      }
    }
  }
  return problems;
}

/* ---------------- Compilation to the form engine ---------------- */

/** A Texts as the form engine's Text; an empty one falls back to the source language in `textOf`. */
function asText(texts: Texts | undefined): Text | undefined {
  if (!texts) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(texts)) if (v && v.trim()) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

function scalar(q: QuestionBase & { type: Exclude<QuestionType, 'table'> }): ScalarFieldDef {
  const base = {
    id: q.id,
    label: asText(q.label) ?? { en: q.id },
    ...(asText(q.help) ? { hint: asText(q.help)! } : {}),
    ...(q.required ? { required: true } : {}),
  };
  switch (q.type) {
    case 'single':
      return { ...base, type: 'choice', options: (q.options ?? []).map((o) => ({ value: o.value, label: asText(o.label) ?? { en: o.value } })), display: (q.options?.length ?? 0) > 7 ? 'select' : 'radios' };
    case 'multiple':
      return { ...base, type: 'multichoice', options: (q.options ?? []).map((o) => ({ value: o.value, label: asText(o.label) ?? { en: o.value } })) };
    case 'yesno':
      return { ...base, type: 'yesno' };
    case 'short_text':
      return { ...base, type: 'text', ...(q.maxLength ? { maxLength: q.maxLength } : {}) };
    case 'long_text':
      return { ...base, type: 'narrative', ...(q.maxLength ? { maxLength: q.maxLength } : {}) };
    case 'number': {
      const bounds = { ...(q.min !== undefined ? { min: q.min } : {}), ...(q.max !== undefined ? { max: q.max } : {}), ...(asText(q.unit) ? { unit: asText(q.unit)! } : {}) };
      return q.decimals ? { ...base, type: 'decimal', scale: q.decimals, ...bounds } : { ...base, type: 'integer', ...bounds };
    }
    case 'date':
      return { ...base, type: 'date' };
    case 'file':
      return { ...base, type: 'file', accept: ['pdf', 'image', 'spreadsheet', 'document'] };
  }
}

function field(q: Question): FieldDef {
  const extra = {
    ...(q.showIf ? { showIf: { field: q.showIf.question, in: q.showIf.in.map((v) => v) } } : {}),
    ...(q.actions?.length ? { actions: q.actions } : {}),
  };
  if (q.type === 'table') {
    return {
      id: q.id,
      type: 'table',
      label: asText(q.label) ?? { en: q.id },
      ...(asText(q.help) ? { hint: asText(q.help)! } : {}),
      ...(q.required ? { required: true } : {}),
      columns: (q.columns ?? []).map((c) => scalar(c)),
      ...(q.maxRows ? { maxRows: q.maxRows } : {}),
      ...extra,
    };
  }
  return { ...scalar(q as QuestionBase & { type: Exclude<QuestionType, 'table'> }), ...extra };
}

/**
 * The form definition of a questionnaire version. Yes/no conditions are written "yes"/"no" in the
 * content and compiled to the booleans the engine stores.
 */
export function toFormDef(content: QuestionnaireContent, opts: { id: string; title: Texts }): FormDef {
  const byId = (s: QSection, id: string) => s.questions.find((q) => q.id === id);
  return {
    id: opts.id,
    title: asText(opts.title) ?? { en: opts.id },
    sections: content.sections.map((s) => ({
      id: s.id,
      title: asText(s.title) ?? { en: s.id },
      ...(asText(s.intro) ? { intro: asText(s.intro)! } : {}),
      fields: s.questions.map((q) => {
        const f = field(q);
        if (q.showIf && byId(s, q.showIf.question)?.type === 'yesno') f.showIf = { field: q.showIf.question, in: q.showIf.in.map((v) => v === 'yes') };
        return f;
      }),
    })),
  };
}

/* ---------------- Hidden answers ---------------- */

/** Answers given to questions whose condition is not met (kept, but not counted). */
export function hiddenAnswers(def: FormDef, values: FormValues): string[] {
  const out: string[] = [];
  for (const s of def.sections) {
    const sv = values[s.id] ?? {};
    for (const f of s.fields) if (!isVisible(f, sv) && !isEmpty(sv[f.id])) out.push(`${s.id}.${f.id}`);
  }
  return out;
}

/** The values that count: answers to hidden questions left out (results, exports, papers). */
export function countedValues(def: FormDef, values: FormValues): FormValues {
  const out: FormValues = {};
  for (const s of def.sections) {
    const sv = values[s.id] ?? {};
    const kept: Record<string, unknown> = {};
    for (const f of s.fields) if (isVisible(f, sv) && sv[f.id] !== undefined) kept[f.id] = sv[f.id];
    out[s.id] = kept;
  }
  return out;
}

/* ---------------- Translation status ---------------- */

export interface TranslationStatus {
  locale: Locale;
  /** Texts written in this language. */
  done: number;
  total: number;
  /** Paths of the texts still missing, e.g. `s1.q2.label`, `s1.q2.options.yes`. */
  missing: string[];
}

/** Every translatable text of a questionnaire (title and description included), with its path. */
export function textsOf(content: QuestionnaireContent, head: { title: Texts; description?: Texts } = { title: {} }): { path: string; texts: Texts }[] {
  const out: { path: string; texts: Texts }[] = [{ path: 'title', texts: head.title }];
  if (head.description && Object.values(head.description).some((v) => v?.trim())) out.push({ path: 'description', texts: head.description });
  const opt = (path: string, t: Texts | undefined) => {
    if (t && Object.values(t).some((v) => v?.trim())) out.push({ path, texts: t });
  };
  const base = (path: string, q: QuestionBase) => {
    out.push({ path: `${path}.label`, texts: q.label });
    opt(`${path}.help`, q.help);
    opt(`${path}.unit`, q.unit);
    for (const o of q.options ?? []) out.push({ path: `${path}.options.${o.value}`, texts: o.label });
  };
  for (const s of content.sections) {
    out.push({ path: `${s.id}.title`, texts: s.title });
    opt(`${s.id}.intro`, s.intro);
    for (const q of s.questions) {
      base(`${s.id}.${q.id}`, q);
      for (const c of q.columns ?? []) base(`${s.id}.${q.id}.${c.id}`, c);
    }
  }
  return out;
}

/** How far each language is written. */
export function translationStatus(content: QuestionnaireContent, head: { title: Texts; description?: Texts }): TranslationStatus[] {
  const all = textsOf(content, head);
  return LOCALES.map((locale) => {
    const missing = all.filter((x) => !x.texts[locale]?.trim()).map((x) => x.path);
    return { locale, done: all.length - missing.length, total: all.length, missing };
  });
}

/** Every question (and table column) linked to an action, for the action-plan pages. */
export function questionsLinkedTo(content: QuestionnaireContent, actionId: string): { section: QSection; question: Question }[] {
  return content.sections.flatMap((section) => section.questions.filter((q) => q.actions?.includes(actionId)).map((question) => ({ section, question })));
}
