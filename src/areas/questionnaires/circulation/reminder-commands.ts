/**
 * Reminders to invitees whose response (the one they share with colleagues of their State and
 * audience, or their own) is not submitted, with the SAME personal link (recomputed from its nonce).
 *
 *  - The daily task (`questionnaires.reminders`, tasks.ts) reminds, on every open questionnaire with
 *    a reminder interval, each invitee the interval has passed for since the invitation or the last
 *    reminder.
 *  - "Send reminders now" reminds every invitee of one open questionnaire who has not submitted.
 *
 * Exactly once: reminder number n of an invitation has the outbox dedupe key
 * `questionnaire-reminder:<invitationId>:<n>`, and each invitation is re-read under a row lock before
 * its counter moves, so two runs at once queue it once.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { findQuestionnaire, type QuestionnaireRow } from '../questionnaires-repository.ts';
import { assertCan, canCirculate, isOpen } from '../policy.ts';
import { respondentKeyOf, type InvitationRow } from '../respondents.ts';
import { reminderDedupeKey, reminderDue } from './circulation.ts';
import { findContact, findInvitation, listInvitations, openQuestionnairesWithReminders, responseStatuses, updateInvitation } from './circulation-repository.ts';
import { emailInvitation, type CirculationDeps, type Contact } from './invitation-commands.ts';

export interface ReminderRun {
  /** Questionnaires looked at. */
  questionnaires: number;
  /** Reminders queued. */
  queued: number;
}

/** Invitees of a questionnaire whose response is not submitted and whose link works. */
async function notSubmitted(db: DbOrTx, q: QuestionnaireRow, now: Date): Promise<InvitationRow[]> {
  const [invitations, statuses] = await Promise.all([listInvitations(db, q.id), responseStatuses(db, q.id)]);
  return invitations.filter((i) => i.sentAt && !i.revokedAt && now < i.expiresAt && statuses.get(respondentKeyOf(i))?.status !== 'submitted');
}

/** Queues the next reminder of one invitation (re-read under lock) when `stillDue` says so. */
async function remindOne(
  tx: DbOrTx,
  deps: CirculationDeps,
  q: QuestionnaireRow,
  invitationId: string,
  now: Date,
  stillDue: (inv: InvitationRow) => boolean,
  contactOf: (inv: InvitationRow) => Promise<Contact | undefined>,
): Promise<boolean> {
  const inv = await findInvitation(tx, q.id, invitationId, { forUpdate: true });
  if (!inv || !stillDue(inv)) return false;
  const n = inv.remindersSent + 1;
  const queued = await emailInvitation(tx, deps, q, inv, 'reminder', { now, contact: await contactOf(inv), dedupeKey: reminderDedupeKey(inv.id, n) });
  await updateInvitation(tx, inv.id, { remindersSent: n, lastRemindedAt: now });
  return queued;
}

/** The daily task: every open questionnaire with an interval, every invitee it is due for. */
export async function sendDueQuestionnaireReminders(deps: CirculationDeps, actor: Actor, opts: { now?: Date } = {}): Promise<ReminderRun> {
  const now = opts.now ?? new Date();
  const db = deps.database.db;
  const list = await openQuestionnairesWithReminders(db, now);
  const run: ReminderRun = { questionnaires: list.length, queued: 0 };
  for (const q of list) {
    const due = (await notSubmitted(db, q, now)).filter((i) => reminderDue(i, q.reminderEveryDays, now));
    if (!due.length) continue;
    const contacts = new Map<string, Contact | undefined>();
    const contactOf = async (inv: InvitationRow) => {
      const key = inv.createdBy ?? q.createdBy ?? '';
      if (!contacts.has(key)) contacts.set(key, await findContact(db, key || null));
      return contacts.get(key);
    };
    await withTransaction(db, async (tx) => {
      let queued = 0;
      for (const inv of due) if (await remindOne(tx, deps, q, inv.id, now, (fresh) => reminderDue(fresh, q.reminderEveryDays, now), contactOf)) queued++;
      if (queued) {
        await recordAudit(tx, actor, { action: 'questionnaires.reminders.sent', entityType: 'questionnaire', entityId: q.id, summary: { trigger: 'schedule', queued, everyDays: q.reminderEveryDays } });
      }
      run.queued += queued;
    });
  }
  return run;
}

/** "Send reminders now": every invitee of one open questionnaire who has not submitted. */
export async function sendRemindersNow(deps: CirculationDeps, actor: Actor, user: Principal | undefined, input: { questionnaireId: string; now?: Date }): Promise<{ queued: number }> {
  const now = input.now ?? new Date();
  const db = deps.database.db;
  const q = await findQuestionnaire(db, input.questionnaireId);
  if (!q) throw notFound('questionnaires.circulation.not_found');
  assertCan(canCirculate(user, q));
  if (!isOpen(q, now)) throw new AppError('conflict', 'questionnaires.circulation.remind_not_open');
  const targets = await notSubmitted(db, q, now);
  const contact = user ? { name: user.name, email: user.email } : undefined;
  return withTransaction(db, async (tx) => {
    let queued = 0;
    for (const inv of targets) if (await remindOne(tx, deps, q, inv.id, now, (fresh) => !!fresh.sentAt && !fresh.revokedAt && now < fresh.expiresAt, async () => contact)) queued++;
    await recordAudit(tx, actor, { action: 'questionnaires.reminders.sent', entityType: 'questionnaire', entityId: q.id, summary: { trigger: 'manual', queued } });
    return { queued };
  });
}
