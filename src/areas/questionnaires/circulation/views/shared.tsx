/** Pieces shared by the circulation pages: the questionnaire's title, breadcrumbs, labels. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Breadcrumbs, Tag } from '../../../../platform/views/components.tsx';
import { direction, isLocale, LOCALES, type Locale } from '../../../../platform/i18n/locales.ts';
import type { QuestionnaireRow } from '../../questionnaires-repository.ts';
import type { Texts } from '../../content.ts';
import type { TrackingStatus } from '../circulation.ts';

/** A text in `lang`, else the source language, else any; with the language it is in. */
export function pickText(texts: Texts, lang: string, source: string): { text: string; lang: Locale } | undefined {
  for (const l of [lang, source, ...LOCALES]) {
    const v = isLocale(l) ? texts[l] : undefined;
    if (v && v.trim()) return { text: v.trim(), lang: l as Locale };
  }
  return undefined;
}

export function titleOf(q: QuestionnaireRow, locale: string): string {
  return pickText(q.title, locale, q.sourceLocale)?.text ?? '—';
}

/** The questionnaire's title as user text, marked with its language when it is not the page's. */
export function QuestionnaireTitle({ q }: { q: QuestionnaireRow }) {
  const { locale } = usePage();
  const shown = pickText(q.title, locale, q.sourceLocale);
  if (!shown) return <>—</>;
  return shown.lang === locale ? <bdi>{shown.text}</bdi> : <bdi lang={shown.lang} dir={direction(shown.lang)}>{shown.text}</bdi>;
}

export function languageName(lang: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'qps' ? 'en' : locale], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

export function circulationBase(locale: string, q: { id: string }): string {
  return `/${locale}/questionnaires/${q.id}/circulation`;
}

/** Questionnaires › title › Circulation › (page). */
export function CirculationBreadcrumbs({ q, page }: { q: QuestionnaireRow; page?: ComponentChildren }) {
  const { t, locale } = usePage();
  const items: { href?: string; label: ComponentChildren }[] = [
    { href: `/${locale}/questionnaires`, label: t('questionnaires.circulation.breadcrumb.list') },
    { href: `/${locale}/questionnaires/${q.id}`, label: <QuestionnaireTitle q={q} /> },
  ];
  if (page) items.push({ href: circulationBase(locale, q), label: t('questionnaires.circulation.title') }, { label: page });
  else items.push({ label: t('questionnaires.circulation.title') });
  return <Breadcrumbs items={items} />;
}

const STATUS_TONE: Record<TrackingStatus, 'grey' | 'blue' | 'green'> = { not_started: 'grey', in_progress: 'blue', submitted: 'green' };

export function ResponseTag({ status }: { status: TrackingStatus }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`questionnaires.circulation.status.${status}`)}</Tag>;
}

/** The State's name in the page's language, or a dash. */
export function StateText({ iso2, names }: { iso2: string | null; names: Map<string, string> }) {
  if (!iso2) return <>—</>;
  return <bdi>{names.get(iso2) ?? iso2}</bdi>;
}
