/**
 * Pure rules of the results: which questions there are across versions, which answers count,
 * response rates per audience, per-question summaries, cross-tabulation by audience and the list
 * of free-text answers. No database, no HTTP: the queries feed them rows, the pages, exports and
 * the observations paper read what they return.
 *
 * Questions are matched across versions by their code `section.question`: a response started on
 * version 1 counts under the same question of version 2. Answers to questions hidden by a
 * condition are kept in the response but never counted (`countedValues`).
 */
import type { FormDef, FormValues } from '../../../platform/forms/definition.ts';
import { toFormDef, countedValues, type Column, type QSection, type Question, type QuestionnaireContent, type Texts } from '../content.ts';
import { AUDIENCES, type Audience, type ResponseStatus } from '../schema.ts';

/* ------------------------------------------------------------------ inputs */

export interface VersionInput {
  id: string;
  versionNo: number;
  content: QuestionnaireContent;
}

export interface ResponseInput {
  id: string;
  respondentKey: string;
  audience: Audience;
  stateIso2: string | null;
  status: ResponseStatus;
  locale: string;
  versionId: string;
  values: FormValues;
  submittedAt: Date | null;
}

export interface InvitationInput {
  id: string;
  audience: Audience;
  stateIso2: string | null;
  revokedAt: Date | null;
}

/* ------------------------------------------------------------------ texts */

/** A content text in the wanted language, else the source language, else any written one. */
export function textIn(texts: Texts | undefined, locale: string, sourceLocale = 'en', fallback = ''): string {
  if (!texts) return fallback;
  const pick = (l: string) => {
    const v = (texts as Record<string, string | undefined>)[l];
    return v && v.trim() ? v : undefined;
  };
  return pick(locale) ?? pick(sourceLocale) ?? pick('en') ?? Object.values(texts).find((v) => v && v.trim()) ?? fallback;
}

/* ------------------------------------------------------------------ questions across versions */

export interface CatalogueEntry {
  /** `section.question`, stable across versions. */
  code: string;
  section: QSection;
  question: Question;
}

/**
 * Every question of every version, in the order of the newest version; a question that only
 * older versions have comes after the questions of its section (or at the end, with its section).
 * The definition shown is the newest one that has the code.
 */
export function questionCatalogue(versions: VersionInput[]): CatalogueEntry[] {
  const newestFirst = [...versions].sort((a, b) => b.versionNo - a.versionNo);
  const sections: { section: QSection; entries: CatalogueEntry[] }[] = [];
  const seen = new Set<string>();
  for (const v of newestFirst) {
    for (const s of v.content.sections) {
      let slot = sections.find((x) => x.section.id === s.id);
      if (!slot) {
        slot = { section: s, entries: [] };
        sections.push(slot);
      }
      for (const q of s.questions) {
        const code = `${s.id}.${q.id}`;
        if (seen.has(code)) continue;
        seen.add(code);
        slot.entries.push({ code, section: slot.section, question: q });
      }
    }
  }
  return sections.flatMap((s) => s.entries);
}

/* ------------------------------------------------------------------ counted responses */

export interface CountedResponse extends ResponseInput {
  /** The answers that count (hidden questions left out). */
  counted: FormValues;
}

/**
 * The responses the results count: submitted ones, and those in progress when asked; each with
 * its counted answers (computed with its own version's conditions).
 */
export function countedResponses(versions: VersionInput[], responses: ResponseInput[], opts: { includeInProgress?: boolean } = {}): CountedResponse[] {
  const defs = new Map<string, FormDef>(versions.map((v) => [v.id, toFormDef(v.content, { id: v.id, title: {} })]));
  return responses
    .filter((r) => r.status === 'submitted' || opts.includeInProgress)
    .map((r) => {
      const def = defs.get(r.versionId);
      return { ...r, counted: def ? countedValues(def, r.values ?? {}) : {} };
    });
}

export function answerOf(r: { counted: FormValues }, code: string): unknown {
  const dot = code.indexOf('.');
  return r.counted[code.slice(0, dot)]?.[code.slice(dot + 1)];
}

/* ------------------------------------------------------------------ reading values */

type AnswerType = Question['type'] | Column['type'];

/** The option codes an answer stands for (yes/no answers as "yes"/"no"); empty when unanswered. */
export function choiceCodes(type: AnswerType, v: unknown): string[] {
  if (type === 'yesno') {
    if (v === true || v === 'yes' || v === 'true') return ['yes'];
    if (v === false || v === 'no' || v === 'false') return ['no'];
    return [];
  }
  if (type === 'multiple') return Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && x !== ''))] : typeof v === 'string' && v ? [v] : [];
  return typeof v === 'string' && v ? [v] : [];
}

export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export function dateOf(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

export function textOfAnswer(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

export function tableRows(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r)) : [];
}

function hasFile(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.trim() !== '';
  return v !== null && v !== undefined && typeof v === 'object';
}

export function median(sorted: number[]): number | undefined {
  if (!sorted.length) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/* ------------------------------------------------------------------ summaries */

export interface OptionCount {
  value: string;
  /** The option's label (undefined for a code no version lists any more, or yes/no). */
  label: Texts | undefined;
  count: number;
}

export interface ChoiceSummary {
  kind: 'choice';
  type: 'yesno' | 'single' | 'multiple';
  /** Responses with an answer (shares are taken of these; multiple choice shares may add up to more than 100 %). */
  answered: number;
  options: OptionCount[];
}
export interface NumberSummary {
  kind: 'number';
  answered: number;
  sum: number;
  median: number | undefined;
  min: number | undefined;
  max: number | undefined;
}
export interface DateSummary {
  kind: 'date';
  answered: number;
  earliest: string | undefined;
  latest: string | undefined;
}
export interface TextSummary {
  kind: 'text';
  answered: number;
}
export interface FileSummary {
  kind: 'file';
  answered: number;
}
export interface ColumnSummary {
  column: Column;
  summary: ChoiceSummary | NumberSummary | DateSummary | TextSummary;
}
export interface TableSummary {
  kind: 'table';
  /** Responses with at least one row. */
  answered: number;
  rows: number;
  columns: ColumnSummary[];
}

export type Summary = ChoiceSummary | NumberSummary | DateSummary | TextSummary | FileSummary | TableSummary;

export interface QuestionSummary extends CatalogueEntry {
  summary: Summary;
}

function summariseChoice(type: 'yesno' | 'single' | 'multiple', options: Question['options'], answers: unknown[]): ChoiceSummary {
  const base: OptionCount[] =
    type === 'yesno'
      ? [
          { value: 'yes', label: undefined, count: 0 },
          { value: 'no', label: undefined, count: 0 },
        ]
      : (options ?? []).map((o) => ({ value: o.value, label: o.label, count: 0 }));
  const byValue = new Map(base.map((o) => [o.value, o]));
  let answered = 0;
  for (const a of answers) {
    const codes = choiceCodes(type, a);
    if (!codes.length) continue;
    answered++;
    for (const c of codes) {
      let slot = byValue.get(c);
      if (!slot) {
        slot = { value: c, label: undefined, count: 0 };
        byValue.set(c, slot);
        base.push(slot);
      }
      slot.count++;
    }
  }
  return { kind: 'choice', type, answered, options: base };
}

function summariseNumbers(answers: unknown[]): NumberSummary {
  const nums = answers.map(numberOf).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
  // Sums of decimals are rounded to 10 places so 0.1 + 0.2 shows as 0.3.
  const sum = Math.round(nums.reduce((s, n) => s + n, 0) * 1e10) / 1e10;
  return { kind: 'number', answered: nums.length, sum, median: median(nums), min: nums[0], max: nums[nums.length - 1] };
}

function summariseDates(answers: unknown[]): DateSummary {
  const dates = answers.map(dateOf).filter((d): d is string => d !== undefined).sort();
  return { kind: 'date', answered: dates.length, earliest: dates[0], latest: dates[dates.length - 1] };
}

function summariseScalar(q: Question | Column, answers: unknown[]): ChoiceSummary | NumberSummary | DateSummary | TextSummary | FileSummary {
  switch (q.type) {
    case 'yesno':
    case 'single':
    case 'multiple':
      return summariseChoice(q.type, q.options, answers);
    case 'number':
      return summariseNumbers(answers);
    case 'date':
      return summariseDates(answers);
    case 'short_text':
    case 'long_text':
      return { kind: 'text', answered: answers.filter((a) => textOfAnswer(a) !== undefined).length };
    default:
      return { kind: 'file', answered: answers.filter(hasFile).length };
  }
}

/** One question's summary over the given responses. */
export function summariseQuestion(entry: CatalogueEntry, responses: { counted: FormValues }[]): QuestionSummary {
  const answers = responses.map((r) => answerOf(r, entry.code));
  const q = entry.question;
  if (q.type === 'table') {
    const perResponse = answers.map(tableRows);
    const rows = perResponse.flat();
    return {
      ...entry,
      summary: {
        kind: 'table',
        answered: perResponse.filter((r) => r.length > 0).length,
        rows: rows.length,
        columns: (q.columns ?? []).map((column) => ({ column, summary: summariseScalar(column, rows.map((r) => r[column.id])) as ColumnSummary['summary'] })),
      },
    };
  }
  return { ...entry, summary: summariseScalar(q, answers) };
}

export function summariseAll(catalogue: CatalogueEntry[], responses: { counted: FormValues }[]): QuestionSummary[] {
  return catalogue.map((e) => summariseQuestion(e, responses));
}

/* ------------------------------------------------------------------ response rates */

export interface ResponseRate {
  audience: Audience | 'all';
  /** Respondent units invited: distinct shared responses (State and audience) or persons. */
  invited: number;
  /** Of those, responses started (in progress or submitted). */
  started: number;
  submitted: number;
}

/** Respondent key of an invitation (the same rule as `respondentKeyOf`, kept pure here). */
function keyOf(inv: InvitationInput): string {
  return inv.stateIso2 ? `${inv.audience}:${inv.stateIso2}` : `invitation:${inv.id}`;
}

/**
 * Response rate per audience and overall. The units are the distinct respondent keys of the
 * invitations not revoked, plus any submitted response whose invitations were all revoked since
 * (its answers were given, so it counts). Started = responses of those units, whatever status.
 */
export function responseRates(invitations: InvitationInput[], responses: Pick<ResponseInput, 'respondentKey' | 'audience' | 'status'>[]): ResponseRate[] {
  const units = new Map<string, Audience>();
  for (const inv of invitations) if (!inv.revokedAt) units.set(keyOf(inv), inv.audience);
  for (const r of responses) if (r.status === 'submitted' && !units.has(r.respondentKey)) units.set(r.respondentKey, r.audience);
  const byKey = new Map(responses.map((r) => [r.respondentKey, r]));
  const rate = (audience: Audience | 'all'): ResponseRate => {
    let invited = 0;
    let started = 0;
    let submitted = 0;
    for (const [key, a] of units) {
      if (audience !== 'all' && a !== audience) continue;
      invited++;
      const r = byKey.get(key);
      if (r) started++;
      if (r?.status === 'submitted') submitted++;
    }
    return { audience, invited, started, submitted };
  };
  const used = AUDIENCES.filter((a) => [...units.values()].includes(a));
  return [...used.map(rate), rate('all')];
}

/** A share 0–1, 0 when there is nothing to share. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/* ------------------------------------------------------------------ cross-tabulation */

/** The groups results are compared across: mine action directors of affected States, donors, everyone else. */
export const AUDIENCE_GROUPS = ['affected', 'donor', 'other'] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];

export function audienceGroup(a: Audience): AudienceGroup {
  return a === 'mine_action_director' ? 'affected' : a === 'donor' ? 'donor' : 'other';
}

export interface CrossTab extends CatalogueEntry {
  /** Responses answering, per group. */
  answered: Record<AudienceGroup, number>;
  /** Per option: count per group. */
  options: { value: string; label: Texts | undefined; counts: Record<AudienceGroup, number> }[];
}

/** Counts per audience group of every yes/no and choice question. */
export function crossTabulate(catalogue: CatalogueEntry[], responses: (Pick<ResponseInput, 'audience'> & { counted: FormValues })[]): CrossTab[] {
  const out: CrossTab[] = [];
  for (const entry of catalogue) {
    const q = entry.question;
    if (q.type !== 'yesno' && q.type !== 'single' && q.type !== 'multiple') continue;
    const zero = (): Record<AudienceGroup, number> => ({ affected: 0, donor: 0, other: 0 });
    const all = summariseChoice(q.type, q.options, []);
    const options = all.options.map((o) => ({ value: o.value, label: o.label, counts: zero() }));
    const answered = zero();
    for (const r of responses) {
      const codes = choiceCodes(q.type, answerOf(r, entry.code));
      if (!codes.length) continue;
      const g = audienceGroup(r.audience);
      answered[g]++;
      for (const c of codes) {
        let slot = options.find((o) => o.value === c);
        if (!slot) {
          slot = { value: c, label: undefined, counts: zero() };
          options.push(slot);
        }
        slot.counts[g]++;
      }
    }
    out.push({ ...entry, answered, options });
  }
  return out;
}

/** Groups that have at least one response (the others are left out of tables and charts). */
export function groupsPresent(responses: Pick<ResponseInput, 'audience'>[]): AudienceGroup[] {
  const present = new Set(responses.map((r) => audienceGroup(r.audience)));
  return AUDIENCE_GROUPS.filter((g) => present.has(g));
}

/* ------------------------------------------------------------------ free-text answers */

export interface TextAnswer {
  responseId: string;
  /** Where the answer sits: `section.question` or `section.table.<rowId>.column` (the tag path). */
  path: string;
  /** The question's code `section.question`. */
  code: string;
  /** For table cells: the column and the row's position (1-based). */
  column?: Column;
  rowNo?: number;
  text: string;
}

/** Every text answer of the responses: short and long texts, and text cells of tables. */
export function textAnswers(catalogue: CatalogueEntry[], responses: (Pick<ResponseInput, 'id'> & { counted: FormValues })[]): TextAnswer[] {
  const out: TextAnswer[] = [];
  for (const r of responses) {
    for (const entry of catalogue) {
      const q = entry.question;
      const v = answerOf(r, entry.code);
      if (q.type === 'short_text' || q.type === 'long_text') {
        const text = textOfAnswer(v);
        if (text !== undefined) out.push({ responseId: r.id, path: entry.code, code: entry.code, text });
      } else if (q.type === 'table') {
        const textColumns = (q.columns ?? []).filter((c) => c.type === 'short_text');
        tableRows(v).forEach((row, i) => {
          const rowId = typeof row._id === 'string' && /^[A-Za-z0-9_-]{1,24}$/.test(row._id) ? row._id : String(i + 1);
          for (const c of textColumns) {
            const text = textOfAnswer(row[c.id]);
            if (text !== undefined) out.push({ responseId: r.id, path: `${entry.code}.${rowId}.${c.id}`, code: entry.code, column: c, rowNo: i + 1, text });
          }
        });
      }
    }
  }
  return out;
}

/** Questions that have text answers (the free-text page's filter). */
export function textQuestions(catalogue: CatalogueEntry[]): CatalogueEntry[] {
  return catalogue.filter((e) => e.question.type === 'short_text' || e.question.type === 'long_text' || (e.question.type === 'table' && (e.question.columns ?? []).some((c) => c.type === 'short_text')));
}

/* ------------------------------------------------------------------ periods */

/** Whether answers were accepted at some time during the year. */
export function openDuring(q: { circulatedAt: Date | null; opensAt: Date | null; closesAt: Date | null; closedAt: Date | null }, year: number): boolean {
  if (!q.circulatedAt) return false;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const start = (q.opensAt ?? q.circulatedAt).getTime();
  const ends = [q.closesAt, q.closedAt].filter((d): d is Date => !!d).map((d) => d.getTime());
  const end = ends.length ? Math.min(...ends) : Infinity;
  return start < to && end > from;
}

