/**
 * What the rest of the analysis (observations paper, follow-ups) may use from the coverage
 * dashboard: the figures of a year and across years (every figure with the reports behind it),
 * and the server-rendered SVG charts with their data tables.
 */
export {
  yearCoverage,
  coverageTrend,
  coverageYears,
  summariseYear,
  share,
  figure,
  STATE_TYPES,
  DONOR_INDICATOR,
  type Figure,
  type YearCoverage,
  type TrendPoint,
  type CoverageGroup,
  type IndicatorFigure,
  type StateType,
} from './coverage-queries.ts';
