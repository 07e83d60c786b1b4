import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { registerPlatformRoutes } from './routes.tsx';

/** Registers the national mine action platform pages of the engagement area (issue 7, point 4). */
export function registerNationalPlatformRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerPlatformRoutes(app, deps);
}

export { seedDemoNationalPlatforms } from './demo.ts';
export { genderBalance, type Balance } from './platforms.ts';
