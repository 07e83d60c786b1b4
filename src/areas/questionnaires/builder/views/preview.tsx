/**
 * The preview as a respondent: the latest version through the form engine, in a chosen content
 * language (its interface strings too, as a respondent answering in that language sees them).
 * "Check my answers" validates and shows what would be stored; nothing is stored.
 */
import type { Translator } from '../../../../platform/i18n/messages.ts';
import { direction, LANGUAGE_NAMES, LOCALES, type Locale } from '../../../../platform/i18n/locales.ts';
import { PageContext, usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, CsrfField, ErrorSummary, NotificationBanner } from '../../../../platform/views/components.tsx';
import { FormEditor, FormView, issueFieldIds, issueItems } from '../../../../platform/forms/render.tsx';
import { textOf, type FormDef, type FormValues, type Issue } from '../../../../platform/forms/definition.ts';
import type { QuestionnaireRow, VersionRow } from '../../questionnaires-repository.ts';
import { BuilderBreadcrumbs, languageName, VersionTag } from './shared.tsx';
import { DefaultSubmit } from './question.tsx';

export interface PreviewProps {
  q: QuestionnaireRow;
  version: VersionRow;
  def: FormDef;
  lang: Locale;
  /** The interface strings in the content language. */
  contentTr: Translator;
  values: FormValues;
  raw: Record<string, string>;
  issues: Issue[];
  /** After "Check my answers": what would be stored, and answers to hidden questions left out. */
  checked?: { stored: FormValues; hidden: string[] } | undefined;
}

export function PreviewPage(p: PreviewProps) {
  const ctx = usePage();
  const { t, locale } = ctx;
  const action = `/${locale}/questionnaires/${p.q.id}/preview?lang=${p.lang}`;
  const inner = { ...ctx, locale: p.lang, dir: direction(p.lang), tr: p.contentTr, t: p.contentTr.t };
  const errors = p.issues.filter((i) => i.severity === 'error');
  return (
    <Layout title={t('questionnaires.builder.preview.title')} before={<BuilderBreadcrumbs q={p.q} items={[{ label: t('questionnaires.builder.preview.title') }]} />}>
      <h1>{t('questionnaires.builder.preview.title')}</h1>
      <p>
        {t('questionnaires.builder.build.version', { number: p.version.versionNo })} <VersionTag version={p.version} />
      </p>
      <NotificationBanner kind="info" title={t('questionnaires.builder.preview.banner_title')}>
        <p>{t('questionnaires.builder.preview.banner_text')}</p>
      </NotificationBanner>
      <nav aria-labelledby="preview-langs">
        <h2 id="preview-langs">{t('questionnaires.builder.preview.languages')}</h2>
        <ul class="compact-list">
          {LOCALES.map((l) => (
            <li key={l}>
              {l === p.lang ? (
                <strong aria-current="true">
                  {languageName(l, locale)} (<span lang={l}>{LANGUAGE_NAMES[l]}</span>)
                </strong>
              ) : (
                <a href={`/${locale}/questionnaires/${p.q.id}/preview?lang=${l}`} hreflang={l}>
                  {languageName(l, locale)} (<span lang={l}>{LANGUAGE_NAMES[l]}</span>)
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <PageContext.Provider value={inner}>
        <div lang={p.lang} dir={direction(p.lang)} class="report-form">
          {errors.length ? <ErrorSummary errors={issueItems(errors, p.contentTr.t)} fieldIds={issueFieldIds(errors)} /> : null}
          <h2>{textOf(p.def.title, p.lang, p.contentTr.t)}</h2>
          {p.def.sections.length === 0 ? <p class="muted">{p.contentTr.t('questionnaires.builder.preview.empty')}</p> : null}
          <form method="post" action={action} class="form" novalidate>
            <CsrfField />
            <DefaultSubmit value="check" label={p.contentTr.t('questionnaires.builder.preview.check')} />
            <FormEditor def={p.def} values={p.values} raw={p.raw} issues={p.issues} />
            <Button name="_action" value="check">
              {p.contentTr.t('questionnaires.builder.preview.check')}
            </Button>
          </form>
        </div>
      </PageContext.Provider>
      {p.checked ? (
        <section aria-labelledby="preview-stored">
          <h2 id="preview-stored">{t('questionnaires.builder.preview.stored_title')}</h2>
          <p>{errors.length ? t('questionnaires.builder.preview.stored_with_errors', { count: errors.length }) : t('questionnaires.builder.preview.stored_ok')}</p>
          {p.checked.hidden.length ? (
            <p>
              {t('questionnaires.builder.preview.hidden', { count: p.checked.hidden.length })} <code>{p.checked.hidden.join(', ')}</code>
            </p>
          ) : null}
          <PageContext.Provider value={inner}>
            <div lang={p.lang} dir={direction(p.lang)}>
              <FormView def={p.def} values={p.checked.stored} headingLevel={3} />
            </div>
          </PageContext.Provider>
        </section>
      ) : null}
    </Layout>
  );
}
