/**
 * Individualised approach pages. Thin: parse → policy → query or command → render or redirect.
 * Committee members and ISU follow and edit every State's record; a State's users read their own
 * (another State's record is "not found" to them); the final report, once published, is public on
 * `/{locale}/states/{iso2}/individualised-approach/{id}`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, hidden, isAppError, notFound } from '../../../platform/errors.ts';
import { formBody, optionalText, parseForm, type FieldErrors } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { isStateUser } from '../../accounts/index.ts';
import { localized, stateNamesByIso2 } from '../../states/index.ts';
import { assertCan, canEditIndividualisedApproach, canFollowIndividualisedApproach, canViewIndividualisedApproach, canViewMeeting } from '../policy.ts';
import type { Texts } from '../schema.ts';
import { changeStatus, IaRejected, linkMeeting, prefillProfile, publishFinalReport, recordInterest, saveProfileTexts, saveTexts, updateInterest, withdrawFinalReport } from './individualised-commands.ts';
import { findPublishedReport, publishedIndividualisedApproachReports } from './individualised-queries.ts';
import * as repo from './individualised-repository.ts';
import { IA_STATUSES, isNewerSource, nextSteps, PROFILE_SECTIONS } from './individualised.ts';
import { IaListPage, IaRecordPage, InterestPage, MeetingPage, ProfilePage, PublicReportPage, StatePageSection, TextsPage } from './views/individualised.tsx';

type Req = FastifyRequest<{ Params: { locale: string; id: string; iso2: string }; Querystring: Record<string, string | undefined> }>;

const digits = (v: unknown) => (typeof v === 'string' ? normaliseDigits(v).trim() : v);
const version = z.preprocess(digits, z.coerce.number().int().min(1).max(2_147_483_647));
const today = () => new Date().toISOString().slice(0, 10);

/** A past or present calendar day, typed in any digits. */
const pastDate = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseDigits(v).trim() : v),
  z
    .string({ error: 'engagement.individualised.date_required' })
    .min(1, { error: 'engagement.individualised.date_required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'engagement.individualised.date_invalid' })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'engagement.individualised.date_invalid' })
    .refine((s) => s >= '1999-03-01', { error: 'engagement.individualised.date_too_early' })
    .refine((s) => s <= today(), { error: 'engagement.individualised.date_future' }),
);

const interestBody = z.object({
  state: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string({ error: 'engagement.individualised.state_required' }).regex(/^[A-Z]{2}$/, { error: 'engagement.individualised.state_required' })),
  interest_on: pastDate,
  intended_event: optionalText(300),
});
const versionBody = z.object({ version });
const profileBody = z.object({ version, ...Object.fromEntries(PROFILE_SECTIONS.map((s) => [s, optionalText(10_000, { multiline: true })])) }) as unknown as z.ZodType<{ version: number } & Record<string, string | undefined>>;
const prefillBody = z.object({ version, replace: z.literal('yes').optional() });
const meetingBody = z.object({ version, meeting: z.union([z.literal('none'), z.uuid({ error: 'engagement.individualised.meeting_choose' })], { error: 'engagement.individualised.meeting_choose' }) });
const textsBody = z.object({ version, ...Object.fromEntries(LOCALES.map((l) => [`text-${l}`, optionalText(50_000, { multiline: true })])) }) as unknown as z.ZodType<{ version: number } & Record<string, string | undefined>>;
const statusBody = z.object({ version, to: z.enum(IA_STATUSES, { error: 'engagement.individualised.transition_invalid' }) });
const listQuery = z.object({ status: z.enum(IA_STATUSES).optional().catch(undefined), state: z.string().regex(/^[A-Za-z]{2}$/).optional().catch(undefined) });

const FLASHES = ['created', 'interest_saved', 'profile_saved', 'prefilled', 'meeting_saved', 'summary_saved', 'final_report_saved', 'status_saved', 'published', 'withdrawn'] as const;
const flashOf = (q: Record<string, string | undefined>) => ((FLASHES as readonly string[]).includes(q.flash ?? '') ? q.flash : undefined);

export function registerIaRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  async function stateOptions(locale: string) {
    const all = await stateNamesByIso2(db());
    return [...all].map(([iso2, names]) => ({ iso2, name: localized(names, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  }
  async function nameOf(iso2: string, locale: string) {
    const names = await stateNamesByIso2(db());
    return names.get(iso2) ? localized(names.get(iso2)!, locale) : iso2;
  }

  /** The record the signed-in reader may see; another State's record is "not found". */
  async function loadVisible(req: Req) {
    const row = await repo.findRecord(db(), req.params.id);
    if (!row) throw notFound();
    if (!canViewIndividualisedApproach(req.user, row)) {
      if (isStateUser(req.user)) throw hidden();
      throw new AppError('forbidden', 'forbidden');
    }
    return row;
  }
  async function loadEditable(req: Req) {
    const row = await loadVisible(req);
    assertCan(canEditIndividualisedApproach(req.user));
    return row;
  }

  /* ----- the list ----- */

  async function renderList(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: Record<string, string>; status?: number } = {}) {
    const filter = listQuery.parse(req.query ?? {});
    const own = !canFollowIndividualisedApproach(req.user);
    const stateIso2 = own ? req.user!.stateIso2! : filter.state?.toUpperCase();
    const rows = await repo.listRecords(db(), { status: filter.status, stateIso2 });
    const names = await stateNamesByIso2(db());
    const stateNames = new Map([...names].map(([k, v]) => [k, localized(v, req.locale)]));
    const canCreate = canEditIndividualisedApproach(req.user);
    return reply.page(<IaListPage rows={rows} stateNames={stateNames} states={canCreate ? await stateOptions(req.locale) : []} filter={{ status: filter.status, state: own ? undefined : stateIso2 }} canCreate={canCreate} errors={extra.errors} values={extra.values} today={today()} />, extra.status);
  }

  app.get('/:locale/individualised-approach', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canFollowIndividualisedApproach(req.user) || (isStateUser(req.user) && !!req.user.stateIso2));
    return renderList(req, reply);
  });

  app.post('/:locale/individualised-approach', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canEditIndividualisedApproach(req.user));
    const values = formBody(req.body) as Record<string, string>;
    const parsed = parseForm(interestBody, req.body, req.tr);
    if (!parsed.ok) return renderList(req, reply, { errors: parsed.errors, values, status: 422 });
    try {
      const row = await recordInterest(deps.database, req.actor, req.user, { stateIso2: parsed.data.state, interestOn: parsed.data.interest_on, intendedEvent: parsed.data.intended_event });
      return reply.redirect(`/${req.locale}/individualised-approach/${row.id}?flash=created`, 303);
    } catch (e) {
      if (e instanceof IaRejected) return renderList(req, reply, { errors: { [e.field]: req.tr.t(`errors.${e.code}`) }, values, status: 422 });
      throw e;
    }
  });

  /* ----- one record ----- */

  async function renderRecord(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; problem?: string; status?: number } = {}) {
    const r = await loadVisible(req);
    const meeting = r.meetingId ? await repo.findMeeting(db(), r.meetingId) : undefined;
    const visibleMeeting = meeting && canViewMeeting(req.user, meeting.facts) ? meeting : undefined;
    const latest = await repo.latestSubmittedVersion(db(), r.stateIso2, { withSnapshot: false });
    return reply.page(
      <IaRecordPage
        record={r}
        stateName={await nameOf(r.stateIso2, req.locale)}
        meeting={visibleMeeting}
        meetingHidden={!!meeting && !visibleMeeting}
        commitments={visibleMeeting ? await repo.listCommitments(db(), visibleMeeting.id) : []}
        nextSteps={nextSteps(r)}
        canEdit={canEditIndividualisedApproach(req.user)}
        profileLanguage={r.profile.source ? await repo.reportLanguage(db(), r.profile.source.reportId) : undefined}
        newerReport={latest && isNewerSource(r.profile.source, latest) && r.profile.source ? latest : undefined}
        flash={flashOf(req.query)}
        problem={extra.problem}
        errors={extra.errors}
      />,
      extra.status,
    );
  }

  app.get('/:locale/individualised-approach/:id', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    return renderRecord(req, reply);
  });

  /** Runs a command; a stale version or a refusal re-renders `render` with the message. */
  async function attempt(req: Req, reply: FastifyReply, run: () => Promise<unknown>, flash: string, rerender: (extra: { errors?: FieldErrors; problem?: string; status: number }) => Promise<unknown>, anchor = '') {
    try {
      await run();
    } catch (e) {
      if (e instanceof IaRejected) return rerender({ errors: { [e.field]: req.tr.t(`errors.${e.code}`) }, status: 422 });
      if (isAppError(e) && e.code === 'engagement.stale') return rerender({ problem: req.tr.t('errors.engagement.stale'), status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/individualised-approach/${req.params.id}?flash=${flash}${anchor}`, 303);
  }

  function readVersion(req: Req): number {
    const v = versionBody.safeParse(formBody(req.body));
    if (!v.success) throw new AppError('bad_request', 'request.invalid');
    return v.data.version;
  }

  /* interest */
  async function renderInterest(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: Record<string, string>; problem?: string; status?: number } = {}) {
    const r = await loadEditable(req);
    return reply.page(<InterestPage record={r} stateName={await nameOf(r.stateIso2, req.locale)} states={await stateOptions(req.locale)} errors={extra.errors} values={extra.values} problem={extra.problem} />, extra.status);
  }
  app.get('/:locale/individualised-approach/:id/interest', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    return renderInterest(req, reply);
  });
  app.post('/:locale/individualised-approach/:id/interest', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await loadEditable(req);
    const v = readVersion(req);
    const values = formBody(req.body) as Record<string, string>;
    const parsed = parseForm(interestBody, req.body, req.tr);
    if (!parsed.ok) return renderInterest(req, reply, { errors: parsed.errors, values, status: 422 });
    return attempt(req, reply, () => updateInterest(deps.database, req.actor, req.user, req.params.id, v, { stateIso2: parsed.data.state, interestOn: parsed.data.interest_on, intendedEvent: parsed.data.intended_event }), 'interest_saved', (x) => renderInterest(req, reply, { ...x, values }));
  });

  /* profile */
  async function renderProfile(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: Record<string, string>; problem?: string; status?: number } = {}) {
    const r = await loadEditable(req);
    const latest = await repo.latestSubmittedVersion(db(), r.stateIso2, { withSnapshot: false });
    return reply.page(
      <ProfilePage
        record={r}
        stateName={await nameOf(r.stateIso2, req.locale)}
        latest={latest}
        newer={isNewerSource(r.profile.source, latest)}
        profileLanguage={r.profile.source ? await repo.reportLanguage(db(), r.profile.source.reportId) : undefined}
        errors={extra.errors}
        values={extra.values}
        problem={extra.problem}
      />,
      extra.status,
    );
  }
  app.get('/:locale/individualised-approach/:id/profile', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    return renderProfile(req, reply);
  });
  app.post('/:locale/individualised-approach/:id/profile', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await loadEditable(req);
    const v = readVersion(req);
    const values = formBody(req.body) as Record<string, string>;
    const parsed = parseForm(profileBody, req.body, req.tr);
    if (!parsed.ok) return renderProfile(req, reply, { errors: parsed.errors, values, status: 422 });
    const sections = Object.fromEntries(PROFILE_SECTIONS.map((s) => [s, parsed.data[s]]));
    return attempt(req, reply, () => saveProfileTexts(deps.database, req.actor, req.user, req.params.id, v, sections), 'profile_saved', (x) => renderProfile(req, reply, { ...x, values }), '#profile');
  });
  app.post('/:locale/individualised-approach/:id/profile/prefill', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await loadEditable(req);
    const parsed = prefillBody.safeParse(formBody(req.body));
    if (!parsed.success) throw new AppError('bad_request', 'request.invalid');
    return attempt(req, reply, () => prefillProfile(deps.database, req.actor, req.user, req.params.id, parsed.data.version, { replaceTexts: parsed.data.replace === 'yes' }), 'prefilled', (x) => renderProfile(req, reply, x), '#profile');
  });

  /* meeting */
  async function renderMeeting(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: Record<string, string>; problem?: string; status?: number } = {}) {
    const r = await loadEditable(req);
    const meetings = (await repo.listIaMeetings(db(), r.stateIso2)).filter((m) => canViewMeeting(req.user, m.facts));
    return reply.page(<MeetingPage record={r} stateName={await nameOf(r.stateIso2, req.locale)} meetings={meetings} errors={extra.errors} values={extra.values} problem={extra.problem} />, extra.status);
  }
  app.get('/:locale/individualised-approach/:id/meeting', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    return renderMeeting(req, reply);
  });
  app.post('/:locale/individualised-approach/:id/meeting', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await loadEditable(req);
    const v = readVersion(req);
    const values = formBody(req.body) as Record<string, string>;
    const parsed = parseForm(meetingBody, req.body, req.tr);
    if (!parsed.ok) return renderMeeting(req, reply, { errors: parsed.errors, values, status: 422 });
    const meetingId = parsed.data.meeting === 'none' ? null : parsed.data.meeting.toLowerCase();
    return attempt(req, reply, () => linkMeeting(deps.database, req.actor, req.user, req.params.id, v, meetingId), 'meeting_saved', (x) => renderMeeting(req, reply, { ...x, values }), '#meeting');
  });

  /* summary and final report */
  for (const [path, which, step] of [
    ['summary', 'summary', 'summary'],
    ['final-report', 'finalReport', 'final_report'],
  ] as const) {
    const render = async (req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: Record<string, string>; problem?: string; status?: number } = {}) => {
      const r = await loadEditable(req);
      return reply.page(<TextsPage record={r} stateName={await nameOf(r.stateIso2, req.locale)} which={step} errors={extra.errors} values={extra.values} problem={extra.problem} />, extra.status);
    };
    app.get(`/:locale/individualised-approach/:id/${path}`, async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      return render(req, reply);
    });
    app.post(`/:locale/individualised-approach/:id/${path}`, async (req: Req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      await loadEditable(req);
      const v = readVersion(req);
      const values = formBody(req.body) as Record<string, string>;
      const parsed = parseForm(textsBody, req.body, req.tr);
      if (!parsed.ok) return render(req, reply, { errors: parsed.errors, values, status: 422 });
      const texts: Texts = {};
      for (const l of LOCALES) if (parsed.data[`text-${l}`]) texts[l] = parsed.data[`text-${l}`];
      return attempt(req, reply, () => saveTexts(deps.database, req.actor, req.user, req.params.id, v, which, texts), `${step}_saved`, (x) => render(req, reply, { ...x, values }), `#${path}`);
    });
  }

  /* steps, publication */
  app.post('/:locale/individualised-approach/:id/status', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await loadEditable(req);
    const parsed = parseForm(statusBody, req.body, req.tr);
    if (!parsed.ok) {
      if (parsed.errors.version) throw new AppError('bad_request', 'request.invalid');
      return renderRecord(req, reply, { errors: parsed.errors, status: 422 });
    }
    return attempt(req, reply, () => changeStatus(deps.database, req.actor, req.user, req.params.id, parsed.data.version, parsed.data.to), 'status_saved', (x) => renderRecord(req, reply, x));
  });
  app.post('/:locale/individualised-approach/:id/publish', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await loadEditable(req);
    const v = readVersion(req);
    return attempt(req, reply, () => publishFinalReport(deps.database, req.actor, req.user, req.params.id, v), 'published', (x) => renderRecord(req, reply, x), '#publication');
  });
  app.post('/:locale/individualised-approach/:id/withdraw', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    await loadEditable(req);
    const v = readVersion(req);
    return attempt(req, reply, () => withdrawFinalReport(deps.database, req.actor, req.user, req.params.id, v), 'withdrawn', (x) => renderRecord(req, reply, x), '#publication');
  });

  /* ----- the public page of a published final report ----- */

  app.get('/:locale/states/:iso2/individualised-approach/:id', async (req: Req, reply) => {
    const iso2 = req.params.iso2;
    if (!/^[A-Za-z]{2}$/.test(iso2)) throw notFound();
    const report = await findPublishedReport(db(), iso2, req.params.id);
    if (!report) throw notFound();
    if (iso2 !== iso2.toLowerCase()) return reply.redirect(`/${req.locale}/states/${iso2.toLowerCase()}/individualised-approach/${report.id}`, 301);
    const requested = typeof req.query.text === 'string' && report.languages.includes(req.query.text) ? req.query.text : undefined;
    const shown = requested ?? (report.languages.includes(req.locale) ? req.locale : report.languages.includes('en') ? 'en' : report.languages[0]!);
    return reply.page(<PublicReportPage report={report} stateName={await nameOf(report.stateIso2, req.locale)} shown={shown} requested={requested} />);
  });

  /* ----- the State's public page lists its published reports ----- */

  deps.slots.provide('state-page', async (req, { iso2, stateName }) => {
    const reports = await publishedIndividualisedApproachReports(db(), iso2);
    return reports.length ? <StatePageSection reports={reports} stateName={stateName} /> : null;
  });
}
