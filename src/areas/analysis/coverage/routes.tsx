/**
 * The coverage dashboard: the page of a year, each chart's CSV, and the list of the reports
 * behind any number. Thin: parse → policy → query → render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { csvDocument } from '../../../platform/exports/csv.ts';
import type { Translator } from '../../../platform/i18n/messages.ts';
import { localized } from '../../states/index.ts';
import { indicatorDefinition } from '../indicators/definitions.ts';
import { assertCan, canUseAnalysis } from '../policy.ts';
import { chartCsvRows, memoFormat, percentFormat } from './charts.tsx';
import { coverageTrendCounts, coverageYears, figureByKey, yearCoverage } from './coverage-queries.ts';
import { selectReportsByIds } from './coverage-repository.ts';
import { buildCharts, CHART_IDS, type ChartTexts } from './dashboard-model.ts';
import { CoveragePage, CoverageReportsPage, figureLabel } from './views/dashboard.tsx';
import { signInRedirect } from '../../../platform/http/sign-in.ts';

/** Years the dashboard accepts (the Convention's reports start in 1999). */
export const MIN_YEAR = 1997;
export const MAX_YEAR = 2100;
/** The trend shows at most this many years, ending with the latest year that has reports. */
const TREND_YEARS = 30;

const yearField = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
  z
    .string({ error: 'analysis.coverage.year_invalid' })
    .regex(/^\d{4}$/, { error: 'analysis.coverage.year_invalid' })
    .transform(Number)
    .refine((y) => y >= MIN_YEAR && y <= MAX_YEAR, { error: 'analysis.coverage.year_invalid' })
    .optional(),
);

const pageQuery = z.object({ year: yearField });
const csvQuery = z.object({ year: yearField, chart: z.enum(CHART_IDS, { error: 'analysis.coverage.chart_invalid' }) });
/** Without a figure: every report of the year. */
const reportsQuery = z.object({ year: yearField, figure: z.string({ error: 'analysis.coverage.figure_invalid' }).min(1).max(80).optional() });


export function chartTexts(tr: Translator, locale: string, href?: ChartTexts['href']): ChartTexts {
  return {
    t: tr.t,
    indicatorTitle: (id) => {
      const d = indicatorDefinition(id);
      return d ? localized(d.title, locale) : id;
    },
    formatNumber: memoFormat((n) => tr.formatNumber(n)),
    formatPercent: percentFormat(tr),
    href,
  };
}

export function registerCoverageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  /** The year asked for, or the latest year with reports; and the years of the switch and trend. */
  async function years(asked: number | undefined) {
    const list = await coverageYears(db());
    const latest = list[0] ?? new Date().getUTCFullYear() - 1;
    const year = asked ?? latest;
    const last = list.length ? latest : Math.max(latest, year);
    const first = Math.max(list[list.length - 1] ?? last, last - TREND_YEARS + 1);
    return { list, year, trendRange: { first, last } };
  }

  async function load(year: number, trendRange: { first: number; last: number }) {
    const [coverage, trend] = await Promise.all([yearCoverage(db(), year), coverageTrendCounts(db(), trendRange.first, trendRange.last)]);
    return { coverage, trend };
  }

  app.get('/:locale/analysis/coverage', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canUseAnalysis(req.user));
    const parsed = parseForm(pageQuery, req.query, req.tr);
    reply.header('cache-control', 'no-store');
    const y = await years(parsed.ok ? parsed.data.year : undefined);
    if (!parsed.ok) {
      const typed = typeof (req.query as Record<string, unknown>)?.year === 'string' ? String((req.query as Record<string, unknown>).year).slice(0, 20) : '';
      return reply.page(<CoveragePage years={y.list} year={y.year} typedYear={typed} errors={parsed.errors} />, 422);
    }
    const { coverage, trend } = await load(y.year, y.trendRange);
    const base = `/${req.locale}/analysis/coverage`;
    const charts = buildCharts(coverage, trend, chartTexts(req.tr, req.locale, (year, key) => `${base}/reports?year=${year}&figure=${encodeURIComponent(key)}`));
    return reply.page(<CoveragePage years={y.list} year={y.year} coverage={coverage} charts={charts} />);
  });

  app.get('/:locale/analysis/coverage.csv', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canUseAnalysis(req.user));
    const parsed = parseForm(csvQuery, req.query, req.tr);
    if (!parsed.ok) throw new AppError('bad_request', parsed.errors.chart ? 'analysis.coverage.chart_invalid' : 'analysis.coverage.year_invalid');
    const y = await years(parsed.data.year);
    const { coverage, trend } = await load(y.year, y.trendRange);
    const chart = buildCharts(coverage, trend, chartTexts(req.tr, req.locale))[parsed.data.chart];
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="coverage-${chart.id}-${y.year}-${req.locale}.csv"`)
      .header('cache-control', 'no-store')
      .send(csvDocument(chartCsvRows(chart)));
  });

  app.get('/:locale/analysis/coverage/reports', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canUseAnalysis(req.user));
    const parsed = parseForm(reportsQuery, req.query, req.tr);
    if (!parsed.ok) throw new AppError('bad_request', parsed.errors.figure ? 'analysis.coverage.figure_invalid' : 'analysis.coverage.year_invalid');
    const y = await years(parsed.data.year);
    const coverage = await yearCoverage(db(), y.year);
    const key = parsed.data.figure ?? 'reports';
    const fig = figureByKey(coverage, key);
    if (!fig) throw notFound('analysis.coverage.figure_unknown');
    const label = figureLabel(req.tr.t, key, chartTexts(req.tr, req.locale).indicatorTitle);
    const rows = (await selectReportsByIds(db(), fig.reportIds))
      .map((r) => ({ ...r, stateName: localized(r.names as never, req.locale) }))
      .sort((a, b) => a.stateName.localeCompare(b.stateName, req.locale) || a.kind.localeCompare(b.kind));
    reply.header('cache-control', 'no-store');
    return reply.page(<CoverageReportsPage year={y.year} figureKey={key} label={label} rows={rows} />);
  });
}
