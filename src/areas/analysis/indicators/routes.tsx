/**
 * The reviewer pages of the indicators: the reports of a year, one report's indicators with the
 * decision forms, and ISU's "analyse again". Thin: parse → policy → query or command → render or
 * redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, isAppError, notFound } from '../../../platform/errors.ts';
import { formBody, optionalText, parseForm } from '../../../platform/http/forms.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { CURRENT_FORMAT, getFormat } from '../../reporting/index.ts';
import { assertCan, canDecideIndicator, canReanalyse, canUseAnalysis, canViewReportIndicators } from '../policy.ts';
import { INDICATOR_VALUES } from '../schema.ts';
import { decideIndicator, reanalyseReport, reanalyseYear } from './indicators-commands.ts';
import { findReportFacts, getReportAnalysis, listIndicators, listSubmittedYears, REVIEW_FILTERS, yearAnalysis, type ReportFacts } from './indicators-queries.ts';
import { decisionField, noteField, ReportIndicatorsPage, type DecisionFormState } from '../views/indicators-report.tsx';
import { ReportsListPage, type ReportsFilterValues } from '../views/indicators-list.tsx';
import { signInRedirect } from '../../../platform/http/sign-in.ts';

type Req = FastifyRequest<{ Params: { locale: string; id: string; indicator?: string } }>;


const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const listQuery = z.object({
  year: z.preprocess(
    (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
    z.string().regex(/^\d{4}$/, { error: 'analysis.reports.year_invalid' }).transform(Number).optional(),
  ),
  state: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z]{2}$/, { error: 'analysis.reports.choose_listed' }).transform((s) => s.toUpperCase()).optional()),
  indicator: z.preprocess(blankToUndefined, z.string().max(60, { error: 'analysis.reports.choose_listed' }).optional()),
  value: z.preprocess(blankToUndefined, z.enum(INDICATOR_VALUES, { error: 'analysis.reports.choose_listed' }).optional()),
  review: z.preprocess(blankToUndefined, z.enum(REVIEW_FILTERS, { error: 'analysis.reports.choose_listed' }).optional()),
  analysed: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100_000).optional()),
});

/** The filter fields as typed (strings only, bounded), to show them again. */
function typedFilter(query: unknown): ReportsFilterValues {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).slice(0, 100) : undefined);
  return { year: s('year'), state: s('state'), indicator: s('indicator'), value: s('value'), review: s('review') };
}

const yearBody = z.object({
  year: z.preprocess((v) => (typeof v === 'string' ? normaliseDigits(v).trim() : v), z.string().regex(/^\d{4}$/).transform(Number)),
});

const decidedFlash = z.object({
  decided: z.string().max(60),
  outcome: z.enum(['confirmed', 'overridden', 'cleared']),
});

export function registerIndicatorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  /** A submitted report the user may review; 404 for unknown ids and reports never submitted. */
  async function loadReport(req: Req): Promise<ReportFacts> {
    const report = await findReportFacts(db(), req.params.id);
    if (!report) throw notFound();
    assertCan(canUseAnalysis(req.user));
    if (report.currentVersionNo === 0) throw notFound('analysis.report.not_submitted');
    assertCan(canViewReportIndicators(req.user, report));
    return report;
  }

  async function renderReport(req: Req, reply: FastifyReply, report: ReportFacts, extra: { form?: DecisionFormState; status?: number; decided?: { indicatorId: string; outcome: 'confirmed' | 'overridden' | 'cleared' }; analysed?: boolean } = {}) {
    const analysis = await getReportAnalysis(db(), report, req.locale);
    if (!analysis) throw notFound();
    const forms = (getFormat(analysis.version.formatVersion) ?? CURRENT_FORMAT).forms;
    return reply.page(
      <ReportIndicatorsPage
        analysis={analysis}
        forms={forms}
        canDecide={canDecideIndicator(req.user, report)}
        canReanalyse={canReanalyse(req.user)}
        decided={extra.decided}
        analysed={extra.analysed ?? false}
        form={extra.form}
      />,
      extra.status,
    );
  }

  app.get('/:locale/analysis/reports', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canUseAnalysis(req.user));
    const parsed = parseForm(listQuery, req.query, req.tr);
    const filter = parsed.ok ? parsed.data : {};
    const years = await listSubmittedYears(db());
    const year = filter.year ?? years[0] ?? new Date().getUTCFullYear() - 1;
    const data = await yearAnalysis(db(), { year, stateIso2: filter.state, indicatorId: filter.indicator, value: filter.value, review: filter.review }, req.locale);
    return reply.page(
      <ReportsListPage data={data} filter={typedFilter(req.query)} errors={parsed.ok ? undefined : parsed.errors} canReanalyse={canReanalyse(req.user)} analysed={parsed.ok ? filter.analysed : undefined} />,
      parsed.ok ? 200 : 422,
    );
  });

  app.post('/:locale/analysis/reports/analyse', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canReanalyse(req.user));
    const body = yearBody.safeParse(req.body);
    if (!body.success) throw new AppError('bad_request', 'request.invalid');
    const done = await reanalyseYear(deps.database, req.actor, req.user, body.data.year);
    return reply.redirect(`/${req.locale}/analysis/reports?year=${body.data.year}&analysed=${done.length}`, 303);
  });

  app.get('/:locale/analysis/reports/:id', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const report = await loadReport(req);
    const q = (req.query ?? {}) as Record<string, unknown>;
    const flash = decidedFlash.safeParse(q);
    return renderReport(req, reply, report, {
      ...(flash.success ? { decided: { indicatorId: flash.data.decided, outcome: flash.data.outcome } } : {}),
      analysed: q.analysed === '1',
    });
  });

  app.post('/:locale/analysis/reports/:id/analyse', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await reanalyseReport(deps.database, req.actor, req.user, req.params.id);
    return reply.redirect(`/${req.locale}/analysis/reports/${req.params.id}?analysed=1`, 303);
  });

  app.post('/:locale/analysis/reports/:id/indicators/:indicator', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const report = await loadReport(req);
    const indicatorId = req.params.indicator ?? '';
    const indicators = await listIndicators(db(), { activeOnly: true });
    if (!indicators.some((i) => i.id === indicatorId)) throw notFound();
    assertCan(canDecideIndicator(req.user, report));
    const dField = decisionField(indicatorId);
    const nField = noteField(indicatorId);
    const schema = z.object({
      version: z.coerce.number().int().min(1).max(2_147_483_647),
      [dField]: z.enum(['yes', 'no', 'clear'], { error: 'analysis.decision.choose' }),
      [nField]: optionalText(2000, { multiline: true }),
    });
    const body = formBody(req.body);
    const typed = { decision: typeof body[dField] === 'string' ? (body[dField] as string).slice(0, 10) : undefined, note: typeof body[nField] === 'string' ? (body[nField] as string).slice(0, 2000) : undefined };
    const form = parseForm(schema, body, req.tr);
    if (!form.ok) {
      if (form.errors.version) throw new AppError('bad_request', 'request.invalid');
      return renderReport(req, reply, report, { form: { indicatorId, values: typed, errors: form.errors }, status: 422 });
    }
    const choice = form.data[dField] as 'yes' | 'no' | 'clear';
    try {
      const row = await decideIndicator(deps.database, req.actor, req.user, {
        reportId: report.id,
        indicatorId,
        decision: choice === 'clear' ? null : choice,
        note: form.data[nField] as string | undefined,
        expectedVersion: Number(form.data.version),
      });
      const outcome = row.decision === null ? 'cleared' : row.decision === row.autoValue ? 'confirmed' : 'overridden';
      return reply.redirect(`/${req.locale}/analysis/reports/${report.id}?decided=${encodeURIComponent(indicatorId)}&outcome=${outcome}`, 303);
    } catch (e) {
      if (isAppError(e) && e.code === 'analysis.decision.note_required') {
        return renderReport(req, reply, report, { form: { indicatorId, values: typed, errors: { [nField]: req.tr.t('errors.analysis.decision.note_required') } }, status: 422 });
      }
      if (isAppError(e) && e.code === 'analysis.indicator.stale') {
        return renderReport(req, reply, report, { form: { indicatorId, values: typed, conflict: true }, status: 409 });
      }
      throw e;
    }
  });
}
