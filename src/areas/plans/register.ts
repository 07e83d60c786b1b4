import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { actionLinks, article7FieldLinks } from './action-links.ts';
import { registerAdminPlansRoutes } from './admin-routes.tsx';
import { registerPlansApi } from './api-routes.ts';
import { canEditPlans, canViewPlans } from './policy.ts';
import { registerPublicPlansRoutes } from './public-routes.tsx';

export function registerPlansRoutes(deps: AppDeps) {
  // The Article 7 form fields are the first things that link to actions; other areas add theirs.
  actionLinks(deps).provide(article7FieldLinks);
  return (app: FastifyInstance) => {
    registerPublicPlansRoutes(app, deps);
    registerAdminPlansRoutes(app, deps);
    registerPlansApi(app, deps);
  };
}

/** Main-menu entries: the public plans for everyone, their editing for ISU staff and administrators. */
export function plansNavigation(req: FastifyRequest): NavItem[] {
  const t = req.tr.t;
  const items: NavItem[] = [];
  if (canViewPlans(req.user)) items.push({ href: '/plans', label: t('plans.nav.plans'), match: '/plans' });
  if (canEditPlans(req.user)) items.push({ href: '/admin/plans', label: t('plans.nav.admin'), match: '/admin/plans' });
  return items;
}
