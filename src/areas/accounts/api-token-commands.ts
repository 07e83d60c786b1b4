/** Personal API tokens: created and revoked by their owner on the account page. */
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { newApiToken } from './credentials.ts';
import { findApiToken, insertApiToken, revokeApiTokenRow } from './credentials-repository.ts';

/** Returns the full token, which is shown once and never stored (only its prefix and SHA-256). */
export async function createApiToken(
  deps: AccountsDeps,
  actor: Actor,
  input: { userId: string; name: string; expiresInDays?: number | undefined },
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const { token, prefix, hash } = newApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 24 * 3600_000) : null;
  return withTransaction(deps.database.db, async (tx) => {
    const row = await insertApiToken(tx, { userId: input.userId, name: input.name, prefix, tokenHash: hash, expiresAt });
    await recordAudit(tx, actor, {
      action: 'accounts.api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      summary: { name: input.name, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row.id, token, expiresAt };
  });
}

export async function revokeApiToken(deps: AccountsDeps, actor: Actor, input: { userId: string; tokenId: string }): Promise<void> {
  await withTransaction(deps.database.db, async (tx) => {
    const row = await findApiToken(tx, input.userId, input.tokenId);
    if (!row) throw notFound();
    if (row.revokedAt) return;
    await revokeApiTokenRow(tx, input.userId, row.id, new Date());
    await recordAudit(tx, actor, { action: 'accounts.api_token.revoked', entityType: 'api_token', entityId: row.id, summary: { name: row.name } });
  });
}
