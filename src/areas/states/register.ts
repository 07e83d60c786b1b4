import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';

export function registerStatesRoutes(_deps: AppDeps) {
  return (_app: FastifyInstance) => {};
}

export function statesNavigation(_req: FastifyRequest): NavItem[] {
  return [];
}
