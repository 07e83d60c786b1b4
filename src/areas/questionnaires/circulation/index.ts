import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { registerCirculationRoutes as register } from './routes.tsx';

/** Registers the circulation pages of questionnaires (/:locale/questionnaires/:id/circulation…). */
export function registerCirculationRoutes(app: FastifyInstance, deps: AppDeps): void {
  register(app, deps);
}

/** The daily reminders task, for the composition root (main.ts). */
export { scheduleCirculationTasks, QUESTIONNAIRE_REMINDERS_TASK, QUESTIONNAIRE_REMINDERS_AT } from './tasks.ts';
export { sendDueQuestionnaireReminders } from './reminder-commands.ts';
