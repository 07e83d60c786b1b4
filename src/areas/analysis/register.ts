import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { registerTermRoutes } from './detector/terms-routes.tsx';
import { registerIndicatorRoutes } from './indicators/routes.tsx';
import { registerCoverageRoutes } from './coverage/index.ts';
import { canUseAnalysis } from './policy.ts';
import { canViewPaper, registerPaperRoutes } from './paper/index.ts';
import { registerSearchRoutes } from './search/index.ts';
import { canViewFollowUps, registerFollowUpRoutes } from './followups/index.ts';
import { provideStateAnalysis } from './state-internal.tsx';

/**
 * The committee's analysis pages. Later parts of the analysis (dashboard, follow-ups,
 * observations paper, search) add their registrations here.
 */
export function registerAnalysisRoutes(deps: AppDeps) {
  provideStateAnalysis(deps);
  return (app: FastifyInstance) => {
    registerIndicatorRoutes(app, deps);
    registerTermRoutes(app, deps);
    registerCoverageRoutes(app, deps);
    registerPaperRoutes(app, deps);
    registerSearchRoutes(app, deps);
    registerFollowUpRoutes(app, deps);
  };
}

/** Menu entries of the analysis, for committee members and ISU. */
export function analysisNavigation(req: FastifyRequest): NavItem[] {
  const t = req.tr.t;
  const items: NavItem[] = [];
  if (canUseAnalysis(req.user)) items.push({ href: '/analysis/reports', label: t('analysis.nav.indicators'), match: '/analysis/reports' });
  if (canUseAnalysis(req.user)) items.push({ href: '/analysis/coverage', label: t('analysis.coverage.nav'), match: '/analysis/coverage' });
  // Staff search every submitted report; everyone else the published public ones.
  if (canUseAnalysis(req.user)) items.push({ href: '/analysis/search', label: t('analysis.nav.search'), match: '/analysis/search' });
  else items.push({ href: '/search', label: t('analysis.nav.search'), match: '/search' });
  if (canViewFollowUps(req.user)) items.push({ href: '/analysis/follow-ups', label: t('analysis.nav.follow_ups'), match: '/analysis/follow-ups' });
  if (canViewPaper(req.user)) items.push({ href: '/analysis/papers', label: t('analysis.nav.papers'), match: '/analysis/papers' });
  return items;
}
