/**
 * Meeting pages, the calendar and the personal iCalendar feed. Thin: parse → policy → query or
 * command → render or redirect. A meeting the reader may not read answers "not found" everywhere
 * (page, documents, actions, feed), logged as a refusal.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, hidden, isAppError, notFound } from '../../../platform/errors.ts';
import { findFile, sendFile } from '../../../platform/files/files.ts';
import { formBody, optionalText, parseForm, requiredText, type FieldErrors, type FormBody } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { loadPrincipal } from '../../accounts/index.ts';
import { listCommittees, localized, stateNamesByIso2 } from '../../states/index.ts';
import { resolveLinks } from '../evidence-queries.ts';
import { assertCan, canCreateMeeting, canEditMeeting, canHaveCalendarFeed, canListMeetings, canViewMeeting } from '../policy.ts';
import { CONFIDENTIALITY, MEETING_KINDS } from '../schema.ts';
import { textIn } from '../texts.ts';
import { listLinks } from '../work-plans-repository.ts';
import { parseEvidenceAddress, splitActionIds } from '../work-plans.ts';
import { feedAddress, feedHash, feedToken, isFeedTokenShape } from './calendar-feeds.ts';
import { renewCalendarFeed } from './calendar-feeds-commands.ts';
import { buildCalendar, type IcalEvent } from './ical.ts';
import { addAction, addDocument, addParticipant, createMeeting, DOCUMENT_KINDS, linkMeetingEvidence, markActionDone, MeetingRejected, removeDocument, removeParticipant, reviewAction, unlinkMeetingEvidence, updateAction, updateMeeting, type ActionInput, type MeetingInput, type ParticipantInput } from './meetings-commands.ts';
import { factsOf, listDueActions, listReadableMeetings } from './meetings-queries.ts';
import * as repo from './meetings-repository.ts';
import { isTimeZone, meetingDays, meetingTimes, monthOf, nextDay, wallClock } from './meetings.ts';
import { CalendarPage, FeedPage } from './views/calendar.tsx';
import { MeetingFormPage, MEETING_STATUSES, type MeetingFormValues } from './views/meeting-form.tsx';
import { ACTION_KINDS, ACTION_STATUSES, ActionPage, MeetingPage, PARTICIPANT_ROLES } from './views/meeting.tsx';
import { MeetingsPage } from './views/meetings-list.tsx';

type Req = FastifyRequest<{ Params: { locale: string; id: string; action: string; participant: string; doc: string; link: string; file: string }; Querystring: Record<string, string | undefined> }>;

const digits = (v: unknown) => (typeof v === 'string' ? normaliseDigits(v).trim() : v);
const version = z.preprocess(digits, z.coerce.number().int().min(1).max(2_147_483_647));
const shortText = z.preprocess((v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v), z.string().max(20).optional());
const flag = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());
const isoDate = (key: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: key })
      .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: key })
      .optional(),
  );

const meetingBody = z.object({
  kind: z.enum(MEETING_KINDS, { error: 'errors.engagement.meetings.kind_invalid' }),
  title: requiredText(300, 'errors.engagement.meetings.title_required'),
  all_day: flag,
  start_date: shortText,
  start_time: shortText,
  end_date: shortText,
  end_time: shortText,
  time_zone: optionalText(64),
  place: optionalText(300),
  online: flag,
  committees: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60)).max(10)),
  with_presidency: flag,
  confidentiality: z.enum(CONFIDENTIALITY, { error: 'errors.engagement.meetings.confidentiality_invalid' }),
  status: z.enum(MEETING_STATUSES, { error: 'errors.engagement.meetings.status_invalid' }),
  agenda: optionalText(10000, { multiline: true }),
  notes: optionalText(20000, { multiline: true }),
  gender_questions: optionalText(10000, { multiline: true }),
});

const actionBody = z.object({
  kind: z.enum(ACTION_KINDS, { error: 'errors.engagement.meetings.action_kind_invalid' }),
  text: requiredText(5000, 'errors.engagement.meetings.action_text_required', { multiline: true }),
  owner: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(40).optional()),
  owner_label: optionalText(200),
  state: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Z]{2}$/, { error: 'errors.engagement.meetings.participant_state_unknown' }).optional()),
  due: isoDate('errors.engagement.meetings.date_invalid'),
  status: z.enum(ACTION_STATUSES, { error: 'errors.engagement.meetings.action_status_invalid' }),
  actions: optionalText(500),
});

const participantBody = z.object({
  kind: z.enum(['state', 'organisation', 'person']),
  state: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(2).optional()),
  organisation: optionalText(200),
  user: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(40).optional()),
  name: optionalText(200),
  role: z.enum(PARTICIPANT_ROLES, { error: 'errors.engagement.meetings.role_invalid' }),
});

const reviewBody = z.object({
  version,
  later: z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'errors.engagement.meetings.review_meeting_required' }).max(40)),
  note: optionalText(5000, { multiline: true }),
  status: z.enum(ACTION_STATUSES, { error: 'errors.engagement.meetings.action_status_invalid' }),
});

const linkBody = z.object({ address: requiredText(2000, 'engagement.links.address_required'), label: optionalText(200) });

const MEETING_FLASHES = ['recorded', 'saved', 'participant_added', 'participant_removed', 'document_added', 'document_removed', 'action_added', 'action_saved', 'action_done', 'action_reviewed', 'linked', 'already_linked', 'unlinked'] as const;
const flashOf = (q: Record<string, string | undefined>, allowed: readonly string[]) => (allowed.includes(q.flash ?? '') ? q.flash : undefined);

function translated(req: FastifyRequest, errors: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, req.tr.t(`errors.${v}`)]));
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** A meeting form read into the command's input, or field errors with the values as typed. */
function readMeeting(req: FastifyRequest, body: unknown): { input?: MeetingInput; errors: FieldErrors; values: FormBody } {
  const values = formBody(body);
  const parsed = parseForm(meetingBody, body, req.tr);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const allDay = one(values.all_day) === 'on';
  const startDate = normaliseDigits(one(values.start_date)).trim();
  const tz = normaliseDigits(one(values.time_zone)).trim() || 'Europe/Zurich';
  if (!startDate) errors.start_date ??= req.tr.t('errors.engagement.meetings.date_required');
  const times =
    startDate && !errors.start_date
      ? meetingTimes({ allDay, startDate, startTime: normaliseDigits(one(values.start_time)).trim(), endDate: normaliseDigits(one(values.end_date)).trim() || undefined, endTime: normaliseDigits(one(values.end_time)).trim(), timeZone: tz })
      : undefined;
  if (times && 'problems' in times) for (const p of times.problems) errors[p.field] ??= req.tr.t(`errors.${p.code}`);
  if (!isTimeZone(tz)) errors.time_zone ??= req.tr.t('errors.engagement.meetings.time_zone_invalid');
  if (!parsed.ok || Object.keys(errors).length || !times || 'problems' in times) return { errors, values };
  const d = parsed.data;
  return {
    errors: {},
    values,
    input: {
      locale: req.locale as Locale,
      kind: d.kind,
      title: d.title,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      allDay: d.all_day,
      timeZone: new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone,
      place: d.place,
      online: d.online,
      committeeIds: [...new Set(d.committees)],
      withPresidency: d.with_presidency,
      confidentiality: d.confidentiality,
      status: d.status,
      agenda: d.agenda,
      notes: d.notes,
      genderQuestions: d.gender_questions,
    },
  };
}

function readAction(req: FastifyRequest, body: unknown): { input?: ActionInput; errors: FieldErrors; values: FormBody } {
  const values = formBody(body);
  const parsed = parseForm(actionBody, body, req.tr);
  if (!parsed.ok) return { errors: parsed.errors, values };
  const actions = splitActionIds(parsed.data.actions ?? '');
  if (actions.bad.length) return { errors: { actions: req.tr.t('errors.engagement.meetings.action_unreadable', { text: actions.bad.join(', ') }) }, values };
  const d = parsed.data;
  return { errors: {}, values, input: { kind: d.kind, text: d.text, ownerUserId: d.owner, ownerLabel: d.owner_label, stateIso2: d.state, dueDate: d.due, status: d.status, actionIds: actions.ids } };
}

/** The form's values of a stored meeting, in its venue's time zone. */
function meetingValues(m: repo.MeetingRow, locale: string): MeetingFormValues {
  const s = wallClock(m.startsAt, m.timeZone);
  const e = wallClock(m.endsAt, m.timeZone);
  return {
    kind: m.kind,
    title: (m.title as Record<string, string | undefined>)[locale] ?? textIn(m.title, locale),
    ...(m.allDay ? { all_day: 'on' } : {}),
    start_date: s.date,
    start_time: m.allDay ? '' : s.time,
    end_date: e.date,
    end_time: m.allDay ? '' : e.time,
    time_zone: m.timeZone,
    place: m.place ?? '',
    ...(m.online ? { online: 'on' } : {}),
    committees: m.committeeIds,
    ...(m.withPresidency ? { with_presidency: 'on' } : {}),
    confidentiality: m.confidentiality,
    status: m.status,
    agenda: m.agenda ?? '',
    notes: m.notes ?? '',
    gender_questions: m.genderQuestions ?? '',
  };
}

export function registerMeetingRoutesImpl(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;
  const maxMb = () => Math.max(1, Math.round(deps.config.uploadLimit / 1024 / 1024));

  async function stateOptions(req: FastifyRequest) {
    const names = await stateNamesByIso2(db());
    const list = [...names].map(([iso2, n]) => ({ iso2, name: localized(n, req.locale) })).sort((a, b) => req.tr.compare(a.name, b.name));
    return { list, names: new Map(list.map((s) => [s.iso2, s.name])) };
  }

  /** The meeting of the path if the reader may read it; else sign-in (anonymous) or 404. */
  async function readable(req: Req, reply: FastifyReply): Promise<repo.MeetingRow | undefined> {
    const m = await repo.findMeeting(db(), req.params.id);
    if (m && canViewMeeting(req.user, (await factsOf(db(), [m])).get(m.id)!)) return m;
    if (!req.user) {
      await signInRedirect(req, reply);
      return undefined;
    }
    throw m ? hidden() : notFound();
  }

  /* ---------------- the list ---------------- */

  app.get('/:locale/meetings', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canListMeetings(req.user));
    // A repeated parameter arrives as a list: only a single text counts.
    const q = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined])) as Record<string, string | undefined>;
    const year = /^\d{4}$/.test(normaliseDigits(q.year ?? '')) ? Number(normaliseDigits(q.year!)) : undefined;
    const kind = (MEETING_KINDS as readonly string[]).includes(q.kind ?? '') ? (q.kind as (typeof MEETING_KINDS)[number]) : undefined;
    const committees = await listCommittees(db());
    const committee = committees.some((c) => c.id === q.committee) ? q.committee : undefined;
    const { list: states } = await stateOptions(req);
    const state = states.some((s) => s.iso2 === q.state) ? q.state : undefined;
    const when = q.when === 'upcoming' || q.when === 'past' ? q.when : undefined;
    const meetings = await listReadableMeetings(db(), req.user, {
      kind,
      committeeId: committee,
      stateIso2: state,
      ...(year ? { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) } : {}),
      ...(when ? { when: { upcoming: when === 'upcoming', now: new Date() } } : {}),
    });
    const years = await repo.listMeetingYears(db());
    return reply.page(<MeetingsPage meetings={meetings} years={years} committees={committees} states={states} filter={{ year: year ? String(year) : undefined, kind, committee, state, when }} canCreate={canCreateMeeting(req.user)} />);
  });

  /* ---------------- recording and editing ---------------- */

  app.get('/:locale/meetings/new', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canCreateMeeting(req.user));
    const committees = await listCommittees(db());
    const values: MeetingFormValues = { kind: 'committee', time_zone: 'Europe/Zurich', start_time: '10:00', end_time: '12:00', confidentiality: 'committee', status: 'planned', committees: req.user.committeeId ? [req.user.committeeId] : [] };
    return reply.page(<MeetingFormPage committees={committees} values={values} />);
  });

  app.post('/:locale/meetings', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canCreateMeeting(req.user));
    const committees = await listCommittees(db());
    const read = readMeeting(req, req.body);
    if (!read.input) return reply.page(<MeetingFormPage committees={committees} values={read.values} errors={read.errors} />, 422);
    try {
      const m = await createMeeting(deps.database, req.actor, req.user, read.input, committees.map((c) => c.id));
      return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=recorded`, 303);
    } catch (e) {
      if (e instanceof MeetingRejected) return reply.page(<MeetingFormPage committees={committees} values={read.values} errors={translated(req, e.fieldErrors)} />, 422);
      throw e;
    }
  });

  app.get('/:locale/meetings/:id/edit', async (req: Req, reply) => {
    const m = await readable(req, reply);
    if (!m) return reply;
    assertCan(canEditMeeting(req.user, m));
    return reply.page(<MeetingFormPage meeting={m} committees={await listCommittees(db())} values={meetingValues(m, req.locale)} />);
  });

  app.post('/:locale/meetings/:id', async (req: Req, reply) => {
    const m = await readable(req, reply);
    if (!m) return reply;
    assertCan(canEditMeeting(req.user, m));
    const v = version.safeParse(formBody(req.body).version);
    if (!v.success) throw new AppError('bad_request', 'request.invalid');
    const committees = await listCommittees(db());
    const read = readMeeting(req, req.body);
    if (!read.input) return reply.page(<MeetingFormPage meeting={m} committees={committees} values={read.values} errors={read.errors} />, 422);
    try {
      await updateMeeting(deps.database, req.actor, req.user, m.id, v.data, read.input, committees.map((c) => c.id));
    } catch (e) {
      if (e instanceof MeetingRejected) return reply.page(<MeetingFormPage meeting={m} committees={committees} values={read.values} errors={translated(req, e.fieldErrors)} />, 422);
      if (isAppError(e) && e.code === 'engagement.stale') return reply.page(<MeetingFormPage meeting={m} committees={committees} values={read.values} problem={req.tr.t('errors.engagement.stale')} />, 409);
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=saved`, 303);
  });

  /* ---------------- one meeting ---------------- */

  type PageExtra = Pick<Parameters<typeof MeetingPage>[0], 'form' | 'errors' | 'values' | 'problem'> & { status?: number };

  async function renderMeeting(req: Req, reply: FastifyReply, m: repo.MeetingRow, extra: PageExtra = {}) {
    const [committees, participants, documents, actions, reviewed, links, states, people] = await Promise.all([
      listCommittees(db()),
      repo.listParticipants(db(), [m.id]),
      repo.listDocuments(db(), m.id),
      repo.listActions(db(), m.id),
      repo.listActionsReviewedAt(db(), m.id),
      listLinks(db(), 'meeting', [m.id]),
      stateOptions(req),
      repo.listActiveUsers(db()),
    ]);
    // Actions of earlier meetings reviewed here: only those of meetings the reader may read.
    const fromIds = [...new Set(reviewed.map((a) => a.meetingId))];
    const fromMeetings = (await Promise.all(fromIds.map((id) => repo.findMeeting(db(), id)))).filter((x): x is repo.MeetingRow => !!x);
    const fromFacts = await factsOf(db(), fromMeetings);
    const readableFrom = new Map(fromMeetings.filter((x) => canViewMeeting(req.user, fromFacts.get(x.id)!)).map((x) => [x.id, x]));
    // A linked meeting the reader may not read shows no title.
    const safeLinks = await resolveLinks(db(), links, { locale: req.locale, user: req.user, hiddenTitle: req.tr.t('engagement.meetings.link_hidden') });
    const people2 = people.map((u) => ({ id: u.id, name: u.name }));
    const owners = people.filter((u) => u.role !== 'state_preparer' && u.role !== 'state_approver').map((u) => ({ id: u.id, name: u.name }));
    return reply.page(
      <MeetingPage
        meeting={m}
        committees={committees}
        participants={participants}
        documents={documents}
        actions={actions}
        reviewedHere={reviewed.flatMap((a) => (readableFrom.has(a.meetingId) ? [{ ...a, meeting: readableFrom.get(a.meetingId)! }] : []))}
        links={canListMeetings(req.user) ? safeLinks : []}
        showEvidence={canListMeetings(req.user)}
        stateNames={states.names}
        states={states.list}
        people={people2}
        owners={owners}
        canEdit={canEditMeeting(req.user, m)}
        maxBytes={deps.config.uploadLimit}
        flash={flashOf(req.query, MEETING_FLASHES)}
        form={extra.form}
        errors={extra.errors}
        values={extra.values}
        problem={extra.problem}
      />,
      extra.status,
    );
  }

  app.get('/:locale/meetings/:id', async (req: Req, reply) => {
    const m = await readable(req, reply);
    if (!m) return reply;
    return renderMeeting(req, reply, m);
  });

  /** Loads a meeting for a change through one of its forms: readable, then editable. */
  async function forChange(req: Req, reply: FastifyReply): Promise<repo.MeetingRow | undefined> {
    const m = await readable(req, reply);
    if (!m) return undefined;
    assertCan(canEditMeeting(req.user, m));
    return m;
  }

  app.post('/:locale/meetings/:id/participants', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    const values = formBody(req.body);
    const parsed = parseForm(participantBody, req.body, req.tr);
    const fail = (errors: FieldErrors) => renderMeeting(req, reply, m, { form: 'participant', errors, values, status: 422 });
    if (!parsed.ok) return fail(parsed.errors.kind ? { person: req.tr.t('errors.engagement.meetings.participant_kind_invalid') } : parsed.errors);
    const d = parsed.data;
    let input: ParticipantInput;
    if (d.kind === 'state') {
      if (!d.state) return fail({ state: req.tr.t('errors.engagement.meetings.participant_state_required') });
      input = { kind: 'state', stateIso2: d.state, role: d.role };
    } else if (d.kind === 'organisation') {
      if (!d.organisation) return fail({ organisation: req.tr.t('errors.engagement.meetings.participant_organisation_required') });
      input = { kind: 'organisation', organisation: d.organisation, role: d.role };
    } else {
      if (!d.user && !d.name) return fail({ person: req.tr.t('errors.engagement.meetings.participant_person_required') });
      input = { kind: 'person', userId: d.user, name: d.name, role: d.role };
    }
    try {
      await addParticipant(deps.database, req.actor, req.user, m.id, input);
    } catch (e) {
      if (e instanceof MeetingRejected) return fail(translated(req, e.fieldErrors));
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=participant_added#participants`, 303);
  });

  app.post('/:locale/meetings/:id/participants/:participant/delete', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    try {
      await removeParticipant(deps.database, req.actor, req.user, m.id, req.params.participant);
    } catch (e) {
      if (isAppError(e) && e.code === 'engagement.meetings.held_last_participant') return renderMeeting(req, reply, m, { problem: req.tr.t('errors.engagement.meetings.held_last_participant'), status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=participant_removed#participants`, 303);
  });

  // Documents: multipart is accepted only here; an oversized or malformed upload is answered on the meeting's page.
  app.register(async (scope) => {
    await scope.register(multipart, { attachFieldsToBody: true, limits: { fileSize: deps.config.uploadLimit, files: 1, fields: 10, parts: 12 } });
    scope.setErrorHandler(async (err, req, reply) => {
      const code = (err as { code?: string }).code ?? '';
      const status = (err as { statusCode?: number }).statusCode;
      if (req.user && (code.startsWith('FST_') || status === 413)) {
        const tooLarge = code === 'FST_REQ_FILE_TOO_LARGE' || status === 413;
        const m = await readable(req as Req, reply);
        if (!m) return reply;
        if (!canEditMeeting(req.user, m)) throw err;
        return renderMeeting(req as Req, reply, m, { form: 'document', errors: { file: req.tr.t(tooLarge ? 'errors.file.too_large' : 'errors.file.missing', { max: maxMb() }) }, status: tooLarge ? 413 : 400 });
      }
      throw err;
    });
    scope.post('/:locale/meetings/:id/documents', async (req: Req, reply) => {
      const m = await forChange(req, reply);
      if (!m) return reply;
      const body = (req.body ?? {}) as Record<string, { type?: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> }>;
      const text = (k: string) => (typeof body[k]?.value === 'string' ? (body[k]!.value as string) : '');
      const values = { title: text('title'), kind: text('kind') };
      const kind = (DOCUMENT_KINDS as readonly string[]).includes(values.kind) ? (values.kind as (typeof DOCUMENT_KINDS)[number]) : 'other';
      const title = z.string().max(300).safeParse(text('title').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').trim());
      if (!title.success) return renderMeeting(req, reply, m, { form: 'document', errors: { file: req.tr.t('errors.engagement.meetings.document_title_too_long') }, values, status: 422 });
      const file = body.file;
      if (!file || file.type !== 'file' || !file.toBuffer || !file.filename) return renderMeeting(req, reply, m, { form: 'document', errors: { file: req.tr.t('errors.file.missing') }, values, status: 422 });
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch {
        return renderMeeting(req, reply, m, { form: 'document', errors: { file: req.tr.t('errors.file.too_large', { max: maxMb() }) }, values, status: 413 });
      }
      try {
        await addDocument(deps, req.actor, req.user, m.id, { filename: file.filename, data, title: title.data || undefined, kind });
      } catch (e) {
        if (isAppError(e) && (e.code.startsWith('file.') || e.code === 'engagement.meetings.documents_too_many')) {
          const key = e.code === 'file.type_not_accepted' ? 'errors.engagement.meetings.document_type' : `errors.${e.code}`;
          return renderMeeting(req, reply, m, { form: 'document', errors: { file: req.tr.t(key, { max: e.code === 'file.too_large' ? maxMb() : 30 }) }, values, status: e.status });
        }
        throw e;
      }
      return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=document_added#documents`, 303);
    });
  });

  app.get('/:locale/meetings/:id/documents/:doc', async (req: Req, reply) => {
    const m = await readable(req, reply);
    if (!m) return reply;
    const doc = await repo.findDocument(db(), m.id, req.params.doc);
    if (!doc) throw notFound();
    const file = await findFile(db(), doc.fileId);
    if (!file) throw notFound();
    return sendFile(reply, file);
  });

  app.post('/:locale/meetings/:id/documents/:doc/delete', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    await removeDocument(deps.database, req.actor, req.user, m.id, req.params.doc);
    return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=document_removed#documents`, 303);
  });

  /* ---------------- outcomes and follow-up actions ---------------- */

  app.post('/:locale/meetings/:id/actions', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    const read = readAction(req, req.body);
    if (!read.input) return renderMeeting(req, reply, m, { form: 'action', errors: read.errors, values: read.values, status: 422 });
    try {
      await addAction(deps.database, req.actor, req.user, m.id, read.input);
    } catch (e) {
      if (e instanceof MeetingRejected) return renderMeeting(req, reply, m, { form: 'action', errors: translated(req, e.fieldErrors), values: read.values, status: 422 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=action_added#actions`, 303);
  });

  type ActionExtra = Pick<Parameters<typeof ActionPage>[0], 'form' | 'errors' | 'values' | 'problem'> & { status?: number };

  async function renderAction(req: Req, reply: FastifyReply, m: repo.MeetingRow, extra: ActionExtra = {}) {
    const actions = await repo.listActions(db(), m.id);
    const a = actions.find((x) => x.id === req.params.action);
    if (!a) throw notFound();
    const [states, people, later] = await Promise.all([stateOptions(req), repo.listActiveUsers(db()), listReadableMeetings(db(), req.user, { from: m.startsAt })]);
    const reviewedAt = a.reviewedAtMeetingId ? later.find((x) => x.id === a.reviewedAtMeetingId) : undefined;
    return reply.page(
      <ActionPage
        meeting={m}
        action={a}
        reviewedAt={reviewedAt}
        laterMeetings={later.filter((x) => x.id !== m.id && x.startsAt.getTime() > m.startsAt.getTime()).sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())}
        owners={people.filter((u) => u.role !== 'state_preparer' && u.role !== 'state_approver').map((u) => ({ id: u.id, name: u.name }))}
        states={states.list}
        stateNames={states.names}
        canEdit={canEditMeeting(req.user, m)}
        flash={flashOf(req.query, MEETING_FLASHES)}
        form={extra.form}
        errors={extra.errors}
        values={extra.values}
        problem={extra.problem}
      />,
      extra.status,
    );
  }

  app.get('/:locale/meetings/:id/actions/:action', async (req: Req, reply) => {
    const m = await readable(req, reply);
    if (!m) return reply;
    return renderAction(req, reply, m);
  });

  app.post('/:locale/meetings/:id/actions/:action', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    const v = version.safeParse(formBody(req.body).version);
    if (!v.success) throw new AppError('bad_request', 'request.invalid');
    const read = readAction(req, req.body);
    if (!read.input) return renderAction(req, reply, m, { form: 'edit', errors: read.errors, values: read.values, status: 422 });
    try {
      await updateAction(deps.database, req.actor, req.user, m.id, req.params.action, v.data, read.input);
    } catch (e) {
      if (e instanceof MeetingRejected) return renderAction(req, reply, m, { form: 'edit', errors: translated(req, e.fieldErrors), values: read.values, status: 422 });
      if (isAppError(e) && e.code === 'engagement.stale') return renderAction(req, reply, m, { form: 'edit', values: read.values, problem: req.tr.t('errors.engagement.stale'), status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}/actions/${req.params.action}?flash=action_saved`, 303);
  });

  app.post('/:locale/meetings/:id/actions/:action/done', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    const v = version.safeParse(formBody(req.body).version);
    if (!v.success) throw new AppError('bad_request', 'request.invalid');
    try {
      await markActionDone(deps.database, req.actor, req.user, m.id, req.params.action, v.data);
    } catch (e) {
      if (isAppError(e) && e.code === 'engagement.stale') return renderAction(req, reply, m, { problem: req.tr.t('errors.engagement.stale'), status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}/actions/${req.params.action}?flash=action_done`, 303);
  });

  app.post('/:locale/meetings/:id/actions/:action/review', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    const values = formBody(req.body);
    const parsed = parseForm(reviewBody, req.body, req.tr);
    if (!parsed.ok) {
      if (parsed.errors.version) throw new AppError('bad_request', 'request.invalid');
      return renderAction(req, reply, m, { form: 'review', errors: parsed.errors, values, status: 422 });
    }
    try {
      await reviewAction(deps.database, req.actor, req.user, m.id, req.params.action, parsed.data.version, { laterMeetingId: parsed.data.later, note: parsed.data.note, status: parsed.data.status });
    } catch (e) {
      if (e instanceof MeetingRejected) return renderAction(req, reply, m, { form: 'review', errors: translated(req, e.fieldErrors), values, status: 422 });
      if (isAppError(e) && e.code === 'engagement.stale') return renderAction(req, reply, m, { form: 'review', values, problem: req.tr.t('errors.engagement.stale'), status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}/actions/${req.params.action}?flash=action_reviewed`, 303);
  });

  /* ---------------- evidence ---------------- */

  app.post('/:locale/meetings/:id/links', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    const values = formBody(req.body);
    const parsed = parseForm(linkBody, req.body, req.tr);
    if (!parsed.ok) return renderMeeting(req, reply, m, { form: 'link', errors: parsed.errors, values, status: 422 });
    const target = parseEvidenceAddress(parsed.data.address, deps.config.baseUrl);
    if (!target) return renderMeeting(req, reply, m, { form: 'link', errors: { address: req.tr.t('errors.engagement.links.unrecognised') }, values, status: 422 });
    let created: boolean;
    try {
      ({ created } = await linkMeetingEvidence(deps.database, req.actor, req.user, m.id, { ...target, label: parsed.data.label }));
    } catch (e) {
      if (isAppError(e) && e.code === 'engagement.links.self') return renderMeeting(req, reply, m, { form: 'link', errors: { address: req.tr.t('errors.engagement.links.self') }, values, status: 422 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=${created ? 'linked' : 'already_linked'}#evidence`, 303);
  });

  app.post('/:locale/meetings/:id/links/:link/delete', async (req: Req, reply) => {
    const m = await forChange(req, reply);
    if (!m) return reply;
    await unlinkMeetingEvidence(deps.database, req.actor, req.user, m.id, req.params.link);
    return reply.redirect(`/${req.locale}/meetings/${m.id}?flash=unlinked#evidence`, 303);
  });

  /* ---------------- the calendar ---------------- */

  app.get('/:locale/calendar', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canHaveCalendarFeed(req.user));
    const today = new Date().toISOString().slice(0, 10);
    const month = monthOf(typeof req.query.month === 'string' ? normaliseDigits(req.query.month) : undefined, today);
    // A day's margin either side: meetings are placed on their days in the venue's time zone.
    const rows = await listReadableMeetings(db(), req.user, { from: new Date(`${nextDay(month.from, -1)}T00:00:00Z`), to: new Date(`${nextDay(month.to, 1)}T00:00:00Z`) });
    const byDay = new Map<string, repo.MeetingRow[]>();
    for (const m of [...rows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
      for (const d of meetingDays(m)) if (d >= month.from && d < month.to) byDay.set(d, [...(byDay.get(d) ?? []), m]);
    }
    const days = [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, meetings]) => ({ date, meetings }));
    const [due, states] = await Promise.all([listDueActions(db(), req.user, { to: nextDay(today, 60) }), stateOptions(req)]);
    return reply.page(<CalendarPage month={month} days={days} due={due} stateNames={states.names} canList={canListMeetings(req.user)} />);
  });

  app.get('/:locale/calendar/feed', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canHaveCalendarFeed(req.user));
    const feed = await repo.findFeed(db(), req.user.id);
    const address = feed ? feedAddress(deps.config.baseUrl, feedToken(deps.config.secret, req.user.id, feed.linkNonce)) : undefined;
    const flash = req.query.flash === 'created' || req.query.flash === 'renewed' ? req.query.flash : undefined;
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').page(<FeedPage address={address} lastUsedAt={feed?.lastUsedAt} flash={flash} />);
  });

  app.post('/:locale/calendar/feed', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { replaced } = await renewCalendarFeed(deps.database, req.actor, req.user, deps.config.secret);
    return reply.redirect(`/${req.locale}/calendar/feed?flash=${replaced ? 'renewed' : 'created'}`, 303);
  });

  /* ---------------- the feed ---------------- */

  app.get('/calendar/:file', async (req: Req, reply) => {
    const m = /^([A-Za-z0-9_-]+)\.ics$/.exec(req.params.file);
    if (!m || !isFeedTokenShape(m[1]!)) throw notFound();
    const feed = await repo.findFeedByHash(db(), feedHash(m[1]!));
    if (!feed) throw notFound();
    // The owner's rights now: a disabled account (or a demo account outside demo mode) has no feed.
    const owner = await loadPrincipal(db(), feed.userId, { demoMode: deps.config.demoMode });
    if (!owner) throw hidden();
    const tr = deps.translator(owner.locale);
    const meetings = await listReadableMeetings(db(), owner, {});
    const events: IcalEvent[] = [...meetings]
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((x) => {
        const url = `${deps.config.baseUrl}/${owner.locale}/meetings/${x.id}`;
        return {
          uid: `meeting-${x.id}@${new URL(deps.config.baseUrl).hostname}`,
          sequence: x.version - 1,
          summary: textIn(x.title, owner.locale),
          description: [tr.t(`engagement.meetings.kind.${x.kind}`), x.online ? tr.t('engagement.meetings.online') : '', url].filter(Boolean).join('\n'),
          location: x.place ?? (x.online ? tr.t('engagement.meetings.online') : undefined),
          url,
          startsAt: x.startsAt,
          endsAt: x.endsAt,
          allDay: x.allDay,
          timeZone: x.timeZone,
          cancelled: x.status === 'cancelled',
          lastModified: x.updatedAt,
        };
      });
    await repo.touchFeed(db(), feed.userId);
    const body = buildCalendar({ name: tr.t('engagement.calendar.feed_name'), events, now: new Date() });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="meetings.ics"')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(body);
  });
}
