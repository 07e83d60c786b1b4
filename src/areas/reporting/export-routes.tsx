/**
 * Exports (PDF, XLSX, CSV, JSON, bulk ZIP) and import of Article 7 reports.
 * Stub: the routes are filled in by the exports work; registering it now lets the app wire it.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

export function registerReportExportRoutes(deps: AppDeps) {
  void deps;
  return (app: FastifyInstance) => {
    void app;
  };
}
