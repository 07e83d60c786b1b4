/**
 * Action plans as data: plan → sections → numbered actions → indicators. Pure rules only (no
 * HTTP, database or views): ids, themes, which texts are missing in which language, and the order
 * of items after a move.
 */
import type { LocalizedText } from '../states/index.ts';

export type { LocalizedText };

/** The six languages every text of a plan is kept in, in the UN's order. */
export const TEXT_LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];

/**
 * Themes an action can carry (for filtering and for the Committee's analysis). Two are flags about
 * the data itself: `to-verify` (the short title and indicators are the platform's reconstruction,
 * still to check against the official text) and `to-complete` (a placeholder the ISU is to fill in).
 */
export const THEMES = [
  'best-practice',
  'gender',
  'universalisation',
  'stockpiles',
  'clearance',
  'risk-education',
  'victim-assistance',
  'cooperation',
  'compliance',
  'reporting',
  'environment',
  'to-verify',
  'to-complete',
] as const;
export type Theme = (typeof THEMES)[number];

/** Themes that describe the state of the data rather than the subject of the action. */
export const DATA_FLAGS: readonly Theme[] = ['to-verify', 'to-complete'];

export const MEASURES = ['count', 'share', 'yesno'] as const;
export type Measure = (typeof MEASURES)[number];

/** Plan ids are stable keys such as `oslo-2019`. */
export const PLAN_ID = /^[a-z][a-z0-9-]{0,59}$/;
/** Action ids are `<plan code>-<number>`, e.g. `OAP-42`. */
export const ACTION_ID = /^([A-Z][A-Z0-9]{0,9})-([1-9][0-9]{0,2})$/;
/** Section numbers as printed in the plan: `VIII`, `4`, `4bis`. */
export const SECTION_NUMBER = /^[A-Za-z0-9]{1,10}$/;
export const MAX_ACTION_NUMBER = 999;

export function actionId(code: string, number: number): string {
  return `${code}-${number}`;
}

/** `OAP-42` → { code: 'OAP', number: 42 }; case-insensitive; undefined when it is no action id. */
export function parseActionId(id: string): { id: string; code: string; number: number } | undefined {
  const m = ACTION_ID.exec(id.toUpperCase());
  if (!m) return undefined;
  return { id: `${m[1]}-${Number(m[2])}`, code: m[1]!, number: Number(m[2]) };
}

/** Groups action ids by plan code, keeping the order in which codes first appear and numbers ascending. */
export function groupActionIds(ids: readonly string[]): { code: string; numbers: number[]; ids: string[] }[] {
  const groups = new Map<string, Set<number>>();
  for (const raw of ids) {
    const p = parseActionId(raw);
    if (!p) continue;
    const set = groups.get(p.code) ?? new Set<number>();
    set.add(p.number);
    groups.set(p.code, set);
  }
  return [...groups].map(([code, set]) => {
    const numbers = [...set].sort((a, b) => a - b);
    return { code, numbers, ids: numbers.map((n) => actionId(code, n)) };
  });
}

/** Indicator ids are `<action id>.<n>`; the next free n after the existing ones. */
export function nextIndicatorId(action: string, existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(`${action}.`)) continue;
    const n = Number(id.slice(action.length + 1));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${action}.${max + 1}`;
}

/** A section's id: `<plan id>.<number>`, with a suffix when that id is taken (a renumbered section keeps its id). */
export function sectionIdFor(planId: string, number: string, taken: ReadonlySet<string>): string {
  const base = `${planId}.${number}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The text in a language, or undefined when it is missing there (empty or blank). */
export function textIn(text: LocalizedText | null | undefined, locale: string): string | undefined {
  if (!text) return undefined;
  const v = (text as Record<string, string | undefined>)[locale];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * The text to show in a language and the language it is really in: the locale's own text, else
 * English, else the first language that has one. `undefined` when no language has it.
 */
export function displayText(text: LocalizedText | null | undefined, locale: string): { text: string; lang: TextLocale } | undefined {
  const own = (TEXT_LOCALES as readonly string[]).includes(locale) ? textIn(text, locale) : undefined;
  if (own !== undefined) return { text: own, lang: locale as TextLocale };
  for (const l of ['en', ...TEXT_LOCALES] as TextLocale[]) {
    const v = textIn(text, l);
    if (v !== undefined) return { text: v, lang: l };
  }
  return undefined;
}

/** Languages a text is missing in. An optional text nobody wrote in any language misses nothing. */
export function missingLocales(text: LocalizedText | null | undefined, opts: { optional?: boolean } = {}): TextLocale[] {
  const missing = TEXT_LOCALES.filter((l) => textIn(text, l) === undefined);
  if (opts.optional && missing.length === TEXT_LOCALES.length) return [];
  return missing;
}

export function emptyText(): LocalizedText {
  return { ar: '', zh: '', en: '', fr: '', ru: '', es: '' };
}

/** One text of a plan, for the translation status view. */
export interface PlanText {
  /** What it is: the plan's title, a section's title, an action's summary… */
  kind: 'plan-title' | 'plan-adopted-at' | 'section-title' | 'action-title' | 'action-summary' | 'indicator-title';
  /** The record it belongs to (plan, section, action or indicator id). */
  ownerId: string;
  text: LocalizedText | null;
  optional: boolean;
}

export interface TranslationGap extends PlanText {
  missing: TextLocale[];
}

/** The texts that miss at least one language, and how many texts miss each language. */
export function translationStatus(texts: readonly PlanText[]): { gaps: TranslationGap[]; missingByLocale: Record<TextLocale, number>; total: number } {
  const missingByLocale = Object.fromEntries(TEXT_LOCALES.map((l) => [l, 0])) as Record<TextLocale, number>;
  const gaps: TranslationGap[] = [];
  let total = 0;
  for (const t of texts) {
    const missing = missingLocales(t.text, { optional: t.optional });
    if (t.optional && missing.length === 0 && TEXT_LOCALES.every((l) => textIn(t.text, l) === undefined)) continue;
    total++;
    if (!missing.length) continue;
    gaps.push({ ...t, missing });
    for (const l of missing) missingByLocale[l]++;
  }
  return { gaps, missingByLocale, total };
}

/** Whether any action of a plan still carries a data flag. */
export function hasFlag(actions: readonly { themes: readonly string[] }[], flag: Theme): boolean {
  return actions.some((a) => a.themes.includes(flag));
}

/** Known themes first in their canonical order, then any others in their given order, without repeats. */
export function normaliseThemes(themes: readonly string[]): string[] {
  const set = new Set(themes);
  return [...THEMES.filter((t) => set.has(t)), ...[...set].filter((t) => !(THEMES as readonly string[]).includes(t))];
}

export interface Ordered {
  id: string;
  sortOrder: number;
  version: number;
}

/**
 * A move up or down among siblings given in display order: the new sort orders of the items that
 * change. The moved item and its neighbour swap their sort orders; only when the two are equal (a
 * tie) are all siblings renumbered 1..n, so a move normally touches two rows. Empty when the item
 * is already first (up) or last (down), or unknown.
 */
export function moveWithin<T extends Ordered>(siblings: readonly T[], id: string, direction: 'up' | 'down'): { item: T; sortOrder: number }[] {
  const i = siblings.findIndex((s) => s.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= siblings.length) return [];
  const a = siblings[i]!;
  const b = siblings[j]!;
  if (a.sortOrder !== b.sortOrder) return [{ item: a, sortOrder: b.sortOrder }, { item: b, sortOrder: a.sortOrder }];
  const ordered = [...siblings];
  [ordered[i], ordered[j]] = [b, a];
  const changes: { item: T; sortOrder: number }[] = [];
  ordered.forEach((item, k) => {
    if (item.sortOrder !== k + 1) changes.push({ item, sortOrder: k + 1 });
  });
  return changes;
}
