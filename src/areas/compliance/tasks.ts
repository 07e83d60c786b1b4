/**
 * The scheduled task of the compliance area, registered on the instance's job runner by the
 * composition root (main.ts): `compliance.reminders`, daily at 06:00 UTC. The runner claims each
 * day's slot once across instances and restarts (scheduled_runs); a day missed while no instance ran
 * is caught up by the evaluation itself (see dueReminderOffset), and each message is queued once
 * whatever happens (outbox dedupe keys).
 */
import type { JobRunner } from '../../platform/jobs/runner.ts';
import { sendDueReminders, type ReminderDeps } from './reminders-commands.ts';

export const REMINDERS_TASK = 'compliance.reminders';
/** Daily, early in the Geneva working day. */
export const REMINDERS_AT = '06:00';

export function scheduleComplianceTasks(runner: JobRunner, deps: ReminderDeps): JobRunner {
  return runner.schedule(REMINDERS_TASK, REMINDERS_AT, async (ctx) => {
    // The slot's day (UTC) is "today" for the evaluation: the runner's clock decides.
    const r = await sendDueReminders({ ...deps, database: ctx.database }, ctx.actor, { today: ctx.slot.slice(0, 10), trigger: 'schedule' });
    return `${r.due} reminder steps due, ${r.queued} e-mails queued, ${r.alreadyQueued} already queued, ${r.withoutContacts.length} States without an active focal point`;
  });
}
