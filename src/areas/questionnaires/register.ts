import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';
import { canUseQuestionnaires } from './policy.ts';
import { registerBuilderRoutes } from './builder/index.ts';
import { registerCirculationRoutes } from './circulation/index.ts';
import { registerAnsweringRoutes } from './answering/index.ts';
import { registerResultsRoutes } from './results/index.ts';

/** Questionnaires: building (staff and committee), circulation, answering (invitees), results. */
export function registerQuestionnairesRoutes(deps: AppDeps) {
  return (app: FastifyInstance) => {
    registerBuilderRoutes(app, deps);
    registerCirculationRoutes(app, deps);
    registerAnsweringRoutes(app, deps);
    registerResultsRoutes(app, deps);
  };
}

/** Menu entry: building and reading questionnaires for staff and committee members; the questionnaires they are invited to for everyone else signed in. */
export function questionnairesNavigation(req: FastifyRequest): NavItem[] {
  if (canUseQuestionnaires(req.user)) return [{ href: '/questionnaires', label: req.tr.t('questionnaires.nav'), match: '/questionnaires' }];
  if (req.user) return [{ href: '/my/questionnaires', label: req.tr.t('questionnaires.nav_mine'), match: '/my/questionnaires' }];
  return [];
}
