import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';

/** Registers the meetings pages of the engagement area (built by its own part of issue 7). */
export function registerMeetingRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
