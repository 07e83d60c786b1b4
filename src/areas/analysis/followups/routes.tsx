/**
 * The follow-up pages: candidates and follow-ups of a year, one follow-up (edit, language,
 * send, answered, close) and ISU's letter templates. Thin: parse → policy → query or command →
 * render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, isAppError, notFound } from '../../../platform/errors.ts';
import { formBody, parseForm, requiredText } from '../../../platform/http/forms.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { findState, listStates, localized } from '../../states/index.ts';
import { listIndicators, listSubmittedYears } from '../indicators/indicators-queries.ts';
import type { LocalizedText } from '../../states/index.ts';
import { closeFollowUp, defaultReplyBy, draftFollowUp, followUpRecipients, markAnswered, redraftLetter, saveLetter, saveLetterTemplate, sendFollowUp } from './followups-commands.ts';
import { followUpCandidates, getFollowUp, listFollowUps } from './followups-queries.ts';
import * as repo from './followups-repository.ts';
import { COOPERATION_WITHOUT_GENDER, GAP_KEYS, isGapKey } from './gaps.ts';
import { BODY_MAX, renderLetter, SIGNING_COMMITTEE, SUBJECT_MAX, TEMPLATE_KEYS, templateProblems, type TemplateKey } from './letters.ts';
import { assertCan, canEditLetterTemplates, canManageFollowUps, canViewFollowUps, canViewLetterTemplates } from './policy.ts';
import { FollowUpPage, FollowUpsPage, NoFollowUpPage, TemplatesPage, type FollowUpFlash } from './views/followups.tsx';
import { signInRedirect } from '../../../platform/http/sign-in.ts';

type Req = FastifyRequest<{ Params: { locale: string; id: string; key?: string; lang?: string; year?: string; state?: string } }>;


const yearText = z.preprocess((v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v), z.string().regex(/^\d{4}$/, { error: 'analysis.followups.year_invalid' }).transform(Number));
const gapList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60).refine(isGapKey, { error: 'analysis.followups.gap_invalid' })).max(GAP_KEYS.length * 2));

const listQuery = z.object({
  year: yearText.optional(),
  gap: gapList,
  chosen: z.string().max(5).optional(),
});

const version = z.preprocess((v) => (typeof v === 'string' ? normaliseDigits(v).trim() : v), z.coerce.number().int().min(1).max(2_147_483_647));

const draftBody = z.object({
  state: z.string().regex(/^[A-Za-z]{2}$/).transform((s) => s.toUpperCase()),
  year: yearText,
  gap: gapList.pipe(z.array(z.string()).min(1)),
});

const letterBody = z.object({
  version,
  subject: requiredText(SUBJECT_MAX, 'analysis.followups.subject_required'),
  body: requiredText(BODY_MAX, 'analysis.followups.body_required', { multiline: true }),
});

const languageBody = z.object({
  version,
  locale: z.enum(LOCALES, { error: 'analysis.followups.language_invalid' }),
  reply_by: z.preprocess(
    (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'analysis.followups.reply_by_invalid' })
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'analysis.followups.reply_by_invalid' })
      .optional(),
  ),
});

const versionBody = z.object({ version });

const answerBody = z.object({
  version,
  note: requiredText(2000, 'analysis.followups.note_required', { multiline: true }),
});

const FLASHES: readonly FollowUpFlash[] = ['drafted', 'exists', 'saved', 'redrafted', 'sent', 'answered', 'closed'];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The page of a State's follow-up for a year. */
export const followUpPath = (locale: string, f: { year: number; stateIso2: string }) => `/${locale}/analysis/follow-ups/${f.year}/${f.stateIso2.toLowerCase()}`;
const pageOf = (req: FastifyRequest, f: { year: number; stateIso2: string }) => followUpPath(req.locale, f);

export function registerFollowUpRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  async function indicatorTitles(): Promise<Map<string, LocalizedText>> {
    const rows = await listIndicators(db(), { activeOnly: false });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  async function renderOne(req: Req, reply: FastifyReply, id: string, extra: { flash?: FollowUpFlash; letter?: { subject: string; body: string }; answerNote?: string; errors?: Record<string, string>; problem?: string; status?: number; history?: repo.FollowUpListRow[] } = {}) {
    const followUp = await getFollowUp(db(), id);
    if (!followUp) throw notFound();
    const [titles, recipients] = await Promise.all([indicatorTitles(), followUp.status === 'draft' ? followUpRecipients(db(), followUp) : Promise.resolve([])]);
    return reply.page(
      <FollowUpPage
        followUp={followUp}
        titles={titles}
        recipients={recipients}
        canManage={canManageFollowUps(req.user)}
        flash={extra.flash}
        letter={extra.letter}
        answerNote={extra.answerNote}
        errors={extra.errors}
        problem={extra.problem}
        defaultReplyBy={isoDate(defaultReplyBy())}
        history={extra.history ?? []}
      />,
      extra.status,
    );
  }

  /** Refusals a reviewer can act on: shown on the follow-up page, what they typed kept. */
  function explained(e: unknown): string | undefined {
    if (!isAppError(e)) return undefined;
    if (['analysis.followups.stale', 'analysis.followups.no_recipients', 'analysis.followups.already_sent', 'analysis.followups.not_draft', 'analysis.followups.not_sent', 'analysis.followups.already_closed'].includes(e.code)) return `errors.${e.code}`;
    return undefined;
  }

  app.get('/:locale/analysis/follow-ups', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewFollowUps(req.user));
    const parsed = parseForm(listQuery, req.query, req.tr);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const q = parsed.ok ? parsed.data : { year: undefined, gap: [] as string[], chosen: undefined };
    const years = await listSubmittedYears(db());
    const year = q.year ?? years[0] ?? new Date().getUTCFullYear() - 1;
    let gaps = [...new Set(q.gap)];
    if (parsed.ok && q.chosen && !gaps.length) errors.gap = req.tr.t('analysis.followups.gap_required');
    if (!gaps.length) gaps = [COOPERATION_WITHOUT_GENDER];
    const [candidates, followUps, titles] = await Promise.all([followUpCandidates(db(), year, { gaps }), listFollowUps(db(), { year }), indicatorTitles()]);
    const byName = (a: { stateNames: LocalizedText }, b: { stateNames: LocalizedText }) => localized(a.stateNames, req.locale).localeCompare(localized(b.stateNames, req.locale), req.locale);
    candidates.sort(byName);
    return reply.page(
      <FollowUpsPage years={years} year={year} chosenGaps={gaps} candidates={candidates} followUps={followUps} titles={titles} canManage={canManageFollowUps(req.user)} canEditTemplates={canEditLetterTemplates(req.user)} errors={Object.keys(errors).length ? errors : undefined} />,
      Object.keys(errors).length ? 422 : 200,
    );
  });

  app.post('/:locale/analysis/follow-ups', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canManageFollowUps(req.user));
    const parsed = parseForm(draftBody, req.body, req.tr);
    if (!parsed.ok) throw new AppError('bad_request', 'request.invalid');
    const out = await draftFollowUp(deps.database, req.actor, req.user, { stateIso2: parsed.data.state, year: parsed.data.year, gaps: [...new Set(parsed.data.gap)] });
    return reply.redirect(`${pageOf(req, out.followUp)}?done=${out.kind}`, 303);
  });

  app.get('/:locale/analysis/follow-ups/templates', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewLetterTemplates(req.user));
    return renderTemplates(req as Req, reply, {});
  });

  async function renderTemplates(req: Req, reply: FastifyReply, extra: { key?: string; lang?: string; values?: { subject: string; body: string }; errors?: Record<string, string>; conflict?: boolean; status?: number }) {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const key = extra.key ?? (typeof q.key === 'string' ? q.key : undefined);
    const lang = extra.lang ?? (typeof q.lang === 'string' ? q.lang : undefined);
    const [templates, states, titles, committee] = await Promise.all([repo.listTemplates(db()), listStates(db(), { locale: req.locale }), indicatorTitles(), repo.findCommitteeNames(db(), SIGNING_COMMITTEE)]);
    const samples = states.map((s) => ({ iso2: s.state.iso2, name: localized(s.state.names, req.locale) })).sort((a, b) => a.name.localeCompare(b.name, req.locale));
    const sampleParam = typeof q.sample === 'string' ? q.sample.toUpperCase().slice(0, 2) : '';
    const sample = samples.some((s) => s.iso2 === sampleParam) ? sampleParam : samples.some((s) => s.iso2 === 'SN') ? 'SN' : (samples[0]?.iso2 ?? '');
    const selected = templates.find((t) => t.key === key && t.locale === lang);
    if ((key || lang) && !selected) throw notFound();
    let preview: { subject: string; body: string; locale: string } | undefined;
    if (selected && templateProblems(selected.subject + selected.body).length === 0) {
      const state = states.find((s) => s.state.iso2 === sample)?.state;
      const l = selected.locale as Locale;
      preview = {
        ...renderLetter({
          template: selected,
          locale: l,
          stateNames: state?.names ?? {},
          committeeNames: committee,
          year: new Date().getUTCFullYear() - 1,
          gaps: selected.key === 'cooperation_without_gender' ? [COOPERATION_WITHOUT_GENDER, 'gd.disaggregated'] : ['ca.resource_plan', 'gd.disaggregated'],
          replyBy: defaultReplyBy(),
          indicatorTitle: (id) => titles.get(id),
        }),
        locale: l,
      };
    }
    return reply.page(
      <TemplatesPage templates={templates} selected={selected} values={extra.values} preview={preview} samples={samples} sample={sample} saved={q.saved === '1' && !extra.values} conflict={extra.conflict} errors={extra.errors} />,
      extra.status,
    );
  }

  app.post('/:locale/analysis/follow-ups/templates/:key/:lang', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canEditLetterTemplates(req.user));
    const key = req.params.key ?? '';
    const lang = req.params.lang ?? '';
    if (!(TEMPLATE_KEYS as readonly string[]).includes(key) || !(LOCALES as readonly string[]).includes(lang)) throw notFound();
    const body = formBody(req.body);
    const typed = { subject: typeof body.subject === 'string' ? body.subject.slice(0, SUBJECT_MAX * 2) : '', body: typeof body.body === 'string' ? body.body.slice(0, BODY_MAX * 2) : '' };
    const parsed = parseForm(letterBody, body, req.tr);
    if (!parsed.ok) {
      if (parsed.errors.version) throw new AppError('bad_request', 'request.invalid');
      return renderTemplates(req, reply, { key, lang, values: typed, errors: parsed.errors, status: 422 });
    }
    const errors: Record<string, string> = {};
    const subjectProblems = templateProblems(parsed.data.subject);
    const bodyProblems = templateProblems(parsed.data.body);
    if (subjectProblems.length) errors.subject = req.tr.t('analysis.followups.templates.unknown_placeholder', { list: subjectProblems.join(' ') });
    if (bodyProblems.length) errors.body = req.tr.t('analysis.followups.templates.unknown_placeholder', { list: bodyProblems.join(' ') });
    if (Object.keys(errors).length) return renderTemplates(req, reply, { key, lang, values: typed, errors, status: 422 });
    try {
      await saveLetterTemplate(deps.database, req.actor, req.user, { key: key as TemplateKey, locale: lang as Locale, expectedVersion: parsed.data.version, subject: parsed.data.subject, body: parsed.data.body });
    } catch (e) {
      if (isAppError(e) && e.code === 'analysis.followups.stale') return renderTemplates(req, reply, { key, lang, values: typed, conflict: true, status: 409 });
      throw e;
    }
    const q = (req.query ?? {}) as Record<string, unknown>;
    const sample = typeof q.sample === 'string' && /^[A-Za-z]{2}$/.test(q.sample) ? q.sample.toUpperCase() : '';
    return reply.redirect(`/${req.locale}/analysis/follow-ups/templates?${new URLSearchParams({ key, lang, ...(sample ? { sample } : {}), saved: '1' }).toString()}`, 303);
  });

  /**
   * A State's follow-up for a reporting year: the open one (or else the latest closed one), with
   * the earlier ones below; without any, the State's gaps that year and the draft button.
   */
  app.get('/:locale/analysis/follow-ups/:year/:state', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewFollowUps(req.user));
    const year = /^\d{4}$/.test(req.params.year ?? '') ? Number(req.params.year) : undefined;
    const iso2 = /^[A-Za-z]{2}$/.test(req.params.state ?? '') ? req.params.state!.toUpperCase() : undefined;
    if (!year || !iso2) throw notFound();
    const state = await findState(db(), iso2);
    if (!state) throw notFound();
    const rows = await repo.listFollowUpRows(db(), { year, stateIso2: iso2 });
    const current = rows.find((r) => r.status !== 'closed') ?? rows[0];
    const q = (req.query ?? {}) as Record<string, unknown>;
    const flash = FLASHES.find((f) => f === q.done);
    if (current) return renderOne(req, reply, current.id, { flash, history: rows.filter((r) => r.id !== current.id) });
    const [candidate, titles] = await Promise.all([followUpCandidates(db(), year, { gaps: [...GAP_KEYS] }).then((c) => c.find((x) => x.stateIso2 === iso2)), indicatorTitles()]);
    return reply.page(<NoFollowUpPage stateNames={state.names} iso2={iso2} year={year} candidate={candidate} titles={titles} canManage={canManageFollowUps(req.user)} />);
  });

  /** The follow-up must exist before anything is parsed (unknown ids are 404 for every form). */
  async function existing(req: Req) {
    const row = await repo.findFollowUp(db(), req.params.id);
    if (!row) throw notFound();
    return row;
  }

  type Kept = { letter?: { subject: string; body: string }; answerNote?: string };
  /**
   * A change to one follow-up: signed in, allowed, the follow-up exists; the form is read (a bad
   * version is a bad request, other mistakes re-show the page with what was typed); a refusal the
   * person can act on (stale, already sent, no recipient…) re-shows it with the reason; then back
   * to the follow-up's page with `done` as its banner.
   */
  function letterAction<S extends z.ZodType<{ version: number }>>(path: string, schema: S, done: FollowUpFlash, run: (req: Req, id: string, data: z.output<S>) => Promise<unknown>, kept: (body: Record<string, unknown>) => Kept = () => ({})) {
    app.post(`/:locale/analysis/follow-ups/:id${path}`, async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      assertCan(canManageFollowUps(req.user));
      const row = await existing(req);
      const body = formBody(req.body);
      const typed = kept(body);
      const parsed = parseForm(schema, body, req.tr);
      if (!parsed.ok) {
        if (parsed.errors.version) throw new AppError('bad_request', 'request.invalid');
        return renderOne(req, reply, row.id, { ...typed, errors: parsed.errors, status: 422 });
      }
      try {
        await run(req, row.id, parsed.data);
      } catch (e) {
        const problem = explained(e);
        if (problem) return renderOne(req, reply, row.id, { ...typed, problem: req.tr.t(problem), status: 409 });
        throw e;
      }
      return reply.redirect(`${pageOf(req, row)}?done=${done}`, 303);
    });
  }
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

  letterAction(
    '',
    letterBody,
    'saved',
    (req, id, d) => saveLetter(deps.database, req.actor, req.user, { id, expectedVersion: d.version, subject: d.subject, body: d.body }),
    (body) => ({ letter: { subject: text(body.subject, SUBJECT_MAX * 2), body: text(body.body, BODY_MAX * 2) } }),
  );
  letterAction('/language', languageBody, 'redrafted', (req, id, d) =>
    redraftLetter(deps.database, req.actor, req.user, { id, expectedVersion: d.version, locale: d.locale, replyBy: d.reply_by ? new Date(`${d.reply_by}T00:00:00Z`) : undefined }),
  );
  letterAction('/send', versionBody, 'sent', (req, id, d) => sendFollowUp(deps.database, req.actor, req.user, { id, expectedVersion: d.version }));
  letterAction(
    '/answer',
    answerBody,
    'answered',
    (req, id, d) => markAnswered(deps.database, req.actor, req.user, { id, expectedVersion: d.version, note: d.note }),
    (body) => ({ answerNote: text(body.note, 4000) }),
  );
  letterAction('/close', versionBody, 'closed', (req, id, d) => closeFollowUp(deps.database, req.actor, req.user, { id, expectedVersion: d.version }));
}
