/**
 * Form parsing with Zod. A schema's messages may be message keys (`area.page.error`), translated
 * here; Zod's own messages are localised per request. Errors keep field order for the error summary.
 */
import * as z from 'zod';
import type { Translator } from '../i18n/messages.ts';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

const ZOD_LOCALES: Record<string, () => { localeError: z.core.$ZodErrorMap }> = {
  ar: z.locales.ar,
  zh: z.locales.zhCN,
  en: z.locales.en,
  fr: z.locales.fr,
  ru: z.locales.ru,
  es: z.locales.es,
};

export function zodErrorMap(locale: string): z.core.$ZodErrorMap {
  return (ZOD_LOCALES[locale] ?? z.locales.en)().localeError;
}

/** Turns a parse failure into one translated message per field (the first issue wins). */
export function issuesToFieldErrors(error: z.ZodError, tr: Translator): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_form';
    if (out[field]) continue;
    out[field] = tr.has(issue.message) || /^[a-z0-9_]+\.[a-z0-9_.]+$/.test(issue.message) ? tr.t(issue.message) : issue.message;
  }
  return out;
}

/** Parses an untrusted body (urlencoded or JSON) with a schema. Unknown fields are ignored for forms. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, tr: Translator): FormResult<z.output<S>> {
  const values = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const result = schema.safeParse(values, { error: zodErrorMap(tr.locale) });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error, tr), values };
}

/** A trimmed text field with a maximum length; empty becomes undefined. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v),
    z.string().max(max).optional(),
  );

export const requiredText = (max: number, requiredKey = 'common.errors.required') =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: requiredKey }).min(1, { error: requiredKey }).max(max));
