import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { registerMeetingRoutesImpl } from './routes.tsx';

/** Registers the meetings pages, the calendar and the personal iCalendar feed. */
export function registerMeetingRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerMeetingRoutesImpl(app, deps);
}

export { seedDemoMeetings, demoMeetingId } from './demo.ts';
export { meetingFacts, factsOf, listReadableMeetings, listDueActions } from './meetings-queries.ts';
