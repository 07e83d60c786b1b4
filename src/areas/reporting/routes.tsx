import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, hidden, isAppError, notFound } from '../../platform/errors.ts';
import { formBody, userText } from '../../platform/http/forms.ts';
import type { References } from '../../platform/forms/render.tsx';
import { isStaff, type Principal } from '../accounts/index.ts';
import { findState, listStates, stateName } from '../states/index.ts';
import { getFormat, getFormDef } from './formats.ts';
import { obligationsOf } from './report.ts';
import {
  acknowledgeReport,
  addComment,
  changedFields,
  checkReport,
  createReport,
  markFormNotApplicable,
  markFormUnchanged,
  previousSnapshot,
  publishReport,
  returnForClarification,
  saveForm,
  startCorrection,
  submitReport,
} from './reports-commands.ts';
import * as repo from './reports-repository.ts';
import {
  canComment,
  canCreateReport,
  canEditReport,
  canReview,
  canSeeStateDashboard,
  canStartCorrection,
  canSubmitReport,
  canViewPublished,
  canViewSubmitted,
  visibleVersions,
  canViewAttachment,
  canViewWorkingCopy,
} from './policy.ts';
import { MyStatePage, type ObligationRow } from './views/my.tsx';
import { TaskListPage } from './views/task-list.tsx';
import { ConflictPage, FormPage } from './views/form-page.tsx';
import { CheckPage, SubmittedPage, explanationField } from './views/check.tsx';
import { PublicReportsPage, ReportViewPage } from './views/report-view.tsx';
import { ReviewListPage, ReviewPage } from './views/review.tsx';
import { registerReportExportRoutes } from './export-routes.tsx';
import { ComparePage, type FormChanges } from './views/compare.tsx';
import multipart from '@fastify/multipart';
import { findFile, sendFile } from '../../platform/files/files.ts';
import { PageCache, PUBLIC_PAGE_FRESH_MS, anonymousReader, currentGeneration, sendCachedPage, servePublicPage } from '../../platform/http/page-cache.ts';
import { addAttachment, removeAttachment } from './attachments-commands.ts';
import { AttachmentsPage } from './views/attachments.tsx';
import { StateReportsSection } from './views/state-reports.tsx';
import { DataPage } from './views/data.tsx';
import { diffValues } from '../../platform/forms/diff.ts';
import type { ReportSnapshot } from './reports-commands.ts';
import { formStatusText, reportTitle as reportTitleFor } from './views/shared.tsx';
import { registerReportApiRoutes } from './api-routes.ts';
import { signInRedirect } from '../../platform/http/sign-in.ts';

type Req = FastifyRequest<{ Params: { locale: string; id: string; form: string }; Querystring: Record<string, string | undefined> }>;

const FLASHES = new Set(['saved', 'completed', 'unchanged', 'not_applicable', 'submitted', 'acknowledged', 'published', 'returned', 'correction', 'comment', 'created']);
const flashOf = (q: Record<string, string | undefined>) => (q.flash && FLASHES.has(q.flash) ? q.flash : undefined);

/** Typed multi-line text as every text field keeps it (no NUL, controls or bidi overrides; trimmed). */
const multiline = (v: unknown) => (typeof v === 'string' ? userText(v, { multiline: true }) : v);


const versionField = z.object({ _version: z.coerce.number().int().min(1).max(1_000_000_000) });

export function registerReportingRoutes(deps: AppDeps) {
  const db = () => deps.database.db;

  async function references(reportId?: string): Promise<References> {
    const mines = await repo.listMineTypes(db());
    const refs: References = { mineTypes: mines.map((m) => ({ value: m.code, label: m.name })) };
    if (reportId) refs.__attachments = (await repo.listAttachments(db(), reportId)).map((a) => ({ value: a.fileId, label: a.filename }));
    return refs;
  }

  async function loadReport(req: Req) {
    const report = await repo.findReport(db(), req.params.id);
    if (!report) throw notFound();
    const state = await findState(db(), report.stateIso2);
    if (!state) throw notFound();
    return { report, state, name: stateName(state, req.locale) };
  }

  /** The working copy pages: sign in first; then the State's users and ISU only. */
  async function loadWorkingCopy(req: Req, reply: FastifyReply) {
    if (!req.user) {
      signInRedirect(req, reply);
      return undefined;
    }
    const loaded = await loadReport(req);
    if (!canViewWorkingCopy(req.user, loaded.report)) throw new AppError('forbidden', 'forbidden');
    return loaded;
  }

  // The State page shows the reports the reader may see: published ones, or all submitted ones for staff/committee/own State.
  deps.slots.provide('state-page', async (req, { iso2, stateName: name }) => {
    const reports = (await repo.listReportsOfState(db(), iso2)).filter((r) => canViewSubmitted(req.user, r) || canViewPublished(req.user, r));
    return <StateReportsSection stateName={name} reports={reports} showStatus={reports.some((r) => canViewSubmitted(req.user, r))} />;
  });

  return (app: FastifyInstance) => {
    /* ----- A State's reporting dashboard ----- */
    app.get<{ Params: { locale: string }; Querystring: { flash?: string } }>('/:locale/my', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      if (!canSeeStateDashboard(req.user)) throw new AppError('forbidden', 'forbidden');
      const state = await findState(db(), req.user.stateIso2!);
      if (!state) throw notFound();
      const thisYear = new Date().getUTCFullYear();
      const obligations = obligationsOf({ eifDate: state.eifDate, withdrawalEffectiveDate: state.withdrawalEffectiveDate }, thisYear - 1).reverse();
      const reports = await repo.listReportsOfState(db(), state.iso2);
      const today = new Date().toISOString().slice(0, 10);
      const rows: ObligationRow[] = obligations.slice(0, 8).map((o) => {
        const report = reports.find((r) => r.kind === o.kind && r.year === o.year);
        return { obligation: o, report, overdue: !report && o.dueDate < today };
      });
      const hasPrevious = reports.some((r) => r.currentVersionNo > 0);
      return reply.page(<MyStatePage stateName={stateName(state, req.locale)} rows={rows} canCreate={canCreateReport(req.user, state.iso2)} hasPrevious={hasPrevious} created={req.query.flash === 'created'} />);
    });

    const createSchema = z.object({
      kind: z.enum(['initial', 'annual']),
      year: z.coerce.number().int().min(1999).max(2100),
      startFrom: z.enum(['previous', 'blank']).default('blank'),
    });
    app.post<{ Params: { locale: string } }>('/:locale/reports', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const parsed = createSchema.safeParse(formBody(req.body));
      if (!parsed.success) throw new AppError('validation', 'report.invalid_request');
      const stateIso2 = req.user.stateIso2;
      if (!stateIso2) throw new AppError('forbidden', 'forbidden');
      const report = await createReport(deps, req.actor, req.user, { stateIso2, kind: parsed.data.kind, year: parsed.data.year, startFromPrevious: parsed.data.startFrom === 'previous' });
      return reply.redirect(`/${req.locale}/reports/${report.id}/edit?flash=created`, 303);
    });

    /* ----- Task list ----- */
    app.get('/:locale/reports/:id/edit', async (req: Req, reply) => {
      const loaded = await loadWorkingCopy(req, reply);
      if (!loaded) return reply;
      const { report, name } = loaded;
      const format = getFormat(report.formatVersion);
      if (!format) throw notFound();
      const [rows, comments, versions, attachments] = await Promise.all([repo.listForms(db(), report.id), repo.listComments(db(), report.id), repo.listVersions(db(), report.id), repo.listAttachments(db(), report.id)]);
      return reply.page(
        <TaskListPage
          report={report}
          stateName={name}
          forms={format.forms}
          rows={rows}
          comments={comments}
          versions={versions}
          attachmentCount={attachments.length}
          canEdit={canEditReport(req.user, report)}
          canSubmit={canSubmitReport(req.user, report)}
          canCorrect={canStartCorrection(req.user, report)}
          flash={flashOf(req.query)}
        />,
      );
    });

    /* ----- One form ----- */
    async function renderForm(req: Req, reply: FastifyReply, extra: { values?: Record<string, Record<string, unknown>>; raw?: Record<string, string>; issues?: import('../../platform/forms/definition.ts').Issue[]; status?: number; addRow?: string } = {}) {
      const loaded = await loadWorkingCopy(req, reply);
      if (!loaded) return reply;
      const { report, name } = loaded;
      const def = getFormDef(report.formatVersion, req.params.form);
      if (!def) throw notFound();
      const row = await repo.findForm(db(), report.id, def.id);
      if (!row) throw notFound();
      let values = extra.values ?? row.values;
      const addRow = extra.addRow ?? req.query.add;
      if (addRow && /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/.test(addRow)) {
        const [s, f] = addRow.split('.') as [string, string];
        const field = def.sections.find((x) => x.id === s)?.fields.find((x) => x.id === f);
        if (field?.type === 'table') {
          const rows = Array.isArray(values[s]?.[f]) ? (values[s]![f] as unknown[]) : [];
          values = { ...values, [s]: { ...values[s], [f]: [...rows, { _id: `new${rows.length}` }] } };
        }
      }
      const [comments, prev] = await Promise.all([repo.listComments(db(), report.id), previousSnapshot(db(), report)]);
      const carried = prev?.snapshot.forms[def.id];
      return reply.page(
        <FormPage
          report={report}
          stateName={name}
          def={def}
          row={row}
          values={values}
          raw={extra.raw ?? {}}
          issues={extra.issues ?? []}
          references={await references(report.id)}
          comments={comments.filter((c) => c.formId === def.id)}
          canEdit={canEditReport(req.user, report)}
          canComment={canComment(req.user, report)}
          hasPrevious={!!carried && carried.status !== 'not_applicable' && carried.status !== 'not_started'}
          flash={flashOf(req.query)}
        />,
        extra.status,
      );
    }

    app.get('/:locale/reports/:id/forms/:form', async (req: Req, reply) => renderForm(req, reply));

    /** The conflict page (409): what was saved meanwhile next to what this person sent, to choose field by field. */
    async function renderConflict(req: Req, reply: FastifyReply, result: Extract<Awaited<ReturnType<typeof saveForm>>, { kind: 'conflict' }>, body: Record<string, unknown>) {
      const loaded = await loadReport(req);
      const def = getFormDef(loaded.report.formatVersion, req.params.form)!;
      return reply.page(
        <ConflictPage
          report={loaded.report}
          stateName={loaded.name}
          def={def}
          theirs={result.current.values}
          mine={result.mine}
          changed={changedFields(def, result.current.values, result.mine)}
          currentVersion={result.current.version}
          body={body}
          references={await references(loaded.report.id)}
        />,
        409,
      );
    }

    app.post('/:locale/reports/:id/forms/:form', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const body: Record<string, unknown> = formBody(req.body);
      const version = versionField.safeParse(body);
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      const action = typeof body._action === 'string' ? body._action.slice(0, 200) : 'save';
      const autosave = req.headers['x-autosave'] === '1';
      const removeRow = action.startsWith('remove:') ? action.slice('remove:'.length) : undefined;
      const result = await saveForm(deps, req.actor, req.user, {
        reportId: req.params.id,
        formId: req.params.form,
        expectedVersion: version.data._version,
        body,
        completed: action === 'complete',
        removeRow,
      });
      if (autosave) {
        if (result.kind === 'saved') return reply.send({ status: 'saved', version: result.form.version, savedAt: result.form.updatedAt, rowIds: result.newRowIds });
        if (result.kind === 'conflict') return reply.code(409).send({ status: 'conflict' });
        return reply.code(422).send({ status: 'invalid', errors: result.parsed.issues.map((i) => ({ path: i.path, message: req.tr.t(i.message, i.values) })) });
      }
      if (result.kind === 'invalid') {
        const row = await repo.findForm(db(), req.params.id, req.params.form);
        return renderForm(req, reply, { values: mergeForDisplay(row?.values ?? {}, result.parsed.values), raw: result.parsed.raw, issues: result.parsed.issues, status: 422 });
      }
      if (result.kind === 'conflict') return renderConflict(req, reply, result, body);
      const base = `/${req.locale}/reports/${req.params.id}`;
      if (action.startsWith('add:')) return reply.redirect(`${base}/forms/${req.params.form}?add=${encodeURIComponent(action.slice(4))}`, 303);
      if (removeRow) return reply.redirect(`${base}/forms/${req.params.form}?flash=saved`, 303);
      if (action === 'complete' && result.form.status !== 'complete') {
        return renderForm(req, reply, { issues: result.issues.filter((i) => i.severity === 'error'), status: 422 });
      }
      return reply.redirect(`${base}/edit?flash=${action === 'complete' ? 'completed' : 'saved'}`, 303);
    });

    app.post('/:locale/reports/:id/forms/:form/resolve', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const body: Record<string, unknown> = formBody(req.body);
      const version = versionField.safeParse(body);
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      const keepMine = Object.entries(body)
        .filter(([k, v]) => k.startsWith('keep.') && v === 'mine')
        .map(([k]) => k.slice(5));
      const result = await saveForm(deps, req.actor, req.user, { reportId: req.params.id, formId: req.params.form, expectedVersion: version.data._version, body, keepMine });
      if (result.kind === 'invalid') return renderForm(req, reply, { raw: result.parsed.raw, issues: result.parsed.issues, status: 422 });
      // Saved again by someone while this person was choosing: choose again against that save.
      if (result.kind === 'conflict') return renderConflict(req, reply, result, body);
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/edit?flash=saved`, 303);
    });

    app.post('/:locale/reports/:id/forms/:form/unchanged', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const version = versionField.safeParse(formBody(req.body));
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      await markFormUnchanged(deps, req.actor, req.user, { reportId: req.params.id, formId: req.params.form, expectedVersion: version.data._version });
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/edit?flash=unchanged`, 303);
    });

    app.post('/:locale/reports/:id/forms/:form/not-applicable', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const version = versionField.safeParse(formBody(req.body));
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      await markFormNotApplicable(deps, req.actor, req.user, { reportId: req.params.id, formId: req.params.form, expectedVersion: version.data._version });
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/edit?flash=not_applicable`, 303);
    });

    const commentSchema = z.object({ body: z.preprocess(multiline, z.string().min(1, { error: 'reporting.thread.body_required' }).max(5000)) });
    app.post('/:locale/reports/:id/forms/:form/comments', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const parsed = commentSchema.safeParse(formBody(req.body));
      if (!parsed.success) throw new AppError('validation', 'report.comment_required');
      const report = await repo.findReport(db(), req.params.id);
      if (!report || !getFormDef(report.formatVersion, req.params.form)) throw notFound();
      await addComment(deps, req.actor, req.user, { reportId: report.id, formId: req.params.form, body: parsed.data.body });
      return reply.redirect(`/${req.locale}/reports/${report.id}/forms/${req.params.form}?flash=comment`, 303);
    });

    /* ----- Check your answers and submit ----- */
    async function renderCheck(req: Req, reply: FastifyReply, errors?: Record<string, string>, values?: Record<string, unknown>, status?: number) {
      const loaded = await loadWorkingCopy(req, reply);
      if (!loaded) return reply;
      const format = getFormat(loaded.report.formatVersion)!;
      const rows = await repo.listForms(db(), loaded.report.id);
      const check = await checkReport(db(), loaded.report, rows);
      return reply.page(<CheckPage report={loaded.report} stateName={loaded.name} forms={format.forms} rows={rows} check={check} canSubmit={canSubmitReport(req.user, loaded.report)} references={await references(loaded.report.id)} errors={errors} values={values} />, status);
    }
    app.get('/:locale/reports/:id/check', async (req: Req, reply) => renderCheck(req, reply));

    const submitSchema = z.object({
      _version: z.coerce.number().int().min(1),
      visibility: z.enum(['public', 'restricted'], { error: 'reporting.check.visibility_required' }),
      declaration: z.literal('on').optional(),
      reason: z.preprocess(multiline, z.string().max(2000).optional()),
    });
    app.post('/:locale/reports/:id/submit', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const body: Record<string, unknown> = formBody(req.body);
      const parsed = submitSchema.safeParse(body);
      if (!parsed.success) return renderCheck(req, reply, { visibility: req.tr.t('reporting.check.visibility_required') }, body, 422);
      const explanations: Record<string, string> = {};
      const tooLong: Record<string, string> = {};
      for (const [k, v] of Object.entries(body)) {
        if (!k.startsWith('explain.') || typeof v !== 'string') continue;
        const text = userText(v, { multiline: true });
        // Refused when too long, never cut short.
        if (text.length > 2000) tooLong[k] = req.tr.t('forms.errors.too_long', { max: 2000 });
        explanations[k.slice('explain.'.length)] = text;
      }
      if (Object.keys(tooLong).length) return renderCheck(req, reply, tooLong, body, 422);
      try {
        await submitReport(deps, req.actor, req.user, {
          reportId: req.params.id,
          expectedVersion: parsed.data._version,
          visibility: parsed.data.visibility,
          declaration: parsed.data.declaration === 'on',
          explanations,
          reason: parsed.data.reason,
        });
      } catch (e) {
        if (!isAppError(e) || e.kind !== 'validation') throw e;
        const errors: Record<string, string> = {};
        if (e.code === 'report.declaration_required') errors.declaration = req.tr.t('errors.report.declaration_required');
        else if (e.code === 'report.reason_required') errors.reason = req.tr.t('errors.report.reason_required');
        else if (e.code === 'report.explanations_required') for (const p of (e.details?.paths as string[]) ?? []) errors[`explain.${p}`] = req.tr.t('errors.report.explanation_required');
        else errors._form = req.tr.t(`errors.${e.code}`);
        return renderCheck(req, reply, errors, body, 422);
      }
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/submitted`, 303);
    });

    app.get('/:locale/reports/:id/submitted', async (req: Req, reply) => {
      const loaded = await loadWorkingCopy(req, reply);
      if (!loaded) return reply;
      if (loaded.report.currentVersionNo === 0) return reply.redirect(`/${req.locale}/reports/${loaded.report.id}/edit`, 303);
      return reply.page(<SubmittedPage report={loaded.report} stateName={loaded.name} />);
    });

    app.post('/:locale/reports/:id/correction', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const version = versionField.safeParse(formBody(req.body));
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      await startCorrection(deps, req.actor, req.user, req.params.id, version.data._version);
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/edit?flash=correction`, 303);
    });

    /* ----- Review by the ISU ----- */
    app.get<{ Params: { locale: string } }>('/:locale/review', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      if (!canReview(req.user)) throw new AppError('forbidden', 'forbidden');
      const reports = await repo.listReports(db(), { statuses: ['submitted', 'acknowledged', 'returned'], limit: 500 });
      const names = await stateNames(req.locale);
      return reply.page(<ReviewListPage rows={reports.map((r) => ({ report: r, stateName: names.get(r.stateIso2) ?? r.stateIso2 }))} />);
    });

    async function renderReview(req: Req, reply: FastifyReply, errors?: Record<string, string>, status?: number) {
      if (!req.user) return signInRedirect(req, reply);
      if (!canReview(req.user)) throw new AppError('forbidden', 'forbidden');
      const { report, name } = await loadReport(req);
      if (report.currentVersionNo === 0) throw notFound();
      const version = await repo.findVersion(db(), report.id, report.currentVersionNo);
      const format = getFormat(report.formatVersion);
      if (!version || !format) throw notFound();
      return reply.page(<ReviewPage report={report} stateName={name} version={version} forms={format.forms} references={await references(report.id)} comments={await repo.listComments(db(), report.id)} errors={errors} flash={flashOf(req.query)} />, status);
    }
    app.get('/:locale/reports/:id/review', async (req: Req, reply) => renderReview(req, reply));

    app.post('/:locale/reports/:id/acknowledge', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const version = versionField.safeParse(formBody(req.body));
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      await acknowledgeReport(deps, req.actor, req.user, req.params.id, version.data._version);
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/review?flash=acknowledged`, 303);
    });

    app.post('/:locale/reports/:id/publish', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const version = versionField.safeParse(formBody(req.body));
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      await publishReport(deps, req.actor, req.user, req.params.id, version.data._version);
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/review?flash=published`, 303);
    });

    app.post('/:locale/reports/:id/return', async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const body: Record<string, unknown> = formBody(req.body);
      const version = versionField.safeParse(body);
      if (!version.success) throw new AppError('bad_request', 'request.invalid');
      const report = await repo.findReport(db(), req.params.id);
      if (!report) throw notFound();
      const format = getFormat(report.formatVersion)!;
      const comments: { formId: string | null; body: string }[] = [];
      const tooLong: Record<string, string> = {};
      for (const formId of [null, ...format.forms.map((f) => f.id)]) {
        const name = `comment.${formId ?? '_report'}`;
        const v = body[name];
        const text = typeof v === 'string' ? userText(v, { multiline: true }) : '';
        if (text.length > 5000) tooLong[name] = req.tr.t('forms.errors.too_long', { max: 5000 });
        else if (text) comments.push({ formId, body: text });
      }
      if (Object.keys(tooLong).length) return renderReview(req, reply, tooLong, 422);
      if (!comments.length) return renderReview(req, reply, { 'comment._report': req.tr.t('errors.report.comment_required') }, 422);
      await returnForClarification(deps, req.actor, req.user, { reportId: report.id, expectedVersion: version.data._version, comments });
      return reply.redirect(`/${req.locale}/reports/${report.id}/review?flash=returned`, 303);
    });

    /* ----- Reading reports ----- */
    async function stateNames(locale: string) {
      const all = await listStates(db(), {});
      return new Map(all.map((i) => [i.state.iso2, stateName(i.state, locale)]));
    }

    // The list and the open-data page: anonymous readers get them from memory (page-cache.ts),
    // rebuilt from the database at most once per freshness window.
    const listPages = new PageCache({ freshMs: PUBLIC_PAGE_FRESH_MS, max: 300 });
    // Built once: making a Zod schema costs more than serving a cached page.
    const listQuery = z.object({ state: z.string().regex(/^[A-Za-z]{2}$/).optional().catch(undefined), year: z.coerce.number().int().min(1999).max(2100).optional().catch(undefined) });
    app.get<{ Params: { locale: string }; Querystring: { state?: string; year?: string } }>('/:locale/reports', async (req, reply) => {
      // Only the filters' own parameters (as the filter form sends them) are kept in memory.
      const cacheable = /^[^?]*(\?(?:(?:state=[A-Za-z]{0,2}|year=\d{0,4})(?:&(?!$)|$))+)?$/.test(req.url);
      return servePublicPage(
        req,
        reply,
        listPages,
        async () => {
          const q = listQuery.parse(req.query);
          const reports = await repo.listReports(db(), { stateIso2: q.state?.toUpperCase(), year: q.year, publishedOnly: true, publicOnly: !req.user, limit: 500 });
          const names = await stateNames(req.locale);
          const rows = reports.map((r) => ({ report: r, stateName: names.get(r.stateIso2) ?? r.stateIso2 })).sort((a, b) => b.report.year - a.report.year || req.tr.compare(a.stateName, b.stateName));
          const years = [...new Set((await repo.listReports(db(), { publishedOnly: true, publicOnly: !req.user, limit: 1000 })).map((r) => r.year))].sort((a, b) => b - a);
          const statesOptions = [...names].map(([value, label]) => ({ value, label })).sort((a, b) => req.tr.compare(a.label, b.label));
          return <PublicReportsPage rows={rows} years={years} filters={{ state: q.state?.toUpperCase(), year: q.year }} statesOptions={statesOptions} />;
        },
        cacheable,
      );
    });

    // Anonymous readers of a published report get it from memory (page-cache.ts): within the
    // freshness window without touching the database; after it, once the report and the State's
    // other reports (the stamp: everything the page shows that can change) are found unchanged.
    const reportPages = new PageCache({ freshMs: PUBLIC_PAGE_FRESH_MS, max: 1000 });
    app.get('/:locale/reports/:id', async (req: Req, reply) => {
      const key = anonymousReader(req) && /^[^?]*(\?version=\d{1,6})?$/.test(req.url) ? req.url : undefined;
      const generation = currentGeneration(req);
      const quick = key ? reportPages.fresh(key, generation) : undefined;
      if (quick) return sendCachedPage(req, reply, quick);
      const { report, state, name } = await loadReport(req);
      const internal = canViewSubmitted(req.user, report);
      const publicOk = canViewPublished(req.user, report);
      if (!internal && !publicOk) {
        if (!req.user && report.publishedVersionNo !== null) return signInRedirect(req, reply);
        throw hidden();
      }
      const stateReports = await repo.listReportsOfState(db(), report.stateIso2);
      const stamp = key && !internal ? `${state.version}|${stateReports.map((r) => `${r.id}:${r.version}`).join(',')}` : undefined;
      const cached = stamp !== undefined ? reportPages.confirm(key!, stamp, generation) : undefined;
      if (cached) return sendCachedPage(req, reply, cached);
      const all = await repo.listVersions(db(), report.id);
      const versions = visibleVersions(req.user, report, all);
      const wanted = req.query.version ? Number.parseInt(req.query.version, 10) : internal ? report.currentVersionNo : report.publishedVersionNo!;
      const version = versions.find((v) => v.versionNo === wanted);
      if (!version) throw notFound();
      const format = getFormat(version.formatVersion);
      if (!format) throw notFound();
      const others = stateReports.filter((r) => r.id !== report.id && (canViewSubmitted(req.user, r) || canViewPublished(req.user, r)));
      const page = <ReportViewPage report={report} stateName={name} stateIso2={state.iso2} version={version} versions={versions} forms={format.forms} references={await references()} otherYears={others} internal={internal} />;
      if (stamp === undefined) return reply.page(page);
      const { html, shared } = reply.renderShared(page);
      if (!shared) return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
      return sendCachedPage(req, reply, reportPages.store(key!, html, stamp, generation));
    });

    /* ----- Open data ----- */
    app.get<{ Params: { locale: string } }>('/:locale/data', async (req, reply) =>
      servePublicPage(
        req,
        reply,
        listPages,
        async () => {
          const published = await repo.listReports(db(), { publishedOnly: true, publicOnly: true, limit: 1000 });
          const counts = new Map<number, number>();
          for (const r of published) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
          const years = [...counts].map(([year, n]) => ({ year, published: n })).sort((a, b) => b.year - a.year);
          return <DataPage years={years} />;
        },
        !req.url.includes('?'),
      ),
    );

    /* ----- Comparing versions and years ----- */
    app.get('/:locale/reports/:id/compare', async (req: Req, reply) => {
      const { report, name } = await loadReport(req);
      const internal = canViewSubmitted(req.user, report);
      if (!internal && !canViewPublished(req.user, report)) {
        if (!req.user && report.publishedVersionNo !== null) return signInRedirect(req, reply);
        throw hidden();
      }
      const visible = async (r: typeof report) => {
        const all = await repo.listVersions(db(), r.id);
        return canViewSubmitted(req.user, r) || canViewPublished(req.user, r) ? visibleVersions(req.user, r, all) : [];
      };
      const versions = await visible(report);
      const num = (v: string | undefined) => (v && /^\d{1,6}$/.test(v) ? Number(v) : undefined);
      const t = req.tr.t;
      let before: (typeof versions)[number] | undefined;
      let after: (typeof versions)[number] | undefined;
      let beforeLabel = '';
      let afterLabel = '';
      if (req.query.with === 'previous-year') {
        after = versions.at(-1);
        const prevReport = (await repo.listReportsOfState(db(), report.stateIso2)).find((r) => r.kind === 'annual' && r.year === report.year - 1);
        before = prevReport ? (await visible(prevReport)).at(-1) : undefined;
        beforeLabel = t('reporting.compare.year', { year: report.year - 1 });
        afterLabel = t('reporting.compare.year', { year: report.year });
      } else {
        after = versions.find((v) => v.versionNo === (num(req.query.to) ?? versions.at(-1)?.versionNo));
        before = versions.find((v) => v.versionNo === (num(req.query.from) ?? (after ? after.versionNo - 1 : -1)));
        beforeLabel = before ? t('reporting.versions.item', { number: before.versionNo }) : '';
        afterLabel = after ? t('reporting.versions.item', { number: after.versionNo }) : '';
      }
      if (!before || !after) throw notFound();
      const format = getFormat(after.formatVersion);
      if (!format) throw notFound();
      const a = before.snapshot as unknown as ReportSnapshot;
      const b = after.snapshot as unknown as ReportSnapshot;
      const forms: FormChanges[] = format.forms.map((def) => {
        const fa = a.forms[def.id];
        const fb = b.forms[def.id];
        return {
          def,
          statusBefore: fa ? formStatusText(t, fa.status, fa.unchangedSinceYear) : undefined,
          statusAfter: fb ? formStatusText(t, fb.status, fb.unchangedSinceYear) : undefined,
          changes: diffValues(def, fa?.values ?? {}, fb?.values ?? {}),
        };
      });
      const heading = t('reporting.compare.title', { report: reportTitleFor(t, report, name) });
      return reply.page(<ComparePage title={heading} beforeLabel={beforeLabel} afterLabel={afterLabel} forms={forms} references={await references()} backHref={`/${req.locale}/reports/${report.id}`} backLabel={reportTitleFor(t, report, name)} />);
    });

    /* ----- Attachments ----- */
    async function renderAttachments(req: Req, reply: FastifyReply, error?: string, status?: number) {
      const loaded = await loadWorkingCopy(req, reply);
      if (!loaded) return reply;
      const items = await repo.listAttachments(db(), loaded.report.id);
      const flash = req.query.flash === 'added' || req.query.flash === 'removed' ? req.query.flash : undefined;
      return reply.page(<AttachmentsPage report={loaded.report} stateName={loaded.name} items={items} canEdit={canEditReport(req.user, loaded.report)} maxBytes={deps.config.uploadLimit} error={error} flash={flash} />, status);
    }
    app.get('/:locale/reports/:id/attachments', async (req: Req, reply) => renderAttachments(req, reply));

    // Multipart is accepted only here: fields arrive as { value } objects, the file in memory (size-limited).
    app.register(async (scope) => {
      await scope.register(multipart, { attachFieldsToBody: true, limits: { fileSize: deps.config.uploadLimit, files: 1, fields: 10, parts: 12 } });
      // An oversized or malformed upload is refused on the same page, with the limit, before any CSRF check.
      scope.setErrorHandler(async (err, req, reply) => {
        const code = (err as { code?: string }).code ?? '';
        if (req.user && (code === 'FST_REQ_FILE_TOO_LARGE' || code.startsWith('FST_') || (err as { statusCode?: number }).statusCode === 413)) {
          const tooLarge = code === 'FST_REQ_FILE_TOO_LARGE' || (err as { statusCode?: number }).statusCode === 413;
          return renderAttachments(req as Req, reply, req.tr.t(tooLarge ? 'errors.file.too_large' : 'errors.file.missing', { max: Math.max(1, Math.round(deps.config.uploadLimit / 1024 / 1024)) }), tooLarge ? 413 : 400);
        }
        throw err;
      });
      scope.post('/:locale/reports/:id/attachments', async (req: Req, reply) => {
        if (!req.user) return signInRedirect(req, reply);
        const body = (req.body ?? {}) as Record<string, { type?: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> }>;
        const file = body.file;
        if (!file || file.type !== 'file' || !file.toBuffer || !file.filename) return renderAttachments(req, reply, req.tr.t('errors.file.missing'), 422);
        let data: Buffer;
        try {
          data = await file.toBuffer();
        } catch {
          return renderAttachments(req, reply, req.tr.t('errors.file.too_large', { max: Math.round(deps.config.uploadLimit / 1024 / 1024) }), 413);
        }
        const description = typeof body.description?.value === 'string' ? body.description.value : undefined;
        try {
          await addAttachment(deps, req.actor, req.user, { reportId: req.params.id, filename: file.filename, data, description });
        } catch (e) {
          if (isAppError(e) && e.code.startsWith('file.')) return renderAttachments(req, reply, req.tr.t(`errors.${e.code}`, { max: e.code === 'file.too_many' ? 30 : Math.round(deps.config.uploadLimit / 1024 / 1024) }), e.status);
          throw e;
        }
        return reply.redirect(`/${req.locale}/reports/${req.params.id}/attachments?flash=added`, 303);
      });
    });

    app.post<{ Params: { locale: string; id: string; attachment: string } }>('/:locale/reports/:id/attachments/:attachment/delete', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      await removeAttachment(deps, req.actor, req.user, { reportId: req.params.id, attachmentId: req.params.attachment });
      return reply.redirect(`/${req.locale}/reports/${req.params.id}/attachments?flash=removed`, 303);
    });

    app.get<{ Params: { locale: string; id: string; attachment: string } }>('/:locale/reports/:id/attachments/:attachment', async (req, reply) => {
      const report = await repo.findReport(db(), req.params.id);
      if (!report) throw notFound();
      if (!canViewWorkingCopy(req.user, report) && !canViewSubmitted(req.user, report) && !canViewPublished(req.user, report)) {
        if (!req.user) return signInRedirect(req, reply);
        throw new AppError('forbidden', 'forbidden');
      }
      const att = (await repo.listAttachments(db(), report.id)).find((a) => a.id === req.params.attachment);
      if (!att || !canViewAttachment(req.user, report, att, await repo.listVersions(db(), report.id))) throw notFound();
      const file = await findFile(db(), att.fileId);
      if (!file) throw notFound();
      return sendFile(reply, file);
    });

    registerReportExportRoutes(deps)(app);
    registerReportApiRoutes(deps)(app);
  };
}

/** Shows the values just typed over the stored ones (fields that could not be read keep their raw text). */
function mergeForDisplay(stored: Record<string, Record<string, unknown>>, typed: Record<string, Record<string, unknown>>) {
  const out: Record<string, Record<string, unknown>> = { ...stored };
  for (const [s, fields] of Object.entries(typed)) out[s] = { ...(stored[s] ?? {}), ...fields };
  return out;
}

export function reportingNavigation(req: FastifyRequest): { href: string; label: string; match?: string }[] {
  const u = req.user as Principal | undefined;
  const items: { href: string; label: string; match?: string }[] = [{ href: '/reports', label: req.tr.t('reporting.nav.reports'), match: '/reports' }];
  if (canSeeStateDashboard(u)) items.unshift({ href: '/my', label: req.tr.t('reporting.nav.my'), match: '/my' });
  if (isStaff(u)) items.push({ href: '/review', label: req.tr.t('reporting.nav.review'), match: '/review' });
  return items;
}
