/** Pieces shared by the builder's pages: texts in their language, breadcrumbs, the frozen-version notice. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Breadcrumbs, Button, NotificationBanner, PostForm, Tag } from '../../../../platform/views/components.tsx';
import { direction, isLocale, LOCALES, type Locale } from '../../../../platform/i18n/locales.ts';
import type { Texts } from '../../content.ts';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import { STATUS_TONE, type QuestionnaireStatus } from '../status.ts';

/** The text in `lang`, else in the source language, else in any language; with the language it is in. */
export function pickText(texts: Texts | undefined, lang: string, source: string): { text: string; lang: Locale } | undefined {
  if (!texts) return undefined;
  for (const l of [lang, source, ...LOCALES]) {
    const v = isLocale(l) ? texts[l] : undefined;
    if (v && v.trim()) return { text: v, lang: l as Locale };
  }
  return undefined;
}

/** User-written text in the language it is in: `lang` marked when it is not the page's, direction isolated. */
export function ContentText({ texts, source, lang, fallback }: { texts: Texts | undefined; source: string; lang?: string; fallback?: ComponentChildren }) {
  const { locale } = usePage();
  const shown = pickText(texts, lang ?? locale, source);
  if (!shown) return <>{fallback ?? '—'}</>;
  return (
    <bdi lang={shown.lang !== locale ? shown.lang : undefined} dir={shown.lang !== locale ? direction(shown.lang) : undefined}>
      {shown.text}
    </bdi>
  );
}

/** The title of a questionnaire as plain text (page titles), in the reader's language or the source language. */
export function titleText(q: QuestionnaireRow, locale: string): string {
  return pickText(q.title, locale, q.sourceLocale)?.text ?? '—';
}

export function StatusTag({ status }: { status: QuestionnaireStatus }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`questionnaires.builder.status.${status}`)}</Tag>;
}

export function BuilderBreadcrumbs({ q, items = [] }: { q: QuestionnaireRow; items?: { href?: string; label: ComponentChildren }[] }) {
  const { t, locale } = usePage();
  return (
    <Breadcrumbs
      items={[
        { href: `/${locale}/questionnaires`, label: t('questionnaires.builder.list.title') },
        ...(items.length ? [{ href: `/${locale}/questionnaires/${q.id}`, label: titleText(q, locale) }] : [{ label: titleText(q, locale) }]),
        ...items,
      ]}
    />
  );
}

/** The newest version is frozen (circulated): nothing is edited; the next version may be started. */
export function FrozenNotice({ q, version, canEdit }: { q: QuestionnaireRow; version: VersionRow; canEdit: boolean }) {
  const { t, locale } = usePage();
  return (
    <NotificationBanner kind="info" title={t('questionnaires.builder.frozen.title', { number: version.versionNo })}>
      <p>{t('questionnaires.builder.frozen.text')}</p>
      {canEdit ? (
        <PostForm action={`/${locale}/questionnaires/${q.id}/versions`}>
          <Button variant="secondary">{t('questionnaires.builder.frozen.start', { number: version.versionNo + 1 })}</Button>
        </PostForm>
      ) : null}
    </NotificationBanner>
  );
}

/** The name of a language in the reader's language (e.g. "Arabic", "arabe"). */
export function languageName(lang: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'qps' ? 'en' : locale], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

export function VersionTag({ version }: { version: VersionRow }) {
  const { t } = usePage();
  return version.frozenAt ? <Tag tone="purple">{t('questionnaires.builder.version.frozen')}</Tag> : <Tag tone="yellow">{t('questionnaires.builder.version.draft')}</Tag>;
}
