/**
 * Personal calendar feed addresses. The token is HMAC(application secret, user id + a random nonce);
 * the database keeps the nonce and the token's SHA-256 (to find the feed), never the token: a
 * database leak yields no usable address, while the owner's page can show the same address again.
 * A new nonce replaces the address; the old one stops working at once.
 */
import { createHmac } from 'node:crypto';
import { randomToken, sha256Hex } from '../../../platform/auth/crypto.ts';

export function feedToken(secret: string, userId: string, linkNonce: string): string {
  return createHmac('sha256', secret).update(`calendar-feed|${userId}|${linkNonce}`).digest('base64url');
}

export function newFeedLink(secret: string, userId: string): { linkNonce: string; tokenHash: string; token: string } {
  const linkNonce = randomToken(16);
  const token = feedToken(secret, userId, linkNonce);
  return { linkNonce, tokenHash: sha256Hex(token), token };
}

/** The shape of a feed token (checked before any query). */
export function isFeedTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{40,64}$/.test(token);
}

export const feedHash = (token: string) => sha256Hex(token);

export function feedAddress(baseUrl: string, token: string): string {
  return `${baseUrl}/calendar/${token}.ics`;
}
