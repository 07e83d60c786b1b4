/** Personal API tokens: resolve a bearer token to its user. */
import type { Database } from '../../platform/db/client.ts';
import type { Principal } from './principal.ts';
import { API_TOKEN_TOUCH_MS, parseApiToken } from './credentials.ts';
import { findApiTokenByHash, touchApiToken } from './credentials-repository.ts';
import { loadPrincipal } from './principal-queries.ts';

/**
 * The user behind a token, or undefined when the token is unknown, revoked or expired, or its user
 * is disabled (or a demo user outside demo mode). last_used_at is written at most once a minute.
 */
export async function authenticateApiToken(database: Database, token: string, opts: { demoMode: boolean }): Promise<Principal | undefined> {
  const parsed = parseApiToken(token);
  if (!parsed) return undefined;
  const row = await findApiTokenByHash(database.db, parsed.hash);
  if (!row || row.prefix !== parsed.prefix || row.revokedAt) return undefined;
  const now = new Date();
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return undefined;
  const principal = await loadPrincipal(database.db, row.userId, opts);
  if (!principal) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > API_TOKEN_TOUCH_MS) await touchApiToken(database.db, row.id, now, API_TOKEN_TOUCH_MS);
  return principal;
}
