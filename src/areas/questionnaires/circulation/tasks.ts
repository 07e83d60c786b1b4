/**
 * The scheduled task of circulation, registered on the instance's job runner by the composition
 * root (main.ts): `questionnaires.reminders`, daily at 07:00 UTC. The runner claims each day's slot
 * once across instances and restarts; each reminder is queued once whatever happens (outbox dedupe
 * key per invitation and reminder number). A day missed while no instance ran is caught up the next
 * day: the interval is measured from the last reminder, not counted in slots.
 */
import type { JobRunner } from '../../../platform/jobs/runner.ts';
import { sendDueQuestionnaireReminders } from './reminder-commands.ts';
import type { CirculationDeps } from './invitation-commands.ts';

export const QUESTIONNAIRE_REMINDERS_TASK = 'questionnaires.reminders';
/** Daily, early in the Geneva working day (after the Article 7 reminders at 06:00). */
export const QUESTIONNAIRE_REMINDERS_AT = '07:00';

export function scheduleCirculationTasks(runner: JobRunner, deps: CirculationDeps): JobRunner {
  return runner.schedule(QUESTIONNAIRE_REMINDERS_TASK, QUESTIONNAIRE_REMINDERS_AT, async (ctx) => {
    // The slot's moment is "now" for the evaluation: the runner's clock decides (as for compliance).
    const r = await sendDueQuestionnaireReminders({ ...deps, database: ctx.database }, ctx.actor, { now: new Date(ctx.slot) });
    return `${r.questionnaires} open questionnaires with reminders, ${r.queued} reminders queued`;
  });
}
