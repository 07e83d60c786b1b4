/**
 * The questionnaire's side of circulation: its dates and reminder interval, circulating a version
 * (freezing it and e-mailing the invitations not sent yet), closing, reopening. One transaction per
 * command, with its audit event.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { diffSummary, recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { draftVersion, findQuestionnaire, type QuestionnaireRow } from '../questionnaires-repository.ts';
import { assertCan, canCirculate, canReopenQuestionnaire } from '../policy.ts';
import { closesAtFor, datesProblems, isoDay, linkExpiry, readiness, startOfDay, type IsoDay } from './circulation.ts';
import { freezeVersion, listInvitations, setInvitationsExpiry, updateQuestionnaire } from './circulation-repository.ts';
import { sendInvitation, sendsNow, type CirculationDeps } from './invitation-commands.ts';

async function lockQuestionnaire(tx: DbOrTx, id: string): Promise<QuestionnaireRow> {
  const q = await findQuestionnaire(tx, id, { forUpdate: true });
  if (!q) throw notFound('questionnaires.circulation.not_found');
  return q;
}

function stale(q: QuestionnaireRow, expected: number): void {
  if (q.version !== expected) throw conflict('questionnaires.circulation.stale', { current: q.version });
}

export interface SettingsInput {
  questionnaireId: string;
  /** The questionnaire's version the form was read at. */
  version: number;
  opensOn: IsoDay | null;
  closesOn: IsoDay | null;
  reminderEveryDays: number | null;
  now?: Date;
}

/** Saves the dates and the reminder interval; moving the closing date moves the links' expiry with it. */
export async function saveCirculationSettings(deps: CirculationDeps, actor: Actor, user: Principal | undefined, input: SettingsInput): Promise<QuestionnaireRow> {
  const now = input.now ?? new Date();
  const problems = datesProblems({ opensOn: input.opensOn ?? undefined, closesOn: input.closesOn ?? undefined }, isoDay(now));
  if (problems.length) throw new AppError('validation', `questionnaires.circulation.settings.${problems[0]!.code}`);
  return withTransaction(deps.database.db, async (tx) => {
    const q = await lockQuestionnaire(tx, input.questionnaireId);
    assertCan(canCirculate(user, q));
    stale(q, input.version);
    const patch = {
      opensAt: input.opensOn ? startOfDay(input.opensOn) : null,
      closesAt: input.closesOn ? closesAtFor(input.closesOn) : null,
      reminderEveryDays: input.reminderEveryDays,
    };
    const row = await updateQuestionnaire(tx, q.id, patch, input.version);
    if (!row) throw conflict('questionnaires.circulation.stale');
    const closingMoved = (q.closesAt?.getTime() ?? null) !== (row.closesAt?.getTime() ?? null);
    const moved = closingMoved ? await setInvitationsExpiry(tx, q.id, linkExpiry(row.closesAt, now)) : 0;
    await recordAudit(tx, actor, {
      action: 'questionnaires.settings.changed',
      entityType: 'questionnaire',
      entityId: q.id,
      summary: { ...diffSummary({ opensAt: q.opensAt, closesAt: q.closesAt, reminderEveryDays: q.reminderEveryDays }, patch), linksMoved: moved },
    });
    return row;
  });
}

export interface CirculateResult {
  versionNo: number;
  first: boolean;
  sent: number;
}

/**
 * Circulates the draft version: refused while it cannot be answered (no question, structural
 * problems, source language incomplete); other languages incomplete need `confirmed`. Freezes the
 * draft (new responses start on it; responses already started keep their version), sets
 * circulatedAt the first time, and e-mails every invitation not sent yet.
 */
export async function circulateQuestionnaire(
  deps: CirculationDeps,
  actor: Actor,
  user: Principal | undefined,
  input: { questionnaireId: string; version: number; confirmed: boolean; now?: Date },
): Promise<CirculateResult> {
  const now = input.now ?? new Date();
  return withTransaction(deps.database.db, async (tx) => {
    const q = await lockQuestionnaire(tx, input.questionnaireId);
    assertCan(canCirculate(user, q));
    stale(q, input.version);
    const draft = await draftVersion(tx, q.id, { forUpdate: true });
    if (!draft) throw conflict('questionnaires.circulation.no_draft');
    if (q.closesAt && q.closesAt <= now) throw new AppError('validation', 'questionnaires.circulation.closing_passed');
    const ready = readiness(draft.content, q);
    if (ready.blocking.length) throw new AppError('validation', 'questionnaires.circulation.not_ready');
    if (ready.incomplete.length && !input.confirmed) throw new AppError('validation', 'questionnaires.circulation.confirm_needed');
    await freezeVersion(tx, draft.id, now);
    const first = q.circulatedAt === null;
    const row = (await updateQuestionnaire(tx, q.id, first ? { circulatedAt: now } : {}))!;
    let sent = 0;
    if (sendsNow(row, now) && user) {
      const pending = (await listInvitations(tx, q.id)).filter((i) => !i.sentAt && !i.revokedAt && i.expiresAt > now);
      for (const inv of pending) {
        // Links made before the closing date was known live as long as the rule says now.
        const fresh = { ...inv, expiresAt: linkExpiry(row.closesAt, now) };
        await sendInvitation(tx, deps, row, fresh, now, { name: user.name, email: user.email });
        sent++;
      }
      if (pending.length) await setInvitationsExpiry(tx, q.id, linkExpiry(row.closesAt, now));
    }
    await recordAudit(tx, actor, {
      action: 'questionnaires.version.circulated',
      entityType: 'questionnaire',
      entityId: q.id,
      summary: { versionNo: draft.versionNo, versionId: draft.id, first, sent, incompleteLanguages: ready.incomplete.map((l) => l.locale) },
    });
    return { versionNo: draft.versionNo, first, sent };
  });
}

/** Closes answering now (before the closing date); the tracking stays readable, links can still read what was sent. */
export async function closeQuestionnaire(deps: CirculationDeps, actor: Actor, user: Principal | undefined, input: { questionnaireId: string; version: number; now?: Date }): Promise<QuestionnaireRow> {
  const now = input.now ?? new Date();
  return withTransaction(deps.database.db, async (tx) => {
    const q = await lockQuestionnaire(tx, input.questionnaireId);
    assertCan(canCirculate(user, q));
    stale(q, input.version);
    if (!q.circulatedAt) throw conflict('questionnaires.circulation.not_circulated');
    const row = (await updateQuestionnaire(tx, q.id, { closedAt: now }))!;
    await recordAudit(tx, actor, { action: 'questionnaires.questionnaire.closed', entityType: 'questionnaire', entityId: q.id, summary: { closedAt: now.toISOString(), closesAt: q.closesAt?.toISOString() ?? null } });
    return row;
  });
}

/** Reopens a questionnaire closed by hand, with a new closing day (today or later); links live until after it. */
export async function reopenQuestionnaire(deps: CirculationDeps, actor: Actor, user: Principal | undefined, input: { questionnaireId: string; version: number; closesOn: IsoDay; now?: Date }): Promise<QuestionnaireRow> {
  const now = input.now ?? new Date();
  const problems = datesProblems({ closesOn: input.closesOn }, isoDay(now));
  if (problems.length) throw new AppError('validation', `questionnaires.circulation.settings.${problems[0]!.code}`);
  return withTransaction(deps.database.db, async (tx) => {
    const q = await lockQuestionnaire(tx, input.questionnaireId);
    assertCan(canReopenQuestionnaire(user, q));
    stale(q, input.version);
    const closesAt = closesAtFor(input.closesOn);
    if (q.opensAt && closesAt <= q.opensAt) throw new AppError('validation', 'questionnaires.circulation.settings.dates_order');
    const row = (await updateQuestionnaire(tx, q.id, { closedAt: null, closesAt }))!;
    await setInvitationsExpiry(tx, q.id, linkExpiry(closesAt, now));
    await recordAudit(tx, actor, {
      action: 'questionnaires.questionnaire.reopened',
      entityType: 'questionnaire',
      entityId: q.id,
      summary: { closedAt: q.closedAt?.toISOString() ?? null, closesAt: { before: q.closesAt?.toISOString() ?? null, after: closesAt.toISOString() } },
    });
    return row;
  });
}
