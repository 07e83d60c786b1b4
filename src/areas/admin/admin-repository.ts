/**
 * SQL the administration area needs beyond the platform's audit and outbox modules: finding the
 * account behind an actor filter, and the command-line account tools. (Reads and writes the accounts
 * area's tables directly: the accounts area exports no such functions through its index.)
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { apiTokens, users, userTokens } from '../accounts/schema.ts';

export type UserRecord = typeof users.$inferSelect;
export type NewUserRecord = typeof users.$inferInsert;

export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<string | undefined> {
  return (await findUserRecordByEmail(db, email))?.id;
}

export async function findUserRecordByEmail(db: DbOrTx, email: string): Promise<UserRecord | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export async function insertUserRecord(db: DbOrTx, user: NewUserRecord): Promise<UserRecord> {
  const [row] = await db.insert(users).values(user).returning();
  return row!;
}

export async function updateUserRecord(db: DbOrTx, id: string, patch: Partial<NewUserRecord>): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

export async function insertLinkToken(db: DbOrTx, t: { userId: string; purpose: 'invitation' | 'password_reset'; tokenHash: string; expiresAt: Date }): Promise<void> {
  await db.insert(userTokens).values({ ...t, createdBy: null });
}

/** Links of this purpose that are still usable stop working (a new one replaces them). */
export async function expireOpenLinkTokens(db: DbOrTx, userId: string, purpose: 'invitation' | 'password_reset', now: Date): Promise<void> {
  await db
    .update(userTokens)
    .set({ expiresAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
}

export async function insertApiTokenRecord(db: DbOrTx, t: { userId: string; name: string; prefix: string; tokenHash: string; expiresAt: Date | null }): Promise<string> {
  const [row] = await db.insert(apiTokens).values(t).returning({ id: apiTokens.id });
  return row!.id;
}
