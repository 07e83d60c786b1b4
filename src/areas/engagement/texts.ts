/** Texts written in several languages, as engagement records keep them. */
import type { Texts } from './schema.ts';

/** The text in `locale`, else English, else the first language written. */
export function textIn(texts: Texts | null | undefined, locale: string): string {
  if (!texts) return '';
  const t = texts as Record<string, string | undefined>;
  return t[locale]?.trim() || t.en?.trim() || Object.values(t).find((v) => v?.trim()) || '';
}

/** The language `textIn` actually shows (for the `lang` attribute). */
export function langOf(texts: Texts | null | undefined, locale: string): string | undefined {
  if (!texts) return undefined;
  const t = texts as Record<string, string | undefined>;
  if (t[locale]?.trim()) return locale;
  if (t.en?.trim()) return 'en';
  return Object.entries(t).find(([, v]) => v?.trim())?.[0];
}
