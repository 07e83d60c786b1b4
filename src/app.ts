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
import { createTranslators, loadCatalogues } from './platform/i18n/messages.ts';
import type { NavItem } from './platform/http/types.ts';
import { accountsNavigation, loadPrincipal, registerAccountsRoutes } from './areas/accounts/index.ts';
import { registerSiteRoutes } from './areas/site/routes.tsx';

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
  const deps: AppDeps = {
    config,
    database,
    translator,
    sessionPolicy: { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs },
  };

  const navigation = (req: FastifyRequest): NavItem[] => [...accountsNavigation(req)];

  const app = await buildHttpServer({
    config,
    database,
    translator,
    loadUser: (id) => loadPrincipal(database.db, id, { demoMode: config.demoMode }),
    navigation,
    userContext: (req) => req.user?.stateIso2 ?? req.user?.committeeId ?? undefined,
    assets: assetUrls(),
    areas: [registerSiteRoutes(), registerAccountsRoutes(deps)],
    pseudoLocale: opts.pseudoLocale ?? false,
    ...(opts.logger !== undefined ? { logger: opts.logger } : {}),
  });
  return { app, deps };
}
