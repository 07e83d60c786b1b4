import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A private page asked for without signing in: to the sign-in page, coming back to `returnTo`
 * (by default the page asked for; sign-in checks it is a path of this site) afterwards.
 */
export function signInRedirect(req: FastifyRequest, reply: FastifyReply, returnTo: string = req.url) {
  return reply.redirect(`/${req.locale}/login?returnTo=${encodeURIComponent(returnTo.slice(0, 400))}`, 303);
}
