/** Reads behind the one-time links (invitations, password resets). */
import type { DbOrTx } from '../../platform/db/client.ts';
import { sha256Hex } from '../../platform/auth/crypto.ts';
import { isLinkTokenShape } from './credentials.ts';
import { findUserTokenByHash, type LinkPurpose, type UserTokenRow } from './credentials-repository.ts';
import { findUserById, type UserRow } from './users-repository.ts';

export type LinkCheck =
  | { state: 'valid'; token: UserTokenRow; user: UserRow }
  | { state: 'unknown' }
  /** Expired, replaced by a newer link, or the account can no longer be used. */
  | { state: 'expired' }
  | { state: 'used' };

export async function checkLinkToken(db: DbOrTx, token: string, purpose: LinkPurpose, opts: { demoMode: boolean }, now = new Date()): Promise<LinkCheck> {
  if (!isLinkTokenShape(token)) return { state: 'unknown' };
  const row = await findUserTokenByHash(db, sha256Hex(token));
  if (!row || row.purpose !== purpose) return { state: 'unknown' };
  if (row.usedAt) return { state: 'used' };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  const user = await findUserById(db, row.userId);
  if (!user) return { state: 'unknown' };
  if (user.disabledAt || (user.isDemo && !opts.demoMode)) return { state: 'expired' };
  return { state: 'valid', token: row, user };
}
