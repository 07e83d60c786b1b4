/**
 * Builds the application from a configuration and an open database: translators, areas and the
 * HTTP server. Used by main.ts, the CLI and the tests (plain factories, no DI container).
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './platform/db/client.ts';
import type { AppDeps } from './platform/deps.ts';
import { buildHttpServer } from './platform/http/server.tsx';
import { assetUrls } from './platform/http/assets.ts';
import { ApiRegistry } from './platform/http/openapi.ts';
import { Slots } from './platform/http/slots.ts';
import { createTranslators, loadCatalogues } from './platform/i18n/messages.ts';
import type { NavItem } from './platform/http/types.ts';
import { accountsNavigation, authenticateApiToken, loadPrincipal, registerAccountsRoutes } from './areas/accounts/index.ts';
import { registerStatesRoutes, statesNavigation } from './areas/states/index.ts';
import { adminNavigation, registerAdminRoutes } from './areas/admin/index.ts';
import { registerSiteRoutes } from './areas/site/routes.tsx';
import { registerReportingRoutes, reportingNavigation } from './areas/reporting/index.ts';
import { plansNavigation, registerPlansRoutes } from './areas/plans/index.ts';
import { complianceNavigation, registerComplianceRoutes } from './areas/compliance/index.ts';
import { analysisNavigation, registerAnalysisRoutes } from './areas/analysis/index.ts';
import { questionnairesNavigation, registerQuestionnairesRoutes } from './areas/questionnaires/index.ts';
import { engagementNavigation, registerEngagementRoutes } from './areas/engagement/index.ts';

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** Accept the pseudo-locale `qps` in URLs (tests only). */
  pseudoLocale?: boolean;
  logger?: boolean | object;
}

let cataloguesCache: ReturnType<typeof loadCatalogues> | undefined;

export async function buildApp(opts: BuildAppOptions) {
  const { config, database } = opts;
  cataloguesCache ??= loadCatalogues();
  const translator = createTranslators(cataloguesCache);
  const api = new ApiRegistry();
  const deps: AppDeps = {
    config,
    database,
    translator,
    sessionPolicy: { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs },
    api,
    slots: new Slots(),
  };

  // The main menu: each area contributes the entries its policy allows for this user.
  const navigation = (req: FastifyRequest): NavItem[] => [
    ...reportingNavigation(req),
    ...complianceNavigation(req),
    ...analysisNavigation(req),
    ...questionnairesNavigation(req),
    ...engagementNavigation(req),
    ...statesNavigation(req),
    ...plansNavigation(req),
    ...accountsNavigation(req),
    ...adminNavigation(req),
  ];

  const app = await buildHttpServer({
    config,
    database,
    translator,
    loadUser: (id) => loadPrincipal(database.db, id, { demoMode: config.demoMode }),
    authenticateBearer: (token) => authenticateApiToken(database, token, { demoMode: config.demoMode }),
    navigation,
    userContext: (req) => {
      const names = req.user?.contextNames;
      return names ? names[req.locale as keyof typeof names] ?? names.en : undefined;
    },
    assets: assetUrls(),
    apiDocument: () =>
      api.document({
        title: 'APMBC Transparency & Cooperation Platform API',
        version: '1',
        description: 'Public data on States Parties and their Article 7 reports; personal API tokens give a State what it can do in the interface.',
      }),
    areas: [registerSiteRoutes(), registerAccountsRoutes(deps), registerStatesRoutes(deps), registerReportingRoutes(deps), registerPlansRoutes(deps), registerComplianceRoutes(deps), registerAnalysisRoutes(deps), registerQuestionnairesRoutes(deps), registerEngagementRoutes(deps), registerAdminRoutes(deps)],
    pseudoLocale: opts.pseudoLocale ?? false,
    ...(opts.logger !== undefined ? { logger: opts.logger } : {}),
  });
  return { app, deps };
}
