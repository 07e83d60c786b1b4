import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { registerBuilderPages } from './builder-routes.tsx';

/**
 * Registers the builder pages of questionnaires (list, new, overview, build, translations,
 * preview) and the "where an action is asked" links of questions to action-plan actions.
 */
export function registerBuilderRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerBuilderPages(app, deps);
}

export { questionnaireStatus, QUESTIONNAIRE_STATUSES, type QuestionnaireStatus } from './status.ts';
