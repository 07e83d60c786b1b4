/** Small helpers the accounts routes share (no rules here: permissions live in policy.ts). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from './principal.ts';

/** Sends someone who is not signed in to the sign-in page, coming back here afterwards (GET only). */
export function redirectToLogin(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const back = req.method === 'GET' ? `?returnTo=${encodeURIComponent(req.url)}` : '';
  return reply.redirect(`/${req.locale}/login${back}`, 303);
}

export function currentUser(req: FastifyRequest): Principal | undefined {
  return req.user;
}

/** A query flag such as `?saved=1`. */
export function flag(req: FastifyRequest, name: string): boolean {
  const q = req.query as Record<string, unknown> | undefined;
  return !!q && q[name] === '1';
}
