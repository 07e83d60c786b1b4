/** JSON API v1 for Article 7 reports (personal API tokens). Stub: routes are being added. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

export function registerReportApiRoutes(_deps: AppDeps): (app: FastifyInstance) => void {
  return (_app: FastifyInstance) => {
    // Routes are registered here (in progress).
  };
}
