import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';

/** Registers the answering pages of questionnaires (filled in by the answering part of issue 6). */
export function registerAnsweringRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
