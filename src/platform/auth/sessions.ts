/**
 * Sessions in the database: the cookie holds a random token, the table its SHA-256. Works the same
 * with one or many app instances.
 */
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { randomToken, sha256Hex } from './crypto.ts';
import { sessions } from './schema.ts';

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  secondFactorDone: boolean;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  policy: SessionPolicy,
  opts: { secondFactorDone: boolean; ip?: string | undefined; userAgent?: string | undefined },
): Promise<{ token: string; session: SessionRecord }> {
  const token = randomToken(32);
  const id = sha256Hex(token);
  const now = Date.now();
  const expiresAt = new Date(now + Math.min(policy.idleMs, policy.maxMs));
  await db.insert(sessions).values({
    id,
    userId,
    expiresAt,
    secondFactorDone: opts.secondFactorDone,
    ip: opts.ip ?? null,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { token, session: { id, userId, createdAt: new Date(now), expiresAt, secondFactorDone: opts.secondFactorDone } };
}

/** Finds a live session for a cookie token, sliding its idle expiry (at most once a minute). */
export async function findSession(db: DbOrTx, token: string, policy: SessionPolicy): Promise<SessionRecord | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const id = sha256Hex(token);
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!row) return undefined;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.createdAt.getTime() + policy.maxMs <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return undefined;
  }
  if (now - row.lastSeenAt.getTime() > 60_000) {
    const expiresAt = new Date(Math.min(now + policy.idleMs, row.createdAt.getTime() + policy.maxMs));
    await db.update(sessions).set({ lastSeenAt: new Date(now), expiresAt }).where(eq(sessions.id, id));
    row.expiresAt = expiresAt;
  }
  return { id: row.id, userId: row.userId, createdAt: row.createdAt, expiresAt: row.expiresAt, secondFactorDone: row.secondFactorDone };
}

export async function markSecondFactorDone(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, sessionId));
}

export async function destroySession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs a user out everywhere (optionally keeping the current session). Returns how many ended. */
export async function destroyUserSessions(db: DbOrTx, userId: string, keepSessionId?: string): Promise<number> {
  const where = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
  const rows = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return rows.length;
}

export async function countUserSessions(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId));
  return row?.n ?? 0;
}

export async function purgeExpiredSessions(db: DbOrTx): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, new Date())).returning({ id: sessions.id });
  return rows.length;
}
