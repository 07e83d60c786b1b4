/**
 * Interface strings: one flat ICU catalogue per area and locale (`<area>/messages/<locale>.json`),
 * merged at start. Keys are `<area>.<page>.<element>`. A pseudo-locale (tests only) wraps every
 * English message so that text rendered without the catalogue stands out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, PSEUDO_LOCALE, intlTag, type Locale } from './locales.ts';

export type Catalogue = Record<string, string>;
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

const SRC_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function findCatalogueDirs(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = join(dir, entry.name);
    if (entry.name === 'messages') found.push(full);
    else findCatalogueDirs(full, found);
  }
  return found;
}

export interface LoadedCatalogues {
  byLocale: Record<string, Catalogue>;
  /** Which file each key came from (for tests and error messages). */
  sources: Record<string, string>;
}

export function loadCatalogues(root = SRC_ROOT): LoadedCatalogues {
  const byLocale: Record<string, Catalogue> = Object.fromEntries(LOCALES.map((l) => [l, {}]));
  const sources: Record<string, string> = {};
  for (const dir of findCatalogueDirs(root).sort()) {
    for (const locale of LOCALES) {
      let text: string;
      try {
        text = readFileSync(join(dir, `${locale}.json`), 'utf8');
      } catch {
        continue;
      }
      const data = JSON.parse(text) as Record<string, unknown>;
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== 'string') throw new Error(`${dir}/${locale}.json: ${key} is not a string`);
        if (byLocale[locale]![key] !== undefined && sources[key] !== dir) {
          throw new Error(`Message key ${key} is defined in ${sources[key]} and ${dir}`);
        }
        byLocale[locale]![key] = value;
        sources[key] = dir;
      }
    }
  }
  byLocale[PSEUDO_LOCALE] = Object.fromEntries(Object.entries(byLocale.en!).map(([k, v]) => [k, pseudo(v)]));
  return { byLocale, sources };
}

/** Wraps a message in ⟦ ⟧ and accents vowels outside ICU arguments. */
function pseudo(message: string): string {
  let depth = 0;
  let out = '';
  const map: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', O: 'Ó' };
  for (let i = 0; i < message.length; i++) {
    const ch = message[i]!;
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    out += depth === 0 ? (map[ch] ?? ch) : ch;
  }
  return `⟦${out}⟧`;
}

export interface Translator {
  locale: string;
  t(key: string, values?: MessageValues): string;
  has(key: string): boolean;
  formatNumber(n: number, opts?: Intl.NumberFormatOptions): string;
  formatDate(d: Date | string, style?: 'long' | 'medium' | 'short'): string;
  formatDateTime(d: Date | string): string;
  /** "3 days ago", "in 2 weeks" */
  formatRelativeDays(days: number): string;
  /** Locale-aware string comparison for sorting names. */
  compare(a: string, b: string): number;
}

export function createTranslators(catalogues: LoadedCatalogues, onMissing?: (locale: string, key: string) => void) {
  const cache = new Map<string, IntlMessageFormat>();
  const translators = new Map<string, Translator>();

  function format(locale: string, key: string, values?: MessageValues): string {
    const catalogue = catalogues.byLocale[locale] ?? catalogues.byLocale.en!;
    let message = catalogue[key];
    let usedLocale = locale;
    if (message === undefined) {
      onMissing?.(locale, key);
      message = catalogues.byLocale.en![key];
      usedLocale = 'en';
      if (message === undefined) return key;
    }
    const cacheKey = `${usedLocale}\u0000${key}`;
    let mf = cache.get(cacheKey);
    if (!mf) {
      mf = new IntlMessageFormat(message, intlTag(usedLocale), undefined, { ignoreTag: true });
      cache.set(cacheKey, mf);
    }
    return String(mf.format(values as Record<string, string | number>));
  }

  return function translator(locale: string): Translator {
    let tr = translators.get(locale);
    if (tr) return tr;
    const tag = intlTag(locale);
    const nf = new Intl.NumberFormat(tag);
    const df: Record<string, Intl.DateTimeFormat> = {
      long: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }),
      medium: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }),
      short: new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeZone: 'UTC' }),
    };
    const dtf = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    const collator = new Intl.Collator(tag);
    const toDate = (d: Date | string) => (typeof d === 'string' ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d);
    tr = {
      locale,
      t: (key, values) => format(locale, key, values),
      has: (key) => catalogues.byLocale[locale]?.[key] !== undefined,
      formatNumber: (n, opts) => (opts ? new Intl.NumberFormat(tag, opts).format(n) : nf.format(n)),
      formatDate: (d, style = 'long') => df[style]!.format(toDate(d)),
      formatDateTime: (d) => `${dtf.format(toDate(d))} UTC`,
      formatRelativeDays: (days) => rtf.format(days, 'day'),
      compare: (a, b) => collator.compare(a, b),
    };
    translators.set(locale, tr);
    return tr;
  };
}
