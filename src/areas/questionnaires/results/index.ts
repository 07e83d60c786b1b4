import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';

/** Registers the results pages of questionnaires (filled in by the results part of issue 6). */
export function registerResultsRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
