/**
 * What other areas, the composition root and the later parts of the analysis (dashboard,
 * follow-ups, observations paper, search) may use from the committee's analysis.
 */
export { registerAnalysisRoutes, analysisNavigation } from './register.ts';
export { scheduleAnalysisTasks, ANALYSIS_TASK } from './tasks.ts';

/* Reference data and demo data (src/seed.ts). */
export { seedAnalysisReference, seedDemoAnalysis } from './indicators/indicators-commands.ts';

/* Indicators: definitions, analysis and reviewers' decisions. */
export { INDICATORS, INDICATOR_IDS, GENDER_IN_COOPERATION, indicatorDefinition, type IndicatorDefinition, type IndicatorId } from './indicators/definitions.ts';
export { analyseReport, analysePendingReports, reanalyseReport, reanalyseYear, decideIndicator, loadDetectorLists, type AnalysisOutcome, type DecisionInput } from './indicators/indicators-commands.ts';
export {
  effectiveValue,
  decisionDiffers,
  getReportAnalysis,
  yearAnalysis,
  listIndicatorValues,
  listIndicators,
  listSubmittedYears,
  findReportFacts,
  type IndicatorValueRow,
  type ReportAnalysis,
  type YearAnalysis,
  type IndicatorRow,
  type ReportFacts,
  type ReportIndicatorRow,
} from './indicators/indicators-queries.ts';
export { narrativeTexts, structuredFindings, asSnapshot, type NarrativeText, type VersionSnapshot } from './indicators/snapshot.ts';

/* The detector and its normalisation (search can reuse the normalisation for its index). */
export { detect, compileLists, snippetAround, type Hit, type CompiledLists, type TermInput } from './detector/detector.ts';
export { normalise, normaliseText, tokenize, arabicForms } from './detector/normalise.ts';

/* Permissions shared by every analysis page. */
export { canUseAnalysis, canViewReportIndicators, canDecideIndicator, canReanalyse, canViewDetectorTerms, canEditDetectorTerms } from './policy.ts';

/* Pieces of the indicator pages other analysis pages may show (value tags, snippets). */
export { ValueTag, Snippet, indicatorAnchor } from './views/indicators-shared.tsx';

/* Follow-ups, as other areas link to them (engagement's evidence links). */
export { listFollowUps, type FollowUpSummary } from './followups/index.ts';

/* Charts drawn on the server (SVG with their data tables), for other areas' result pages. */
export { BarChart, ChartLegend, ChartTable, memoFormat, memoPercent, type ChartData } from './coverage/index.ts';
