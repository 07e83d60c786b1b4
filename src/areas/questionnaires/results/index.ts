import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { registerResultsPages } from './routes.tsx';

/** Registers the results pages of questionnaires: summary, free-text answers and tags, States side by side, exports. */
export function registerResultsRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerResultsPages(app, deps);
}

/* For the observations paper (via the questionnaires area's index). */
export { paperFindings, findingSentences, findingsParagraph, type PaperFindings, type QuestionnaireFindings, type Finding } from './paper-findings.ts';
