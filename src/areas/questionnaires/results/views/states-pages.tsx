/** The responding States, and one State's answers side by side with its Article 7 indicators. */
import { Layout } from '../../../../platform/views/layout.tsx';
import { DateText, SummaryList, Table, Tag } from '../../../../platform/views/components.tsx';
import { usePage } from '../../../../platform/views/context.ts';
import type { CatalogueEntry, CountedResponse } from '../summaries.ts';
import { answerOf } from '../summaries.ts';
import { AnswerValue, LanguageName, ResultsBreadcrumbs, ResultsNav, resultsBase, useText, type QuestionnaireHead } from './shared.tsx';

export interface StateRow {
  iso2: string;
  name: string;
  responses: CountedResponse[];
}

export function StatesPage({ q, rows }: { q: QuestionnaireHead; rows: StateRow[] }) {
  const { t, locale } = usePage();
  const text = useText();
  const base = resultsBase(locale, q.id);
  const title = text(q.title, q.sourceLocale, q.id);
  return (
    <Layout title={t('questionnaires.results.states.title', { title })} before={<ResultsBreadcrumbs q={q} current={[{ href: base, label: t('questionnaires.results.nav.summary') }, { label: t('questionnaires.results.nav.states') }]} />}>
      <h1>
        {t('questionnaires.results.nav.states')}: <bdi>{title}</bdi>
      </h1>
      <ResultsNav q={q} active="states" />
      <p>{t('questionnaires.results.states.intro')}</p>
      <Table
        caption={t('questionnaires.results.states.caption', { count: rows.length })}
        rows={rows}
        empty={t('questionnaires.results.states.none')}
        columns={[
          {
            header: t('questionnaires.results.states.state'),
            cell: (r: StateRow) => (
              <a href={`${base}/states/${r.iso2.toLowerCase()}`}>
                <bdi>{r.name}</bdi>
              </a>
            ),
          },
          {
            header: t('questionnaires.results.rates.audience'),
            cell: (r: StateRow) => r.responses.map((x) => t(`questionnaires.results.audience.${x.audience}`)).join(', '),
          },
          {
            header: t('questionnaires.results.states.status'),
            cell: (r: StateRow) =>
              r.responses.map((x, i) => (
                <span key={i}>
                  {i ? ' ' : ''}
                  <Tag tone={x.status === 'submitted' ? 'green' : 'yellow'}>{t(`questionnaires.results.status.${x.status}`)}</Tag>
                </span>
              )),
          },
          { header: t('questionnaires.results.states.submitted_at'), cell: (r: StateRow) => <DateText value={r.responses.find((x) => x.submittedAt)?.submittedAt ?? null} /> },
        ]}
      />
    </Layout>
  );
}

export interface IndicatorSide {
  reportId: string;
  year: number;
  kind: 'initial' | 'annual';
  items: { id: string; title: string; value: 'yes' | 'no' | 'unknown'; decided: boolean }[];
}

export function StatePage({ q, iso2, name, catalogue, responses, indicators, versionNo }: { q: QuestionnaireHead; iso2: string; name: string; catalogue: CatalogueEntry[]; responses: CountedResponse[]; indicators: IndicatorSide | undefined; versionNo: Map<string, number> }) {
  const { t, locale } = usePage();
  const text = useText();
  const base = resultsBase(locale, q.id);
  const title = text(q.title, q.sourceLocale, q.id);
  const tone = { yes: 'green', no: 'red', unknown: 'grey' } as const;
  return (
    <Layout
      title={t('questionnaires.results.state.title', { state: name, title })}
      wide
      before={<ResultsBreadcrumbs q={q} current={[{ href: base, label: t('questionnaires.results.nav.summary') }, { href: `${base}/states`, label: t('questionnaires.results.nav.states') }, { label: name }]} />}
    >
      <h1>
        <bdi>{name}</bdi>: <bdi>{title}</bdi>
      </h1>
      <ResultsNav q={q} active="states" />
      <div class="conflict__sides">
        <section aria-labelledby="side-answers" class="conflict__side">
          <h2 id="side-answers">{t('questionnaires.results.state.answers')}</h2>
          {responses.map((r) => (
            <article key={r.id} aria-label={t(`questionnaires.results.audience.${r.audience}`)}>
              <h3>{t(`questionnaires.results.audience.${r.audience}`)}</h3>
              <p class="muted">
                <Tag tone={r.status === 'submitted' ? 'green' : 'yellow'}>{t(`questionnaires.results.status.${r.status}`)}</Tag> <DateText value={r.submittedAt} /> · <LanguageName code={r.locale} /> ·{' '}
                {t('questionnaires.results.state.version', { version: versionNo.get(r.versionId) ?? 1 })}
              </p>
              <SummaryList
                rows={catalogue.map((e) => ({
                  key: (
                    <>
                      <bdi>{text(e.question.label, q.sourceLocale, e.code)}</bdi>{' '}
                      <code class="muted" dir="ltr">
                        {e.code}
                      </code>
                    </>
                  ),
                  value: <AnswerValue q={e.question} value={answerOf(r, e.code)} source={q.sourceLocale} lang={r.locale} />,
                }))}
              />
            </article>
          ))}
        </section>
        <section aria-labelledby="side-indicators" class="conflict__side">
          <h2 id="side-indicators">{t('questionnaires.results.state.indicators')}</h2>
          {indicators ? (
            <>
              <p>
                {t('questionnaires.results.state.report', { year: indicators.year, kind: indicators.kind })}{' '}
                <a href={`/${locale}/analysis/reports/${indicators.reportId}`}>{t('questionnaires.results.state.report_indicators')}</a>
              </p>
              <Table
                caption={t('questionnaires.results.state.indicators_caption', { year: indicators.year })}
                rows={indicators.items}
                columns={[
                  { header: t('questionnaires.results.state.indicator'), cell: (i: IndicatorSide['items'][number]) => i.title },
                  {
                    header: t('questionnaires.results.state.value'),
                    cell: (i: IndicatorSide['items'][number]) => (
                      <>
                        <Tag tone={tone[i.value]}>{t(`questionnaires.results.indicator.${i.value}`)}</Tag>
                        {i.decided ? <span class="muted"> {t('questionnaires.results.state.decided')}</span> : null}
                      </>
                    ),
                  },
                ]}
              />
            </>
          ) : (
            <p>{t('questionnaires.results.state.no_report')}</p>
          )}
        </section>
      </div>
    </Layout>
  );
}
