/**
 * Sending the reminders that are due: the scheduled task `compliance.reminders` (daily) and ISU's
 * "run now" both call sendDueReminders.
 *
 * Exactly once: every message is queued in the e-mail outbox with a dedupe key naming the State,
 * the obligation, the step of the schedule and the recipient (reminderDedupeKey); the outbox has a
 * unique index on that key and enqueueEmail inserts with ON CONFLICT DO NOTHING. So running the
 * evaluation twice, after a restart, or on two instances at the same moment queues each message
 * once; the outbox delivery (platform/mail/delivery.ts) sends it. Work is done in a fixed order
 * (State, obligation, recipient address) so two concurrent runs never wait on each other in a cycle.
 */
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import type { Translator } from '../../platform/i18n/messages.ts';
import { listStateContacts, type Contact, type Principal } from '../accounts/index.ts';
import { todayIso, type IsoDate } from '../states/index.ts';
import { daysBetween, dueReminders, reminderDedupeKey, type DueReminder } from './compliance.ts';
import { selectReminderRules } from './compliance-repository.ts';
import { reminderFacts } from './compliance-queries.ts';
import { reminderEmail } from './emails.ts';
import { assertCan, canRunReminders } from './policy.ts';

export interface ReminderDeps {
  database: Database;
  translator: (locale: string) => Translator;
  config: { baseUrl: string };
}

export interface ReminderRunResult {
  today: IsoDate;
  /** Obligations a reminder step was due for today. */
  due: number;
  /** Messages queued by this run. */
  queued: number;
  /** Messages that were already in the outbox (an earlier run, or another instance). */
  alreadyQueued: number;
  /** States with a reminder due but no active preparer or approver to write to. */
  withoutContacts: string[];
}

/** Evaluates the schedule for `today` and queues every reminder due that is not in the outbox yet. */
export async function sendDueReminders(deps: ReminderDeps, actor: Actor, opts: { today?: IsoDate; trigger: 'schedule' | 'manual' }): Promise<ReminderRunResult> {
  const today = opts.today ?? todayIso();
  const db = deps.database.db;
  const [rules, facts] = await Promise.all([selectReminderRules(db), reminderFacts(db)]);
  const offsets = rules.filter((r) => r.enabled).map((r) => r.offsetDays);
  const due = dueReminders(facts.states, facts.lookup, offsets, today).sort((a, b) => (a.iso2 + a.kind + a.year < b.iso2 + b.kind + b.year ? -1 : 1));
  const byIso2 = new Map(facts.states.map((s) => [s.iso2, s]));
  const result: ReminderRunResult = { today, due: due.length, queued: 0, alreadyQueued: 0, withoutContacts: [] };
  const sent: { iso2: string; kind: string; year: number; offset: number; recipients: number }[] = [];
  // Recipients are read before the transaction, which then only writes (short, on PGlite's one connection).
  const contactsOf = new Map<string, Contact[]>();
  for (const iso2 of new Set(due.map((d) => d.iso2))) {
    contactsOf.set(iso2, (await listStateContacts(db, iso2)).sort((a, b) => (a.email.toLowerCase() < b.email.toLowerCase() ? -1 : 1)));
  }
  await withTransaction(db, async (tx) => {
    for (const reminder of due) {
      const contacts = contactsOf.get(reminder.iso2) ?? [];
      if (!contacts.length) {
        if (!result.withoutContacts.includes(reminder.iso2)) result.withoutContacts.push(reminder.iso2);
        continue;
      }
      let recipients = 0;
      for (const contact of contacts) {
        const tr = deps.translator(isLocale(contact.locale) ? contact.locale : 'en');
        const email = reminderEmail(tr, { reminder, state: byIso2.get(reminder.iso2)!, contact, today, baseUrl: deps.config.baseUrl });
        const id = await enqueueEmail(tx, { ...email, dedupeKey: reminderDedupeKey({ ...reminder, recipient: contact.email }) });
        if (id) {
          result.queued++;
          recipients++;
        } else result.alreadyQueued++;
      }
      if (recipients) sent.push({ iso2: reminder.iso2, kind: reminder.kind, year: reminder.year, offset: reminder.offset, recipients });
    }
    // A manual run is always recorded; a scheduled one when it queued something.
    if (opts.trigger === 'manual' || result.queued > 0) {
      await recordAudit(tx, actor, {
        action: opts.trigger === 'manual' ? 'compliance.reminders.run' : 'compliance.reminders.sent',
        entityType: 'reminders',
        entityId: today,
        summary: { trigger: opts.trigger, today, due: result.due, queued: result.queued, alreadyQueued: result.alreadyQueued, withoutContacts: result.withoutContacts, reminders: sent.slice(0, 50) },
      });
    }
  });
  return result;
}

/** ISU's "run now": the same evaluation as the daily task, for today, audited. */
export async function runRemindersNow(deps: ReminderDeps, actor: Actor, user: Principal | undefined): Promise<ReminderRunResult> {
  assertCan(canRunReminders(user));
  return sendDueReminders(deps, actor, { trigger: 'manual' });
}

/** Days until the due date (negative after it), for the reminder's text. */
export function daysToDue(reminder: Pick<DueReminder, 'dueDate'>, today: IsoDate): number {
  return daysBetween(today, reminder.dueDate);
}
