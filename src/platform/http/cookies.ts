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

const RETURN_BASE = 'https://return-to.invalid';

/**
 * A redirect target from a form or query: only local paths, never another site. Printable ASCII
 * only: browsers drop tabs and line breaks from a Location (so "/<TAB>/evil.example" would become
 * "//evil.example", another site), and other characters cannot be sent in a header at all. The
 * links the app makes (encodeURIComponent of the request URL) are always printable ASCII.
 */
export function safeReturnTo(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!/^\/[\x21-\x7e]*$/.test(value) || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  try {
    if (new URL(value, RETURN_BASE).origin !== RETURN_BASE) return fallback;
  } catch {
    return fallback;
  }
  return value;
}
