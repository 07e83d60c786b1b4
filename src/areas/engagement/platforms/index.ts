import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';

/** Registers the platforms pages of the engagement area (built by its own part of issue 7). */
export function registerNationalPlatformRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
