/**
 * The respondent's pages. Every page exists twice with the same handler: under a personal link
 * (`/:locale/answer/:token…`, no account) and for a signed-in invitee
 * (`/:locale/questionnaires/:id/respond…`); both resolve to one respondent context first.
 * Routes are thin: context → policy (inside the context and the commands) → command/query → page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppDeps } from '../../../platform/deps.ts';
import { isAppError, notFound } from '../../../platform/errors.ts';
import { formBody } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { findFile, sendFile } from '../../../platform/files/files.ts';
import { diffValues } from '../../../platform/forms/diff.ts';
import type { FormDef, FormValues, Issue } from '../../../platform/forms/definition.ts';
import { textOf } from '../../../platform/forms/definition.ts';
import type { References } from '../../../platform/forms/render.tsx';
import { listIsuContacts } from '../../accounts/index.ts';
import { stateNamesByIso2, localized } from '../../states/index.ts';
import { hiddenAnswers } from '../content.ts';
import { canAnswerAsAccount, canViewResults, invitationProblem } from '../policy.ts';
import { findQuestionnaire } from '../questionnaires-repository.ts';
import { respondentKeyOf } from '../respondents.ts';
import { addRowTarget, errorsOf, nextSection, parseVersionToken, pickText, sectionDef, sectionProgress, versionToken, withBlankRow, withSection, changedFields } from './answering.ts';
import { availabilityOf, resolveByAccount, resolveByToken, badRequest, type RespondentContext } from './respondent-context.ts';
import { addResponseFile, MAX_RESPONSE_FILES, removeResponseFile, recordLinkOpened, saveSection, submitResponse } from './responses-commands.ts';
import * as repo from './responses-repository.ts';
import { StartPage } from './views/start.tsx';
import { ConflictPage, SectionPage } from './views/section.tsx';
import { AlreadySubmittedPage, ReceiptPage, ReviewPage, type HiddenItem, type MissingItem } from './views/review.tsx';
import { HistoryPage, type HistoryEntry } from './views/history.tsx';
import { FilesPage } from './views/files.tsx';
import { ClosedPage, LinkProblemPage, NotOpenPage } from './views/notices.tsx';
import { MyQuestionnairesPage, type MyQuestionnaireRow } from './views/my-questionnaires.tsx';
import { responseStatus } from './views/shared.tsx';

type Params = { locale: string; token?: string; id?: string; section?: string; file?: string };
type Req = FastifyRequest<{ Params: Params; Querystring: Record<string, string | undefined> }>;
type Handler = (req: Req, reply: FastifyReply, ctx: RespondentContext) => Promise<unknown>;

const START_FLASHES = new Set(['saved', 'submitted']);
const FILE_FLASHES = new Set(['added', 'removed']);
const isAutosave = (req: FastifyRequest) => req.headers['x-autosave'] === '1';

/** Whether a form definition asks for files (file questions or file columns). */
function asksForFiles(def: FormDef | undefined): boolean {
  return !!def?.sections.some((s) => s.fields.some((f) => f.type === 'file' || (f.type === 'table' && f.columns.some((c) => c.type === 'file'))));
}

/** The label of the question at `section.question` or `section.table.row.column`. */
function questionLabel(def: FormDef, path: string, locale: string, t: (k: string) => string): string {
  const [sid, fid, row, col] = path.split('.');
  const f = def.sections.find((s) => s.id === sid)?.fields.find((x) => x.id === fid);
  if (!f) return path;
  const label = textOf(f.label, locale, t);
  if (f.type === 'table' && col) {
    const c = f.columns.find((x) => x.id === col);
    return `${label} (${Number(row) + 1}): ${c ? textOf(c.label, locale, t) : col}`;
  }
  return label;
}

export function registerAnsweringRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  async function references(ctx: RespondentContext): Promise<References> {
    if (!ctx.response) return { __attachments: [] };
    return { __attachments: (await repo.listFiles(db(), ctx.response.id)).map((f) => ({ value: f.fileId, label: f.filename })) };
  }

  /** Pages that cannot be used now: the link's problem, or a questionnaire not open yet. */
  async function refusal(req: Req, reply: FastifyReply, ctx: RespondentContext): Promise<FastifyReply | undefined> {
    if (ctx.problem) {
      if (isAutosave(req)) return reply.code(410).send({ status: ctx.problem });
      const contacts = (await listIsuContacts(db())).slice(0, 3);
      return reply.page(<LinkProblemPage problem={ctx.problem} contacts={contacts} />, 410);
    }
    if (ctx.availability === 'not_open') {
      if (isAutosave(req)) return reply.code(409).send({ status: 'not_open' });
      return reply.page(<NotOpenPage title={ctx.title} opensAt={ctx.questionnaire.circulatedAt ? ctx.questionnaire.opensAt : null} />, req.method === 'GET' ? 200 : 409);
    }
    return undefined;
  }

  function both(scope: FastifyInstance, method: 'GET' | 'POST', suffix: string, handler: Handler) {
    scope.route<{ Params: Params; Querystring: Record<string, string | undefined> }>({
      method,
      url: `/:locale/answer/:token${suffix}`,
      handler: async (req, reply) => {
        const ctx = await resolveByToken(deps, req, req.params.token!);
        return (await refusal(req, reply, ctx)) ?? handler(req, reply, ctx);
      },
    });
    scope.route<{ Params: Params; Querystring: Record<string, string | undefined> }>({
      method,
      url: `/:locale/questionnaires/:id/respond${suffix}`,
      handler: async (req, reply) => {
        const ctx = await resolveByAccount(deps, req, reply, req.params.id!);
        if (!ctx) return reply;
        return (await refusal(req, reply, ctx)) ?? handler(req, reply, ctx);
      },
    });
  }

  app.register(async (scope) => {
    // Personal links are credentials in the URL: never sent on as a referrer, never cached.
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cache-control', 'no-store');
      return payload;
    });

    /* ----- Start page ----- */
    both(scope, 'GET', '', async (req, reply, ctx) => {
      if (ctx.via === 'link') await recordLinkOpened(deps, ctx.respondent);
      const def = ctx.def!;
      const values = ctx.response?.values ?? {};
      const [colleagues, changedAfter, files] = await Promise.all([
        repo.listColleagues(db(), ctx.invitation),
        ctx.response?.status === 'submitted' ? repo.changedAfterSubmission(db(), ctx.response.id) : Promise.resolve(false),
        ctx.response ? repo.listFiles(db(), ctx.response.id) : Promise.resolve([]),
      ]);
      const r = ctx.response;
      const flash = req.query.flash && START_FLASHES.has(req.query.flash) ? req.query.flash : undefined;
      return reply.page(
        <StartPage
          base={ctx.base}
          title={ctx.title}
          description={ctx.description}
          stateName={ctx.stateName}
          audience={req.tr.t(`questionnaires.answering.audience.${ctx.invitation.audience}`)}
          colleagues={colleagues.filter((c) => c.id !== ctx.invitation.id).map((c) => c.name)}
          status={responseStatus(r, changedAfter)}
          availability={ctx.availability}
          opensAt={ctx.questionnaire.opensAt}
          closesAt={ctx.questionnaire.closesAt}
          closedAt={ctx.questionnaire.closedAt}
          lastSaved={r && (r.version > 1 || r.submittedAt) ? { at: r.updatedAt, by: r.updatedByName } : undefined}
          submitted={r?.submittedAt ? { at: r.submittedAt, receipt: r.receipt, by: r.submittedByName } : undefined}
          sections={def.sections.map((s) => ({ id: s.id, title: textOf(s.title, req.locale, req.tr.t), progress: sectionProgress(def, s.id, values) }))}
          fileCount={files.length}
          hasFileQuestions={asksForFiles(def)}
          hasHistory={!!r?.firstSubmittedAt}
          flash={flash}
          readOnly={ctx.availability === 'closed' && r ? { def, values: r.values, references: { __attachments: files.map((f) => ({ value: f.fileId, label: f.filename })) } } : undefined}
        />,
      );
    });

    /* ----- Sections ----- */
    async function renderSection(req: Req, reply: FastifyReply, ctx: RespondentContext, extra: { values?: FormValues; raw?: Record<string, string>; issues?: Issue[]; status?: number } = {}) {
      const def = ctx.def!;
      const one = sectionDef(def, req.params.section ?? '');
      if (!one) throw notFound();
      const sid = one.sections[0]!.id;
      const stored = ctx.response?.values ?? {};
      let values = extra.values ?? stored;
      const add = addRowTarget(one, req.query.add);
      if (add && !extra.values) values = withBlankRow(values, add);
      const index = def.sections.findIndex((s) => s.id === sid);
      return reply.page(
        <SectionPage
          base={ctx.base}
          title={ctx.title}
          def={one}
          number={index + 1}
          total={def.sections.length}
          values={values}
          raw={extra.raw}
          issues={extra.issues}
          references={await references(ctx)}
          versionToken={ctx.response ? versionToken(ctx.response.version, stored, sid) : '0'}
          submittedAt={ctx.response?.status === 'submitted' ? ctx.response.submittedAt : null}
          hasFileQuestions={asksForFiles(one)}
          isLast={index === def.sections.length - 1}
          flash={req.query.flash === 'saved' ? 'saved' : undefined}
        />,
        extra.status,
      );
    }

    both(scope, 'GET', '/sections/:section', async (req, reply, ctx) => {
      if (ctx.availability === 'closed') return reply.redirect(ctx.base, 303);
      return renderSection(req, reply, ctx);
    });

    async function save(req: Req, reply: FastifyReply, ctx: RespondentContext, opts: { resolve: boolean }) {
      const body: Record<string, unknown> = formBody(req.body);
      const token = parseVersionToken(body._version);
      if (!token) throw badRequest();
      const sid = req.params.section ?? '';
      const one = sectionDef(ctx.def!, sid);
      if (!one) throw notFound();
      const action = typeof body._action === 'string' ? body._action.slice(0, 300) : 'later';
      const keepMine = opts.resolve
        ? Object.entries(body)
            .filter(([k, v]) => k.startsWith('keep.') && v === 'mine')
            .map(([k]) => k.slice(5))
            .filter((p) => one.sections[0]!.fields.some((f) => `${sid}.${f.id}` === p))
        : undefined;
      const result = await saveSection(deps, ctx.respondent, {
        sectionId: sid,
        expectedVersion: token.version,
        fingerprint: opts.resolve ? undefined : token.fingerprint,
        body,
        locale: req.locale,
        removeRow: !opts.resolve && action.startsWith('remove:') ? action.slice('remove:'.length) : undefined,
        keepMine,
      });
      if (isAutosave(req)) {
        if (result.kind === 'saved') return reply.send({ status: 'saved', version: versionToken(result.response.version, result.response.values, sid), savedAt: result.response.updatedAt, rowIds: result.newRowIds });
        if (result.kind === 'conflict') return reply.code(409).send({ status: 'conflict' });
        if (result.kind === 'closed') return reply.code(409).send({ status: 'closed' });
        return reply.code(422).send({ status: 'invalid', errors: result.parsed.issues.map((i) => ({ path: i.path, message: req.tr.t(i.message, i.values) })) });
      }
      if (result.kind === 'closed') {
        return reply.page(<ClosedPage base={ctx.base} title={ctx.title} closedAt={ctx.questionnaire.closedAt ?? ctx.questionnaire.closesAt} typed={{ def: one, values: result.mine, references: await references(ctx) }} />, 409);
      }
      if (result.kind === 'invalid') {
        const typed = withSection(ctx.response?.values ?? {}, sid, { [sid]: { ...(ctx.response?.values[sid] ?? {}), ...(result.parsed.values[sid] ?? {}) } });
        return renderSection(req, reply, ctx, { values: typed, raw: result.parsed.raw, issues: result.parsed.issues, status: 422 });
      }
      if (result.kind === 'conflict') {
        const theirs = result.current.values;
        const mine = withSection(theirs, sid, result.mine);
        return reply.page(
          <ConflictPage
            base={ctx.base}
            title={ctx.title}
            def={one}
            theirs={theirs}
            mine={mine}
            changed={changedFields(one, theirs, mine)}
            versionToken={String(result.current.version)}
            body={body}
            references={await references(ctx)}
            theirsBy={result.current.updatedByName}
            theirsAt={result.current.updatedAt}
          />,
          409,
        );
      }
      const here = `${ctx.base}/sections/${sid}`;
      if (action.startsWith('add:')) return reply.redirect(`${here}?add=${encodeURIComponent(action.slice(4, 200))}`, 303);
      if (action.startsWith('remove:')) return reply.redirect(`${here}?flash=saved`, 303);
      if (action === 'continue') {
        const next = nextSection(ctx.def!, sid);
        return reply.redirect(next ? `${ctx.base}/sections/${next.id}` : `${ctx.base}/review`, 303);
      }
      return reply.redirect(`${ctx.base}?flash=saved`, 303);
    }

    both(scope, 'POST', '/sections/:section', async (req, reply, ctx) => save(req, reply, ctx, { resolve: false }));
    both(scope, 'POST', '/sections/:section/resolve', async (req, reply, ctx) => save(req, reply, ctx, { resolve: true }));

    /* ----- Review and submission ----- */
    async function renderReview(req: Req, reply: FastifyReply, ctx: RespondentContext, extra: { confirmError?: string; status?: number; notice?: string } = {}) {
      const def = ctx.def!;
      const values = ctx.response?.values ?? {};
      const t = req.tr.t;
      const missing: MissingItem[] = errorsOf(def, values).map((i) => ({
        sectionId: i.path.split('.')[0]!,
        path: i.path,
        message: t('questionnaires.answering.review.missing_item', { question: questionLabel(def, i.path, req.locale, t), message: t(i.message, i.values) }),
      }));
      const hidden: HiddenItem[] = hiddenAnswers(def, values).map((path) => {
        const [sid, fid] = path.split('.') as [string, string];
        const f = def.sections.find((s) => s.id === sid)!.fields.find((x) => x.id === fid)!;
        return { sectionId: sid, question: questionLabel(def, path, req.locale, t), condition: questionLabel(def, `${sid}.${f.showIf!.field}`, req.locale, t) };
      });
      const r = ctx.response;
      return reply.page(
        <ReviewPage
          base={ctx.base}
          title={ctx.title}
          def={def}
          values={values}
          references={await references(ctx)}
          missing={missing}
          hidden={hidden}
          versionToken={String(r?.version ?? 0)}
          submitted={r?.status === 'submitted' && r.submittedAt ? { at: r.submittedAt, receipt: r.receipt } : undefined}
          canSubmit={ctx.availability === 'open'}
          confirmError={extra.confirmError}
          notice={extra.notice}
        />,
        extra.status,
      );
    }

    both(scope, 'GET', '/review', async (req, reply, ctx) => {
      if (ctx.availability === 'closed') return reply.redirect(ctx.base, 303);
      return renderReview(req, reply, ctx, { notice: req.query.notice === 'stale' ? 'stale' : undefined });
    });

    both(scope, 'POST', '/submit', async (req, reply, ctx) => {
      const body = formBody(req.body);
      const token = parseVersionToken(body._version);
      if (!token) throw badRequest();
      const r = ctx.response;
      if (r?.status === 'submitted') return reply.page(<AlreadySubmittedPage base={ctx.base} title={ctx.title} at={r.submittedAt!} receipt={r.receipt} by={r.submittedByName} />, 409);
      if (body.confirm !== 'yes' && ctx.availability === 'open') return renderReview(req, reply, ctx, { confirmError: req.tr.t('questionnaires.answering.review.confirm_required'), status: 422 });
      const result = await submitResponse(deps, ctx.respondent, { expectedVersion: token.version, locale: req.locale, receiptLink: `${ctx.link(req.locale)}/receipt` });
      switch (result.kind) {
        case 'submitted':
          return reply.redirect(`${ctx.base}/receipt`, 303);
        case 'already':
          return reply.page(<AlreadySubmittedPage base={ctx.base} title={ctx.title} at={result.response.submittedAt!} receipt={result.response.receipt} by={result.response.submittedByName} />, 409);
        case 'stale':
          return reply.redirect(`${ctx.base}/review?notice=stale`, 303);
        case 'closed':
          return reply.page(<ClosedPage base={ctx.base} title={ctx.title} closedAt={ctx.questionnaire.closedAt ?? ctx.questionnaire.closesAt} />, 409);
        case 'invalid':
          return renderReview(req, reply, ctx, { status: 422 });
      }
    });

    both(scope, 'GET', '/receipt', async (_req, reply, ctx) => {
      const r = ctx.response;
      if (!r || r.status !== 'submitted' || !r.submittedAt || !r.receipt) return reply.redirect(`${ctx.base}/review`, 303);
      return reply.page(<ReceiptPage base={ctx.base} title={ctx.title} receipt={r.receipt} at={r.submittedAt} by={r.submittedByName} />);
    });

    /* ----- History ----- */
    both(scope, 'GET', '/history', async (_req, reply, ctx) => {
      const events = ctx.response ? await repo.listEvents(db(), ctx.response.id) : [];
      const def = ctx.def!;
      const entries: HistoryEntry[] = events.map((e, i) => ({ kind: e.kind, at: e.at, by: e.actorName, first: i === 0, changes: i === 0 ? [] : diffValues(def, events[i - 1]!.values, e.values) }));
      return reply.page(<HistoryPage base={ctx.base} title={ctx.title} def={def} entries={entries} references={await references(ctx)} />);
    });

    /* ----- Files ----- */
    async function renderFiles(req: Req, reply: FastifyReply, ctx: RespondentContext, error?: string, status?: number) {
      const items = ctx.response ? await repo.listFiles(db(), ctx.response.id) : [];
      const flash = req.query.flash && FILE_FLASHES.has(req.query.flash) ? req.query.flash : undefined;
      return reply.page(<FilesPage base={ctx.base} title={ctx.title} items={items} canEdit={ctx.availability === 'open'} maxBytes={deps.config.uploadLimit} maxFiles={MAX_RESPONSE_FILES} error={error} flash={flash} />, status);
    }
    both(scope, 'GET', '/files', async (req, reply, ctx) => renderFiles(req, reply, ctx));

    const mb = () => Math.max(1, Math.round(deps.config.uploadLimit / 1024 / 1024));
    scope.register(async (uploads) => {
      await uploads.register(multipart, { attachFieldsToBody: true, limits: { fileSize: deps.config.uploadLimit, files: 1, fields: 5, parts: 6 } });
      // An oversized or malformed upload is refused on the files page with the limit (before the CSRF check, as nothing is stored).
      uploads.setErrorHandler(async (err, req, reply) => {
        const code = (err as { code?: string }).code ?? '';
        const status = (err as { statusCode?: number }).statusCode;
        if (code.startsWith('FST_') || status === 413) {
          const r = req as Req;
          const ctx = r.params.token ? await resolveByToken(deps, r, r.params.token) : await resolveByAccount(deps, r, reply, r.params.id ?? '');
          if (!ctx) return reply;
          const tooLarge = code === 'FST_REQ_FILE_TOO_LARGE' || status === 413;
          return renderFiles(r, reply, ctx, req.tr.t(tooLarge ? 'errors.file.too_large' : 'errors.file.missing', { max: mb() }), tooLarge ? 413 : 400);
        }
        throw err;
      });
      both(uploads, 'POST', '/files', async (req, reply, ctx) => {
        const body = (req.body ?? {}) as Record<string, { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> }>;
        const file = body.file;
        if (!file || file.type !== 'file' || !file.toBuffer || !file.filename) return renderFiles(req, reply, ctx, req.tr.t('errors.file.missing'), 422);
        let data: Buffer;
        try {
          data = await file.toBuffer();
        } catch {
          return renderFiles(req, reply, ctx, req.tr.t('errors.file.too_large', { max: mb() }), 413);
        }
        try {
          await addResponseFile(deps, ctx.respondent, { filename: file.filename, data, locale: req.locale });
        } catch (e) {
          if (isAppError(e) && (e.code.startsWith('file.') || e.code === 'questionnaires.answering.too_many_files')) {
            // The platform's type message lists CSV, which a file question does not take.
            const key = e.code === 'file.type_not_accepted' ? 'errors.questionnaires.answering.file_type' : `errors.${e.code}`;
            return renderFiles(req, reply, ctx, req.tr.t(key, { max: e.code === 'questionnaires.answering.too_many_files' ? MAX_RESPONSE_FILES : mb() }), e.status);
          }
          if (isAppError(e) && e.code === 'questionnaires.answering.closed') return reply.page(<ClosedPage base={ctx.base} title={ctx.title} closedAt={ctx.questionnaire.closedAt ?? ctx.questionnaire.closesAt} />, 409);
          throw e;
        }
        return reply.redirect(`${ctx.base}/files?flash=added`, 303);
      });
    });

    both(scope, 'POST', '/files/:file/delete', async (req, reply, ctx) => {
      try {
        await removeResponseFile(deps, ctx.respondent, { fileId: req.params.file ?? '' });
      } catch (e) {
        if (isAppError(e) && e.code === 'questionnaires.answering.closed') return reply.page(<ClosedPage base={ctx.base} title={ctx.title} closedAt={ctx.questionnaire.closedAt ?? ctx.questionnaire.closesAt} />, 409);
        throw e;
      }
      return reply.redirect(`${ctx.base}/files?flash=removed`, 303);
    });

    /** A file of the respondent's own response. */
    async function download(reply: FastifyReply, questionnaireId: string, responseId: string | undefined, fileId: string) {
      const owner = await repo.findFileOwner(db(), questionnaireId, fileId);
      if (!owner || !responseId || owner.responseId !== responseId) throw notFound();
      const file = await findFile(db(), fileId);
      if (!file) throw notFound();
      return sendFile(reply, file);
    }
    scope.get<{ Params: Params }>('/:locale/answer/:token/files/:file', async (req, reply) => {
      const ctx = await resolveByToken(deps, req, req.params.token!);
      if (ctx.problem) return refusal(req as Req, reply, ctx);
      return download(reply, ctx.questionnaire.id, ctx.response?.id, req.params.file!);
    });
    // Signed in: the invitee's own files, or any response's file for those who may read the results.
    scope.get<{ Params: Params }>('/:locale/questionnaires/:id/respond/files/:file', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      const q = await findQuestionnaire(db(), req.params.id!);
      if (!q) throw notFound();
      if (canViewResults(req.user, q)) {
        const owner = await repo.findFileOwner(db(), q.id, req.params.file!);
        if (!owner) throw notFound();
        return download(reply, q.id, owner.responseId, req.params.file!);
      }
      const ctx = await resolveByAccount(deps, req, reply, q.id);
      if (!ctx) return reply;
      if (ctx.problem) return refusal(req as Req, reply, ctx);
      return download(reply, q.id, ctx.response?.id, req.params.file!);
    });
  });

  /* ----- A signed-in person's questionnaires ----- */
  app.get<{ Params: { locale: string } }>('/:locale/my/questionnaires', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const user = req.user;
    const found = (await repo.listInvitationsOfAccount(db(), user)).filter((r) => canAnswerAsAccount(user, r.invitation));
    // One row per questionnaire: the invitation naming the account first.
    const byQuestionnaire = new Map<string, (typeof found)[number]>();
    for (const r of found) {
      const prev = byQuestionnaire.get(r.questionnaire.id);
      if (!prev || (r.invitation.userId === user.id && prev.invitation.userId !== user.id)) byQuestionnaire.set(r.questionnaire.id, r);
    }
    const list = [...byQuestionnaire.values()].filter((r) => r.questionnaire.circulatedAt);
    const responses = await repo.listResponsesOf(
      db(),
      list.map((r) => ({ questionnaireId: r.questionnaire.id, respondentKey: respondentKeyOf(r.invitation) })),
    );
    const names = await stateNamesByIso2(db());
    const now = new Date();
    const rows: MyQuestionnaireRow[] = list.map(({ invitation, questionnaire: q }) => {
      const response = responses.find((x) => x.questionnaireId === q.id && x.respondentKey === respondentKeyOf(invitation));
      const stateNames = invitation.stateIso2 ? names.get(invitation.stateIso2) : undefined;
      return {
        questionnaireId: q.id,
        title: pickText(q.title, req.locale, q.sourceLocale),
        stateName: stateNames ? localized(stateNames, req.locale) : null,
        audience: req.tr.t(`questionnaires.answering.audience.${invitation.audience}`),
        status: responseStatus(response, false),
        availability: availabilityOf(q, now),
        problem: invitationProblem(invitation, now),
        closesAt: q.closesAt,
      };
    });
    return reply.page(<MyQuestionnairesPage rows={rows} />);
  });
}
