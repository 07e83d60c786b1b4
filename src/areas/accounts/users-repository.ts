/** All SQL for users and the reference lists (States, committees) the account forms need. */
import { and, asc, count, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { escapeLike } from '../../platform/audit/audit.ts';
import { committees, states, type LocalizedText } from '../states/schema.ts';
import { users, type Role } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The same, locking the row until the transaction ends. */
export async function findUserByIdForUpdate(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1).for('update');
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

/**
 * The columns people edit in forms. Only changes to these bump `version`, so bookkeeping (sign-in
 * counters, last sign-in, TOTP step, password) never makes an open edit form stale.
 */
const VERSIONED_COLUMNS = new Set<string>(['email', 'name', 'role', 'stateIso2', 'committeeId', 'locale', 'organisation']);

export async function updateUser(db: DbOrTx, id: string, patch: Partial<NewUser>): Promise<UserRow | undefined> {
  const bump = Object.keys(patch).some((k) => VERSIONED_COLUMNS.has(k));
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date(), ...(bump ? { version: sql`${users.version} + 1` } : {}) })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** Optimistic concurrency: updates only when the row still has the version the editor saw. */
export async function updateUserIfVersion(db: DbOrTx, id: string, version: number, patch: Partial<NewUser>): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

/**
 * Records an accepted TOTP step only if it is newer than the last one (no replay, even in a race)
 * and the account is not locked (a lock set by a concurrent failed attempt wins).
 */
export async function acceptTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step, failedLogins: 0, lastLoginAt: new Date() })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), sql`${users.totpLastStep} < ${step}`), notLocked()))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** The account is not locked now (SQL condition, evaluated on the row as it is when written). */
function notLocked(): SQL {
  return or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= now()`)!;
}

/**
 * Counts one failed password or code in a single statement, so that attempts arriving together all
 * count (a read-then-write would let a burst of guesses overwrite each other's count). The
 * `max`-th failure in a row locks the account until `lockUntil` and starts the count again.
 * Returns whether this failure locked the account.
 */
export async function recordFailedLogin(db: DbOrTx, id: string, max: number, lockUntil: Date): Promise<{ failed: number; locked: boolean }> {
  const reached = sql`${users.failedLogins} + 1 >= ${max}`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reached} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reached} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  const locked = !!row && row.failedLogins === 0 && row.lockedUntil?.getTime() === lockUntil.getTime();
  return { failed: locked ? max : (row?.failedLogins ?? 0), locked };
}

/** Opens the user row for a successful sign-in step: undefined when the account is locked meanwhile. */
export async function findUnlockedUserForUpdate(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), notLocked())).limit(1).for('update');
  return row;
}

/** Active administrators other than `exceptId`, locked until the transaction ends. */
export async function countOtherActiveAdmins(db: DbOrTx, exceptId: string): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, exceptId)))
    .for('update');
  return rows.length;
}

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  stateIso2?: string | undefined;
  includeDisabled?: boolean;
  limit?: number;
  offset?: number;
}

/** What lists show about a user: no secrets, only whether a password exists. */
const listColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  stateIso2: users.stateIso2,
  committeeId: users.committeeId,
  organisation: users.organisation,
  locale: users.locale,
  isDemo: users.isDemo,
  disabledAt: users.disabledAt,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
  totpEnabledAt: users.totpEnabledAt,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`,
  stateNames: states.names,
  committeeNames: committees.names,
};

export type UserListRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  stateIso2: string | null;
  committeeId: string | null;
  organisation: string | null;
  locale: string;
  isDemo: boolean;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  totpEnabledAt: Date | null;
  hasPassword: boolean;
  totpEnabled: boolean;
  stateNames: LocalizedText | null;
  committeeNames: LocalizedText | null;
};

function userWhere(f: UserFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(users.email, like), ilike(users.name, like))!);
  }
  if (f.role) where.push(eq(users.role, f.role as Role));
  if (f.stateIso2) where.push(eq(users.stateIso2, f.stateIso2));
  if (!f.includeDisabled) where.push(isNull(users.disabledAt));
  return where.length ? and(...where) : undefined;
}

/** One page of users, with one extra row to tell whether a next page exists. */
export async function listUsers(db: DbOrTx, f: UserFilter): Promise<UserListRow[]> {
  const rows = await db
    .select(listColumns)
    .from(users)
    .leftJoin(states, eq(states.iso2, users.stateIso2))
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(userWhere(f))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(Math.min(f.limit ?? 50, 500))
    .offset(f.offset ?? 0);
  return rows.map(normaliseBooleans);
}

export async function countUsers(db: DbOrTx, f: UserFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(userWhere(f));
  return Number(row?.n ?? 0);
}

export async function findUserListRow(db: DbOrTx, id: string): Promise<UserListRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db
    .select(listColumns)
    .from(users)
    .leftJoin(states, eq(states.iso2, users.stateIso2))
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(eq(users.id, id))
    .limit(1);
  return row ? normaliseBooleans(row) : undefined;
}

/** A State's preparers and approvers (its focal points), disabled ones included. */
export async function listStateUsers(db: DbOrTx, stateIso2: string, opts: { includeDisabled: boolean }): Promise<UserListRow[]> {
  const rows = await db
    .select(listColumns)
    .from(users)
    .leftJoin(states, eq(states.iso2, users.stateIso2))
    .leftJoin(committees, eq(committees.id, users.committeeId))
    .where(
      and(
        eq(users.stateIso2, stateIso2),
        inArray(users.role, ['state_preparer', 'state_approver']),
        opts.includeDisabled ? undefined : isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.role), asc(sql`lower(${users.name})`));
  return rows.map(normaliseBooleans);
}

function normaliseBooleans<T extends { hasPassword: unknown; totpEnabled: unknown }>(row: T): T & { hasPassword: boolean; totpEnabled: boolean } {
  return { ...row, hasPassword: row.hasPassword === true || row.hasPassword === 't', totpEnabled: row.totpEnabled === true || row.totpEnabled === 't' };
}

// ---- Reference lists (read-only) -------------------------------------------------------------

export interface NamedOption {
  id: string;
  names: LocalizedText;
}

/** Every State that is or was a party (for the State select of user forms). */
export async function listStateOptions(db: DbOrTx): Promise<NamedOption[]> {
  const rows = await db.select({ id: states.iso2, names: states.names }).from(states).orderBy(asc(states.iso2));
  return rows;
}

export async function findStateOption(db: DbOrTx, iso2: string): Promise<NamedOption | undefined> {
  if (!/^[A-Z]{2}$/.test(iso2)) return undefined;
  const [row] = await db.select({ id: states.iso2, names: states.names }).from(states).where(eq(states.iso2, iso2)).limit(1);
  return row;
}

export async function listCommitteeOptions(db: DbOrTx): Promise<NamedOption[]> {
  return db.select({ id: committees.id, names: committees.names }).from(committees).orderBy(asc(committees.sortOrder), asc(committees.id));
}
