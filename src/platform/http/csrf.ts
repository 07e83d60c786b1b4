/**
 * CSRF protection for every state-changing form post (also in tests): a signed double-submit token
 * bound to the session. The cookie holds a random value; forms carry HMAC(secret, cookie|session).
 * JSON API routes authenticate with bearer tokens only, which browsers never send by themselves.
 */
import { hmac, randomToken, safeEqual } from '../auth/crypto.ts';

export function csrfTokenFor(secret: string, cookieValue: string, sessionId: string | undefined): string {
  return hmac(secret, `${cookieValue}|${sessionId ?? ''}`);
}

export function newCsrfCookieValue(): string {
  return randomToken(24);
}

export function verifyCsrf(secret: string, cookieValue: string | undefined, sessionId: string | undefined, submitted: unknown): boolean {
  if (!cookieValue || typeof submitted !== 'string' || submitted.length > 200) return false;
  return safeEqual(csrfTokenFor(secret, cookieValue, sessionId), submitted);
}
