import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { registerAdminStatesRoutes } from './admin-routes.tsx';
import { registerStatesApi } from './api-routes.ts';
import { canAdministerStates } from './policy.ts';
import { registerPublicStatesRoutes } from './public-routes.tsx';

export function registerStatesRoutes(deps: AppDeps) {
  return (app: FastifyInstance) => {
    registerPublicStatesRoutes(app, deps);
    registerAdminStatesRoutes(app, deps);
    registerStatesApi(app, deps);
  };
}

/** Main-menu entries of the States area: the public list for everyone, the administration for ISU staff. */
export function statesNavigation(req: FastifyRequest): NavItem[] {
  const t = req.tr.t;
  const items: NavItem[] = [{ href: '/states', label: t('states.nav.states'), match: '/states' }];
  if (canAdministerStates(req.user)) items.push({ href: '/admin/states', label: t('states.nav.admin'), match: '/admin/states' });
  return items;
}
