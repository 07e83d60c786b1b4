/**
 * Form parsing with Zod. A schema's messages may be message keys (`area.page.error`), translated
 * here; Zod's own messages are localised per request. Errors keep field order for the error summary.
 */
import * as z from 'zod';
import type { Translator } from '../i18n/messages.ts';
import { cleanText } from '../forms/values.ts';

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

/**
 * A request lists at most this many errors. A body can name thousands of unknown fields; listing
 * each is useless to the client and costs the server memory and time in proportion.
 */
export const MAX_LISTED_ERRORS = 100;

/** Unknown keys are shown up to this length (a key can be as long as the body). */
const MAX_KEY_SHOWN = 100;

export function shownKey(key: string): string {
  return key.length > MAX_KEY_SHOWN ? `${[...key.slice(0, MAX_KEY_SHOWN)].join('')}…` : key;
}

/**
 * Zod's message for one unknown key, in the request's language. Zod's own message for an
 * `unrecognized_keys` issue names every unknown key: repeated for each key, the errors of a body
 * with n unknown keys would grow with n² (a 240 KB body took minutes and crashed the reply).
 */
export function unknownKeyMessage(locale: string, key: string): string {
  const m = zodErrorMap(locale)({ code: 'unrecognized_keys', keys: [shownKey(key)], input: undefined, path: [] } as unknown as Parameters<z.core.$ZodErrorMap>[0]);
  return typeof m === 'string' ? m : (m?.message ?? shownKey(key));
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

export type FormBody = Record<string, string | string[]>;

/**
 * A page form's body as a browser sends it: each field's text, a repeated key as a list of texts.
 * A client can post JSON to a page too; its numbers and booleans become text and anything else
 * (objects, nested lists) is dropped, so handlers and views that show the typed values again never
 * meet a structure (String() of a list nested 20 000 deep overflows the stack).
 */
export function formBody(body: unknown): FormBody {
  const out: FormBody = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (Array.isArray(v)) {
      const list = v.map(text).filter((x): x is string => x !== undefined);
      if (list.length) out[k] = list;
    } else {
      const t = text(v);
      if (t !== undefined) out[k] = t;
    }
  }
  return out;
}

/**
 * Parses an untrusted page-form body with a schema (read as a browser sends it, see formBody).
 * Unknown fields are ignored.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, tr: Translator): FormResult<z.output<S>> {
  const values = formBody(body);
  const result = schema.safeParse(values, { error: zodErrorMap(tr.locale) });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error, tr), values };
}

/**
 * Typed text as it is kept: cleaned like form answers (no NUL or other control characters, no
 * bidi overrides, NFC), one line unless `multiline` (line breaks become spaces, as a one-line input
 * would show them), trimmed.
 */
export function userText(v: string, opts: { multiline?: boolean } = {}): string {
  const cleaned = cleanText(v);
  return (opts.multiline ? cleaned : cleaned.replace(/\n+/g, ' ')).trim();
}

/** A cleaned, trimmed text field with a maximum length; empty becomes undefined. */
export const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const text = userText(v, opts);
      return text === '' ? undefined : text;
    },
    z.string().max(max).optional(),
  );

export const requiredText = (max: number, requiredKey = 'common.errors.required', opts: { multiline?: boolean } = {}) =>
  z.preprocess((v) => (typeof v === 'string' ? userText(v, opts) : v), z.string({ error: requiredKey }).min(1, { error: requiredKey }).max(max));
