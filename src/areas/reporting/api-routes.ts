/**
 * JSON API v1 for Article 7 reports. Personal API tokens only (no cookies, so no CSRF); errors are
 * application/problem+json with stable codes. Reading follows the reporting policy (the public sees
 * published public reports; signed-in users also restricted ones; a State its own reports; the
 * ISU everything; committee members submitted ones). Every write goes through the commands in
 * reports-commands.ts, exactly as the pages do.
 *
 * Decisions:
 *  - Reports a caller may not see at all are 404, whatever their status, so drafts do not leak.
 *  - PUT of a form replaces all its values; unknown sections, fields and columns are rejected
 *    (422), not dropped, so a typo never loses data silently. Types are strict JSON types
 *    (numbers as numbers, yes/no as booleans).
 *  - A malformed request envelope is 400 `request.invalid`; invalid form values are 422
 *    `form.invalid`. Both list `errors: [{path, message}]` (also under `details`), with messages
 *    in the language negotiated from Accept-Language.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, conflict, forbidden, hidden, isAppError, notFound } from '../../platform/errors.ts';
import type { FormDef, Issue } from '../../platform/forms/definition.ts';
import { englishText, valueIssuesFromZod, valuesForDefinition } from '../../platform/forms/zod-schema.ts';
import { MAX_LISTED_ERRORS, shownKey, unknownKeyMessage, userText, zodErrorMap } from '../../platform/http/forms.ts';
import type { Principal } from '../accounts/index.ts';
import { stateNamesByIso2, findState, type LocalizedText } from '../states/index.ts';
import {
  checkResponse,
  commentBody,
  commentJson,
  commentsResponse,
  createBody,
  formParams,
  formSchemas,
  type FormSchemas,
  listQuery,
  listResponse,
  reportApiSchemas,
  reportParams,
  reportQuery,
  reportSummary,
  returnBody,
  submitBody,
  versionBody,
  type ReportSummaryJson,
} from './api-schemas.ts';
import { getFormat, getFormDef } from './formats.ts';
import {
  canEditReport,
  canSubmitReport,
  canViewPublished,
  canViewSubmitted,
  visibleVersions,
  canViewWorkingCopy,
  isOwnState,
} from './policy.ts';
import {
  acknowledgeReport,
  addComment,
  changedFields,
  checkReport,
  createReport,
  markFormNotApplicable,
  markFormUnchanged,
  publishReport,
  returnForClarification,
  saveForm,
  submitReport,
  type ReportSnapshot,
} from './reports-commands.ts';
import * as repo from './reports-repository.ts';
import type { CommentRow, ReportFormRow, ReportRow, ReportVersionRow } from './reports-repository.ts';

type User = Principal | undefined;
type IdParams = { Params: { id: string } };
type FormRouteParams = { Params: { id: string; formId: string } };

const TAG = 'Reports';
const PAGE_DEFAULT = 50;
const FETCH_CHUNK = 1000;

interface ErrorItem {
  path: string;
  message: string;
}

/* ---------- Problems ---------- */

/** A problem+json answer listing errors by path (RFC 9457 extension member `errors`, also under `details`). */
function sendErrors(reply: FastifyReply, req: FastifyRequest, status: number, code: string, errors: ErrorItem[], details: Record<string, unknown> = {}) {
  const key = `errors.${code}`;
  const title = req.tr.has(key) ? req.tr.t(key) : req.tr.t(`common.errors.${status}_title`);
  return reply
    .code(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ type: `about:blank#${code}`, title, status, code, errors, details: { ...details, errors } });
}

class BodyErrors extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errors: ErrorItem[],
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** The errors of a failed parse, one per unknown key, at most MAX_LISTED_ERRORS. */
function zodErrors(error: z.ZodError, locale: string): ErrorItem[] {
  const out: ErrorItem[] = [];
  for (const issue of error.issues) {
    if (out.length >= MAX_LISTED_ERRORS) break;
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys.slice(0, MAX_LISTED_ERRORS - out.length)) out.push({ path: [...issue.path, shownKey(k)].map(String).join('.'), message: unknownKeyMessage(locale, k) });
    } else out.push({ path: issue.path.map(String).join('.'), message: issue.message });
  }
  return out;
}

/** Parses a body or query with a schema; failures are 400 `request.invalid` with translated errors. */
function parse<S extends z.ZodType>(schema: S, input: unknown, req: FastifyRequest): z.output<S> {
  const r = schema.safeParse(input, { error: zodErrorMap(req.locale) });
  if (!r.success) throw new BodyErrors(400, 'request.invalid', zodErrors(r.error, req.locale));
  return r.data;
}

/** Text as the pages keep it: no NUL or other control characters, no bidi overrides (platform/http/forms.ts). */
function multiline(text: string): string {
  return userText(text, { multiline: true });
}

function requireToken(req: FastifyRequest, reply: FastifyReply): Principal {
  if (!req.user) {
    reply.header('www-authenticate', 'Bearer');
    throw new AppError('unauthenticated', 'api.token_required');
  }
  return req.user;
}

/* ---------- What a caller may see ---------- */

const seesStatus = (u: User, r: ReportRow) => canViewWorkingCopy(u, r) || canViewSubmitted(u, r);
const seesReport = (u: User, r: ReportRow) => seesStatus(u, r) || canViewPublished(u, r);

function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

export function registerReportApiRoutes(deps: AppDeps): (app: FastifyInstance) => void {
  const db = () => deps.database.db;
  const en = deps.translator('en');
  const label = englishText((key) => (en.has(key) ? en.t(key) : key));
  const schemas = reportApiSchemas(label);
  /** The schemas of the definition a report uses (the documented ones for the current format). */
  const otherFormats = new WeakMap<FormDef, FormSchemas>();
  function schemaOf(def: FormDef): FormSchemas {
    const current = schemas.forms.get(def.id);
    if (current?.def === def) return current;
    let s = otherFormats.get(def);
    if (!s) otherFormats.set(def, (s = formSchemas(def, label)));
    return s;
  }

  function links(req: FastifyRequest, id: string): ReportSummaryJson['links'] {
    const base = `/${req.locale}/reports/${id}`;
    return { self: `/api/v1/reports/${id}`, html: base, pdf: `${base}/export.pdf`, xlsx: `${base}/export.xlsx`, csv: `${base}/export.csv.zip`, json: `${base}/export.json` };
  }

  async function summaryOf(req: FastifyRequest, r: ReportRow, names: LocalizedText): Promise<ReportSummaryJson> {
    const u = req.user;
    const internal = seesStatus(u, r);
    let submittedAt = r.submittedAt;
    if (!internal && r.publishedVersionNo !== null && r.publishedVersionNo !== r.currentVersionNo) {
      // A correction is under way: outsiders see the published version's submission.
      submittedAt = (await repo.findVersion(db(), r.id, r.publishedVersionNo))?.submittedAt ?? null;
    }
    return {
      id: r.id,
      state: { iso2: r.stateIso2, names },
      kind: r.kind,
      year: r.year,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dueDate: r.dueDate,
      ...(internal ? { status: r.status } : {}),
      visibility: r.visibility,
      ...(canViewSubmitted(u, r) || canViewWorkingCopy(u, r) ? { currentVersionNo: r.currentVersionNo } : {}),
      publishedVersionNo: r.publishedVersionNo,
      submittedAt: iso(submittedAt),
      publishedAt: iso(r.publishedAt),
      ...(canViewWorkingCopy(u, r) ? { version: r.version } : {}),
      links: links(req, r.id),
    };
  }

  async function summaryOne(req: FastifyRequest, r: ReportRow): Promise<ReportSummaryJson> {
    const state = await findState(db(), r.stateIso2);
    if (!state) throw notFound();
    return summaryOf(req, r, state.names);
  }

  /** The report if the caller may see it in some form; 404 otherwise (drafts never leak). */
  async function visibleReport(req: FastifyRequest, id: string): Promise<ReportRow> {
    const report = await repo.findReport(db(), id);
    if (!report) throw notFound();
    if (!seesReport(req.user, report)) throw hidden();
    return report;
  }

  /** The working copy: the State's users and the ISU; others who may see the report get 403. */
  async function workingCopy(req: FastifyRequest, reply: FastifyReply, id: string): Promise<{ user: Principal; report: ReportRow }> {
    const user = requireToken(req, reply);
    const report = await visibleReport(req, id);
    if (!canViewWorkingCopy(user, report)) throw forbidden();
    return { user, report };
  }

  function formDefOf(report: ReportRow, formId: string) {
    const def = getFormDef(report.formatVersion, formId);
    if (!def) throw notFound();
    return def;
  }

  function draftForm(def: ReturnType<typeof formDefOf>, row: ReportFormRow) {
    return {
      status: row.status,
      unchangedSinceYear: row.unchangedSinceYear,
      values: valuesForDefinition(def, row.values),
      explanations: row.explanations ?? {},
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function draftDocument(req: FastifyRequest, report: ReportRow) {
    const format = getFormat(report.formatVersion);
    if (!format) throw notFound();
    const rows = await repo.listForms(db(), report.id);
    const forms: Record<string, ReturnType<typeof draftForm>> = {};
    for (const def of format.forms) {
      const row = rows.find((r) => r.formId === def.id);
      if (row) forms[def.id] = draftForm(def, row);
    }
    return { ...(await summaryOne(req, report)), formatVersion: report.formatVersion, language: report.language, forms };
  }

  function issueJson(req: FastifyRequest, i: Issue) {
    return { path: i.path, severity: i.severity, code: i.message, message: req.tr.t(i.message, i.values) };
  }

  function commentToJson(c: CommentRow): z.infer<typeof commentJson> {
    return { id: c.id, formId: c.formId, authorName: c.authorName, authorSide: c.authorSide, body: c.body, createdAt: c.createdAt.toISOString(), resolvedAt: iso(c.resolvedAt) };
  }

  function privateJson(reply: FastifyReply) {
    return reply.header('cache-control', 'private, no-store').header('vary', 'Authorization, Accept-Language');
  }

  /** Form-level stale versions become one conflict shape everywhere: the current values and version. */
  async function formConflict(report: ReportRow, def: ReturnType<typeof formDefOf>, mine?: Record<string, Record<string, unknown>>): Promise<never> {
    const current = await repo.findForm(db(), report.id, def.id);
    if (!current) throw notFound();
    const values = valuesForDefinition(def, current.values);
    throw conflict('form.conflict', {
      formId: def.id,
      version: current.version,
      status: current.status,
      updatedAt: current.updatedAt.toISOString(),
      values,
      ...(mine ? { changed: changedFields(def, values, mine) } : {}),
    });
  }

  return (app: FastifyInstance) => {
    // Body and query errors with a list of paths, answered here in the same problem+json shape.
    app.register(async (scope) => {
      scope.setErrorHandler(async (err, req, reply) => {
        if (err instanceof BodyErrors) return sendErrors(reply, req, err.status, err.code, err.errors, err.details);
        throw err;
      });
      registerAll(scope);
    });
  };

  function registerAll(app: FastifyInstance) {
    /* ----- List ----- */
    deps.api.describe({
      method: 'get',
      path: '/api/v1/reports',
      operationId: 'listReports',
      summary: 'Article 7 reports',
      description:
        'Without a token: the published public reports. With a token, also what the caller may see: restricted published reports (anyone signed in), their own State’s reports in any status (State users), submitted reports (committee members) and every report (ISU). Newest year first.',
      tags: [TAG],
      query: listQuery,
      response: listResponse,
      auth: 'optional',
    });
    app.get('/api/v1/reports', async (req, reply) => {
      const q = parse(listQuery, req.query ?? {}, req);
      const u = req.user;
      const limit = q.limit ?? PAGE_DEFAULT;
      const offset = q.offset ?? (q.page ? (q.page - 1) * limit : 0);
      const base = { stateIso2: q.state?.toUpperCase(), year: q.year, kind: q.kind, ...(u ? {} : { publishedOnly: true, publicOnly: true }) };
      let total: number;
      let page: ReportRow[];
      if (!u) {
        // The public sees exactly the published public reports: counted and paged by the database.
        [total, page] = await Promise.all([repo.countReports(db(), base), repo.listReports(db(), { ...base, limit, offset })]);
        page = page.filter((r) => seesReport(u, r));
      } else {
        const candidates: ReportRow[] = [];
        for (let from = 0; ; from += FETCH_CHUNK) {
          const chunk = await repo.listReports(db(), { ...base, limit: FETCH_CHUNK, offset: from });
          candidates.push(...chunk);
          if (chunk.length < FETCH_CHUNK) break;
        }
        const visible = candidates.filter((r) => seesReport(u, r));
        // A report whose status the caller may not see counts as published, since that is why it is visible.
        const filtered = !q.status ? visible : visible.filter((r) => (seesStatus(u, r) ? r.status : 'published') === q.status);
        total = filtered.length;
        page = filtered.slice(offset, offset + limit);
      }
      const names = await stateNamesByIso2(db());
      const data = await Promise.all(page.map((r) => summaryOf(req, r, names.get(r.stateIso2) ?? { ar: r.stateIso2, zh: r.stateIso2, en: r.stateIso2, fr: r.stateIso2, ru: r.stateIso2, es: r.stateIso2 })));
      if (u) privateJson(reply);
      else reply.header('cache-control', 'public, max-age=60').header('vary', 'Authorization, Accept-Language');
      return reply.send({ total, limit, offset, data } satisfies z.infer<typeof listResponse>);
    });

    /* ----- One report (a submitted version) ----- */
    deps.api.describe({
      method: 'get',
      path: '/api/v1/reports/{id}',
      operationId: 'getReport',
      summary: 'One report: a submitted version with every form',
      description:
        'The latest version the caller may see (the published one for the public; the latest submitted one for its State, the ISU and committee members), or the one asked for with `version`. A report never submitted answers 404 (its State reads it at /draft).',
      tags: [TAG],
      params: reportParams,
      query: reportQuery,
      response: schemas.reportDocument,
      auth: 'optional',
    });
    app.get<IdParams>('/api/v1/reports/:id', async (req, reply) => {
      const q = parse(reportQuery, req.query ?? {}, req);
      const u = req.user;
      const report = await repo.findReport(db(), req.params.id);
      if (!report) throw notFound();
      const internal = canViewSubmitted(u, report);
      if (!internal && !canViewPublished(u, report)) {
        if (canViewWorkingCopy(u, report)) throw notFound('not_found', { draft: `/api/v1/reports/${report.id}/draft` });
        if (!u && report.publishedVersionNo !== null) requireToken(req, reply);
        throw hidden();
      }
      const all = await repo.listVersions(db(), report.id);
      const versions = visibleVersions(u, report, all);
      const wanted = q.version ?? (internal ? report.currentVersionNo : report.publishedVersionNo!);
      const version = versions.find((v) => v.versionNo === wanted);
      if (!version) throw notFound();
      const format = getFormat(version.formatVersion);
      if (!format) throw notFound();
      const snapshot = version.snapshot as unknown as ReportSnapshot;
      const forms: Record<string, unknown> = {};
      for (const def of format.forms) {
        const f = snapshot.forms?.[def.id];
        if (f) forms[def.id] = { status: f.status, unchangedSinceYear: f.unchangedSinceYear ?? null, values: valuesForDefinition(def, f.values), explanations: f.explanations ?? {} };
      }
      const summary = await summaryOne(req, report);
      if (!internal && version.versionNo !== report.currentVersionNo) summary.submittedAt = version.submittedAt.toISOString();
      const body = {
        ...summary,
        formatVersion: version.formatVersion,
        language: version.language,
        nothingNew: version.nothingNew,
        versionNo: version.versionNo,
        versionVisibility: version.visibility,
        versionSubmittedAt: version.submittedAt.toISOString(),
        versionPublishedAt: iso(version.publishedAt),
        reason: version.reason,
        versions: versions.map((v: ReportVersionRow) => ({ versionNo: v.versionNo, submittedAt: v.submittedAt.toISOString(), publishedAt: iso(v.publishedAt), reason: v.reason })),
        forms,
      };
      if (u) privateJson(reply);
      else reply.header('cache-control', 'public, max-age=60').header('vary', 'Authorization, Accept-Language');
      return reply.send(body);
    });

    /* ----- The working copy ----- */
    deps.api.describe({
      method: 'get',
      path: '/api/v1/reports/{id}/draft',
      operationId: 'getReportDraft',
      summary: 'The working copy of a report, with each form’s version',
      description: 'For the State’s own users and the ISU. Send each form’s `version` back when saving it, and the report’s `version` when submitting.',
      tags: [TAG],
      params: reportParams,
      response: schemas.draftDocument,
      auth: 'required',
    });
    app.get<IdParams>('/api/v1/reports/:id/draft', async (req, reply) => {
      const { report } = await workingCopy(req, reply, req.params.id);
      return privateJson(reply).send(await draftDocument(req, report));
    });

    /* ----- Creating a report ----- */
    deps.api.describe({
      method: 'post',
      path: '/api/v1/reports',
      operationId: 'createReport',
      summary: 'Start a report of your State',
      description:
        'For State preparers and approvers, for an obligation of their State (the initial report, or the annual report of a year). 409 `report.exists` when it was already started; 422 `report.no_obligation` when the State owes no such report. Answers the working copy.',
      tags: [TAG],
      body: createBody,
      response: schemas.draftDocument,
      responseStatus: 201,
      auth: 'required',
    });
    app.post('/api/v1/reports', async (req, reply) => {
      const user = requireToken(req, reply);
      const body = parse(createBody, req.body, req);
      const report = await createReport(deps, req.actor, user, { stateIso2: user.stateIso2 ?? '', kind: body.kind, year: body.year, startFromPrevious: body.startFromPrevious ?? false });
      return privateJson(reply).code(201).header('location', `/api/v1/reports/${report.id}/draft`).send(await draftDocument(req, report));
    });

    /* ----- Saving a form: one operation per form so each shows its own schema ----- */
    for (const [formId, s] of schemas.forms) {
      deps.api.describe({
        method: 'put',
        path: `/api/v1/reports/{id}/forms/${formId}`,
        operationId: `saveForm${formId.charAt(0).toUpperCase()}${formId.slice(1)}`,
        summary: `Save form ${formId} of the working copy`,
        description: [
          'Replaces all values of the form (fields left out are emptied). Strict JSON types; unknown sections, fields and columns are rejected.',
          '409 `form.conflict` when someone saved since `version` (the problem’s `details` hold the current `version`, `values` and the `changed` fields);',
          '422 `form.invalid` with `errors: [{path, message}]` (paths relative to the request body, messages in the language of Accept-Language) when values are invalid;',
          '409 `report.not_editable` when the report was submitted. With `completed: true` the form becomes complete when no errors remain; otherwise it stays in progress and `issues` says why.',
        ].join(' '),
        tags: [TAG],
        params: reportParams,
        body: s.saveBody,
        response: s.saveResponse,
        auth: 'required',
      });
    }
    app.put<FormRouteParams>('/api/v1/reports/:id/forms/:formId', async (req, reply) => {
      const user = requireToken(req, reply);
      const report = await visibleReport(req, req.params.id);
      const def = formDefOf(report, req.params.formId);
      if (!canEditReport(user, report)) {
        if (isOwnState(user, report.stateIso2)) throw conflict('report.not_editable', { status: report.status });
        throw forbidden();
      }
      const r = schemaOf(def).saveBody.safeParse(req.body, { error: zodErrorMap(req.locale) });
      if (!r.success) {
        const envelope = r.error.issues.filter((i) => i.path[0] !== 'values');
        if (envelope.length) throw new BodyErrors(400, 'request.invalid', zodErrors(r.error, req.locale));
        const valueError = new z.ZodError(r.error.issues.map((i) => ({ ...i, path: i.path.slice(1) })));
        const errors = valueIssuesFromZod(def, valueError, req.locale).map((i) => ({ path: `values${i.path ? `.${i.path}` : ''}`, message: i.key ? req.tr.t(i.key, i.values) : i.zodMessage }));
        throw new BodyErrors(422, 'form.invalid', errors);
      }
      const input = r.data as { version: number; values: Record<string, Record<string, unknown>>; completed?: boolean };
      const result = await saveForm(deps, req.actor, user, { reportId: report.id, formId: def.id, expectedVersion: input.version, body: input.values, json: true, completed: input.completed ?? false });
      if (result.kind === 'invalid') {
        throw new BodyErrors(422, 'form.invalid', result.parsed.issues.map((i) => ({ path: `values.${i.path}`, message: req.tr.t(i.message, i.values) })));
      }
      if (result.kind === 'conflict') return formConflict(report, def, result.mine);
      return privateJson(reply).send({
        formId: def.id,
        version: result.form.version,
        status: result.form.status,
        updatedAt: result.form.updatedAt.toISOString(),
        values: valuesForDefinition(def, result.form.values),
        issues: result.issues.map((i) => issueJson(req, i)),
      });
    });

    /* ----- Unchanged / not applicable ----- */
    const formStatusResponse = z.object({ formId: z.string(), version: z.number().int(), status: z.string(), unchangedSinceYear: z.number().int().nullable(), updatedAt: z.string() });
    for (const [suffix, op, command, summary, description] of [
      ['unchanged', 'markFormUnchanged', markFormUnchanged, 'Mark a form “unchanged since” the last report that gave it', 'Takes the values of the latest submitted report that gave this form. 422 `report.no_previous_content` when there is none; 409 `form.conflict` when the version is stale.'],
      ['not-applicable', 'markFormNotApplicable', markFormNotApplicable, 'Mark a form not applicable', 'Not possible for the cover page (404). 409 `form.conflict` when the version is stale.'],
    ] as const) {
      deps.api.describe({ method: 'post', path: `/api/v1/reports/{id}/forms/{formId}/${suffix}`, operationId: op, summary, description, tags: [TAG], params: formParams, body: versionBody, response: formStatusResponse, auth: 'required' });
      app.post<FormRouteParams>(`/api/v1/reports/:id/forms/:formId/${suffix}`, async (req, reply) => {
        const user = requireToken(req, reply);
        const report = await visibleReport(req, req.params.id);
        const def = formDefOf(report, req.params.formId);
        const body = parse(versionBody, req.body, req);
        let saved: ReportFormRow;
        try {
          saved = await command(deps, req.actor, user, { reportId: report.id, formId: def.id, expectedVersion: body.version });
        } catch (e) {
          if (isAppError(e) && e.code === 'form.stale') return formConflict(report, def);
          throw e;
        }
        return privateJson(reply).send({ formId: def.id, version: saved.version, status: saved.status, unchangedSinceYear: saved.unchangedSinceYear, updatedAt: saved.updatedAt.toISOString() });
      });
    }

    /* ----- Check ----- */
    deps.api.describe({
      method: 'get',
      path: '/api/v1/reports/{id}/check',
      operationId: 'checkReport',
      summary: 'Check a report before submission',
      description: 'Unfinished forms, errors (to fix) and warnings (to explain at submission), with field paths and messages in the language of Accept-Language. For the State’s users and the ISU.',
      tags: [TAG],
      params: reportParams,
      response: checkResponse,
      auth: 'required',
    });
    app.get<IdParams>('/api/v1/reports/:id/check', async (req, reply) => {
      const { user, report } = await workingCopy(req, reply, req.params.id);
      const check = await checkReport(db(), report);
      const body: z.infer<typeof checkResponse> = {
        reportId: report.id,
        status: report.status,
        version: report.version,
        canSubmit: canSubmitReport(user, report),
        unfinished: check.unfinished,
        errors: check.errors.map((i) => ({ formId: i.formId, ...issueJson(req, i) })),
        warnings: check.warnings.map((i) => ({ formId: i.formId, ...issueJson(req, i), explanationKey: `${i.formId}:${i.path}` })),
      };
      return privateJson(reply).send(body);
    });

    /* ----- Submit ----- */
    deps.api.describe({
      method: 'post',
      path: '/api/v1/reports/{id}/submit',
      operationId: 'submitReport',
      summary: 'Submit a report (approvers)',
      description:
        'For the State’s approvers. 422 with `errors` when the declaration is missing, forms are unfinished, errors remain, a warning has no explanation, or a correction has no reason; 409 `report.stale` when the report changed since `version`.',
      tags: [TAG],
      params: reportParams,
      body: submitBody,
      response: reportSummary,
      auth: 'required',
    });
    app.post<IdParams>('/api/v1/reports/:id/submit', async (req, reply) => {
      const user = requireToken(req, reply);
      const report = await visibleReport(req, req.params.id);
      const body = parse(submitBody, req.body, req);
      let updated: ReportRow;
      try {
        updated = await submitReport(deps, req.actor, user, {
          reportId: report.id,
          expectedVersion: body.version,
          visibility: body.visibility,
          declaration: body.declaration,
          explanations: Object.fromEntries(Object.entries(body.explanations ?? {}).map(([k, v]) => [k, multiline(v)])),
          reason: body.reason === undefined ? undefined : multiline(body.reason),
        });
      } catch (e) {
        if (!isAppError(e) || e.kind !== 'validation') throw e;
        throw new BodyErrors(422, e.code, submitErrors(req, e), e.details ?? {});
      }
      return privateJson(reply).send(await summaryOne(req, updated));
    });

    /* ----- Comments ----- */
    deps.api.describe({
      method: 'get',
      path: '/api/v1/reports/{id}/comments',
      operationId: 'listReportComments',
      summary: 'The clarification thread of a report',
      description: 'For the State’s users and the ISU.',
      tags: [TAG],
      params: reportParams,
      response: commentsResponse,
      auth: 'required',
    });
    app.get<IdParams>('/api/v1/reports/:id/comments', async (req, reply) => {
      const { report } = await workingCopy(req, reply, req.params.id);
      const rows = await repo.listComments(db(), report.id);
      return privateJson(reply).send({ data: rows.map(commentToJson) } satisfies z.infer<typeof commentsResponse>);
    });

    deps.api.describe({
      method: 'post',
      path: '/api/v1/reports/{id}/comments',
      operationId: 'addReportComment',
      summary: 'Add a comment to the clarification thread',
      description: 'The ISU at any time; the State once the report was submitted. `formId` null comments on the whole report.',
      tags: [TAG],
      params: reportParams,
      body: commentBody,
      response: commentJson,
      responseStatus: 201,
      auth: 'required',
    });
    app.post<IdParams>('/api/v1/reports/:id/comments', async (req, reply) => {
      const user = requireToken(req, reply);
      const report = await visibleReport(req, req.params.id);
      const body = parse(commentBody, req.body, req);
      const formId = body.formId ?? null;
      if (formId !== null && !getFormDef(report.formatVersion, formId)) throw new BodyErrors(400, 'request.invalid', [{ path: 'formId', message: req.tr.t('errors.not_found') }]);
      const row = await addComment(deps, req.actor, user, { reportId: report.id, formId, body: multiline(body.body) });
      return privateJson(reply).code(201).send(commentToJson(row));
    });

    /* ----- Review by the ISU ----- */
    for (const [action, op, summary, command] of [
      ['acknowledge', 'acknowledgeReport', 'Acknowledge a submitted report (ISU)', acknowledgeReport],
      ['publish', 'publishReport', 'Publish an acknowledged report (ISU)', publishReport],
    ] as const) {
      deps.api.describe({
        method: 'post',
        path: `/api/v1/reports/{id}/${action}`,
        operationId: op,
        summary,
        description: 'For ISU staff. 409 `report.stale` when the report changed since `version`; 409 `report.wrong_status` when not possible in its status.',
        tags: [TAG],
        params: reportParams,
        body: versionBody,
        response: reportSummary,
        auth: 'required',
      });
      app.post<IdParams>(`/api/v1/reports/:id/${action}`, async (req, reply) => {
        const user = requireToken(req, reply);
        const report = await visibleReport(req, req.params.id);
        const body = parse(versionBody, req.body, req);
        const updated = await command(deps, req.actor, user, report.id, body.version);
        return privateJson(reply).send(await summaryOne(req, updated));
      });
    }

    deps.api.describe({
      method: 'post',
      path: '/api/v1/reports/{id}/return',
      operationId: 'returnReport',
      summary: 'Return a report to its State for clarification (ISU)',
      description: 'With at least one comment, on a form or (formId null) on the whole report. 409 `report.stale` / `report.wrong_status` as for acknowledge.',
      tags: [TAG],
      params: reportParams,
      body: returnBody,
      response: reportSummary,
      auth: 'required',
    });
    app.post<IdParams>('/api/v1/reports/:id/return', async (req, reply) => {
      const user = requireToken(req, reply);
      const report = await visibleReport(req, req.params.id);
      const body = parse(returnBody, req.body, req);
      const bad = body.comments.findIndex((c) => c.formId != null && !getFormDef(report.formatVersion, c.formId));
      if (bad >= 0) throw new BodyErrors(400, 'request.invalid', [{ path: `comments.${bad}.formId`, message: req.tr.t('errors.not_found') }]);
      let updated: ReportRow;
      try {
        updated = await returnForClarification(deps, req.actor, user, { reportId: report.id, expectedVersion: body.version, comments: body.comments.map((c) => ({ formId: c.formId ?? null, body: multiline(c.body) })) });
      } catch (e) {
        if (isAppError(e) && e.code === 'report.comment_required') throw new BodyErrors(422, e.code, [{ path: 'comments', message: req.tr.t(`errors.${e.code}`) }]);
        throw e;
      }
      return privateJson(reply).send(await summaryOne(req, updated));
    });
  }
}

/** The submission's validation failures as errors by path of the request body. */
function submitErrors(req: FastifyRequest, e: AppError): ErrorItem[] {
  const t = (key: string) => (req.tr.has(key) ? req.tr.t(key) : req.tr.t('common.errors.422_title'));
  switch (e.code) {
    case 'report.declaration_required':
      return [{ path: 'declaration', message: t('errors.report.declaration_required') }];
    case 'report.reason_required':
      return [{ path: 'reason', message: t('errors.report.reason_required') }];
    case 'report.explanations_required':
      return ((e.details?.paths as string[] | undefined) ?? []).map((p) => ({ path: `explanations.${p}`, message: t('errors.report.explanation_required') }));
    case 'report.forms_unfinished':
      return ((e.details?.forms as string[] | undefined) ?? []).map((f) => ({ path: `forms.${f}`, message: t('errors.report.forms_unfinished') }));
    default:
      return [{ path: '', message: t(`errors.${e.code}`) }];
  }
}
