/** The six official languages of the Convention, in the UN's order (alphabetical in English). */
export const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The pseudo-locale used only in tests to catch strings that bypass the catalogues. */
export const PSEUDO_LOCALE = 'qps';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export function direction(locale: string): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Endonyms shown in the language switcher (never translated). */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/** BCP 47 tag used for Intl formatting. UN Arabic documents use Latin digits (decision 0004). */
export function intlTag(locale: string): string {
  if (locale === 'ar') return 'ar-u-nu-latn';
  if (locale === 'zh') return 'zh-Hans';
  if (locale === PSEUDO_LOCALE) return 'en';
  return locale;
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), q: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
