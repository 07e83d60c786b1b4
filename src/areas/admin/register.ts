import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { NavItem } from '../../platform/http/types.ts';

export function registerAdminRoutes(_deps: AppDeps) {
  return (_app: FastifyInstance) => {};
}

export function adminNavigation(_req: FastifyRequest): NavItem[] {
  return [];
}
