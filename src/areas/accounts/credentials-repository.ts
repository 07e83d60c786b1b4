/** All SQL for one-time link tokens, personal API tokens and TOTP recovery codes. */
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { apiTokens, totpRecoveryCodes, userTokens } from './schema.ts';

export type UserTokenRow = typeof userTokens.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type LinkPurpose = UserTokenRow['purpose'];

// ---- One-time links --------------------------------------------------------------------------

export async function insertUserToken(
  db: DbOrTx,
  t: { userId: string; purpose: LinkPurpose; tokenHash: string; expiresAt: Date; createdBy: string | null },
): Promise<UserTokenRow> {
  const [row] = await db.insert(userTokens).values(t).returning();
  return row!;
}

export async function findUserTokenByHash(db: DbOrTx, tokenHash: string): Promise<UserTokenRow | undefined> {
  const [row] = await db.select().from(userTokens).where(eq(userTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

/** Marks a link used; false when it was used (or expired) in the meantime. */
export async function consumeUserToken(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.id, id), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .returning({ id: userTokens.id });
  return rows.length === 1;
}

/** Makes every still-open link of this purpose for the user unusable (a newer one replaces them). */
export async function expireOpenUserTokens(db: DbOrTx, userId: string, purpose: LinkPurpose, now: Date): Promise<number> {
  const rows = await db
    .update(userTokens)
    .set({ expiresAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .returning({ id: userTokens.id });
  return rows.length;
}

/** The newest invitation sent to a user (to show when it was sent and until when it is valid). */
export async function findLatestInvitation(db: DbOrTx, userId: string): Promise<UserTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, 'invitation')))
    .orderBy(desc(userTokens.createdAt))
    .limit(1);
  return row;
}

// ---- Personal API tokens ---------------------------------------------------------------------

export async function insertApiToken(
  db: DbOrTx,
  t: { userId: string; name: string; prefix: string; tokenHash: string; expiresAt: Date | null },
): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(t).returning();
  return row!;
}

export async function findApiTokenByHash(db: DbOrTx, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function findApiToken(db: DbOrTx, userId: string, id: string): Promise<ApiTokenRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId))).limit(1);
  return row;
}

/** A user's tokens that are not revoked, newest first (expired ones stay listed as expired). */
export async function listApiTokens(db: DbOrTx, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt))
    .limit(100);
}

export async function revokeApiTokenRow(db: DbOrTx, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

/** Writes last_used_at when it is empty or older than `olderThanMs` (so busy tokens cost one write a minute). */
export async function touchApiToken(db: DbOrTx, id: string, now: Date, olderThanMs: number): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - olderThanMs)))));
}

// ---- TOTP recovery codes ---------------------------------------------------------------------

export async function replaceRecoveryCodes(db: DbOrTx, userId: string, hashes: string[]): Promise<void> {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  if (hashes.length) await db.insert(totpRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

export async function deleteRecoveryCodes(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
}

/** Uses a recovery code once: true when an unused code with this hash existed. */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(totpRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(totpRecoveryCodes.userId, userId), eq(totpRecoveryCodes.codeHash, codeHash), isNull(totpRecoveryCodes.usedAt)))
    .returning({ id: totpRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
