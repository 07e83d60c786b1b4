/**
 * The dashboard's charts as data (titles, series, rows, links), built once from the figures and
 * used for the SVG, the data tables and the CSV downloads alike, so they can never disagree.
 * The observations paper can build the same charts with its own translator and links.
 */
import type { ChartData, ChartRow } from './charts.tsx';
import { share, type Count, type CoverageGroup, type TrendCounts, type YearCoverage, type YearFigure } from './coverage-queries.ts';

export const CHART_IDS = ['cooperation', 'gender', 'quantitative', 'regions', 'state_types', 'indicators', 'trend'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface ChartTexts {
  t: (key: string, values?: Record<string, string | number>) => string;
  /** An indicator's title in the page's language. */
  indicatorTitle: (id: string) => string;
  formatNumber: (n: number) => string;
  formatPercent: (share: number) => string;
  /** Link to the reports behind a figure of a year (undefined: no links, e.g. in a CSV). */
  href?: ((year: number, figureKey: string) => string) | undefined;
}

const cell = (f: Count, year: number, key: string, x: ChartTexts) => ({ value: f.count, href: x.href?.(year, key) });

function groupRow(g: CoverageGroup, label: string, year: number, prefix: string, x: ChartTexts): ChartRow {
  const k = (m: string) => `${prefix}.${g.key}.${m}`;
  return {
    key: g.key,
    label,
    cells: [cell(g.withCooperationAndGender, year, k('withCooperationAndGender'), x), cell(g.withCooperationNoGender, year, k('withCooperationNoGender'), x), cell(g.withoutCooperation, year, k('withoutCooperation'), x), cell(g.notAnalysed, year, k('notAnalysed'), x)],
    total: cell(g.reports, year, k('reports'), x),
  };
}

function breakdownSeries(t: ChartTexts['t']) {
  return [
    { key: 'ca_gd', label: t('analysis.coverage.series.ca_gd') },
    { key: 'ca_no_gd', label: t('analysis.coverage.series.ca_no_gd') },
    { key: 'no_ca', label: t('analysis.coverage.series.no_ca') },
    { key: 'not_analysed', label: t('analysis.coverage.series.not_analysed') },
  ];
}

/**
 * A chart of one bar splitting the reports with cooperation and assistance information in two
 * (gender / no gender, quantitative / qualitative): each part as [series key, series label, figure].
 */
function withCooperationSplit(c: YearCoverage, id: 'gender' | 'quantitative', description: string, parts: [string, string, YearFigure][], x: ChartTexts): ChartData {
  const { t } = x;
  const year = String(c.year);
  return {
    id,
    title: t(`analysis.coverage.chart.${id}.title`, { year }),
    description,
    categoryHeader: t('analysis.coverage.col.reports_of'),
    totalHeader: t('analysis.coverage.col.with_ca'),
    series: parts.map(([key, label]) => ({ key, label: t(`analysis.coverage.series.${label}`) })),
    rows: [
      {
        key: 'with_ca',
        label: t('analysis.coverage.row.with_ca'),
        cells: parts.map(([, , figure]) => cell(c[figure], c.year, figure, x)),
        total: cell(c.withCooperation, c.year, 'withCooperation', x),
      },
    ],
  };
}

/** Every chart of the dashboard for a year (and the trend over the years given: coverageTrend or coverageTrendCounts). */
export function buildCharts(c: YearCoverage, trend: TrendCounts[], x: ChartTexts): Record<ChartId, ChartData> {
  const { t } = x;
  const y = c.year;
  const year = String(y);
  const pct = (part: Count, whole: Count) => x.formatPercent(share(part.count, whole.count));
  const n = x.formatNumber;
  const first = trend[0]?.year ?? y;
  const last = trend[trend.length - 1]?.year ?? y;
  const reportsHeader = t('analysis.coverage.col.reports');
  return {
    cooperation: {
      id: 'cooperation',
      title: t('analysis.coverage.chart.cooperation.title', { year }),
      description: t('analysis.coverage.chart.cooperation.desc', { year, with: n(c.withCooperation.count), total: n(c.reports.count), share: pct(c.withCooperation, c.reports), notAnalysed: n(c.notAnalysed.count) }),
      categoryHeader: t('analysis.coverage.col.reports_of'),
      totalHeader: reportsHeader,
      series: [
        { key: 'with_ca', label: t('analysis.coverage.series.with_ca') },
        { key: 'no_ca', label: t('analysis.coverage.series.no_ca') },
        { key: 'not_analysed', label: t('analysis.coverage.series.not_analysed') },
      ],
      rows: [
        {
          key: 'reports',
          label: t('analysis.coverage.row.reports', { year }),
          cells: [cell(c.withCooperation, y, 'withCooperation', x), cell(c.withoutCooperation, y, 'withoutCooperation', x), cell(c.notAnalysed, y, 'notAnalysed', x)],
          total: cell(c.reports, y, 'reports', x),
        },
      ],
    },
    gender: withCooperationSplit(c, 'gender', t('analysis.coverage.chart.gender.desc', { year, with: n(c.withCooperationAndGender.count), total: n(c.withCooperation.count), share: pct(c.withCooperationAndGender, c.withCooperation) }), [
      ['ca_gd', 'gd', 'withCooperationAndGender'],
      ['ca_no_gd', 'no_gd', 'withCooperationNoGender'],
    ], x),
    quantitative: withCooperationSplit(c, 'quantitative', t('analysis.coverage.chart.quantitative.desc', { year, quantitative: n(c.quantitative.count), qualitative: n(c.qualitative.count), total: n(c.withCooperation.count) }), [
      ['quantitative', 'quantitative', 'quantitative'],
      ['qualitative', 'qualitative', 'qualitative'],
    ], x),
    regions: {
      id: 'regions',
      title: t('analysis.coverage.chart.regions.title', { year }),
      description: t('analysis.coverage.chart.regions.desc', {
        year,
        list: c.byRegion.map((g) => t('analysis.coverage.chart.group_item', { group: t(`states.region.${g.key}`), with: n(g.withCooperation.count), total: n(g.reports.count) })).join('; '),
      }),
      categoryHeader: t('analysis.coverage.col.region'),
      totalHeader: reportsHeader,
      series: breakdownSeries(t),
      rows: c.byRegion.map((g) => groupRow(g, t(`states.region.${g.key}`), y, 'region', x)),
    },
    state_types: {
      id: 'state_types',
      title: t('analysis.coverage.chart.state_types.title', { year }),
      description: t('analysis.coverage.chart.state_types.desc', {
        year,
        list: c.byStateType.map((g) => t('analysis.coverage.chart.group_item', { group: t(`analysis.coverage.type.${g.key}`), with: n(g.withCooperation.count), total: n(g.reports.count) })).join('; '),
      }),
      categoryHeader: t('analysis.coverage.col.state_type'),
      totalHeader: reportsHeader,
      series: breakdownSeries(t),
      rows: c.byStateType.map((g) => groupRow(g, t(`analysis.coverage.type.${g.key}`), y, 'type', x)),
    },
    indicators: {
      id: 'indicators',
      title: t('analysis.coverage.chart.indicators.title', { year }),
      description: t('analysis.coverage.chart.indicators.desc', { year, total: n(c.analysed.count) }),
      categoryHeader: t('analysis.coverage.col.indicator'),
      totalHeader: t('analysis.coverage.col.analysed'),
      series: [
        { key: 'yes', label: t('analysis.coverage.series.yes') },
        { key: 'not_yes', label: t('analysis.coverage.series.not_yes') },
      ],
      rows: c.byIndicator.map((i) => ({
        key: i.indicatorId,
        label: x.indicatorTitle(i.indicatorId),
        cells: [cell(i.yes, y, `indicator.${i.indicatorId}`, x), { value: Math.max(0, c.analysed.count - i.yes.count) }],
        total: cell(c.analysed, y, 'analysed', x),
      })),
    },
    trend: {
      id: 'trend',
      title: t('analysis.coverage.chart.trend.title', { first: String(first), last: String(last) }),
      description: t('analysis.coverage.chart.trend.desc', {
        first: String(first),
        last: String(last),
        list: trend
          .filter((p) => p.reports.count > 0)
          .map((p) => t('analysis.coverage.chart.trend_item', { year: String(p.year), with: n(p.withCooperation.count), gender: n(p.withCooperationAndGender.count), total: n(p.reports.count) }))
          .join('; ') || t('analysis.coverage.chart.trend_none'),
      }),
      categoryHeader: t('analysis.coverage.col.year'),
      totalHeader: reportsHeader,
      series: breakdownSeries(t),
      rows: trend.map((p) => ({
        key: String(p.year),
        label: String(p.year),
        cells: [
          cell(p.withCooperationAndGender, p.year, 'withCooperationAndGender', x),
          cell(p.withCooperationNoGender, p.year, 'withCooperationNoGender', x),
          cell(p.withoutCooperation, p.year, 'withoutCooperation', x),
          cell(p.notAnalysed, p.year, 'notAnalysed', x),
        ],
        total: cell(p.reports, p.year, 'reports', x),
      })),
    },
  };
}
