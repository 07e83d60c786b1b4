import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';

/** Registers the builder pages of questionnaires (filled in by the builder part of issue 6). */
export function registerBuilderRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
