import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';

/** Registers the circulation pages of questionnaires (filled in by the circulation part of issue 6). */
export function registerCirculationRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
