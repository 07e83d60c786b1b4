/**
 * Follow-up letters, pure rules: which template and language a letter starts from, how its
 * placeholders are filled, which placeholders a template may use, and who receives the letter.
 *
 * Placeholders are plain `{name}` tokens from a fixed list, replaced in one pass: the values
 * (a State's or committee's name, the gap list) are inserted as they are and never read again as
 * template syntax, and a letter is plain text (rendered escaped on pages, sent as a text e-mail),
 * so nothing a user or a data source wrote can inject ICU syntax or HTML.
 */
import { LOCALES, intlTag, type Locale } from '../../../platform/i18n/locales.ts';
import type { LocalizedText } from '../../states/index.ts';
import { COOPERATION_WITHOUT_GENDER, COOPERATION_WITHOUT_GENDER_TEXT } from './gaps.ts';

export const TEMPLATE_KEYS = ['cooperation_without_gender', 'gaps'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const PLACEHOLDERS = ['state', 'year', 'gaps', 'committee', 'reply_by'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const SUBJECT_MAX = 300;
export const BODY_MAX = 20_000;

/** The committee that signs the letters. */
export const SIGNING_COMMITTEE = 'cooperation-assistance';

/** Days between drafting and the reply-by date proposed in the letter. */
export const REPLY_DAYS = 60;

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The template for a set of gaps: the C&A-without-G&D letter when that is among them, the general one otherwise. */
export function templateKeyFor(gaps: readonly string[]): TemplateKey {
  return gaps.includes(COOPERATION_WITHOUT_GENDER) ? 'cooperation_without_gender' : 'gaps';
}

/**
 * The language of a letter: the language of submission on the report's cover page, otherwise
 * the language the State usually reports in, otherwise English.
 */
export function letterLocale(facts: { coverLanguage: string | null; stateLanguage: string | null }): Locale {
  if (isLocale(facts.coverLanguage)) return facts.coverLanguage;
  if (isLocale(facts.stateLanguage)) return facts.stateLanguage;
  return 'en';
}

export function pick(text: Partial<LocalizedText> | null | undefined, locale: Locale): string {
  return text?.[locale] || text?.en || '';
}

/** The gaps as the list in a letter, one per line, in the letter's language. */
export function gapList(gaps: readonly string[], locale: Locale, indicatorTitle: (id: string) => Partial<LocalizedText> | undefined): string {
  return gaps
    .map((g) => (g === COOPERATION_WITHOUT_GENDER ? pick(COOPERATION_WITHOUT_GENDER_TEXT, locale) : pick(indicatorTitle(g), locale) || g))
    .map((line) => `• ${line}`)
    .join('\n');
}

export function formatLetterDate(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

const TOKEN = /\{([^{}]*)\}|[{}]/g;

/** Placeholders a template uses that are not on the list, and stray braces; empty when valid. */
export function templateProblems(text: string): string[] {
  const bad = new Set<string>();
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] === undefined) bad.add(m[0]);
    else if (!(PLACEHOLDERS as readonly string[]).includes(m[1])) bad.add(`{${m[1]}}`);
  }
  return [...bad];
}

/** Fills the placeholders in one pass; anything that is not a known placeholder is left as written. */
export function fillTemplate(text: string, values: Record<Placeholder, string>): string {
  return text.replace(TOKEN, (whole, name: string | undefined) => (name !== undefined && Object.hasOwn(values, name) ? values[name as Placeholder] : whole));
}

export interface LetterInput {
  template: { subject: string; body: string };
  locale: Locale;
  stateNames: Partial<LocalizedText>;
  committeeNames: Partial<LocalizedText> | undefined;
  year: number;
  gaps: readonly string[];
  replyBy: Date;
  indicatorTitle: (id: string) => Partial<LocalizedText> | undefined;
}

export function renderLetter(i: LetterInput): { subject: string; body: string } {
  const values: Record<Placeholder, string> = {
    state: pick(i.stateNames, i.locale),
    year: String(i.year),
    gaps: gapList(i.gaps, i.locale, i.indicatorTitle),
    committee: pick(i.committeeNames, i.locale),
    reply_by: formatLetterDate(i.replyBy, i.locale),
  };
  // A subject is one line: a value with line breaks (the gap list) is joined there.
  const subject = fillTemplate(i.template.subject, { ...values, gaps: values.gaps.replace(/\s*\n\s*/g, '; ') })
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SUBJECT_MAX);
  return { subject, body: fillTemplate(i.template.body, values).slice(0, BODY_MAX) };
}

export interface Recipient {
  email: string;
  name: string | null;
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

export function isEmail(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 320 && EMAIL.test(v.trim());
}

/**
 * The State's focal points: its active preparer and approver users, then the people on the
 * report's cover page who gave an e-mail address; each address once (case-insensitive).
 */
export function focalPoints(users: { email: string; name: string }[], coverPeople: unknown): Recipient[] {
  const out: Recipient[] = [];
  const seen = new Set<string>();
  const add = (email: unknown, name: unknown) => {
    if (!isEmail(email)) return;
    const e = email.trim();
    const key = e.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ email: e, name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null });
  };
  for (const u of users) add(u.email, u.name);
  if (Array.isArray(coverPeople)) for (const p of coverPeople) if (p && typeof p === 'object') add((p as Record<string, unknown>).email, (p as Record<string, unknown>).name);
  return out;
}
