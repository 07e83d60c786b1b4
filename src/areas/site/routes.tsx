import type { FastifyInstance } from 'fastify';
import { AccessibilityPage, HomePage } from './views/home.tsx';

export function registerSiteRoutes() {
  return (app: FastifyInstance) => {
    app.get('/:locale/', async (_req, reply) => reply.page(<HomePage />));
    app.get('/:locale/accessibility', async (_req, reply) => reply.page(<AccessibilityPage />));
  };
}
