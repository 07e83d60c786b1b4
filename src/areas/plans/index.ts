/**
 * What other areas may use from the action plans: registration, the reference seeding, read models
 * and the "where an action is asked" registry. Another area links its items to actions with
 * `actionLinks(deps).provide((req, action) => [...])` when it registers; the action page lists them.
 */
export { registerPlansRoutes, plansNavigation } from './register.ts';
export { seedActionPlans } from './seed.ts';
export { actionLinks, type ActionLink, type ActionLinkProvider, type ActionLinkRegistry, type LinkedAction } from './action-links.ts';
export { listPlans, getPlanTree, findActionPlanId, type PlanSummary, type PlanTree, type ActionView } from './plans-queries.ts';
export { parseActionId, groupActionIds, displayText, THEMES, type Theme, type Measure } from './plans.ts';
