/**
 * Named write use cases of meetings: record and edit a meeting (its status included), add and remove
 * participants and documents, record outcomes and follow-up actions, mark them done, review them at
 * a later meeting, link evidence. Each runs in one transaction with its audit event; edits of a
 * meeting or an action check the version the user saw (stale → `engagement.stale`, nothing changed).
 */
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import type { Config } from '../../../config.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, hidden, notFound } from '../../../platform/errors.ts';
import { storeFile } from '../../../platform/files/files.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { Principal } from '../../accounts/index.ts';
import { findActionPlanId } from '../../plans/index.ts';
import { findState } from '../../states/index.ts';
import { assertCan, canCreateMeeting, canEditMeeting, canViewMeeting } from '../policy.ts';
import type { ActionStatus, Confidentiality, LinkTarget, MeetingKind, Texts } from '../schema.ts';
import { deleteLink, findLink, insertLink } from '../work-plans-repository.ts';
import { heldProblem } from './meetings.ts';
import * as repo from './meetings-repository.ts';
import { meetingFacts } from './meetings-queries.ts';

type Db = Pick<Database, 'db'>;
type Tx = DbOrTx;

const stale = () => new AppError('conflict', 'engagement.stale');

/** Field errors (message keys) found by a command against the database. */
export class MeetingRejected extends AppError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('validation', 'engagement.meetings.invalid');
  }
}

/** At most this many documents per meeting. */
export const MAX_DOCUMENTS = 30;

export interface MeetingInput {
  /** The title is written in `locale`; its other languages are kept. */
  locale: Locale;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  place?: string | undefined;
  online: boolean;
  committeeIds: string[];
  withPresidency: boolean;
  confidentiality: Confidentiality;
  status: 'planned' | 'held' | 'cancelled';
  agenda?: string | undefined;
  notes?: string | undefined;
  genderQuestions?: string | undefined;
}

/** Loads a meeting for a change: unknown or unreadable → 404, readable but not editable → 403. */
async function editable(tx: Tx, user: Principal | undefined, meetingId: string, opts: { forUpdate?: boolean } = {}): Promise<repo.MeetingRow> {
  const m = await repo.findMeeting(tx, meetingId, opts);
  if (!m) throw notFound();
  if (!canViewMeeting(user, await meetingFacts(tx, m))) throw hidden();
  assertCan(canEditMeeting(user, m));
  return m;
}

function checkMeeting(user: Principal | undefined, input: MeetingInput, knownCommittees: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.committeeIds.some((c) => !knownCommittees.includes(c))) errors.committees = 'engagement.meetings.committee_invalid';
  // A committee member records meetings of their own committee (or they could not edit them afterwards).
  else if (!canEditMeeting(user, { committeeIds: input.committeeIds })) errors.committees = 'engagement.meetings.committee_own_required';
  if (input.endsAt.getTime() < input.startsAt.getTime()) errors.end_date = 'engagement.meetings.dates_order';
  return errors;
}

export async function createMeeting(database: Db, actor: Actor, user: Principal | undefined, input: MeetingInput, knownCommittees: string[]): Promise<repo.MeetingRow> {
  assertCan(canCreateMeeting(user));
  const errors = checkMeeting(user, input, knownCommittees);
  // A new meeting has no participants yet: it is held only once someone is listed.
  if (input.status === 'held') errors.status = 'engagement.meetings.held_without_participants';
  if (Object.keys(errors).length) throw new MeetingRejected(errors);
  return withTransaction(database.db, async (tx) => {
    const row = await repo.insertMeeting(tx, {
      kind: input.kind,
      title: { [input.locale]: input.title },
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      allDay: input.allDay,
      timeZone: input.timeZone,
      place: input.place ?? null,
      online: input.online,
      committeeIds: input.committeeIds,
      withPresidency: input.withPresidency,
      confidentiality: input.confidentiality,
      status: input.status,
      agenda: input.agenda ?? null,
      notes: input.notes ?? null,
      genderQuestions: input.genderQuestions ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'engagement.meeting.recorded', entityType: 'meeting', entityId: row.id, summary: { kind: row.kind, startsAt: row.startsAt.toISOString(), confidentiality: row.confidentiality } });
    return row;
  });
}

export async function updateMeeting(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, version: number, input: MeetingInput, knownCommittees: string[]): Promise<repo.MeetingRow> {
  return withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId, { forUpdate: true });
    if (m.version !== version) throw stale();
    const errors = checkMeeting(user, input, knownCommittees);
    if (input.status === 'held') {
      const problem = heldProblem({ participants: await repo.countParticipants(tx, m.id) });
      if (problem) errors.status = problem;
    }
    if (Object.keys(errors).length) throw new MeetingRejected(errors);
    const title: Texts = { ...m.title, [input.locale]: input.title };
    const row = await repo.updateMeetingIfVersion(tx, m.id, version, {
      kind: input.kind,
      title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      allDay: input.allDay,
      timeZone: input.timeZone,
      place: input.place ?? null,
      online: input.online,
      committeeIds: input.committeeIds,
      withPresidency: input.withPresidency,
      confidentiality: input.confidentiality,
      status: input.status,
      agenda: input.agenda ?? null,
      notes: input.notes ?? null,
      genderQuestions: input.genderQuestions ?? null,
    });
    if (!row) throw stale();
    const changed = (['kind', 'status', 'confidentiality', 'allDay', 'timeZone', 'online', 'withPresidency'] as const).filter((k) => m[k] !== row[k]);
    if (m.startsAt.getTime() !== row.startsAt.getTime() || m.endsAt.getTime() !== row.endsAt.getTime()) changed.push('startsAt' as never);
    await recordAudit(tx, actor, {
      action: m.status !== row.status ? `engagement.meeting.${row.status === 'held' ? 'marked_held' : row.status === 'cancelled' ? 'cancelled' : 'replanned'}` : 'engagement.meeting.updated',
      entityType: 'meeting',
      entityId: m.id,
      summary: { locale: input.locale, changed, ...(m.status !== row.status ? { status: { from: m.status, to: row.status } } : {}) },
    });
    return row;
  });
}

/* ---------------- participants ---------------- */

export type ParticipantInput =
  | { kind: 'state'; stateIso2: string; role: repo.ParticipantRow['role'] }
  | { kind: 'organisation'; organisation: string; role: repo.ParticipantRow['role'] }
  | { kind: 'person'; userId?: string | undefined; name?: string | undefined; role: repo.ParticipantRow['role'] };

export async function addParticipant(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, p: ParticipantInput): Promise<repo.ParticipantRow> {
  return withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId, { forUpdate: true });
    const values: Omit<Parameters<typeof repo.insertParticipant>[1], 'meetingId'> = { kind: p.kind, role: p.role };
    if (p.kind === 'state') {
      if (!(await findState(tx, p.stateIso2))) throw new MeetingRejected({ state: 'engagement.meetings.participant_state_unknown' });
      values.stateIso2 = p.stateIso2;
    } else if (p.kind === 'organisation') {
      values.organisation = p.organisation;
    } else {
      if (p.userId) {
        const u = await repo.findUser(tx, p.userId);
        if (!u) throw new MeetingRejected({ person: 'engagement.meetings.participant_user_unknown' });
        if (u.disabled) throw new MeetingRejected({ person: 'engagement.meetings.participant_user_inactive' });
        values.userId = u.id;
        values.name = u.name;
      } else if (p.name) values.name = p.name;
      else throw new MeetingRejected({ person: 'engagement.meetings.participant_person_required' });
    }
    if (await repo.findSameParticipant(tx, m.id, values)) throw new MeetingRejected({ [p.kind === 'state' ? 'state' : p.kind === 'organisation' ? 'organisation' : 'person']: 'engagement.meetings.participant_duplicate' });
    const row = await repo.insertParticipant(tx, { ...values, meetingId: m.id });
    await recordAudit(tx, actor, { action: 'engagement.meeting_participant.added', entityType: 'meeting', entityId: m.id, summary: { kind: row.kind, stateIso2: row.stateIso2, userId: row.userId, role: row.role } });
    return row;
  });
}

export async function removeParticipant(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, participantId: string): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId, { forUpdate: true });
    if (m.status === 'held' && (await repo.countParticipants(tx, m.id)) <= 1) {
      const exists = (await repo.listParticipants(tx, [m.id])).some((x) => x.id === participantId);
      if (!exists) throw notFound();
      throw new AppError('conflict', 'engagement.meetings.held_last_participant');
    }
    const row = await repo.deleteParticipant(tx, m.id, participantId);
    if (!row) throw notFound();
    await recordAudit(tx, actor, { action: 'engagement.meeting_participant.removed', entityType: 'meeting', entityId: m.id, summary: { kind: row.kind, stateIso2: row.stateIso2, userId: row.userId } });
  });
}

/* ---------------- documents ---------------- */

export const DOCUMENT_KINDS = ['agenda', 'presentation', 'profile', 'summary', 'report', 'other'] as const;

export async function addDocument(deps: { database: Db; config: Pick<Config, 'uploadLimit'> }, actor: Actor, user: Principal | undefined, meetingId: string, input: { filename: string; data: Buffer; title: string | undefined; kind: (typeof DOCUMENT_KINDS)[number] }): Promise<repo.DocumentRow> {
  return withTransaction(deps.database.db, async (tx) => {
    const m = await editable(tx, user, meetingId, { forUpdate: true });
    if ((await repo.countDocuments(tx, m.id)) >= MAX_DOCUMENTS) throw new AppError('validation', 'engagement.meetings.documents_too_many', { max: MAX_DOCUMENTS });
    const file = await storeFile(tx, { filename: input.filename, data: input.data, createdBy: actor.userId, accept: ['pdf', 'image', 'spreadsheet', 'document', 'text'], maxBytes: deps.config.uploadLimit });
    const row = await repo.insertDocument(tx, { meetingId: m.id, fileId: file.id, title: input.title || file.filename, kind: input.kind, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'engagement.meeting_document.added', entityType: 'meeting', entityId: m.id, summary: { document: row.id, file: file.filename, size: file.size, type: file.contentType, kind: row.kind } });
    return row;
  });
}

export async function removeDocument(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, documentId: string): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId, { forUpdate: true });
    const doc = await repo.findDocument(tx, m.id, documentId);
    if (!doc) throw notFound();
    await repo.deleteDocument(tx, doc);
    await recordAudit(tx, actor, { action: 'engagement.meeting_document.removed', entityType: 'meeting', entityId: m.id, summary: { document: doc.id, title: doc.title } });
  });
}

/* ---------------- outcomes and follow-up actions ---------------- */

export interface ActionInput {
  kind: 'outcome' | 'follow_up' | 'commitment';
  text: string;
  ownerUserId?: string | undefined;
  ownerLabel?: string | undefined;
  stateIso2?: string | undefined;
  dueDate?: string | undefined;
  status: ActionStatus;
  actionIds: string[];
}

/** Field errors of an action's owner, State and linked actions, checked against the database. */
async function checkAction(tx: Tx, input: ActionInput, keptOwner?: string | null): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (input.ownerUserId && input.ownerUserId !== keptOwner) {
    const owner = await repo.findUser(tx, input.ownerUserId);
    if (!owner) errors.owner = 'engagement.meetings.owner_unknown';
    else if (owner.disabled) errors.owner = 'engagement.meetings.owner_inactive';
  }
  if (input.stateIso2 && !(await findState(tx, input.stateIso2))) errors.state = 'engagement.meetings.participant_state_unknown';
  const unknown: string[] = [];
  for (const id of input.actionIds) if (!(await findActionPlanId(tx, id))) unknown.push(id);
  if (unknown.length) errors.actions = 'engagement.meetings.action_unknown';
  return errors;
}

export async function addAction(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, input: ActionInput): Promise<repo.ActionRow> {
  return withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId, { forUpdate: true });
    const errors = await checkAction(tx, input);
    if (Object.keys(errors).length) throw new MeetingRejected(errors);
    const row = await repo.insertAction(tx, {
      meetingId: m.id,
      kind: input.kind,
      text: input.text,
      ownerUserId: input.ownerUserId ?? null,
      ownerLabel: input.ownerLabel ?? null,
      stateIso2: input.stateIso2 ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status,
      actionIds: input.actionIds,
      doneAt: input.status === 'done' ? new Date() : null,
    });
    await recordAudit(tx, actor, { action: 'engagement.meeting_action.added', entityType: 'meeting_action', entityId: row.id, summary: { meetingId: m.id, kind: row.kind, ownerUserId: row.ownerUserId, dueDate: row.dueDate, status: row.status } });
    return row;
  });
}

export async function updateAction(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, actionId: string, version: number, input: ActionInput): Promise<repo.ActionRow> {
  return withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId);
    const a = await repo.findAction(tx, m.id, actionId, { forUpdate: true });
    if (!a) throw notFound();
    if (a.version !== version) throw stale();
    // An owner disabled since may stay on the action (marked), but cannot be newly chosen.
    const errors = await checkAction(tx, input, a.ownerUserId);
    if (Object.keys(errors).length) throw new MeetingRejected(errors);
    const row = await repo.updateActionIfVersion(tx, a.id, version, {
      kind: input.kind,
      text: input.text,
      ownerUserId: input.ownerUserId ?? null,
      ownerLabel: input.ownerLabel ?? null,
      stateIso2: input.stateIso2 ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status,
      actionIds: input.actionIds,
      doneAt: input.status === 'done' ? (a.doneAt ?? new Date()) : null,
    });
    if (!row) throw stale();
    await recordAudit(tx, actor, { action: 'engagement.meeting_action.updated', entityType: 'meeting_action', entityId: a.id, summary: { meetingId: m.id, ...(a.status !== row.status ? { status: { from: a.status, to: row.status } } : {}), ...(a.ownerUserId !== row.ownerUserId ? { owner: { from: a.ownerUserId, to: row.ownerUserId } } : {}) } });
    return row;
  });
}

export async function markActionDone(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, actionId: string, version: number): Promise<repo.ActionRow> {
  return withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId);
    const a = await repo.findAction(tx, m.id, actionId, { forUpdate: true });
    if (!a) throw notFound();
    if (a.version !== version) throw stale();
    if (a.status === 'done') return a;
    const row = await repo.updateActionIfVersion(tx, a.id, version, { status: 'done', doneAt: new Date() });
    if (!row) throw stale();
    await recordAudit(tx, actor, { action: 'engagement.meeting_action.done', entityType: 'meeting_action', entityId: a.id, summary: { meetingId: m.id, from: a.status } });
    return row;
  });
}

/** Records that a follow-up was reviewed at a later meeting, with what was said (and optionally a new status). */
export async function reviewAction(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, actionId: string, version: number, input: { laterMeetingId: string; note: string | undefined; status?: ActionStatus | undefined }): Promise<repo.ActionRow> {
  return withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId);
    const a = await repo.findAction(tx, m.id, actionId, { forUpdate: true });
    if (!a) throw notFound();
    if (a.version !== version) throw stale();
    if (a.kind === 'outcome') throw new MeetingRejected({ later: 'engagement.meetings.review_outcome' });
    const later = await repo.findMeeting(tx, input.laterMeetingId);
    // A meeting the user may not read is "unknown" to them, like one that does not exist.
    if (!later || !canViewMeeting(user, await meetingFacts(tx, later))) throw new MeetingRejected({ later: 'engagement.meetings.review_meeting_unknown' });
    if (later.id === m.id || later.startsAt.getTime() <= m.startsAt.getTime()) throw new MeetingRejected({ later: 'engagement.meetings.review_not_later' });
    const status = input.status ?? a.status;
    const row = await repo.updateActionIfVersion(tx, a.id, version, { reviewedAtMeetingId: later.id, reviewNote: input.note ?? null, status, doneAt: status === 'done' ? (a.doneAt ?? new Date()) : null });
    if (!row) throw stale();
    await recordAudit(tx, actor, { action: 'engagement.meeting_action.reviewed', entityType: 'meeting_action', entityId: a.id, summary: { meetingId: m.id, reviewedAt: later.id, ...(a.status !== status ? { status: { from: a.status, to: status } } : {}) } });
    return row;
  });
}

/* ---------------- evidence ---------------- */

export async function linkMeetingEvidence(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, target: { type: LinkTarget; ref: string; label?: string | undefined }): Promise<{ created: boolean }> {
  return withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId);
    if (target.type === 'meeting' && target.ref === m.id) throw new AppError('validation', 'engagement.links.self');
    const row = await insertLink(tx, { sourceType: 'meeting', sourceId: m.id, targetType: target.type, targetRef: target.ref, label: target.label ?? null, createdBy: actor.userId });
    if (!row) return { created: false };
    await recordAudit(tx, actor, { action: 'engagement.evidence_link.added', entityType: 'meeting', entityId: m.id, summary: { targetType: target.type, targetRef: target.ref } });
    return { created: true };
  });
}

export async function unlinkMeetingEvidence(database: Db, actor: Actor, user: Principal | undefined, meetingId: string, linkId: string): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    const m = await editable(tx, user, meetingId);
    const link = await findLink(tx, linkId);
    if (!link || link.sourceType !== 'meeting' || link.sourceId !== m.id) throw notFound();
    await deleteLink(tx, link.id);
    await recordAudit(tx, actor, { action: 'engagement.evidence_link.removed', entityType: 'meeting', entityId: m.id, summary: { targetType: link.targetType, targetRef: link.targetRef } });
  });
}
