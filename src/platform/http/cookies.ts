import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { cookieNames } from './server.tsx';

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieNames(config.tls).session, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.tls,
    maxAge: Math.floor(config.sessionMaxMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config.tls).session, { path: '/' });
}

/** A redirect target from a form or query: only local paths, never another site. */
export function safeReturnTo(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500) return fallback;
  return value;
}
