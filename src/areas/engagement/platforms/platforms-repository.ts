/** All SQL of national mine action platforms and their members. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { nationalPlatformMembers, nationalPlatforms } from '../schema.ts';
import type { Exists } from './platforms.ts';

export type PlatformRow = typeof nationalPlatforms.$inferSelect;
export type PlatformInsert = typeof nationalPlatforms.$inferInsert;
export type MemberRow = typeof nationalPlatformMembers.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PlatformListRow {
  platform: PlatformRow;
  members: number;
  women: number;
  men: number;
  other: number;
}

export async function listPlatforms(db: DbOrTx, f: { exists?: Exists | undefined; stateIso2s?: string[] | undefined } = {}): Promise<PlatformListRow[]> {
  const m = nationalPlatformMembers;
  return db
    .select({
      platform: nationalPlatforms,
      members: sql<number>`(select count(*)::int from ${m} where ${m.stateIso2} = ${nationalPlatforms.stateIso2})`,
      women: sql<number>`(select coalesce(sum(${m.women}), 0)::int from ${m} where ${m.stateIso2} = ${nationalPlatforms.stateIso2})`,
      men: sql<number>`(select coalesce(sum(${m.men}), 0)::int from ${m} where ${m.stateIso2} = ${nationalPlatforms.stateIso2})`,
      other: sql<number>`(select coalesce(sum(${m.otherGender}), 0)::int from ${m} where ${m.stateIso2} = ${nationalPlatforms.stateIso2})`,
    })
    .from(nationalPlatforms)
    .where(and(f.exists ? eq(nationalPlatforms.exists, f.exists) : undefined, f.stateIso2s ? (f.stateIso2s.length ? sql`${nationalPlatforms.stateIso2} = any(${sql.param(f.stateIso2s)}::text[])` : sql`false`) : undefined))
    .orderBy(asc(nationalPlatforms.stateIso2));
}

export async function findPlatform(db: DbOrTx, iso2: string, opts: { forUpdate?: boolean } = {}): Promise<PlatformRow | undefined> {
  const q = db.select().from(nationalPlatforms).where(eq(nationalPlatforms.stateIso2, iso2));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Inserts the first record of a State's platform; undefined when someone recorded it first. */
export async function insertPlatform(tx: DbOrTx, values: PlatformInsert): Promise<PlatformRow | undefined> {
  const [row] = await tx.insert(nationalPlatforms).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updatePlatformIfVersion(tx: DbOrTx, iso2: string, version: number, patch: Partial<PlatformInsert>): Promise<PlatformRow | undefined> {
  const [row] = await tx
    .update(nationalPlatforms)
    .set({ ...patch, updatedAt: new Date(), version: sql`${nationalPlatforms.version} + 1` })
    .where(and(eq(nationalPlatforms.stateIso2, iso2), eq(nationalPlatforms.version, version)))
    .returning();
  return row;
}

/** Marks the platform as changed by someone (members added or removed) without touching its version. */
export async function touchPlatform(tx: DbOrTx, iso2: string, userId: string | null): Promise<void> {
  await tx.update(nationalPlatforms).set({ updatedAt: new Date(), updatedBy: userId }).where(eq(nationalPlatforms.stateIso2, iso2));
}

export async function listMembers(db: DbOrTx, iso2: string): Promise<MemberRow[]> {
  return db.select().from(nationalPlatformMembers).where(eq(nationalPlatformMembers.stateIso2, iso2)).orderBy(asc(nationalPlatformMembers.position), asc(nationalPlatformMembers.organisation));
}

export async function nextMemberPosition(tx: DbOrTx, iso2: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${nationalPlatformMembers.position}), 0)::int + 1` }).from(nationalPlatformMembers).where(eq(nationalPlatformMembers.stateIso2, iso2));
  return row?.n ?? 1;
}

export async function insertMember(tx: DbOrTx, values: typeof nationalPlatformMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await tx.insert(nationalPlatformMembers).values(values).returning();
  return row!;
}

export async function findMember(db: DbOrTx, iso2: string, id: string): Promise<MemberRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(nationalPlatformMembers)
    .where(and(eq(nationalPlatformMembers.id, id), eq(nationalPlatformMembers.stateIso2, iso2)));
  return row;
}

export async function deleteMember(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(nationalPlatformMembers).where(eq(nationalPlatformMembers.id, id));
}

/** Platforms that evidence an action-plan action (for the action's page). */
export async function listPlatformsLinkedToAction(db: DbOrTx, actionId: string): Promise<PlatformRow[]> {
  return db.select().from(nationalPlatforms).where(sql`${actionId} = any(${nationalPlatforms.actionIds})`).orderBy(asc(nationalPlatforms.stateIso2));
}
