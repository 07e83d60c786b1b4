/**
 * The coverage dashboard page (headline figures, charts with their data tables and CSV links,
 * "how we count") and the list of the reports behind a figure.
 */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, ErrorSummary, NotificationBanner, SelectField, Table } from '../../../../platform/views/components.tsx';
import { ChartBlock, memoFormat, percentFormat } from '../charts.tsx';
import type { ChartData } from '../charts.tsx';
import { share, YEAR_FIGURES, type Figure, type YearCoverage, type YearFigure } from '../coverage-queries.ts';
import { CHART_IDS, type ChartId } from '../dashboard-model.ts';
import type { ReportListRow } from '../coverage-repository.ts';

/** The year switch: a GET form, so it works without JavaScript. */
function YearSwitch({ years, year, typed, error }: { years: number[]; year: number; typed?: string | undefined; error?: string | undefined }) {
  const { t, locale } = usePage();
  const all = [...new Set([...years, year])].sort((a, b) => b - a);
  return (
    <form method="get" action={`/${locale}/analysis/coverage`} class="filters" aria-labelledby="coverage-year-title">
      <h2 class="visually-hidden" id="coverage-year-title">
        {t('analysis.coverage.year.switch_title')}
      </h2>
      <SelectField name="year" label={t('analysis.coverage.year.label')} value={typed ?? String(year)} error={error} options={all.map((y) => ({ value: String(y), label: String(y) }))} />
      <Button variant="secondary">{t('analysis.coverage.year.show')}</Button>
    </form>
  );
}

function Headline({ label, figure, note, href }: { label: string; figure: Figure; note?: string | undefined; href: string }) {
  const { tr } = usePage();
  return (
    <div class="card">
      <h3>{label}</h3>
      <p class="lead">
        {figure.count > 0 ? <a href={href}>{tr.formatNumber(figure.count)}</a> : tr.formatNumber(figure.count)}
        {note ? <span class="muted"> · {note}</span> : null}
      </p>
    </div>
  );
}

/** The headline figures after the count of reports, each with the figure its percentage is of. */
const SHARES: [YearFigure, 'reports' | 'withCooperation'][] = [
  ['withCooperation', 'reports'],
  ['withCooperationAndGender', 'withCooperation'],
  ['withCooperationNoGender', 'withCooperation'],
  ['quantitative', 'withCooperation'],
  ['qualitative', 'withCooperation'],
];

export interface CoveragePageProps {
  years: number[];
  year: number;
  coverage?: YearCoverage | undefined;
  charts?: Record<ChartId, ChartData> | undefined;
  /** An invalid year typed in the address: shown again with the error, no figures. */
  typedYear?: string | undefined;
  errors?: Record<string, string> | undefined;
}

export function CoveragePage({ years, year, coverage, charts, typedYear, errors }: CoveragePageProps) {
  const { t, tr, locale, dir } = usePage();
  const pct = percentFormat(tr);
  const num = memoFormat((n) => tr.formatNumber(n));
  const title = t('analysis.coverage.title');
  const y = String(year);
  const base = `/${locale}/analysis/coverage`;
  const href = (key: string) => `${base}/reports?year=${year}&figure=${encodeURIComponent(key)}`;
  return (
    <Layout title={coverage ? t('analysis.coverage.title_year', { year: y }) : title} wide before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('analysis.breadcrumbs.home') }, { label: title }]} />}>
      {errors && Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      <h1>{coverage ? t('analysis.coverage.title_year', { year: y }) : title}</h1>
      <p class="lead">{t('analysis.coverage.lead')}</p>
      <YearSwitch years={years} year={year} typed={typedYear} error={errors?.year} />
      {coverage && charts ? (
        <>
          {coverage.reports.count === 0 ? (
            <NotificationBanner>
              <p>{t('analysis.coverage.no_reports', { year: y })}</p>
            </NotificationBanner>
          ) : null}
          {coverage.notAnalysed.count > 0 ? (
            <NotificationBanner kind="warning">
              <p>
                {t('analysis.coverage.not_analysed_banner', { count: coverage.notAnalysed.count })} <a href={href('notAnalysed')}>{t('analysis.coverage.see_reports')}</a>
              </p>
            </NotificationBanner>
          ) : null}
          <section aria-labelledby="coverage-figures">
            <h2 id="coverage-figures">{t('analysis.coverage.figures.title', { year: y })}</h2>
            <div class="cards">
              <Headline label={t('analysis.coverage.figure.reports')} figure={coverage.reports} href={href('reports')} />
              {SHARES.map(([key, of]) => (
                <Headline
                  key={key}
                  label={t(`analysis.coverage.figure.${key}`)}
                  figure={coverage[key]}
                  note={t(of === 'reports' ? 'analysis.coverage.percent_of_reports' : 'analysis.coverage.percent_of_ca', { percent: pct(share(coverage[key], coverage[of])) })}
                  href={href(key)}
                />
              ))}
            </div>
          </section>
          {CHART_IDS.map((id) => (
            <ChartBlock
              key={id}
              data={charts[id]}
              dir={dir}
              formatNumber={num}
              formatPercent={pct}
              csvHref={`${base}.csv?year=${year}&chart=${id}`}
              csvLabel={t('analysis.coverage.csv', { chart: charts[id].title })}
            >
              {id === 'state_types' ? <p>{t('analysis.coverage.state_types_note')}</p> : null}
            </ChartBlock>
          ))}
          <section aria-labelledby="coverage-how">
            <h2 id="coverage-how">{t('analysis.coverage.how.title')}</h2>
            <ul>
              <li>{t('analysis.coverage.how.reports')}</li>
              <li>{t('analysis.coverage.how.value')}</li>
              <li>{t('analysis.coverage.how.cooperation')}</li>
              <li>{t('analysis.coverage.how.gender')}</li>
              <li>{t('analysis.coverage.how.quantitative')}</li>
              <li>{t('analysis.coverage.how.regions')}</li>
              <li>{t('analysis.coverage.how.affected')}</li>
              <li>{t('analysis.coverage.how.donor')}</li>
            </ul>
            <p>
              <a href={`/${locale}/analysis/reports?year=${year}`}>{t('analysis.coverage.review_link', { year: y })}</a>
            </p>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

/** A figure's name in words, from its key (see figureByKey). */
export function figureLabel(t: (k: string, v?: Record<string, string | number>) => string, key: string, indicatorTitle: (id: string) => string): string {
  if ((YEAR_FIGURES as readonly string[]).includes(key)) return t(`analysis.coverage.figure.${key}`);
  if (key.startsWith('indicator.')) return t('analysis.coverage.figure.indicator', { indicator: indicatorTitle(key.slice('indicator.'.length)) });
  const m = /^(region|type)\.([a-z_]+)\.([A-Za-z]+)$/.exec(key);
  if (!m) return key;
  const group = m[1] === 'region' ? t(`states.region.${m[2]}`) : t(`analysis.coverage.type.${m[2]}`);
  return t('analysis.coverage.figure.in_group', { figure: t(`analysis.coverage.figure.${m[3]}`), group });
}

export function CoverageReportsPage({ year, label, rows }: { year: number; figureKey: string; label: string; rows: (ReportListRow & { stateName: string })[] }) {
  const { t, locale } = usePage();
  const title = t('analysis.coverage.reports.title', { figure: label, year: String(year) });
  return (
    <Layout
      title={title}
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('analysis.breadcrumbs.home') },
            { href: `/${locale}/analysis/coverage?year=${year}`, label: t('analysis.coverage.title') },
            { label: t('analysis.coverage.reports.breadcrumb') },
          ]}
        />
      }
    >
      <h1>{title}</h1>
      <p class="lead">{t('analysis.coverage.reports.lead', { count: rows.length })}</p>
      <Table
        caption={t('analysis.coverage.reports.caption', { figure: label, year: String(year), count: rows.length })}
        rows={rows}
        empty={t('analysis.coverage.reports.empty')}
        columns={[
          { header: t('analysis.coverage.reports.col.state'), cell: (r) => <bdi>{r.stateName}</bdi> },
          { header: t('analysis.coverage.reports.col.report'), cell: (r) => t(`analysis.coverage.reports.kind.${r.kind}`, { year: String(r.year) }) },
          { header: t('analysis.coverage.reports.col.indicators'), cell: (r) => <a href={`/${locale}/analysis/reports/${r.reportId}`}>{t('analysis.coverage.reports.open', { state: r.stateName })}</a> },
        ]}
      />
      <p>
        <a href={`/${locale}/analysis/coverage?year=${year}#coverage-figures`}>{t('analysis.coverage.reports.back', { year: String(year) })}</a>
      </p>
    </Layout>
  );
}
