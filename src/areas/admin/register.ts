import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { canViewAuditLog, canViewOutbox } from './policy.ts';
import { registerAdminPageRoutes } from './routes.tsx';

export function registerAdminRoutes(deps: AppDeps) {
  return (app: FastifyInstance) => {
    registerAdminPageRoutes(app, deps);
  };
}

/** Menu entries for the audit log and the e-mail outbox, for those the policy allows. */
export function adminNavigation(req: FastifyRequest): NavItem[] {
  const items: NavItem[] = [];
  const t = req.tr.t;
  if (canViewAuditLog(req.user)) items.push({ href: '/admin/audit', label: t('admin.nav.audit'), match: '/admin/audit' });
  if (canViewOutbox(req.user)) items.push({ href: '/admin/outbox', label: t('admin.nav.outbox'), match: '/admin/outbox' });
  return items;
}
