/**
 * The reports of a year with their indicators: how many reports say yes, no or nothing for each
 * indicator, and each report's counts, review progress and differences — filtered by State,
 * indicator value and review status.
 */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateText, ErrorSummary, NotificationBanner, PostForm, SelectField, Table, Tag } from '../../../platform/views/components.tsx';
import { INDICATOR_VALUES } from '../schema.ts';
import { REVIEW_FILTERS, type YearAnalysis, type YearReportRow, type IndicatorSummary } from '../indicators/indicators-queries.ts';
import { useLocalized, ValueTag } from './indicators-shared.tsx';

export interface ReportsFilterValues {
  year?: string | undefined;
  state?: string | undefined;
  indicator?: string | undefined;
  value?: string | undefined;
  review?: string | undefined;
}

export interface ReportsListPageProps {
  data: YearAnalysis;
  filter: ReportsFilterValues;
  errors?: Record<string, string> | undefined;
  canReanalyse: boolean;
  /** Reports just analysed again (ISU's "analyse the year again"). */
  analysed?: number | undefined;
}

export function ReportsListPage({ data, filter, errors, canReanalyse, analysed }: ReportsListPageProps) {
  const { t, locale, tr } = usePage();
  const l = useLocalized();
  const base = `/${locale}/analysis/reports`;
  const selected = filter.indicator ? data.indicators.find((i) => i.id === filter.indicator) : undefined;
  const counts = { cooperation: data.indicators.filter((i) => i.group === 'cooperation').length, gender: data.indicators.filter((i) => i.group === 'gender').length };
  const link = (q: Record<string, string | number>) => `${base}?${new URLSearchParams(Object.entries({ year: data.year, ...q }).map(([k, v]) => [k, String(v)])).toString()}`;
  return (
    <Layout title={t('analysis.reports.title')} wide before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('analysis.breadcrumbs.home') }, { label: t('analysis.reports.title') }]} />}>
      {errors && Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      {analysed !== undefined ? (
        <NotificationBanner kind="success">
          <p>{t('analysis.reports.analysed_banner', { count: analysed, year: String(data.year) })}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('analysis.reports.title')}</h1>
      <p class="lead">{t('analysis.reports.lead')}</p>
      <form method="get" action={base} class="filters" role="search" aria-label={t('analysis.reports.filters')}>
        <SelectField name="year" label={t('analysis.reports.filter.year')} value={filter.year ?? String(data.year)} error={errors?.year} options={(data.years.length ? data.years : [data.year]).map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField name="state" label={t('analysis.reports.filter.state')} value={filter.state} placeholder={t('analysis.reports.filter.any_state')} error={errors?.state} options={data.states.map((s) => ({ value: s.iso2.toLowerCase(), label: s.name }))} />
        <SelectField name="indicator" label={t('analysis.reports.filter.indicator')} value={filter.indicator} placeholder={t('analysis.reports.filter.any_indicator')} error={errors?.indicator} options={data.indicators.map((i) => ({ value: i.id, label: l(i.title) }))} />
        <SelectField name="value" label={t('analysis.reports.filter.value')} value={filter.value} placeholder={t('analysis.reports.filter.any_value')} error={errors?.value} options={INDICATOR_VALUES.map((v) => ({ value: v, label: t(`analysis.value.${v}`) }))} />
        <SelectField name="review" label={t('analysis.reports.filter.review')} value={filter.review} placeholder={t('analysis.reports.filter.any_review')} error={errors?.review} options={REVIEW_FILTERS.map((v) => ({ value: v, label: t(`analysis.reports.review.${v}`) }))} />
        <Button variant="secondary">{t('common.actions.filter')}</Button>
      </form>

      <Table<IndicatorSummary>
        caption={t('analysis.reports.summary_caption', { year: String(data.year), count: data.total })}
        rows={data.summary}
        empty={t('analysis.reports.empty_year')}
        columns={[
          {
            header: t('analysis.reports.col.indicator'),
            cell: (s) => (
              <>
                {l(s.indicator.title)} <bdi class="muted" dir="ltr">{s.indicator.actionIds.join(', ')}</bdi>
              </>
            ),
          },
          { header: t('analysis.value.yes'), numeric: true, cell: (s) => <a href={link({ indicator: s.indicator.id, value: 'yes' })}>{tr.formatNumber(s.yes)}</a> },
          { header: t('analysis.value.no'), numeric: true, cell: (s) => <a href={link({ indicator: s.indicator.id, value: 'no' })}>{tr.formatNumber(s.no)}</a> },
          { header: t('analysis.value.unknown'), numeric: true, cell: (s) => <a href={link({ indicator: s.indicator.id, value: 'unknown' })}>{tr.formatNumber(s.unknown)}</a> },
          { header: t('analysis.reports.col.decided'), numeric: true, cell: (s) => tr.formatNumber(s.decided) },
          { header: t('analysis.reports.col.differs'), numeric: true, cell: (s) => tr.formatNumber(s.differs) },
        ]}
      />

      <Table<YearReportRow>
        caption={t('analysis.reports.caption', { year: String(data.year), count: data.rows.length })}
        rows={data.rows}
        empty={t('analysis.reports.empty')}
        columns={[
          {
            header: t('analysis.reports.col.state'),
            cell: (r) => (
              <>
                <a href={`${base}/${r.report.id}`}>
                  <bdi>{r.stateName}</bdi>
                  {r.report.kind === 'initial' ? ` (${t('analysis.reports.initial')})` : ''}
                </a>
                {r.report.isDemo ? (
                  <>
                    {' '}
                    <Tag tone="purple">{t('analysis.demo_tag')}</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('analysis.reports.col.version'), numeric: true, cell: (r) => tr.formatNumber(r.report.currentVersionNo) },
          { header: t('analysis.reports.col.submitted'), cell: (r) => <DateText value={r.report.submittedAt} style="medium" /> },
          ...(selected
            ? [
                {
                  header: l(selected.title),
                  cell: (r: YearReportRow) => {
                    const v = r.values[selected.id];
                    return v ? <ValueTag value={v.value} /> : <span class="muted">—</span>;
                  },
                },
              ]
            : []),
          { header: t('analysis.reports.col.cooperation', { total: counts.cooperation }), numeric: true, cell: (r) => (r.analysed ? tr.formatNumber(r.yes.cooperation) : '—') },
          { header: t('analysis.reports.col.gender', { total: counts.gender }), numeric: true, cell: (r) => (r.analysed ? tr.formatNumber(r.yes.gender) : '—') },
          { header: t('analysis.reports.col.decided_of', { total: data.indicators.length }), numeric: true, cell: (r) => tr.formatNumber(r.decided) },
          { header: t('analysis.reports.col.differs'), numeric: true, cell: (r) => tr.formatNumber(r.differs) },
          {
            header: t('analysis.reports.col.analysis'),
            cell: (r) => (r.upToDate ? <Tag tone="green">{t('analysis.reports.analysed')}</Tag> : <Tag tone="yellow">{t('analysis.report.pending')}</Tag>),
          },
        ]}
      />
      <p>
        <a href={`/${locale}/analysis/terms`}>{t('analysis.reports.terms_link')}</a>
      </p>
      {canReanalyse && data.total ? (
        <PostForm action={`${base}/analyse`}>
          <input type="hidden" name="year" value={String(data.year)} />
          <p class="muted">{t('analysis.reports.reanalyse_hint')}</p>
          <Button variant="secondary">{t('analysis.reports.reanalyse', { year: String(data.year) })}</Button>
        </PostForm>
      ) : null}
    </Layout>
  );
}
