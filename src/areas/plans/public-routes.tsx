/** Public pages of the action plans: parse → query → render. */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actionLinks } from './action-links.ts';
import { parseActionId } from './plans.ts';
import { findActionPlanId, getActionView, getPlanTree, listPlans } from './plans-queries.ts';
import { canEditPlans } from './policy.ts';
import { actionHref, ActionPage, PlanPage, PlansPage } from './views/public-pages.tsx';

const planParams = z.object({ plan: z.string().max(60) });
const actionParams = z.object({ plan: z.string().max(60), action: z.string().max(20) });
const resolveParams = z.object({ action: z.string().max(20) });

const notFound = () => new AppError('not_found', 'plans.not_found');

export function registerPublicPlansRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/:locale/plans', async (req, reply) => {
    return reply.page(<PlansPage plans={await listPlans(db)} canEdit={canEditPlans(req.user)} />);
  });

  // Links that know only an action's id (e.g. "OAP-42" from a report form) land on its page.
  app.get('/:locale/plans/actions/:action', async (req, reply) => {
    const p = resolveParams.safeParse(req.params);
    const parsed = p.success ? parseActionId(p.data.action) : undefined;
    const planId = parsed ? await findActionPlanId(db, parsed.id) : undefined;
    if (!parsed || !planId) throw notFound();
    return reply.redirect(actionHref(req.locale, planId, parsed.id), 302);
  });

  app.get('/:locale/plans/:plan', async (req, reply) => {
    const p = planParams.safeParse(req.params);
    if (!p.success) throw notFound();
    return reply.page(<PlanPage tree={await getPlanTree(db, p.data.plan)} canEdit={canEditPlans(req.user)} />);
  });

  app.get('/:locale/plans/:plan/actions/:action', async (req, reply) => {
    const p = actionParams.safeParse(req.params);
    if (!p.success) throw notFound();
    const view = await getActionView(db, p.data.plan, p.data.action);
    const links = await actionLinks(deps).linksTo(req, { id: view.action.id, planId: view.plan.id });
    return reply.page(<ActionPage view={view} links={links} canEdit={canEditPlans(req.user)} />);
  });
}
