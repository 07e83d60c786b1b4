/**
 * Pure rules of answering a questionnaire: the form definition in the respondent's language, one
 * section of it, each section's progress, merging a saved section into the response, the receipt
 * reference, and the conflict merge. No HTTP, database or view code here.
 */
import { createHash, randomInt } from 'node:crypto';
import type { FieldDef, FormDef, FormValues, Issue, ScalarFieldDef, SectionDef, Text } from '../../../platform/forms/definition.ts';
import { isEmpty, isVisible, validateFields } from '../../../platform/forms/validate.ts';
import type { Texts } from '../content.ts';

/** The text of a Texts in `locale`, else in the source language, else any; with the language it is in. */
export function pickText(texts: Texts | Record<string, string> | undefined, locale: string, sourceLocale: string): { text: string; lang: string } {
  const t = (texts ?? {}) as Record<string, string | undefined>;
  const clean = (v: string | undefined) => (v && v.trim() ? v : undefined);
  if (clean(t[locale])) return { text: t[locale]!, lang: locale };
  if (clean(t[sourceLocale])) return { text: t[sourceLocale]!, lang: sourceLocale };
  if (clean(t.en)) return { text: t.en!, lang: 'en' };
  for (const [k, v] of Object.entries(t)) if (clean(v)) return { text: v!, lang: k };
  return { text: '', lang: locale };
}

function localText(text: Text | undefined, locale: string, sourceLocale: string): Text | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return { [locale]: pickText(text, locale, sourceLocale).text };
}

function localScalar<F extends ScalarFieldDef>(f: F, locale: string, source: string): F {
  const out = { ...f, label: localText(f.label, locale, source)! } as F;
  if (f.hint !== undefined) out.hint = localText(f.hint, locale, source)!;
  if ('unit' in f && f.unit !== undefined) (out as { unit?: Text }).unit = localText(f.unit, locale, source)!;
  if ('options' in f && f.options) (out as { options: { value: string; label: Text }[] }).options = f.options.map((o) => ({ ...o, label: localText(o.label, locale, source)! }));
  return out;
}

/**
 * The form definition with every text in `locale`, or — where that language is missing — in the
 * questionnaire's source language (not English by default, as the engine would fall back to).
 */
export function localizeDef(def: FormDef, locale: string, sourceLocale: string): FormDef {
  const field = (f: FieldDef): FieldDef => (f.type === 'table' ? { ...f, label: localText(f.label, locale, sourceLocale)!, ...(f.hint !== undefined ? { hint: localText(f.hint, locale, sourceLocale)! } : {}), columns: f.columns.map((c) => localScalar(c, locale, sourceLocale)) } : localScalar(f, locale, sourceLocale));
  return {
    ...def,
    title: localText(def.title, locale, sourceLocale)!,
    sections: def.sections.map((s) => ({
      ...s,
      title: localText(s.title, locale, sourceLocale)!,
      ...(s.intro !== undefined ? { intro: localText(s.intro, locale, sourceLocale)! } : {}),
      fields: s.fields.map(field),
    })),
  };
}

/** The definition reduced to one section (what a section page edits), or undefined for an unknown section. */
export function sectionDef(def: FormDef, sectionId: string): FormDef | undefined {
  const section = def.sections.find((s) => s.id === sectionId);
  return section ? { ...def, sections: [section] } : undefined;
}

/** The section after `sectionId`, if any. */
export function nextSection(def: FormDef, sectionId: string): SectionDef | undefined {
  const i = def.sections.findIndex((s) => s.id === sectionId);
  return i >= 0 ? def.sections[i + 1] : undefined;
}

export type SectionProgress = 'not_started' | 'in_progress' | 'completed';

/** Not started (nothing answered), in progress (a required answer missing) or completed. */
export function sectionProgress(def: FormDef, sectionId: string, values: FormValues): SectionProgress {
  const one = sectionDef(def, sectionId);
  if (!one) return 'not_started';
  const sv = values[sectionId] ?? {};
  const answered = one.sections[0]!.fields.some((f) => isVisible(f, sv) && !isEmpty(sv[f.id]));
  if (!answered) return 'not_started';
  return errorsOf(one, values).length ? 'in_progress' : 'completed';
}

/** What blocks submission: required answers missing and inconsistent values (visible questions only). */
export function errorsOf(def: FormDef, values: FormValues): Issue[] {
  return validateFields(def, values, { forms: {} }).filter((i) => i.severity === 'error');
}

/** The response's values with one section replaced by what was just saved. */
export function withSection(values: FormValues, sectionId: string, saved: FormValues): FormValues {
  return { ...values, [sectionId]: saved[sectionId] ?? {} };
}

/** Removes a table row given as `section.table:rowId` (from the "remove" button of a row). */
export function withoutRow(values: FormValues, spec: string): FormValues {
  const m = /^([A-Za-z0-9_]{1,63})\.([A-Za-z0-9_]{1,63}):([A-Za-z0-9_-]{1,24})$/.exec(spec);
  if (!m) return values;
  const [, section, table, rowId] = m as unknown as [string, string, string, string];
  const rows = values[section]?.[table];
  if (!Array.isArray(rows)) return values;
  return { ...values, [section]: { ...values[section], [table]: rows.filter((r) => (r as { _id?: string })._id !== rowId) } };
}

/** Whether the values of two responses are the same (an empty answer equals no answer). */
export function sameValues(def: FormDef, a: FormValues, b: FormValues): boolean {
  return changedFields(def, a, b).length === 0;
}

/** Question paths (section.question) whose answers differ; an empty answer equals no answer. */
export function changedFields(def: FormDef, a: FormValues, b: FormValues): string[] {
  const canonical = (v: unknown) => JSON.stringify(v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);
  const out: string[] = [];
  for (const s of def.sections) for (const f of s.fields) if (canonical(a[s.id]?.[f.id]) !== canonical(b[s.id]?.[f.id])) out.push(`${s.id}.${f.id}`);
  return out;
}

/** The colleague's values, with mine taken for the questions listed in `keepMine` (section.question). */
export function mergeChoices(def: FormDef, theirs: FormValues, mine: FormValues, keepMine: string[]): FormValues {
  const merged = JSON.parse(JSON.stringify(theirs)) as FormValues;
  for (const s of def.sections) {
    for (const f of s.fields) {
      if (!keepMine.includes(`${s.id}.${f.id}`)) continue;
      merged[s.id] ??= {};
      merged[s.id]![f.id] = mine[s.id]?.[f.id] ?? null;
    }
  }
  return merged;
}

/** Clears every file question (also in table rows) that points at `fileId`. */
export function withoutFile(def: FormDef, values: FormValues, fileId: string): FormValues {
  const out = JSON.parse(JSON.stringify(values)) as FormValues;
  for (const s of def.sections) {
    const sv = out[s.id];
    if (!sv) continue;
    for (const f of s.fields) {
      if (f.type === 'file' && sv[f.id] === fileId) sv[f.id] = null;
      if (f.type === 'table' && Array.isArray(sv[f.id])) {
        for (const row of sv[f.id] as Record<string, unknown>[]) for (const c of f.columns) if (c.type === 'file' && row[c.id] === fileId) row[c.id] = null;
      }
    }
  }
  return out;
}

/** File ids a response's answers point at that are not among its files (refused when saving). */
export function unknownFiles(def: FormDef, values: FormValues, fileIds: string[]): string[] {
  const out: string[] = [];
  for (const s of def.sections) {
    const sv = values[s.id] ?? {};
    for (const f of s.fields) {
      if (f.type === 'file' && typeof sv[f.id] === 'string' && !fileIds.includes(sv[f.id] as string)) out.push(`${s.id}.${f.id}`);
      if (f.type === 'table' && Array.isArray(sv[f.id])) {
        (sv[f.id] as Record<string, unknown>[]).forEach((row, i) => {
          for (const c of f.columns) if (c.type === 'file' && typeof row[c.id] === 'string' && !fileIds.includes(row[c.id] as string)) out.push(`${s.id}.${f.id}.${i}.${c.id}`);
        });
      }
    }
  }
  return out;
}

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, 5/S, 8/B, 2/Z, U/V). */
const RECEIPT_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';

/** A receipt reference such as `Q2023-SN-7K3D`: the questionnaire's year, the State (or `XX`), four characters. */
export function receiptReference(year: number, stateIso2: string | null, random: (max: number) => number = randomInt): string {
  let tail = '';
  for (let i = 0; i < 4; i++) tail += RECEIPT_ALPHABET[random(RECEIPT_ALPHABET.length)];
  return `Q${year}-${stateIso2 && /^[A-Z]{2}$/.test(stateIso2) ? stateIso2 : 'XX'}-${tail}`;
}

/** Path of a table that gets an extra blank row (`?add=section.table`), when it names one of the section's tables. */
export function addRowTarget(def: FormDef, spec: string | undefined): { section: string; table: string } | undefined {
  if (!spec || !/^[A-Za-z0-9_]{1,63}\.[A-Za-z0-9_]{1,63}$/.test(spec)) return undefined;
  const [section, table] = spec.split('.') as [string, string];
  const f = def.sections.find((s) => s.id === section)?.fields.find((x) => x.id === table);
  return f?.type === 'table' ? { section, table } : undefined;
}

/** Values with one more (blank) row in a table, for adding rows without JavaScript. */
export function withBlankRow(values: FormValues, target: { section: string; table: string }): FormValues {
  const rows = Array.isArray(values[target.section]?.[target.table]) ? (values[target.section]![target.table] as unknown[]) : [];
  return { ...values, [target.section]: { ...values[target.section], [target.table]: [...rows, { _id: '' }] } };
}

/** JSON with object keys sorted and empty answers left out (jsonb reorders keys; an empty answer equals none). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => !(x === null || x === undefined || x === '' || (Array.isArray(x) && x.length === 0)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** A short fingerprint of one section's answers: tells whether a colleague changed this section since the page was shown. */
export function sectionFingerprint(values: FormValues, sectionId: string): string {
  return createHash('sha256').update(canonical(values[sectionId] ?? {})).digest('base64url').slice(0, 12);
}

/**
 * The version token a section page carries (`_version`): the response's version and the section's
 * fingerprint, e.g. `7.Ab3dEf9hIjK0`; `0` before the response exists.
 */
export function versionToken(version: number, values: FormValues, sectionId: string): string {
  return `${version}.${sectionFingerprint(values, sectionId)}`;
}

export function parseVersionToken(token: unknown): { version: number; fingerprint: string | undefined } | undefined {
  if (typeof token !== 'string') return undefined;
  const m = /^(\d{1,9})(?:\.([A-Za-z0-9_-]{12}))?$/.exec(token.trim());
  if (!m) return undefined;
  return { version: Number(m[1]), fingerprint: m[2] };
}
