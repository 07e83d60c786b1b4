import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { canManageReminders, canViewInternalCompliance } from './policy.ts';
import { registerComplianceRoutes as routes } from './routes.tsx';

export function registerComplianceRoutes(deps: AppDeps) {
  const register = routes(deps);
  return (app: FastifyInstance) => register(app);
}

/**
 * Menu entries: reporting compliance for everyone (the internal view for committee members and
 * ISU), the reminder schedule for ISU staff and administrators.
 */
export function complianceNavigation(req: FastifyRequest): NavItem[] {
  const t = req.tr.t;
  const items: NavItem[] = [
    canViewInternalCompliance(req.user)
      ? { href: '/workspace/compliance', label: t('compliance.nav.compliance'), match: '/workspace/compliance' }
      : { href: '/compliance', label: t('compliance.nav.compliance'), match: '/compliance' },
  ];
  if (canManageReminders(req.user)) items.push({ href: '/admin/reminders', label: t('compliance.nav.reminders'), match: '/admin/reminders' });
  return items;
}
