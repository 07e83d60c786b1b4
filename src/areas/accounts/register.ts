import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { registerAccountRoutes } from './account-routes.tsx';
import { registerAccountsApi } from './api-routes.ts';
import { registerLinkRoutes } from './link-routes.tsx';
import { canManageUsers, canViewTeam } from './policy.ts';
import { registerSessionRoutes } from './routes.tsx';
import { registerTotpGuard } from './totp-guard.ts';
import { registerUserRoutes } from './user-routes.tsx';
import { provideStateContacts } from './state-contacts.tsx';

export function registerAccountsRoutes(deps: AppDeps) {
  provideStateContacts(deps);
  return (app: FastifyInstance) => {
    registerTotpGuard(app, deps);
    registerSessionRoutes(app, deps);
    registerLinkRoutes(app, deps);
    registerAccountRoutes(app, deps);
    registerUserRoutes(app, deps);
    registerAccountsApi(app, deps);
  };
}

/** Entries of the main menu, decided by the accounts policy. */
export function accountsNavigation(req: FastifyRequest): NavItem[] {
  const items: NavItem[] = [];
  const t = req.tr.t;
  if (canViewTeam(req.user)) items.push({ href: '/my/team', label: t('accounts.nav.team'), match: '/my/team' });
  if (canManageUsers(req.user)) items.push({ href: '/admin/users', label: t('accounts.nav.users'), match: '/admin/users' });
  return items;
}
