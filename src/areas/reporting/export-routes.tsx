/**
 * Exports of submitted versions (PDF, XLSX, CSV in a ZIP, JSON), the year's bulk download of
 * public reports, and import of a JSON or XLSX export into an editable report.
 *
 * Access is the report page's: a published public version for everyone, restricted published
 * versions for signed-in users, every submitted version for the State's users, ISU and committee
 * members (canViewSubmitted / canViewPublished), `?version=N` to pick a version.
 *
 * Uploads: @fastify/multipart is registered in this plugin's scope only, with the upload limit.
 * The app's CSRF check reads `req.body._csrf`, which a multipart body does not fill, so the import
 * route reads the first part itself in `preValidation` (before the app's preHandler runs): it must
 * be `_csrf` and is verified here; only then is the token handed on as `req.body._csrf`, which the
 * app's check verifies again. The file is read only after that and after the policy check.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart, { type Multipart } from '@fastify/multipart';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, hidden, notFound } from '../../platform/errors.ts';
import { verifyCsrf } from '../../platform/http/csrf.ts';
import { cookieNames } from '../../platform/http/server.tsx';
import { textOf } from '../../platform/forms/definition.ts';
import { findState, listStates, stateName } from '../states/index.ts';
import { getFormat } from './formats.ts';
import { canEditReport, canViewPublished, canViewSubmitted, canViewWorkingCopy } from './policy.ts';
import * as repo from './reports-repository.ts';
import type { ReportRow, ReportVersionRow } from './reports-repository.ts';
import { exportContext, type ExportContext } from './exports/context.ts';
import { exportFileBase, reportDocument, type ReportDocument } from './exports/document.ts';
import { reportPdf } from './exports/pdf.ts';
import { reportXlsx } from './exports/spreadsheet.ts';
import { bulkZip, reportCsvZip } from './exports/archives.ts';
import { parseUpload } from './exports/import-file.ts';
import { importReport } from './exports/import-commands.ts';
import { pathLabel } from './exports/paths.ts';
import { ImportPage, type ImportProblemRow } from './exports/import-page.tsx';
import { signInRedirect } from '../../platform/http/sign-in.ts';

type ReqShape = { Params: { locale: string; id: string }; Querystring: Record<string, string | undefined> };
type Req = FastifyRequest<ReqShape>;

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  json: 'application/json; charset=utf-8',
} as const;

/** Uploaded workbooks may expand to at most this much (zip bombs are refused). */
const MAX_EXPANDED = 64 * 1024 * 1024;


interface Loaded {
  report: ReportRow;
  version: ReportVersionRow;
  document: ReportDocument;
  ctx: ExportContext;
  internal: boolean;
}

export function registerReportExportRoutes(deps: AppDeps) {
  const db = () => deps.database.db;
  const csrfCookie = cookieNames(deps.config.tls).csrf;
  /** The multipart parts of import posts whose CSRF token was checked (the handler reads on). */
  const pending = new WeakMap<FastifyRequest, AsyncIterableIterator<Multipart>>();

  async function context(req: FastifyRequest, reportId?: string): Promise<ExportContext> {
    const [mineTypes, attachments] = await Promise.all([repo.listMineTypes(db()), reportId ? repo.listAttachments(db(), reportId) : Promise.resolve([])]);
    return exportContext(req.tr, { mineTypes, attachments });
  }

  /** The version asked for, with the report page's access rules; undefined when redirected to sign in. */
  async function loadVersion(req: Req, reply: FastifyReply): Promise<Loaded | undefined> {
    const report = await repo.findReport(db(), req.params.id);
    if (!report) throw notFound();
    const internal = canViewSubmitted(req.user, report);
    const publicOk = canViewPublished(req.user, report);
    if (!internal && !publicOk) {
      if (!req.user && report.publishedVersionNo !== null) {
        signInRedirect(req, reply);
        return undefined;
      }
      throw hidden();
    }
    const raw = req.query.version;
    if (raw !== undefined && !/^\d{1,9}$/.test(raw)) throw notFound();
    const wanted = raw !== undefined ? Number(raw) : internal ? report.currentVersionNo : report.publishedVersionNo!;
    const version = await repo.findVersion(db(), report.id, wanted);
    if (!version || (!internal && !version.publishedAt)) throw notFound();
    // A restricted published version: signed-in readers only (canViewVersion), anonymous ones sign in.
    if (!internal && version.visibility === 'restricted' && !req.user) {
      signInRedirect(req, reply);
      return undefined;
    }
    const state = await findState(db(), report.stateIso2);
    if (!state) throw notFound();
    const document = reportDocument({ report, version, stateName: stateName(state, req.locale), baseUrl: deps.config.baseUrl, locale: req.locale });
    return { report, version, document, ctx: await context(req, report.id), internal };
  }

  function sendFile(reply: FastifyReply, loaded: Loaded, body: Buffer | string, type: string, ext: string, inline = false) {
    const isPublic = !loaded.internal && loaded.version.visibility === 'public';
    const name = `${exportFileBase(loaded.report, loaded.version.versionNo)}.${ext}`;
    return reply
      .header('content-type', type)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
      .header('cache-control', isPublic ? 'public, max-age=60' : 'private, no-store')
      .send(body);
  }

  async function loadEditable(req: Req, reply: FastifyReply) {
    if (!req.user) {
      signInRedirect(req, reply);
      return undefined;
    }
    const report = await repo.findReport(db(), req.params.id);
    if (!report) throw notFound();
    if (!canViewWorkingCopy(req.user, report)) throw new AppError('forbidden', 'forbidden');
    if (!canEditReport(req.user, report)) {
      if (req.user.stateIso2 === report.stateIso2) throw new AppError('conflict', 'report.not_editable', { status: report.status });
      throw new AppError('forbidden', 'forbidden');
    }
    const state = await findState(db(), report.stateIso2);
    if (!state) throw notFound();
    return { report, name: stateName(state, req.locale) };
  }

  return (app: FastifyInstance) => {
    app.register(async (scope) => {
      await scope.register(multipart, {
        limits: { fileSize: deps.config.uploadLimit, files: 1, fields: 4, parts: 6, fieldSize: 1024, headerPairs: 100 },
      });

      /* ----- Exports of one version ----- */
      scope.get('/:locale/reports/:id/export.pdf', async (req: Req, reply) => {
        const loaded = await loadVersion(req, reply);
        if (!loaded) return reply;
        return sendFile(reply, loaded, reportPdf(loaded.document, loaded.ctx), MIME.pdf, 'pdf', true);
      });

      scope.get('/:locale/reports/:id/export.xlsx', async (req: Req, reply) => {
        const loaded = await loadVersion(req, reply);
        if (!loaded) return reply;
        return sendFile(reply, loaded, await reportXlsx(loaded.document, loaded.ctx), MIME.xlsx, 'xlsx');
      });

      scope.get('/:locale/reports/:id/export.csv.zip', async (req: Req, reply) => {
        const loaded = await loadVersion(req, reply);
        if (!loaded) return reply;
        return sendFile(reply, loaded, reportCsvZip(loaded.document, loaded.ctx), MIME.zip, 'csv.zip');
      });

      scope.get('/:locale/reports/:id/export.json', async (req: Req, reply) => {
        const loaded = await loadVersion(req, reply);
        if (!loaded) return reply;
        return sendFile(reply, loaded, `${JSON.stringify(loaded.document, null, 2)}\n`, MIME.json, 'json');
      });

      /* ----- The year's public reports ----- */
      scope.get<{ Params: { locale: string; year: string } }>('/:locale/reports/bulk/:year.zip', async (req, reply) => {
        const year = /^\d{4}$/.test(req.params.year) ? Number(req.params.year) : NaN;
        if (!(year >= 1999 && year <= 2100)) throw notFound();
        const reports = await repo.listReports(db(), { year, publishedOnly: true, publicOnly: true, limit: 1000 });
        const names = new Map((await listStates(db(), {})).map((i) => [i.state.iso2, stateName(i.state, req.locale)]));
        const docs: ReportDocument[] = [];
        for (const report of reports) {
          if (!canViewPublished(undefined, report) || report.publishedVersionNo === null) continue;
          const version = await repo.findVersion(db(), report.id, report.publishedVersionNo);
          if (!version?.publishedAt || version.visibility !== 'public') continue;
          docs.push(reportDocument({ report, version, stateName: names.get(report.stateIso2) ?? report.stateIso2, baseUrl: deps.config.baseUrl, locale: req.locale }));
        }
        docs.sort((a, b) => a.state.iso2.localeCompare(b.state.iso2) || a.kind.localeCompare(b.kind));
        const zip = bulkZip(docs, await context(req));
        return reply
          .header('content-type', MIME.zip)
          .header('content-disposition', `attachment; filename="apmbc-art7-public-${year}.zip"`)
          .header('cache-control', 'public, max-age=300')
          .send(zip);
      });

      /* ----- Import into an editable report ----- */
      scope.get('/:locale/reports/:id/import', async (req: Req, reply) => {
        const loaded = await loadEditable(req, reply);
        if (!loaded) return reply;
        const imported = req.query.imported && /^\d{1,3}$/.test(req.query.imported) ? Number(req.query.imported) : undefined;
        return reply.header('cache-control', 'no-store').page(<ImportPage report={loaded.report} stateName={loaded.name} imported={imported} />);
      });

      scope.post<ReqShape>(
        '/:locale/reports/:id/import',
        {
          // Runs before the app's CSRF preHandler: the first part must be a valid `_csrf`.
          preValidation: async (req) => {
            if (!req.isMultipart()) throw new AppError('unsupported_media', 'request.unsupported_media');
            const parts = req.parts();
            let part: Multipart | undefined;
            try {
              const first = await parts.next();
              part = first.done ? undefined : first.value;
            } catch {
              throw new AppError('bad_request', 'request.invalid');
            }
            const token = part && part.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string' ? part.value : undefined;
            if (!verifyCsrf(deps.config.secret, req.cookies[csrfCookie], req.session?.id, token)) throw new AppError('forbidden', 'csrf.invalid');
            pending.set(req, parts);
            req.body = { _csrf: token };
          },
        },
        async (req: Req, reply) => {
          const parts = pending.get(req);
          if (!parts) throw new AppError('forbidden', 'csrf.invalid');
          const loaded = await loadEditable(req, reply);
          if (!loaded) return reply;
          const { report, name } = loaded;
          const format = getFormat(report.formatVersion);
          if (!format) throw notFound();
          const fail = (error: string, problems: ImportProblemRow[] = []) => reply.header('cache-control', 'no-store').page(<ImportPage report={report} stateName={name} error={error || undefined} problems={problems} />, 422);

          let file: { buf: Buffer; filename: string } | undefined;
          try {
            for await (const part of parts) {
              if (part.type === 'file' && part.fieldname === 'file' && !file) file = { buf: await part.toBuffer(), filename: part.filename ?? '' };
              else if (part.type === 'file') part.file.resume();
            }
          } catch (e) {
            const code = (e as { code?: string }).code;
            if (code === 'FST_REQ_FILE_TOO_LARGE') return fail(req.tr.t('reporting.export.import.too_large', { size: req.tr.formatNumber(Math.round(deps.config.uploadLimit / 1024 / 1024)) }));
            if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return fail(req.tr.t('reporting.export.import.one_file'));
            // A broken or cut-off upload: nothing was read, nothing is imported.
            throw new AppError('bad_request', 'request.invalid');
          }
          if (!file || (!file.filename && file.buf.length === 0)) return fail(req.tr.t('reporting.export.import.no_file'));

          const upload = await parseUpload(file.buf, file.filename, format, { maxExpandedBytes: MAX_EXPANDED });
          if (upload.kind === 'rejected') return fail(req.tr.t(upload.message, upload.values));
          const formTitle = (id?: string) => {
            const def = id ? format.forms.find((f) => f.id === id) : undefined;
            return def ? textOf(def.title, req.locale, req.tr.t) : id ?? '';
          };
          if (upload.problems.length) {
            return fail(
              '',
              upload.problems.map((p) => ({ form: formTitle(p.formId), where: p.where ?? '', field: '', code: '', message: req.tr.t(p.message, p.values) })),
            );
          }
          const result = await importReport(deps, req.actor, req.user, { reportId: report.id, forms: upload.forms.map((f) => ({ formId: f.formId, body: f.body })), source: upload.source, filename: file.filename });
          if (result.kind === 'invalid') {
            const locate = new Map(upload.forms.map((f) => [f.formId, f.locate]));
            return fail(
              '',
              result.issues.map((i) => {
                const def = format.forms.find((f) => f.id === i.formId);
                return {
                  form: formTitle(i.formId),
                  where: locate.get(i.formId)?.(i.path) ?? '',
                  field: def ? pathLabel(def, i.path, req.tr.t, req.locale) : i.path,
                  code: i.path,
                  message: req.tr.t(i.message, i.values),
                };
              }),
            );
          }
          if (!result.forms.length) return fail(req.tr.t('reporting.export.import.nothing'));
          return reply.redirect(`/${req.locale}/reports/${report.id}/import?imported=${result.forms.length}`, 303);
        },
      );
    });
  };
}
