/** All SQL for users, one-time tokens and API tokens. Takes a database or transaction handle. */
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { escapeLike } from '../../platform/audit/audit.ts';
import { users, apiTokens, userTokens } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export async function insertUser(db: DbOrTx, user: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  return row!;
}

export async function updateUser(db: DbOrTx, id: string, patch: Partial<NewUser>): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  stateIso2?: string | undefined;
  includeDisabled?: boolean;
  limit?: number;
  offset?: number;
}

export async function listUsers(db: DbOrTx, f: UserFilter) {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(users.email, like), ilike(users.name, like))!);
  }
  if (f.role) where.push(eq(users.role, f.role as UserRow['role']));
  if (f.stateIso2) where.push(eq(users.stateIso2, f.stateIso2));
  if (!f.includeDisabled) where.push(isNull(users.disabledAt));
  return db
    .select()
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.name))
    .limit(Math.min(f.limit ?? 50, 500))
    .offset(f.offset ?? 0);
}

export async function findApiTokenByHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function findUserTokenByHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(userTokens).where(eq(userTokens.tokenHash, tokenHash)).limit(1);
  return row;
}
