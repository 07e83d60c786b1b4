/** The accounts part of the JSON API: who am I (for checking a personal API token). */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { ROLES } from './schema.ts';

export const meResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  stateIso2: z.string().nullable().describe('ISO 3166-1 alpha-2 code of the State, for State users'),
  committeeId: z.string().nullable().describe('Committee of a committee member'),
});

export function registerAccountsApi(app: FastifyInstance, deps: AppDeps): void {
  deps.api.describe({
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getCurrentUser',
    summary: 'The user a personal API token belongs to',
    description: 'Answers 401 without a valid token. Create tokens on your account page.',
    tags: ['accounts'],
    response: meResponse,
    auth: 'required',
  });

  app.get('/api/v1/me', async (req, reply) => {
    const user = req.user;
    if (!user) {
      reply.header('www-authenticate', 'Bearer');
      throw new AppError('unauthenticated', 'accounts.api.token_required');
    }
    const body: z.infer<typeof meResponse> = {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      stateIso2: user.stateIso2,
      committeeId: user.committeeId,
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
