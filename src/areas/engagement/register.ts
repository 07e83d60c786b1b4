import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { actionLinks, type ActionLinkProvider } from '../plans/index.ts';
import { listCommittees, localized } from '../states/index.ts';
import { canEditNationalPlatform, canFollowIndividualisedApproach, canListMeetings, canViewCommitteePaper, canViewWorkPlans } from './policy.ts';
import { isStateUser } from '../accounts/index.ts';
import { itemsLinkedToAction } from './work-plans-repository.ts';
import { registerWorkPlanRoutes } from './work-plans-routes.tsx';
import { registerMeetingRoutes } from './meetings/index.ts';
import { registerIndividualisedApproachRoutes } from './individualised/index.ts';
import { registerNationalPlatformRoutes } from './platforms/index.ts';
import { registerCommitteePaperRoutes } from './paper/routes.tsx';
import { provideStateEngagement } from './state-internal.tsx';
import { textIn } from './texts.ts';

/** The Committee's work: work plans, meetings and the calendar, individualised approach, national platforms, State pages, papers. */
export function registerEngagementRoutes(deps: AppDeps) {
  actionLinks(deps).provide(workPlanItemLinks(deps));
  provideStateEngagement(deps);
  return (app: FastifyInstance) => {
    registerWorkPlanRoutes(app, deps);
    registerMeetingRoutes(app, deps);
    registerIndividualisedApproachRoutes(app, deps);
    registerNationalPlatformRoutes(app, deps);
    registerCommitteePaperRoutes(app, deps);
  };
}

/** Work-plan items that serve an action, on the action's page (for those who may read work plans). */
function workPlanItemLinks(deps: AppDeps): ActionLinkProvider {
  return async (req, action) => {
    if (!canViewWorkPlans(req.user)) return [];
    const db = deps.database.db;
    const [rows, committees] = await Promise.all([itemsLinkedToAction(db, action.id), listCommittees(db)]);
    const t = req.tr.t;
    return rows.map(({ item, plan }) => {
      const committee = committees.find((c) => c.id === plan.committeeId);
      return {
        group: t('engagement.links.action_group'),
        context: t(`engagement.plans.title.${plan.kind}`, { committee: committee ? localized(committee.names, req.locale) : plan.committeeId, year: String(plan.year) }),
        label: `${item.position}. ${textIn(item.title, req.locale)}`,
        href: `/${req.locale}/work-plans/${plan.id}/items/${item.id}`,
      };
    });
  };
}

/** Menu entries for committee members and ISU. */
export function engagementNavigation(req: FastifyRequest): NavItem[] {
  const items: NavItem[] = [];
  if (canListMeetings(req.user)) items.push({ href: '/meetings', label: req.tr.t('engagement.meetings.nav'), match: '/meetings' });
  if (req.user) items.push({ href: '/calendar', label: req.tr.t('engagement.calendar.nav'), match: '/calendar' });
  if (canViewWorkPlans(req.user)) items.push({ href: '/work-plans', label: req.tr.t('engagement.nav.work_plans'), match: '/work-plans' });
  if (canViewCommitteePaper(req.user)) items.push({ href: '/committee-papers', label: req.tr.t('engagement.nav.committee_papers'), match: '/committee-papers' });
  // A State's own users follow their individualised approach and national platform.
  const ownState = isStateUser(req.user) && !!req.user?.stateIso2;
  if (canFollowIndividualisedApproach(req.user) || ownState) items.push({ href: '/individualised-approach', label: req.tr.t('engagement.individualised.list_title'), match: '/individualised-approach' });
  if (canEditNationalPlatform(req.user) || ownState) items.push({ href: '/national-platforms', label: req.tr.t('engagement.platforms.list_title'), match: '/national-platforms' });
  return items;
}
