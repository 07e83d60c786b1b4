/**
 * Circulation pages under /:locale/questionnaires/:id/circulation — thin: parse → policy →
 * command/query → render or 303 redirect (post/redirect/get, with a `done` flag for the banner).
 *
 * Who: reading the page (tracking) needs canViewQuestionnaire; every change needs canCirculate
 * (reopening: canReopenQuestionnaire). Anonymous readers go to sign-in; others get 403; unknown
 * questionnaires and invitations (also another questionnaire's) 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, isAppError, notFound } from '../../../platform/errors.ts';
import { formBody, optionalText, parseForm, requiredText } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { parseLocalizedNumber } from '../../../platform/i18n/digits.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { currentVersion, draftVersion, findQuestionnaire, type QuestionnaireRow } from '../questionnaires-repository.ts';
import { assertCan, canCirculate, canReopenQuestionnaire, canViewQuestionnaire, invitationProblem } from '../policy.ts';
import { AUDIENCES } from '../schema.ts';
import { datesProblems, isAudience, isEmail, isoDay, parseDay, parsePastedList, readiness, REMINDER_MAX_DAYS, REMINDER_MIN_DAYS, TRACKING_STATUSES, trackingStatus, MAX_EMAIL, MAX_NAME, MAX_ORGANISATION, type TrackingStatus } from './circulation.ts';
import { alreadyInvited, invitationOf, stateOptions, tracking, unsentInvitations, type TrackingFilter } from './circulation-queries.ts';
import { circulateQuestionnaire, closeQuestionnaire, reopenQuestionnaire, saveCirculationSettings } from './circulation-commands.ts';
import { addInvitations, changeInvitation, inviteGroup, issueNewLink, revokeInvitation } from './invitation-commands.ts';
import { sendRemindersNow } from './reminder-commands.ts';
import { CirculationPage, type Flash } from './views/circulation-page.tsx';
import { CirculateCheckPage, ClosePage, ReopenPage, SettingsPage, settingsValuesOf, type SettingsValues } from './views/questionnaire-forms.tsx';
import { EditInvitationPage, GroupPage, InvitationPage, InvitePage, PastePage, type PersonValues } from './views/invitation-pages.tsx';

type Params = { locale: string; id: string };
type InvParams = Params & { invitationId: string };

const P = 'questionnaires.circulation';

const versionField = z.string({ error: `${P}.form.version` }).regex(/^\d{1,9}$/, { error: `${P}.form.version` }).transform(Number);

/** A calendar day typed in a date input (any digits); empty: none. */
const dayField = (invalid: string) =>
  z
    .string()
    .max(40)
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const d = parseDay(v);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return d;
    });

const settingsSchema = z.object({
  version: versionField,
  opensOn: dayField(`${P}.settings.opens_invalid`),
  closesOn: dayField(`${P}.settings.closes_invalid`),
  reminderEveryDays: z
    .string()
    .max(20)
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const n = parseLocalizedNumber(v.trim());
      if (n === undefined || !Number.isInteger(n) || n < REMINDER_MIN_DAYS || n > REMINDER_MAX_DAYS) {
        ctx.addIssue({ code: 'custom', message: `${P}.settings.reminders_range` });
        return z.NEVER;
      }
      return n;
    }),
});

const circulateSchema = z.object({ version: versionField, confirm: z.string().max(20).optional() });
const versionSchema = z.object({ version: versionField });
const reopenSchema = z.object({
  version: versionField,
  closesOn: dayField(`${P}.settings.closes_invalid`).refine((v) => v !== null, { error: `${P}.reopen.closes_required` }),
});

const personSchema = z.object({
  audience: z.enum(AUDIENCES, { error: `${P}.form.audience_required` }),
  stateIso2: z
    .string()
    .max(10)
    .optional()
    .transform((v) => (v && v.trim() ? v.trim().toUpperCase() : null)),
  name: requiredText(MAX_NAME, `${P}.form.name_required`),
  email: requiredText(MAX_EMAIL, `${P}.form.email_required`).refine(isEmail, { error: `${P}.form.email_invalid` }),
  organisation: optionalText(MAX_ORGANISATION),
  locale: z.enum(LOCALES, { error: `${P}.form.language_required` }),
});

const pasteSchema = z.object({
  audience: z.enum(AUDIENCES, { error: `${P}.form.audience_required` }),
  list: requiredText(100_000, `${P}.paste.required`, { multiline: true }),
});

const groupSchema = z.object({ group: z.enum(['directors', 'donors', 'committee'], { error: `${P}.group.unknown` }) });

const FLASHES = new Set(['settings', 'circulated', 'added', 'group', 'pasted', 'reminded', 'closed', 'reopened']);
const INVITATION_FLASHES = new Set(['revoked', 'new_link', 'new_link_sent', 'changed', 'changed_resent']);
const count = z.coerce.number().int().min(0).max(1_000_000);
const flashQuery = z.object({ done: z.string().max(20), n: count.optional(), sent: count.optional(), skipped: count.optional(), none: count.optional(), version: count.optional() });

function flashOf(query: unknown): Flash | undefined {
  const q = flashQuery.safeParse(query);
  if (!q.success || !FLASHES.has(q.data.done)) return undefined;
  const { done, ...values } = q.data;
  return { code: done, values: { count: values.n ?? 0, sent: values.sent ?? 0, skipped: values.skipped ?? 0, none: values.none ?? 0, version: values.version ?? 0 } };
}

function filterOf(query: unknown): TrackingFilter {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  return {
    audience: isAudience(q.audience) ? q.audience : undefined,
    status: typeof q.status === 'string' && (TRACKING_STATUSES as readonly string[]).includes(q.status) ? (q.status as TrackingStatus) : undefined,
    page: typeof q.page === 'string' && /^\d{1,6}$/.test(q.page) ? Number(q.page) : undefined,
  };
}

function str(v: unknown, max = 400): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

export function registerCirculationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;
  const base = (req: FastifyRequest, q: { id: string }) => `/${req.locale}/questionnaires/${q.id}/circulation`;

  /** The questionnaire of the URL for a signed-in user the check allows; undefined once a redirect to sign-in is sent. */
  async function load(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, allowed: (q: QuestionnaireRow) => boolean): Promise<QuestionnaireRow | undefined> {
    if (!req.user) {
      await signInRedirect(req, reply, req.method === 'GET' ? req.url : `/${req.locale}/questionnaires/${encodeURIComponent(req.params.id.slice(0, 40))}/circulation`);
      return undefined;
    }
    const q = await findQuestionnaire(db(), req.params.id);
    if (!q) throw notFound(`${P}.not_found`);
    assertCan(allowed(q));
    return q;
  }
  const mayView = (req: FastifyRequest) => (q: QuestionnaireRow) => canViewQuestionnaire(req.user, q);
  const mayCirculate = (req: FastifyRequest) => (q: QuestionnaireRow) => canCirculate(req.user, q);

  /** An AppError of this part shown on the form it came from; anything else goes to the error handler. */
  function formError(e: unknown): string | undefined {
    if (isAppError(e) && e.code.startsWith(`${P}.`) && (e.kind === 'validation' || e.kind === 'conflict')) return `errors.${e.code}`;
    return undefined;
  }

  /* ----- The page ----- */

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation', async (req, reply) => {
    const q = await load(req, reply, mayView(req));
    if (!q) return reply;
    return renderMain(req, reply, q);
  });

  async function renderMain(req: FastifyRequest, reply: FastifyReply, q: QuestionnaireRow, extra: { errors?: Record<string, string>; status?: number } = {}) {
    const now = new Date();
    const filter = filterOf(req.query);
    const [current, draft, track, states] = await Promise.all([currentVersion(db(), q.id), draftVersion(db(), q.id), tracking(db(), q.id, filter, now), stateOptions(db(), req.locale)]);
    return reply.page(
      <CirculationPage
        q={q}
        current={current}
        draft={draft}
        tracking={track}
        filter={filter}
        stateNames={new Map(states.map((s) => [s.iso2, s.name]))}
        can={{ circulate: canCirculate(req.user, q), reopen: canReopenQuestionnaire(req.user, q) }}
        now={now}
        flash={flashOf(req.query)}
        errors={extra.errors}
      />,
      extra.status,
    );
  }

  /* ----- Settings ----- */

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation/settings', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    return reply.page(<SettingsPage q={q} values={settingsValuesOf(q)} />);
  });

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/settings', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const body = formBody(req.body);
    const values: SettingsValues = { opensOn: str(body.opensOn, 40), closesOn: str(body.closesOn, 40), reminderEveryDays: str(body.reminderEveryDays, 20), version: str(body.version, 12) };
    const form = parseForm(settingsSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<SettingsPage q={q} values={values} errors={form.errors} />, 422);
    const problems = datesProblems({ opensOn: form.data.opensOn ?? undefined, closesOn: form.data.closesOn ?? undefined }, isoDay(new Date()));
    if (problems.length) {
      const errors = Object.fromEntries(problems.map((p) => [p.field, req.tr.t(`errors.${P}.settings.${p.code}`)]));
      return reply.page(<SettingsPage q={q} values={values} errors={errors} />, 422);
    }
    try {
      await saveCirculationSettings(deps, req.actor, req.user, { questionnaireId: q.id, version: form.data.version, opensOn: form.data.opensOn, closesOn: form.data.closesOn, reminderEveryDays: form.data.reminderEveryDays });
    } catch (e) {
      if (isAppError(e) && e.code === `${P}.stale`) {
        const fresh = (await findQuestionnaire(db(), q.id)) ?? q;
        // The form keeps what was typed, on the current version, so saving again overwrites knowingly.
        return reply.page(<SettingsPage q={fresh} values={{ ...values, version: String(fresh.version) }} conflictWith={settingsValuesOf(fresh)} errors={{ _form: req.tr.t(`errors.${P}.stale`) }} />, 409);
      }
      const message = formError(e);
      if (message) return reply.page(<SettingsPage q={q} values={values} errors={{ closesOn: req.tr.t(message) }} />, 422);
      throw e;
    }
    return reply.redirect(`${base(req, q)}?done=settings`, 303);
  });

  /* ----- Circulating a version ----- */

  async function renderCheck(req: FastifyRequest, reply: FastifyReply, q: QuestionnaireRow, errors?: Record<string, string>, status?: number) {
    const [draft, current, pending] = await Promise.all([draftVersion(db(), q.id), currentVersion(db(), q.id), unsentInvitations(db(), q.id, new Date())]);
    return reply.page(<CirculateCheckPage q={q} draft={draft} current={current} ready={draft ? readiness(draft.content, q) : undefined} pending={pending} errors={errors} />, status);
  }

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation/circulate', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    return renderCheck(req, reply, q);
  });

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/circulate', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const form = parseForm(circulateSchema, req.body, req.tr);
    if (!form.ok) return renderCheck(req, reply, q, { _form: req.tr.t(`errors.${P}.stale`) }, 422);
    try {
      const r = await circulateQuestionnaire(deps, req.actor, req.user, { questionnaireId: q.id, version: form.data.version, confirmed: form.data.confirm === 'yes' });
      return reply.redirect(`${base(req, q)}?done=circulated&version=${r.versionNo}&sent=${r.sent}`, 303);
    } catch (e) {
      const message = formError(e);
      if (!message) throw e;
      const fresh = (await findQuestionnaire(db(), q.id)) ?? q;
      const field = isAppError(e) && e.code === `${P}.confirm_needed` ? 'confirm' : '_form';
      return renderCheck(req, reply, fresh, { [field]: req.tr.t(message) }, isAppError(e) && e.kind === 'conflict' ? 409 : 422);
    }
  });

  /* ----- Inviting people ----- */

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation/invitations/new', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    return reply.page(<InvitePage q={q} states={await stateOptions(db(), req.locale)} values={{}} />);
  });

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/invitations/new', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const body = formBody(req.body);
    const values: PersonValues = { audience: str(body.audience, 40), stateIso2: str(body.stateIso2, 10), name: str(body.name, 400), email: str(body.email, 400), organisation: str(body.organisation, 400), locale: str(body.locale, 10) };
    const states = await stateOptions(db(), req.locale);
    const form = parseForm(personSchema, req.body, req.tr);
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
    const iso2 = form.ok ? form.data.stateIso2 : values.stateIso2 ? values.stateIso2.toUpperCase() : null;
    if (iso2 && !states.some((s) => s.iso2 === iso2)) errors.stateIso2 = req.tr.t(`errors.${P}.state_unknown`);
    if (!form.ok || Object.keys(errors).length) return reply.page(<InvitePage q={q} states={states} values={values} errors={orderErrors(errors, ['audience', 'stateIso2', 'name', 'email', 'organisation', 'locale'])} />, 422);
    try {
      const r = await addInvitations(deps, req.actor, req.user, { questionnaireId: q.id, people: [{ ...form.data, organisation: form.data.organisation ?? null }], source: 'one', onDuplicate: 'refuse' });
      return reply.redirect(`${base(req, q)}?done=added&n=${r.added.length}&sent=${r.sent}`, 303);
    } catch (e) {
      if (isAppError(e) && e.code === `${P}.duplicate_email`) return reply.page(<InvitePage q={q} states={states} values={values} errors={{ email: req.tr.t(`errors.${P}.duplicate_email`) }} />, 422);
      throw e;
    }
  });

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation/invitations/group', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    return reply.page(<GroupPage q={q} states={await stateOptions(db(), req.locale)} chosen={[]} />);
  });

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/invitations/group', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const states = await stateOptions(db(), req.locale);
    const form = parseForm(groupSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<GroupPage q={q} states={states} chosen={[]} errors={{ _form: req.tr.t(`${P}.group.unknown`) }} />, 422);
    const raw = formBody(req.body).states;
    const chosen = (Array.isArray(raw) ? raw : raw ? [raw] : []).slice(0, 300).map((s) => s.trim().toUpperCase());
    if (form.data.group === 'donors') {
      if (!chosen.length) return reply.page(<GroupPage q={q} states={states} chosen={[]} errors={{ states: req.tr.t(`${P}.group.states_required`) }} />, 422);
      const unknown = chosen.filter((c) => !states.some((s) => s.iso2 === c));
      if (unknown.length) return reply.page(<GroupPage q={q} states={states} chosen={chosen} errors={{ states: req.tr.t(`errors.${P}.state_unknown`) }} />, 422);
    }
    const r = await inviteGroup(deps, req.actor, req.user, { questionnaireId: q.id, group: form.data.group, states: chosen });
    return reply.redirect(`${base(req, q)}?done=group&n=${r.added.length}&sent=${r.sent}&skipped=${r.skipped}&none=${r.statesWithoutContacts.length}`, 303);
  });

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation/invitations/paste', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    return reply.page(<PastePage q={q} values={{}} />);
  });

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/invitations/paste', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const body = formBody(req.body);
    const values = { audience: str(body.audience, 40), list: str(body.list, 100_000) };
    const form = parseForm(pasteSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<PastePage q={q} values={values} errors={form.errors} />, 422);
    const [states, invited] = await Promise.all([stateOptions(db(), req.locale), alreadyInvited(db(), q.id)]);
    const byIso2 = new Map(states.map((s) => [s.iso2, s.reportingLanguage]));
    const parsed = parsePastedList(form.data.list, { stateLanguage: (iso2) => byIso2.get(iso2), alreadyInvited: (e) => invited.has(e) });
    if (parsed.problems.length) {
      const t = req.tr.t;
      const lineErrors = parsed.problems.map((p) => (p.line ? t(`${P}.paste.line`, { line: p.line, problem: t(p.code, p.values) }) : t(p.code, p.values)));
      return reply.page(<PastePage q={q} values={values} errors={{ list: t(`${P}.paste.problems`, { count: parsed.problems.length }) }} lineErrors={lineErrors} />, 422);
    }
    try {
      const people = parsed.people.map((p) => ({ audience: form.data.audience, stateIso2: p.stateIso2, name: p.name, email: p.email, locale: p.locale }));
      const r = await addInvitations(deps, req.actor, req.user, { questionnaireId: q.id, people, source: 'list', onDuplicate: 'refuse' });
      return reply.redirect(`${base(req, q)}?done=pasted&n=${r.added.length}&sent=${r.sent}`, 303);
    } catch (e) {
      if (isAppError(e) && e.code === `${P}.duplicate_email`) return reply.page(<PastePage q={q} values={values} errors={{ list: req.tr.t(`errors.${P}.duplicate_email`) }} />, 422);
      throw e;
    }
  });

  /* ----- One invitation ----- */

  app.get<{ Params: InvParams }>('/:locale/questionnaires/:id/circulation/invitations/:invitationId', async (req, reply) => {
    const q = await load(req, reply, mayView(req));
    if (!q) return reply;
    const found = await invitationOf(db(), q.id, req.params.invitationId);
    if (!found) throw notFound(`${P}.invitation_not_found`);
    const states = found.invitation.stateIso2 ? await stateOptions(db(), req.locale) : [];
    const done = str((req.query as Record<string, unknown> | undefined)?.done, 20);
    return reply.page(
      <InvitationPage
        q={q}
        invitation={found.invitation}
        stateName={states.find((s) => s.iso2 === found.invitation.stateIso2)?.name ?? found.invitation.stateIso2 ?? undefined}
        status={trackingStatus(found.response)}
        linkProblem={invitationProblem(found.invitation)}
        canAct={canCirculate(req.user, q)}
        flash={INVITATION_FLASHES.has(done) ? done : undefined}
      />,
    );
  });

  app.post<{ Params: InvParams }>('/:locale/questionnaires/:id/circulation/invitations/:invitationId/revoke', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const inv = await revokeInvitation(deps, req.actor, req.user, { questionnaireId: q.id, invitationId: req.params.invitationId });
    return reply.redirect(`${base(req, q)}/invitations/${inv.id}?done=revoked`, 303);
  });

  app.post<{ Params: InvParams }>('/:locale/questionnaires/:id/circulation/invitations/:invitationId/new-link', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const r = await issueNewLink(deps, req.actor, req.user, { questionnaireId: q.id, invitationId: req.params.invitationId });
    return reply.redirect(`${base(req, q)}/invitations/${r.invitation.id}?done=${r.sent ? 'new_link_sent' : 'new_link'}`, 303);
  });

  const editSchema = personSchema.pick({ name: true, email: true, organisation: true, locale: true });

  app.get<{ Params: InvParams }>('/:locale/questionnaires/:id/circulation/invitations/:invitationId/edit', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const found = await invitationOf(db(), q.id, req.params.invitationId);
    if (!found) throw notFound(`${P}.invitation_not_found`);
    const inv = found.invitation;
    return reply.page(<EditInvitationPage q={q} invitation={inv} values={{ name: inv.name, email: inv.email, organisation: inv.organisation ?? '', locale: inv.locale }} />);
  });

  app.post<{ Params: InvParams }>('/:locale/questionnaires/:id/circulation/invitations/:invitationId/edit', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const found = await invitationOf(db(), q.id, req.params.invitationId);
    if (!found) throw notFound(`${P}.invitation_not_found`);
    const body = formBody(req.body);
    const values: PersonValues = { name: str(body.name, 400), email: str(body.email, 400), organisation: str(body.organisation, 400), locale: str(body.locale, 10) };
    const form = parseForm(editSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<EditInvitationPage q={q} invitation={found.invitation} values={values} errors={orderErrors(form.errors, ['name', 'email', 'organisation', 'locale'])} />, 422);
    try {
      const r = await changeInvitation(deps, req.actor, req.user, { questionnaireId: q.id, invitationId: found.invitation.id, ...form.data, organisation: form.data.organisation ?? null });
      return reply.redirect(`${base(req, q)}/invitations/${r.invitation.id}?done=${r.resent ? 'changed_resent' : 'changed'}`, 303);
    } catch (e) {
      if (isAppError(e) && e.code === `${P}.duplicate_email`) return reply.page(<EditInvitationPage q={q} invitation={found.invitation} values={values} errors={{ email: req.tr.t(`errors.${P}.duplicate_email`) }} />, 422);
      throw e;
    }
  });

  /* ----- Reminders, closing, reopening ----- */

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/remind', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    try {
      const r = await sendRemindersNow(deps, req.actor, req.user, { questionnaireId: q.id });
      return reply.redirect(`${base(req, q)}?done=reminded&n=${r.queued}`, 303);
    } catch (e) {
      const message = formError(e);
      if (!message) throw e;
      return renderMain(req, reply, q, { errors: { _form: req.tr.t(message) }, status: 409 });
    }
  });

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation/close', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    if (!q.circulatedAt) throw new AppError('conflict', `${P}.not_circulated`);
    return reply.page(<ClosePage q={q} />);
  });

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/close', async (req, reply) => {
    const q = await load(req, reply, mayCirculate(req));
    if (!q) return reply;
    const form = parseForm(versionSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<ClosePage q={q} errors={{ _form: req.tr.t(`errors.${P}.stale`) }} />, 422);
    try {
      await closeQuestionnaire(deps, req.actor, req.user, { questionnaireId: q.id, version: form.data.version });
    } catch (e) {
      const message = formError(e);
      if (!message) throw e;
      const fresh = (await findQuestionnaire(db(), q.id)) ?? q;
      return reply.page(<ClosePage q={fresh} errors={{ _form: req.tr.t(message) }} />, 409);
    }
    return reply.redirect(`${base(req, q)}?done=closed`, 303);
  });

  const mayReopen = (req: FastifyRequest) => (q: QuestionnaireRow) => canReopenQuestionnaire(req.user, q);

  app.get<{ Params: Params }>('/:locale/questionnaires/:id/circulation/reopen', async (req, reply) => {
    const q = await load(req, reply, mayReopen(req));
    if (!q) return reply;
    return reply.page(<ReopenPage q={q} closesOn="" />);
  });

  app.post<{ Params: Params }>('/:locale/questionnaires/:id/circulation/reopen', async (req, reply) => {
    const q = await load(req, reply, mayReopen(req));
    if (!q) return reply;
    const closesOn = str(formBody(req.body).closesOn, 40);
    const form = parseForm(reopenSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<ReopenPage q={q} closesOn={closesOn} errors={form.errors} />, 422);
    try {
      await reopenQuestionnaire(deps, req.actor, req.user, { questionnaireId: q.id, version: form.data.version, closesOn: form.data.closesOn! });
    } catch (e) {
      const message = formError(e);
      if (!message) throw e;
      const fresh = (await findQuestionnaire(db(), q.id)) ?? q;
      return reply.page(<ReopenPage q={fresh} closesOn={closesOn} errors={{ closesOn: req.tr.t(message) }} />, isAppError(e) && e.kind === 'conflict' ? 409 : 422);
    }
    return reply.redirect(`${base(req, q)}?done=reopened`, 303);
  });
}

/** Errors in the order of the form's fields (the error summary follows the page). */
function orderErrors(errors: Record<string, string>, order: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of order) if (errors[k]) out[k] = errors[k];
  for (const [k, v] of Object.entries(errors)) if (!out[k]) out[k] = v;
  return out;
}
