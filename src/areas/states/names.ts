/** Names in the six languages of the Convention. */
import type { LocalizedText } from './schema.ts';

export type { LocalizedText } from './schema.ts';

const KEYS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** The text in a locale; English for any other locale (e.g. the test pseudo-locale). */
export function localized(text: LocalizedText, locale: string): string {
  return (KEYS as readonly string[]).includes(locale) ? text[locale as keyof LocalizedText] : text.en;
}

/** A State's name in the page's language. */
export function stateName(state: { names: LocalizedText }, locale: string): string {
  return localized(state.names, locale);
}
