import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { canManageUsers } from './policy.ts';
import { registerSessionRoutes } from './routes.tsx';

export function registerAccountsRoutes(deps: AppDeps) {
  return (app: FastifyInstance) => {
    registerSessionRoutes(app, deps);
  };
}

/** Administration entries of the main menu, decided by the accounts policy. */
export function accountsNavigation(req: FastifyRequest): NavItem[] {
  const items: NavItem[] = [];
  const t = req.tr.t;
  if (canManageUsers(req.user)) items.push({ href: '/admin/users', label: t('accounts.nav.users'), match: '/admin/users' });
  return items;
}
