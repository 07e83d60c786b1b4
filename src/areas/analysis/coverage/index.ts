/**
 * What the rest of the analysis (observations paper, follow-ups) may use from the coverage
 * dashboard: the figures of a year and across years (every figure with the reports behind it),
 * and the server-rendered SVG charts with their data tables.
 */
export {
  yearCoverage,
  coverageTrend,
  coverageTrendCounts,
  coverageYears,
  summariseYear,
  share,
  figure,
  STATE_TYPES,
  DONOR_INDICATOR,
  type Figure,
  type YearCoverage,
  type TrendPoint,
  type TrendCounts,
  type Count,
  type CoverageGroup,
  type IndicatorFigure,
  type StateType,
} from './coverage-queries.ts';
export { YEAR_FIGURES, GROUP_FIGURES, figureByKey, type YearFigure, type GroupFigure } from './coverage-queries.ts';

/* The dashboard's pages. */
export { registerCoverageRoutes } from './routes.tsx';

/* Charts: server-rendered accessible SVG with data tables, built from the figures (reusable by the paper). */
export { BarChart, ChartBlock, memoFormat, memoPercent, ChartLegend, ChartTable, ChartPatterns, chartCsvRows, type ChartData, type ChartRow, type ChartSeries, type ChartCell, type BarChartProps } from './charts.tsx';
export { buildCharts, CHART_IDS, type ChartId, type ChartTexts } from './dashboard-model.ts';
export { chartTexts } from './routes.tsx';
