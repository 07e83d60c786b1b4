/**
 * When REQUIRE_STAFF_TOTP is on, ISU staff and administrators without two-step verification are
 * sent to its set-up page and cannot open any other page until it is done.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { mustSetUpTotp } from './policy.ts';

/** Pages that stay open during the forced set-up (route patterns, not URLs). */
const EXEMPT_ROUTES = new Set(['/:locale/account/two-step', '/:locale/logout', '/:locale/accessibility']);

export function registerTotpGuard(app: FastifyInstance, deps: AppDeps): void {
  if (!deps.config.requireStaffTotp) return;
  const opts = { requireStaffTotp: true };
  app.addHook('preHandler', async (req, reply) => {
    const route = req.routeOptions.url;
    if (!route || !route.startsWith('/:locale/') || EXEMPT_ROUTES.has(route)) return;
    if (!mustSetUpTotp(req.user, opts)) return;
    return reply.redirect(`/${req.locale}/account/two-step`, 303);
  });
}
