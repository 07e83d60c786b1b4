import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { registerIaRoutes } from './routes.tsx';

/**
 * Registers the individualised-approach pages of the engagement area (issue 7, point 3): the
 * records, their steps, the public page of a published final report, and the State page's section
 * listing those reports (through the `state-page` slot).
 */
export function registerIndividualisedApproachRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerIaRoutes(app, deps);
}

export { publishedIndividualisedApproachReports, findIndividualisedApproachForLink, type PublishedIaReport } from './individualised-queries.ts';
export { seedDemoIndividualisedApproach } from './demo.ts';
