/**
 * Translations: how far each language is written, and one language's page — every text with the
 * source text next to it (in its own language and direction) and a box in the target language.
 */
import { Fragment } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, ErrorSummary, fieldId, NotificationBanner, PostForm, Table, Tag } from '../../../../platform/views/components.tsx';
import { direction, LANGUAGE_NAMES, type Locale } from '../../../../platform/i18n/locales.ts';
import type { TranslationStatus, Texts } from '../../content.ts';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import { percent } from './overview.tsx';
import { ConflictNotice } from './build.tsx';
import { BuilderBreadcrumbs, FrozenNotice, languageName, VersionTag } from './shared.tsx';

export function TranslationsPage({ q, version, status, flash }: { q: QuestionnaireRow; version: VersionRow; status: TranslationStatus[]; flash?: string | undefined }) {
  const { t, tr, locale } = usePage();
  const base = `/${locale}/questionnaires/${q.id}/translations`;
  return (
    <Layout title={t('questionnaires.builder.translations.title')} before={<BuilderBreadcrumbs q={q} items={[{ label: t('questionnaires.builder.translations.title') }]} />}>
      {flash ? <NotificationBanner kind="success">{t(`questionnaires.builder.flash.${flash}`)}</NotificationBanner> : null}
      <h1>{t('questionnaires.builder.translations.title')}</h1>
      <p class="lead">{t('questionnaires.builder.translations.lead', { language: languageName(q.sourceLocale, locale) })}</p>
      <p>
        {t('questionnaires.builder.build.version', { number: version.versionNo })} <VersionTag version={version} />
      </p>
      <Table
        caption={t('questionnaires.builder.translations.caption')}
        rows={status}
        columns={[
          {
            header: t('questionnaires.builder.translations.col_language'),
            cell: (s) =>
              s.locale === q.sourceLocale ? (
                <>
                  {languageName(s.locale, locale)} <Tag tone="blue">{t('questionnaires.builder.translations.source')}</Tag>
                </>
              ) : (
                <a href={`${base}/${s.locale}`}>{languageName(s.locale, locale)}</a>
              ),
          },
          { header: t('questionnaires.builder.translations.col_written'), numeric: true, cell: (s) => t('questionnaires.builder.translations.written', { done: s.done, total: s.total }) },
          { header: t('questionnaires.builder.translations.col_percent'), numeric: true, cell: (s) => tr.formatNumber(percent(s.done, s.total) / 100, { style: 'percent' }) },
          {
            header: t('questionnaires.builder.translations.col_state'),
            cell: (s) =>
              s.locale === q.sourceLocale ? (
                <a href={`/${locale}/questionnaires/${q.id}/build`}>{t('questionnaires.builder.translations.source_on_build')}</a>
              ) : s.done === s.total ? (
                <Tag tone="green">{t('questionnaires.builder.translations.complete')}</Tag>
              ) : (
                <Tag tone="yellow">{t('questionnaires.builder.translations.missing_count', { count: s.total - s.done })}</Tag>
              ),
          },
        ]}
      />
    </Layout>
  );
}

export interface TranslationRow {
  path: string;
  texts: Texts;
}

/** Which kind of text a path is (its last part, or an option). */
function kindOf(path: string): string {
  const parts = path.split('.');
  if (parts.length >= 2 && parts[parts.length - 2] === 'options') return 'option';
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return last === 'description' ? 'description' : 'title';
  if (parts.length === 2) return last === 'intro' ? 'section_intro' : 'section_title';
  return ['label', 'help', 'unit'].includes(last) ? last : 'label';
}

const LONG = new Set(['description', 'section_intro', 'help']);

export interface TranslationPageProps {
  q: QuestionnaireRow;
  version: VersionRow;
  lang: Locale;
  rows: TranslationRow[];
  values: Record<string, string>;
  base: string;
  errors?: Record<string, string> | undefined;
  conflict?: boolean;
  canEdit: boolean;
}

export function TranslationPage(p: TranslationPageProps) {
  const { t, locale } = usePage();
  const frozen = !!p.version.frozenAt;
  const editable = p.canEdit && !frozen;
  const source = p.q.sourceLocale as Locale;
  const target = languageName(p.lang, locale);
  const missing = p.rows.filter((r) => !r.texts[p.lang]?.trim()).length;
  const title = t('questionnaires.builder.translation.title', { language: target });
  return (
    <Layout title={title} before={<BuilderBreadcrumbs q={p.q} items={[{ href: `/${locale}/questionnaires/${p.q.id}/translations`, label: t('questionnaires.builder.translations.title') }, { label: target }]} />}>
      {p.errors ? <ErrorSummary errors={p.errors} /> : null}
      {p.conflict ? <ConflictNotice /> : null}
      {frozen ? <FrozenNotice q={p.q} version={p.version} canEdit={p.canEdit} /> : null}
      <h1>{title}</h1>
      <p class="lead">{t('questionnaires.builder.translation.lead', { source: languageName(source, locale), target, missing })}</p>
      <PostForm action={`/${locale}/questionnaires/${p.q.id}/translations/${p.lang}`}>
        <input type="hidden" name="_version" value={String(p.version.version)} />
        <input type="hidden" name="_head" value={String(p.q.version)} />
        <input type="hidden" name="_base" value={p.base} />
        {p.rows.map((r) => {
          const name = `t.${r.path}`;
          const id = fieldId(name);
          const kind = kindOf(r.path);
          const value = p.values[r.path] ?? '';
          const error = p.errors?.[name];
          const sourceText = r.texts[source]?.trim() ? r.texts[source]! : Object.values(r.texts).find((v) => v?.trim()) ?? '';
          const isMissing = !r.texts[p.lang]?.trim();
          const attrs = { id, name, lang: p.lang, dir: direction(p.lang), 'aria-describedby': `${id}-hint${error ? ` ${id}-error` : ''}`, 'aria-invalid': error ? ('true' as const) : undefined, readOnly: !editable };
          const sectionStart = kind === 'section_title' ? r.path.slice(0, -'.title'.length) : undefined;
          return (
            <Fragment key={r.path}>
            {sectionStart ? (
              <h2>
                {t('questionnaires.builder.translation.section', { section: sectionStart })}{' '}
                <bdi lang={source} dir={direction(source)}>
                  {sourceText}
                </bdi>
              </h2>
            ) : null}
            <div class={`field${error ? ' field--error' : ''}`}>
              <label class="field__label" for={id}>
                {t(`questionnaires.builder.translation.kind.${kind}`)} <code>{r.path}</code> {isMissing ? <Tag tone="yellow">{t('questionnaires.builder.translation.missing')}</Tag> : null}
              </label>
              <div class="field__hint" id={`${id}-hint`}>
                {t('questionnaires.builder.translation.source', { language: LANGUAGE_NAMES[source] })}{' '}
                <span lang={source} dir={direction(source)}>
                  {sourceText}
                </span>
              </div>
              {error ? (
                <p class="field__error" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
              {LONG.has(kind) || sourceText.length > 150 ? (
                <textarea class="textarea" rows={3} maxLength={4000} {...attrs}>
                  {value}
                </textarea>
              ) : (
                <input class="input input--full" type="text" maxLength={4000} value={value} {...attrs} />
              )}
            </div>
            </Fragment>
          );
        })}
        {editable ? <Button>{t('questionnaires.builder.translation.save')}</Button> : null}
      </PostForm>
    </Layout>
  );
}
