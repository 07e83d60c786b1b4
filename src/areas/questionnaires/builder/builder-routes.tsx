/**
 * The builder's pages: list, new, overview, build (sections and questions), translations and the
 * respondent's preview. Routes parse, ask the policy, call a command or query, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { formBody, optionalText, parseForm, requiredText, userText, type FieldErrors } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { isLocale, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { FIELD_ID, type FormValues, type Issue } from '../../../platform/forms/definition.ts';
import { readSubmission } from '../../../platform/forms/values.ts';
import { validateFields } from '../../../platform/forms/validate.ts';
import { newRowId } from '../../../platform/forms/values.ts';
import { listCommittees } from '../../states/index.ts';
import { actionLinks, getPlanTree, listPlans } from '../../plans/index.ts';
import { QUESTION_TYPES, hiddenAnswers, questionsLinkedTo, textsOf, toFormDef, translationStatus, type ContentProblem, type QSection, type Question, type QuestionnaireContent, type Texts } from '../content.ts';
import { assertCan, canAssignQuestionnaireTo, canCreateQuestionnaire, canEditQuestionnaire, canUseQuestionnaires, canViewQuestionnaire } from '../policy.ts';
import { findQuestionnaire, latestVersion, listVersions, type QuestionnaireRow, type VersionRow } from '../questionnaires-repository.ts';
import * as commands from './builder-commands.ts';
import type { ContentEditResult, SchemaIssue } from './builder-commands.ts';
import { selectCounts, selectLatestVersionsLinkedTo, selectQuestionnaireList } from './builder-repository.ts';
import { dependentsOf, findQuestion, findSection, fingerprint } from './editing.ts';
import { draftOf, problemField, questionFromDraft, readDraft, type QuestionDraft } from './question-form.ts';
import { questionnaireStatus } from './status.ts';
import { NewQuestionnairePage, QuestionnaireListPage, type NewValues } from './views/list.tsx';
import { OverviewPage } from './views/overview.tsx';
import { BuildPage, ConfirmDeletePage, DetailsPage, plainText, sectionBase, SectionPage, type SectionValues } from './views/build.tsx';
import { QuestionPage, type PlanChoice } from './views/question.tsx';
import { TranslationPage, TranslationsPage } from './views/translations.tsx';
import { PreviewPage } from './views/preview.tsx';
import { pickText, titleText } from './views/shared.tsx';

type Params = { locale: string; id: string; sid: string; qid: string; lang: string };
type Req = FastifyRequest<{ Params: Params; Querystring: Record<string, string | undefined> }>;

/** Success notices shown after a redirect (`?done=`). */
const FLASHES = new Set(['created', 'copied', 'details_saved', 'section_added', 'section_saved', 'section_deleted', 'question_added', 'question_saved', 'question_deleted', 'moved', 'version_started', 'version_exists', 'translations_saved']);

function flashOf(req: Req): string | undefined {
  const v = req.query.done;
  return typeof v === 'string' && FLASHES.has(v) ? v : undefined;
}

const versionSchema = z.coerce.number().int().min(1).max(1_000_000_000);

/** The `_version` a form carries; a missing or malformed one is a bad request (forms always send it). */
function expectedVersion(body: Record<string, unknown>, name = '_version'): number {
  const v = versionSchema.safeParse(body[name]);
  if (!v.success) throw new AppError('bad_request', 'request.invalid');
  return v.data;
}

function text(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v.slice(0, 200) : '';
}

const directionSchema = z.object({ direction: z.enum(['up', 'down']) });
const newSchema = z.object({
  title: requiredText(300, 'questionnaires.builder.errors.title_required'),
  description: optionalText(4000, { multiline: true }),
  sourceLocale: z.enum(LOCALES, { error: 'questionnaires.builder.errors.source_locale' }),
  committeeId: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(80).optional()),
});
const detailsSchema = z.object({ title: requiredText(300, 'questionnaires.builder.errors.title_required'), description: optionalText(4000, { multiline: true }) });
const sectionSchema = z.object({
  id: z.string().regex(FIELD_ID, { error: 'questionnaires.builder.errors.code' }).optional(),
  title: requiredText(1000, 'questionnaires.builder.errors.section_title_required'),
  intro: optionalText(4000, { multiline: true }),
});
const addQuestionSchema = z.object({
  type: z.enum(QUESTION_TYPES, { error: 'questionnaires.builder.errors.question_type' }),
  label: requiredText(1000, 'questionnaires.builder.errors.label_required'),
});
const copySchema = z.object({ title: requiredText(300, 'questionnaires.builder.errors.title_required') });

export function registerBuilderPages(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  async function committeeNames(locale: string): Promise<Map<string, string>> {
    const list = await listCommittees(db());
    return new Map(list.map((c) => [c.id, (c.names as Record<string, string>)[locale] ?? c.names.en]));
  }

  /** The questionnaire and its newest version; 404 for unknown ids, 403 for those who may not see it. */
  async function load(req: Req): Promise<{ q: QuestionnaireRow; version: VersionRow }> {
    const q = await findQuestionnaire(db(), req.params.id);
    if (!q) throw notFound();
    assertCan(canViewQuestionnaire(req.user, q));
    const version = await latestVersion(db(), q.id);
    if (!version) throw notFound();
    return { q, version };
  }

  /** As `load`, for a change: the person may edit it and its newest version is a draft. */
  async function loadForEdit(req: Req): Promise<{ q: QuestionnaireRow; version: VersionRow }> {
    const loaded = await load(req);
    assertCan(canEditQuestionnaire(req.user, loaded.q));
    if (loaded.version.frozenAt) throw conflict('questionnaires.builder.frozen', { versionNo: loaded.version.versionNo });
    return loaded;
  }

  function sectionOf(content: QuestionnaireContent, sid: string): QSection {
    const s = FIELD_ID.test(sid) ? findSection(content, sid) : undefined;
    if (!s) throw notFound('questionnaires.builder.section_not_found');
    return s;
  }

  function questionOf(section: QSection, qid: string): Question {
    const q = FIELD_ID.test(qid) ? section.questions.find((x) => x.id === qid) : undefined;
    if (!q) throw notFound('questionnaires.builder.question_not_found');
    return q;
  }

  /** Messages of content problems, with where they are, for the error summary. */
  function problemMessages(req: Req, problems: ContentProblem[], schemaIssues: SchemaIssue[]): string[] {
    return [
      ...problems.map((p) => req.tr.t('questionnaires.builder.errors.problem_at', { path: p.path, message: req.tr.t(p.message, p.values) })),
      // The schema's own wording is English; the reader gets a sentence in their language with the path.
      ...schemaIssues.map((i) => req.tr.t('questionnaires.builder.errors.problem_at', { path: i.path, message: req.tr.t('questionnaires.builder.errors.invalid_value') })),
    ];
  }

  function formErrors(messages: string[]): FieldErrors {
    return messages.length ? { _form: messages.join(' ') } : {};
  }

  /* ---------------- List and new ---------------- */

  app.get('/:locale/questionnaires', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canUseQuestionnaires(req.user));
    const [rows, names] = await Promise.all([selectQuestionnaireList(db()), committeeNames(req.locale)]);
    const now = new Date();
    const items = rows
      .filter((r) => canViewQuestionnaire(req.user, r.questionnaire))
      .map((r) => ({ ...r, status: questionnaireStatus(r.questionnaire, now), committeeName: r.questionnaire.committeeId ? names.get(r.questionnaire.committeeId) : undefined }));
    return reply.page(<QuestionnaireListPage items={items} canCreate={canCreateQuestionnaire(req.user)} flash={flashOf(req)} />);
  });

  async function committeeChoices(req: Req) {
    const list = await listCommittees(db());
    return list.filter((c) => canAssignQuestionnaireTo(req.user, c.id)).map((c) => ({ id: c.id, name: (c.names as Record<string, string>)[req.locale] ?? c.names.en }));
  }

  app.get('/:locale/questionnaires/new', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canCreateQuestionnaire(req.user));
    const defaults: NewValues = { sourceLocale: isLocale(req.locale) ? req.locale : 'en', committeeId: req.user.committeeId ?? '' };
    return reply.page(<NewQuestionnairePage values={defaults} committees={await committeeChoices(req)} />);
  });

  app.post('/:locale/questionnaires/new', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canCreateQuestionnaire(req.user));
    const committees = await committeeChoices(req);
    const form = parseForm(newSchema, req.body, req.tr);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const committeeId = form.ok ? (form.data.committeeId ?? null) : null;
    if (form.ok && committeeId !== null && !committees.some((c) => c.id === committeeId)) errors.committeeId = req.tr.t('questionnaires.builder.errors.committee');
    if (!form.ok || Object.keys(errors).length) {
      const v = form.ok ? { ...form.data, description: form.data.description ?? '' } : form.values;
      const values: NewValues = { title: String(v.title ?? '').slice(0, 300), description: String(v.description ?? '').slice(0, 4000), sourceLocale: String(v.sourceLocale ?? '').slice(0, 5), committeeId: String(v.committeeId ?? '').slice(0, 80) };
      return reply.page(<NewQuestionnairePage values={values} errors={errors} committees={committees} />, 422);
    }
    const q = await commands.createQuestionnaire(deps, req.actor, req.user, { title: form.data.title, description: form.data.description, sourceLocale: form.data.sourceLocale, committeeId });
    return reply.redirect(`/${req.locale}/questionnaires/${q.id}/build?done=created`, 303);
  });

  /* ---------------- Overview, copy, versions ---------------- */

  async function renderOverview(req: Req, reply: FastifyReply, status?: number) {
    const { q } = await load(req);
    const [versions, counts, names] = await Promise.all([listVersions(db(), q.id), selectCounts(db(), q.id), committeeNames(req.locale)]);
    const latest = versions[versions.length - 1]!;
    return reply.page(
      <OverviewPage
        q={q}
        status={questionnaireStatus(q)}
        committeeName={q.committeeId ? names.get(q.committeeId) : undefined}
        versions={versions}
        translations={translationStatus(latest.content, q)}
        counts={counts}
        questionCount={latest.content.sections.reduce((n, s) => n + s.questions.length, 0)}
        canEdit={canEditQuestionnaire(req.user, q)}
        canCopy={canCreateQuestionnaire(req.user) && canAssignQuestionnaireTo(req.user, q.committeeId)}
        flash={flashOf(req)}
      />,
      status,
    );
  }

  app.get('/:locale/questionnaires/:id', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    return renderOverview(req, reply);
  });

  app.post('/:locale/questionnaires/:id/copy', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q } = await load(req);
    const form = parseForm(copySchema, req.body, req.tr);
    if (!form.ok) throw new AppError('validation', 'questionnaires.builder.copy_title_required');
    const copy = await commands.copyQuestionnaire(deps, req.actor, req.user, { questionnaireId: q.id, title: form.data.title });
    return reply.redirect(`/${req.locale}/questionnaires/${copy.id}?done=copied`, 303);
  });

  app.post('/:locale/questionnaires/:id/versions', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q } = await load(req);
    assertCan(canEditQuestionnaire(req.user, q));
    const result = await commands.startNextVersion(deps, req.actor, req.user, { questionnaireId: q.id });
    return reply.redirect(`/${req.locale}/questionnaires/${q.id}/build?done=${result.started ? 'version_started' : 'version_exists'}`, 303);
  });

  /* ---------------- Build ---------------- */

  function renderBuild(req: Req, reply: FastifyReply, q: QuestionnaireRow, version: VersionRow, extra: { errors?: FieldErrors; values?: Record<string, string>; status?: number } = {}) {
    return reply.page(<BuildPage q={q} version={version} canEdit={canEditQuestionnaire(req.user, q)} flash={flashOf(req)} errors={extra.errors} values={extra.values} />, extra.status);
  }

  app.get('/:locale/questionnaires/:id/build', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await load(req);
    return renderBuild(req, reply, q, version);
  });

  /** After a structural edit (add, move, delete): redirect on success, the build page with the reason otherwise. */
  async function afterStructuralEdit(req: Req, reply: FastifyReply, q: QuestionnaireRow, result: ContentEditResult, success: string, extra: { values?: Record<string, string> } = {}) {
    if (result.kind === 'saved') return reply.redirect(success, 303);
    if (result.kind === 'conflict') return renderBuild(req, reply, q, result.current, { errors: { _form: req.tr.t('questionnaires.builder.conflict.structure') }, values: extra.values, status: 409 });
    const { version } = await load(req);
    return renderBuild(req, reply, q, version, { errors: formErrors(problemMessages(req, result.problems, result.schemaIssues)), values: extra.values, status: 422 });
  }

  app.post('/:locale/questionnaires/:id/build/sections', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const form = parseForm(sectionSchema.omit({ id: true }), body, req.tr);
    if (!form.ok) return renderBuild(req, reply, q, version, { errors: form.errors, values: { title: text(body, 'title'), intro: String(body.intro ?? '').slice(0, 4000) }, status: 422 });
    const { result, sectionId } = await commands.addSection(deps, req.actor, req.user, { questionnaireId: q.id, expectedVersion: expected, lang: q.sourceLocale as Locale, title: form.data.title, intro: form.data.intro });
    return afterStructuralEdit(req, reply, q, result, `/${req.locale}/questionnaires/${q.id}/build?done=section_added#section-${sectionId}`);
  });

  function renderSection(req: Req, reply: FastifyReply, q: QuestionnaireRow, version: VersionRow, section: QSection, values: SectionValues, extra: { errors?: FieldErrors; conflict?: boolean; status?: number } = {}) {
    return reply.page(<SectionPage q={q} version={version} section={section} values={values} errors={extra.errors} conflict={extra.conflict} />, extra.status);
  }

  app.get('/:locale/questionnaires/:id/build/sections/:sid', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await load(req);
    const section = sectionOf(version.content, req.params.sid);
    const lang = q.sourceLocale as Locale;
    return renderSection(req, reply, q, version, section, { id: section.id, title: section.title[lang] ?? '', intro: section.intro?.[lang] ?? '' });
  });

  app.post('/:locale/questionnaires/:id/build/sections/:sid', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const values: SectionValues = { id: text(body, 'id'), title: String(body.title ?? '').slice(0, 2000), intro: String(body.intro ?? '').slice(0, 8000) };
    const form = parseForm(sectionSchema.required({ id: true }), body, req.tr);
    if (!form.ok) return renderSection(req, reply, q, version, section, values, { errors: form.errors, status: 422 });
    const result = await commands.updateSection(deps, req.actor, req.user, {
      questionnaireId: q.id,
      expectedVersion: expected,
      base: { of: (c) => { const s = findSection(c, section.id); return s ? sectionBase(s) : ''; }, value: text(body, '_base') },
      sectionId: section.id,
      lang: q.sourceLocale as Locale,
      id: form.data.id,
      title: form.data.title,
      intro: form.data.intro,
    });
    if (result.kind === 'saved') return reply.redirect(`/${req.locale}/questionnaires/${q.id}/build?done=section_saved#section-${form.data.id}`, 303);
    if (result.kind === 'conflict') {
      const current = findSection(result.current.content, section.id);
      if (!current) throw notFound('questionnaires.builder.section_not_found');
      return renderSection(req, reply, q, result.current, current, values, { conflict: true, status: 409 });
    }
    const errors: FieldErrors = {};
    const rest = result.problems.filter((p) => {
      if (p.path === form.data.id && p.message.endsWith('duplicate_section')) {
        errors.id = req.tr.t(p.message);
        return false;
      }
      return true;
    });
    return renderSection(req, reply, q, version, section, values, { errors: { ...errors, ...formErrors(problemMessages(req, rest, result.schemaIssues)) }, status: 422 });
  });

  app.post('/:locale/questionnaires/:id/build/sections/:sid/move', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const dir = directionSchema.safeParse(body);
    if (!dir.success) throw new AppError('bad_request', 'request.invalid');
    const result = await commands.moveSection(deps, req.actor, req.user, { questionnaireId: q.id, expectedVersion: expected, sectionId: section.id, direction: dir.data.direction });
    return afterStructuralEdit(req, reply, q, result, `/${req.locale}/questionnaires/${q.id}/build?done=moved#section-${section.id}`);
  });

  app.get('/:locale/questionnaires/:id/build/sections/:sid/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const title = plainText(section.title, q.sourceLocale) || section.id;
    const base = `/${req.locale}/questionnaires/${q.id}/build`;
    return reply.page(
      <ConfirmDeletePage
        q={q}
        version={version}
        title={req.tr.t('questionnaires.builder.delete.section_title', { section: title })}
        what={req.tr.t('questionnaires.builder.delete.section_text', { count: section.questions.length })}
        consequences={section.questions.map((x) => `${x.id} — ${plainText(x.label, q.sourceLocale)}`)}
        action={`${base}/sections/${section.id}/delete`}
        back={`${base}#section-${section.id}`}
      />,
    );
  });

  app.post('/:locale/questionnaires/:id/build/sections/:sid/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const expected = expectedVersion(formBody(req.body));
    const result = await commands.deleteSection(deps, req.actor, req.user, { questionnaireId: q.id, expectedVersion: expected, sectionId: section.id });
    return afterStructuralEdit(req, reply, q, result, `/${req.locale}/questionnaires/${q.id}/build?done=section_deleted`);
  });

  app.post('/:locale/questionnaires/:id/build/sections/:sid/questions', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const values = { _section: section.id, type: text(body, 'type'), label: String(body.label ?? '').slice(0, 2000) };
    const form = parseForm(addQuestionSchema, body, req.tr);
    if (!form.ok) return renderBuild(req, reply, q, version, { errors: form.errors, values, status: 422 });
    const { result, questionId } = await commands.addQuestion(deps, req.actor, req.user, { questionnaireId: q.id, expectedVersion: expected, sectionId: section.id, lang: q.sourceLocale as Locale, type: form.data.type, label: form.data.label });
    return afterStructuralEdit(req, reply, q, result, `/${req.locale}/questionnaires/${q.id}/build/sections/${section.id}/questions/${questionId}?done=question_added`, { values });
  });

  /* ---------------- Questions ---------------- */

  async function planChoices(locale: string): Promise<{ plans: PlanChoice[]; known: Set<string> }> {
    const summaries = await listPlans(db());
    const trees = await Promise.all(summaries.map((s) => getPlanTree(db(), s.plan.id)));
    const pick = (t: Record<string, string> | null | undefined) => (t ? t[locale]?.trim() || t.en || Object.values(t).find(Boolean) || '' : '');
    const plans = trees.map((tree) => ({
      id: tree.plan.id,
      title: pick(tree.plan.title as Record<string, string>),
      actions: tree.sections.flatMap((s) => s.actions.map((a) => ({ id: a.action.id, number: a.action.number, title: pick(a.action.title as Record<string, string>) }))),
    }));
    return { plans, known: new Set(plans.flatMap((p) => p.actions.map((a) => a.id))) };
  }

  const questionBase = (q: Question | undefined) => fingerprint(q ?? null);

  async function renderQuestion(req: Req, reply: FastifyReply, args: { q: QuestionnaireRow; version: VersionRow; section: QSection; question: Question; draft: QuestionDraft; errors?: FieldErrors; conflict?: Question; status?: number }) {
    const { plans } = await planChoices(req.locale);
    return reply.page(
      <QuestionPage
        q={args.q}
        version={args.version}
        section={args.section}
        question={args.question}
        draft={args.draft}
        base={questionBase(args.conflict ?? args.question)}
        plans={plans}
        errors={args.errors}
        conflict={args.conflict}
        flash={flashOf(req)}
      />,
      args.status,
    );
  }

  app.get('/:locale/questionnaires/:id/build/sections/:sid/questions/:qid', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await load(req);
    const section = sectionOf(version.content, req.params.sid);
    const question = questionOf(section, req.params.qid);
    return renderQuestion(req, reply, { q, version, section, question, draft: draftOf(question, q.sourceLocale as Locale) });
  });

  app.post('/:locale/questionnaires/:id/build/sections/:sid/questions/:qid', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const question = questionOf(section, req.params.qid);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const action = text(body, '_action') || 'save';
    const lang = q.sourceLocale as Locale;
    const draft = readDraft(body, action);
    // Adding or removing a row only shows the form again: nothing is stored before "Save".
    if (action !== 'save') return renderQuestion(req, reply, { q, version, section, question, draft });
    const { known } = await planChoices(req.locale);
    const parsed = questionFromDraft(draft, question, lang, { section, knownActions: known });
    const translate = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, req.tr.t(v)]));
    if (Object.keys(parsed.errors).length) return renderQuestion(req, reply, { q, version, section, question, draft, errors: translate(parsed.errors), status: 422 });
    const result = await commands.updateQuestion(deps, req.actor, req.user, {
      questionnaireId: q.id,
      expectedVersion: expected,
      base: { of: (c) => questionBase(findQuestion(c, section.id, question.id)), value: text(body, '_base') },
      sectionId: section.id,
      questionId: question.id,
      question: parsed.question,
    });
    if (result.kind === 'saved') return reply.redirect(`/${req.locale}/questionnaires/${q.id}/build?done=question_saved#section-${section.id}`, 303);
    if (result.kind === 'conflict') {
      const currentSection = findSection(result.current.content, section.id);
      const current = currentSection?.questions.find((x) => x.id === question.id);
      if (!currentSection || !current) throw conflict('questionnaires.builder.question_gone');
      return renderQuestion(req, reply, { q, version: result.current, section: currentSection, question: current, draft, conflict: current, status: 409 });
    }
    const errors: FieldErrors = {};
    const others: ContentProblem[] = [];
    for (const p of result.problems) {
      const field = problemField(p, section.id, parsed.question.id, parsed.question.columns ?? []);
      if (field && !errors[field]) errors[field] = req.tr.t(p.message, p.values);
      else if (!field) others.push(p);
    }
    return renderQuestion(req, reply, { q, version, section, question, draft, errors: { ...errors, ...formErrors(problemMessages(req, others, result.schemaIssues)) }, status: 422 });
  });

  app.post('/:locale/questionnaires/:id/build/sections/:sid/questions/:qid/move', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const question = questionOf(section, req.params.qid);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const dir = directionSchema.safeParse(body);
    if (!dir.success) throw new AppError('bad_request', 'request.invalid');
    const result = await commands.moveQuestion(deps, req.actor, req.user, { questionnaireId: q.id, expectedVersion: expected, sectionId: section.id, questionId: question.id, direction: dir.data.direction });
    return afterStructuralEdit(req, reply, q, result, `/${req.locale}/questionnaires/${q.id}/build?done=moved#section-${section.id}`);
  });

  app.get('/:locale/questionnaires/:id/build/sections/:sid/questions/:qid/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const question = questionOf(section, req.params.qid);
    const label = plainText(question.label, q.sourceLocale) || question.id;
    const base = `/${req.locale}/questionnaires/${q.id}/build`;
    return reply.page(
      <ConfirmDeletePage
        q={q}
        version={version}
        title={req.tr.t('questionnaires.builder.delete.question_title', { question: label })}
        what={req.tr.t('questionnaires.builder.delete.question_text')}
        consequences={dependentsOf(version.content, section.id, question.id).map((d) => req.tr.t('questionnaires.builder.delete.dependent', { question: `${d.id} — ${plainText(d.label, q.sourceLocale)}` }))}
        action={`${base}/sections/${section.id}/questions/${question.id}/delete`}
        back={`${base}#section-${section.id}`}
      />,
    );
  });

  app.post('/:locale/questionnaires/:id/build/sections/:sid/questions/:qid/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const section = sectionOf(version.content, req.params.sid);
    const question = questionOf(section, req.params.qid);
    const expected = expectedVersion(formBody(req.body));
    const result = await commands.deleteQuestion(deps, req.actor, req.user, { questionnaireId: q.id, expectedVersion: expected, sectionId: section.id, questionId: question.id });
    return afterStructuralEdit(req, reply, q, result, `/${req.locale}/questionnaires/${q.id}/build?done=question_deleted#section-${section.id}`);
  });

  /* ---------------- Details ---------------- */

  app.get('/:locale/questionnaires/:id/build/details', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q } = await loadForEdit(req);
    const lang = q.sourceLocale as Locale;
    return reply.page(<DetailsPage q={q} values={{ title: q.title[lang] ?? '', description: q.description[lang] ?? '' }} />);
  });

  app.post('/:locale/questionnaires/:id/build/details', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q } = await loadForEdit(req);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const values = { title: String(body.title ?? '').slice(0, 600), description: String(body.description ?? '').slice(0, 8000) };
    const form = parseForm(detailsSchema, body, req.tr);
    if (!form.ok) return reply.page(<DetailsPage q={q} values={values} errors={form.errors} />, 422);
    const result = await commands.updateQuestionnaireDetails(deps, req.actor, req.user, { questionnaireId: q.id, expectedVersion: expected, lang: q.sourceLocale as Locale, title: form.data.title, description: form.data.description });
    if (result.kind === 'conflict') return reply.page(<DetailsPage q={result.current} values={values} conflict />, 409);
    return reply.redirect(`/${req.locale}/questionnaires/${q.id}/build?done=details_saved`, 303);
  });

  /* ---------------- Translations ---------------- */

  app.get('/:locale/questionnaires/:id/translations', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await load(req);
    return reply.page(<TranslationsPage q={q} version={version} status={translationStatus(version.content, q)} flash={flashOf(req)} />);
  });

  function targetLang(req: Req, q: QuestionnaireRow): Locale {
    const lang = req.params.lang;
    if (!isLocale(lang) || lang === q.sourceLocale) throw notFound();
    return lang;
  }

  function renderTranslation(req: Req, reply: FastifyReply, q: QuestionnaireRow, version: VersionRow, lang: Locale, extra: { values?: Record<string, string>; errors?: FieldErrors; conflict?: boolean; status?: number } = {}) {
    const rows = textsOf(version.content, q);
    const stored = commands.textsIn(version.content, q, lang);
    return reply.page(
      <TranslationPage q={q} version={version} lang={lang} rows={rows} values={extra.values ?? stored} base={fingerprint(stored)} errors={extra.errors} conflict={extra.conflict} canEdit={canEditQuestionnaire(req.user, q)} />,
      extra.status,
    );
  }

  app.get('/:locale/questionnaires/:id/translations/:lang', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await load(req);
    return renderTranslation(req, reply, q, version, targetLang(req, q));
  });

  app.post('/:locale/questionnaires/:id/translations/:lang', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { q, version } = await loadForEdit(req);
    const lang = targetLang(req, q);
    const body = formBody(req.body);
    const expected = expectedVersion(body);
    const expectedHead = expectedVersion(body, '_head');
    const texts: Record<string, string> = {};
    const errors: FieldErrors = {};
    for (const slot of textsOf(version.content, q)) {
      const raw = body[`t.${slot.path}`];
      if (typeof raw !== 'string') continue;
      const value = userText(raw.slice(0, 8000), { multiline: /(^|\.)(description|intro|help)$/.test(slot.path) });
      if (value.length > 4000) errors[`t.${slot.path}`] = req.tr.t('questionnaires.builder.errors.too_long');
      texts[slot.path] = value.slice(0, 4000);
    }
    if (Object.keys(errors).length) return renderTranslation(req, reply, q, version, lang, { values: texts, errors, status: 422 });
    const result = await commands.saveTranslations(deps, req.actor, req.user, { questionnaireId: q.id, lang, expectedVersion: expected, expectedHeadVersion: expectedHead, base: text(body, '_base'), texts });
    if (result.kind === 'saved') return reply.redirect(`/${req.locale}/questionnaires/${q.id}/translations?done=translations_saved`, 303);
    if (result.kind === 'conflict') return renderTranslation(req, reply, result.head, result.current, lang, { values: { ...commands.textsIn(result.current.content, result.head, lang), ...texts }, conflict: true, status: 409 });
    return renderTranslation(req, reply, q, version, lang, { values: texts, errors: formErrors(problemMessages(req, result.problems, result.schemaIssues)), status: 422 });
  });

  /* ---------------- Preview ---------------- */

  /** The content with every text missing in `lang` taken from the source language. */
  function contentIn(content: QuestionnaireContent, title: Texts, lang: Locale, source: string): { content: QuestionnaireContent; title: Texts } {
    const c = structuredClone(content);
    const head = { title: { ...title } };
    for (const slot of textsOf(c, head)) {
      if (slot.texts[lang]?.trim()) continue;
      const fallback = pickText(slot.texts, source, source);
      if (fallback) slot.texts[lang] = fallback.text;
    }
    return { content: c, title: head.title };
  }

  function previewLang(req: Req, q: QuestionnaireRow): Locale {
    const asked = req.query.lang;
    if (asked !== undefined) {
      if (!isLocale(asked)) throw notFound();
      return asked;
    }
    return isLocale(req.locale) ? req.locale : (q.sourceLocale as Locale);
  }

  async function renderPreview(req: Req, reply: FastifyReply, submitted?: Record<string, unknown>) {
    const { q, version } = await load(req);
    const lang = previewLang(req, q);
    const localized = contentIn(version.content, q.title, lang, q.sourceLocale);
    const def = toFormDef(localized.content, { id: 'preview', title: localized.title });
    const contentTr = deps.translator(lang);
    if (!submitted) return reply.page(<PreviewPage q={q} version={version} def={def} lang={lang} contentTr={contentTr} values={{}} raw={{}} issues={[]} />);
    const parsed = readSubmission(def, submitted);
    let values: FormValues = parsed.values;
    const action = text(submitted, '_action');
    const rowAction = /^(add|remove):([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)(?::([A-Za-z0-9_-]{1,24}))?$/.exec(action);
    if (rowAction) {
      const [, kind, s, f, rowId] = rowAction;
      const field = def.sections.find((x) => x.id === s)?.fields.find((x) => x.id === f);
      if (field?.type === 'table') {
        const rows = Array.isArray(values[s!]?.[f!]) ? (values[s!]![f!] as Record<string, unknown>[]) : [];
        const next = kind === 'add' ? [...rows, { _id: newRowId() }].slice(0, field.maxRows ?? 500) : rows.filter((r) => r._id !== rowId);
        values = { ...values, [s!]: { ...values[s!], [f!]: next } };
      }
      return reply.page(<PreviewPage q={q} version={version} def={def} lang={lang} contentTr={contentTr} values={values} raw={parsed.raw} issues={parsed.issues} />);
    }
    const issues: Issue[] = [...parsed.issues, ...validateFields(def, values, { forms: {} }).filter((i) => !parsed.issues.some((p) => p.path === i.path))];
    const errors = issues.filter((i) => i.severity === 'error');
    return reply.page(
      <PreviewPage q={q} version={version} def={def} lang={lang} contentTr={contentTr} values={values} raw={parsed.raw} issues={issues} checked={{ stored: values, hidden: hiddenAnswers(def, values) }} />,
      errors.length ? 422 : 200,
    );
  }

  app.get('/:locale/questionnaires/:id/preview', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    return renderPreview(req, reply);
  });

  app.post('/:locale/questionnaires/:id/preview', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    return renderPreview(req, reply, formBody(req.body));
  });

  /* ---------------- "Where an action is asked" ---------------- */

  actionLinks(deps).provide(async (req, action) => {
    if (!canUseQuestionnaires(req.user)) return [];
    const rows = await selectLatestVersionsLinkedTo(db(), action.id);
    const group = req.tr.t('questionnaires.builder.links.group');
    return rows
      .filter((r) => canViewQuestionnaire(req.user, r.questionnaire))
      .flatMap((r) =>
        questionsLinkedTo(r.version.content, action.id).map(({ section, question }) => ({
          group,
          context: `${titleText(r.questionnaire, req.locale)} · ${pickText(section.title, req.locale, r.questionnaire.sourceLocale)?.text ?? section.id}`,
          label: pickText(question.label, req.locale, r.questionnaire.sourceLocale)?.text ?? question.id,
          code: `${section.id}.${question.id}`,
          href: `/${req.locale}/questionnaires/${r.questionnaire.id}/build/sections/${section.id}/questions/${question.id}`,
        })),
      );
  });
}
