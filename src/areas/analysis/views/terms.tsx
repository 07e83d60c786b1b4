/**
 * The detector's term lists, per indicator and language: read by committee members, edited by
 * ISU; how the detector reads them; and a box to try the detector on a text.
 */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, ErrorSummary, NotificationBanner, PostForm, Radios, SelectField, Table, Tag, TextArea, TextField } from '../../../platform/views/components.tsx';
import { LOCALES, LANGUAGE_NAMES } from '../../../platform/i18n/locales.ts';
import { AFTER_MARK, AFTER_WINDOW, GAP_WORDS, NEGATION_WINDOW, PSEUDO_NEGATIONS, SCOPE_BREAKERS, type Hit } from '../detector/detector.ts';
import type { TermRow } from '../detector/terms-repository.ts';
import type { IndicatorRow } from '../indicators/indicators-queries.ts';
import { LanguageName, Snippet, useLocalized } from './indicators-shared.tsx';

export type TermsFlash = 'added' | 'updated' | 'removed';

export interface TermFormValues {
  indicatorId?: string | undefined;
  locale?: string | undefined;
  kind?: string | undefined;
  phrase?: string | undefined;
  note?: string | undefined;
}

export interface TrialHit extends Hit {
  snippet: string;
  snippetStart: number;
  snippetEnd: number;
}

export interface TermsPageProps {
  indicators: IndicatorRow[];
  indicatorId: string;
  lang?: string | undefined;
  terms: TermRow[];
  counts: Record<string, number>;
  canEdit: boolean;
  flash?: TermsFlash | undefined;
  /** The term being changed (ISU), with what was typed and the errors. */
  edit?: { term: TermRow; values?: TermFormValues | undefined; errors?: Record<string, string> | undefined } | undefined;
  add?: { values?: TermFormValues | undefined; errors?: Record<string, string> | undefined } | undefined;
  trial?: { text: string; hits?: TrialHit[] | undefined; errors?: Record<string, string> | undefined } | undefined;
}

const kindLabel = (t: (k: string) => string, r: Pick<TermRow, 'kind' | 'phrase'>) => (r.kind === 'term' ? t('analysis.terms.kind.term') : AFTER_MARK.test(r.phrase) ? t('analysis.terms.kind.negation_after') : t('analysis.terms.kind.negation_before'));

export function TermsPage({ indicators, indicatorId, lang, terms, counts, canEdit, flash, edit, add, trial }: TermsPageProps) {
  const { t, locale, tr } = usePage();
  const l = useLocalized();
  const base = `/${locale}/analysis/terms`;
  const indicator = indicators.find((i) => i.id === indicatorId);
  const listHref = `${base}?indicator=${encodeURIComponent(indicatorId)}${lang ? `&lang=${lang}` : ''}`;
  const errors = { ...(edit?.errors ?? {}), ...(add?.errors ?? {}), ...(trial?.errors ?? {}) };
  const kindOptions = [
    { value: 'term', label: t('analysis.terms.kind.term'), hint: t('analysis.terms.kind.term_hint') },
    { value: 'negation', label: t('analysis.terms.kind.negation'), hint: t('analysis.terms.kind.negation_hint') },
  ];
  return (
    <Layout
      title={t('analysis.terms.title')}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('analysis.breadcrumbs.home') },
            { href: `/${locale}/analysis/reports`, label: t('analysis.reports.title') },
            { label: t('analysis.terms.title') },
          ]}
        />
      }
    >
      {Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      {flash ? (
        <NotificationBanner kind="success">
          <p>{t(`analysis.terms.flash.${flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('analysis.terms.title')}</h1>
      <p class="lead">{t('analysis.terms.lead')}</p>
      <form method="get" action={base} class="filters" role="search" aria-label={t('analysis.terms.filters')}>
        <SelectField name="indicator" label={t('analysis.terms.filter.indicator')} value={indicatorId} options={indicators.map((i) => ({ value: i.id, label: `${l(i.title)} (${tr.formatNumber(counts[i.id] ?? 0)})` }))} />
        <SelectField name="lang" label={t('analysis.terms.filter.lang')} value={lang} placeholder={t('analysis.terms.filter.any_lang')} options={LOCALES.map((c) => ({ value: c, label: LANGUAGE_NAMES[c] }))} />
        <Button variant="secondary">{t('common.actions.filter')}</Button>
      </form>

      {edit && canEdit ? (
        <section class="form-section" aria-labelledby="edit-term">
          <h2 id="edit-term">{t('analysis.terms.edit_title')}</h2>
          <p>
            {indicator ? l(indicator.title) : edit.term.indicatorId} · <LanguageName code={edit.term.locale} />
          </p>
          <PostForm action={`${base}/${edit.term.id}`}>
            <TextField name="editPhrase" label={t('analysis.terms.field.phrase')} hint={t('analysis.terms.field.phrase_hint')} value={edit.values?.phrase ?? edit.term.phrase} error={edit.errors?.editPhrase} attrs={{ maxLength: 200 }} />
            <Radios name="editKind" legend={t('analysis.terms.field.kind')} options={kindOptions} value={edit.values?.kind ?? edit.term.kind} error={edit.errors?.editKind} />
            <TextField name="editNote" label={t('analysis.terms.field.note')} value={edit.values?.note ?? edit.term.note ?? ''} error={edit.errors?.editNote} attrs={{ maxLength: 500 }} />
            <p class="button-group">
              <Button>{t('analysis.terms.save')}</Button> <a href={listHref}>{t('common.actions.cancel')}</a>
            </p>
          </PostForm>
        </section>
      ) : null}

      <Table<TermRow>
        caption={t('analysis.terms.caption', { indicator: indicator ? l(indicator.title) : indicatorId, count: terms.length })}
        rows={terms}
        empty={t('analysis.terms.empty')}
        columns={[
          {
            header: t('analysis.terms.col.phrase'),
            cell: (r) => (
              <bdi lang={r.locale} dir="auto">
                {r.phrase}
              </bdi>
            ),
          },
          { header: t('analysis.terms.col.kind'), cell: (r) => (r.kind === 'term' ? <Tag tone="blue">{kindLabel(t, r)}</Tag> : <Tag tone="grey">{kindLabel(t, r)}</Tag>) },
          { header: t('analysis.terms.col.lang'), cell: (r) => <LanguageName code={r.locale} /> },
          { header: t('analysis.terms.col.note'), cell: (r) => (r.note ? <span dir="auto">{r.note}</span> : <span class="muted">—</span>) },
          ...(canEdit
            ? [
                {
                  header: t('analysis.terms.col.actions'),
                  cell: (r: TermRow) => (
                    <>
                      <a href={`${listHref}&edit=${r.id}#edit-term`}>
                        {t('common.actions.edit')}
                        <span class="visually-hidden">
                          {' '}
                          <bdi>{r.phrase}</bdi>
                        </span>
                      </a>{' '}
                      <PostForm action={`${base}/${r.id}/delete`} inline>
                        <button type="submit" class="link-button">
                          {t('analysis.terms.remove')}
                          <span class="visually-hidden">
                            {' '}
                            <bdi>{r.phrase}</bdi>
                          </span>
                        </button>
                      </PostForm>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />

      {canEdit ? (
        <section class="form-section" aria-labelledby="add-term">
          <h2 id="add-term">{t('analysis.terms.add_title')}</h2>
          <PostForm action={base}>
            <SelectField name="indicatorId" label={t('analysis.terms.field.indicator')} value={add?.values?.indicatorId ?? indicatorId} error={add?.errors?.indicatorId} options={indicators.map((i) => ({ value: i.id, label: l(i.title) }))} />
            <SelectField name="locale" label={t('analysis.terms.field.lang')} value={add?.values?.locale ?? lang ?? locale} error={add?.errors?.locale} options={LOCALES.map((c) => ({ value: c, label: LANGUAGE_NAMES[c] }))} />
            <Radios name="kind" legend={t('analysis.terms.field.kind')} options={kindOptions} value={add?.values?.kind ?? 'term'} error={add?.errors?.kind} />
            <TextField name="phrase" label={t('analysis.terms.field.phrase')} hint={t('analysis.terms.field.phrase_hint')} value={add?.values?.phrase} error={add?.errors?.phrase} attrs={{ maxLength: 200 }} />
            <TextField name="note" label={t('analysis.terms.field.note')} value={add?.values?.note} error={add?.errors?.note} attrs={{ maxLength: 500 }} />
            <Button>{t('analysis.terms.add')}</Button>
          </PostForm>
        </section>
      ) : null}

      <section class="form-section" aria-labelledby="rules">
        <h2 id="rules">{t('analysis.terms.rules_title')}</h2>
        <ul>
          <li>{t('analysis.terms.rule.words')}</li>
          <li>{t('analysis.terms.rule.prefix')}</li>
          <li>{t('analysis.terms.rule.gap', { words: GAP_WORDS })}</li>
          <li>{t('analysis.terms.rule.number')}</li>
          <li>{t('analysis.terms.rule.arabic')}</li>
          <li>{t('analysis.terms.rule.chinese')}</li>
          <li>{t('analysis.terms.rule.negation', { before: NEGATION_WINDOW, after: AFTER_WINDOW })}</li>
          <li>{t('analysis.terms.rule.clause')}</li>
        </ul>
        <Table<string>
          caption={t('analysis.terms.fixed_caption')}
          rows={[...LOCALES]}
          columns={[
            { header: t('analysis.terms.col.lang'), cell: (c) => <LanguageName code={c} /> },
            { header: t('analysis.terms.col.breakers'), cell: (c) => <bdi lang={c}>{(SCOPE_BREAKERS[c] ?? []).join(' · ')}</bdi> },
            { header: t('analysis.terms.col.pseudo'), cell: (c) => <bdi lang={c}>{(PSEUDO_NEGATIONS[c] ?? []).join(' · ')}</bdi> },
          ]}
        />
      </section>

      <section class="form-section" aria-labelledby="try">
        <h2 id="try">{t('analysis.terms.try_title')}</h2>
        <PostForm action={`${base}/try`}>
          <TextArea name="sample" label={t('analysis.terms.try_label')} hint={t('analysis.terms.try_hint')} value={trial?.text ?? ''} error={trial?.errors?.sample} rows={4} maxLength={5000} />
          <Button variant="secondary">{t('analysis.terms.try')}</Button>
        </PostForm>
        {trial?.hits ? (
          trial.hits.length ? (
            <ul class="compact-list" aria-labelledby="try">
              {trial.hits.map((h, i) => {
                const ind = indicators.find((x) => x.id === h.indicatorId);
                return (
                  <li key={i}>
                    <strong>{ind ? l(ind.title) : h.indicatorId}</strong>
                    <Snippet e={{ source: 'narrative', formId: '', path: '', snippet: h.snippet, start: h.snippetStart, end: h.snippetEnd }} />
                    <span class="muted">{t('analysis.evidence.term', { term: h.term })}</span> <LanguageName code={h.locale} />{' '}
                    {h.negated ? <Tag tone="grey">{t('analysis.terms.try_negated', { cue: h.cue ?? '' })}</Tag> : <Tag tone="green">{t('analysis.terms.try_counted')}</Tag>}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>{t('analysis.terms.try_none')}</p>
          )
        ) : null}
      </section>
    </Layout>
  );
}
