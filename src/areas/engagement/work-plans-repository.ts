/** All SQL of work plans, their items and evidence links. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { users } from '../accounts/schema.ts';
import { evidenceLinks, workPlanItems, workPlans, type LinkSource } from './schema.ts';

export type WorkPlanRow = typeof workPlans.$inferSelect;
export type WorkPlanItemRow = typeof workPlanItems.$inferSelect;
export type EvidenceLinkRow = typeof evidenceLinks.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export async function listPlans(db: DbOrTx, f: { year?: number | undefined; committeeId?: string | undefined } = {}) {
  const where = and(f.year !== undefined ? eq(workPlans.year, f.year) : undefined, f.committeeId ? eq(workPlans.committeeId, f.committeeId) : undefined);
  return db
    .select({
      plan: workPlans,
      // Qualified by hand: in a one-table select Drizzle writes its columns unqualified, which inside
      // these subqueries would name the items' own columns.
      items: sql<number>`(select count(*)::int from work_plan_items i where i.plan_id = work_plans.id)`,
      done: sql<number>`(select count(*)::int from work_plan_items i where i.plan_id = work_plans.id and i.status = 'done')`,
      overdue: sql<number>`(select count(*)::int from work_plan_items i where i.plan_id = work_plans.id and i.status in ('planned','in_progress') and i.due_date < current_date)`,
    })
    .from(workPlans)
    .where(where)
    .orderBy(desc(workPlans.year), asc(workPlans.committeeId), asc(workPlans.kind));
}

export async function listPlanYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ year: workPlans.year }).from(workPlans).orderBy(desc(workPlans.year));
  return rows.map((r) => r.year);
}

export async function findPlan(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<WorkPlanRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(workPlans).where(eq(workPlans.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findPlanByKey(db: DbOrTx, committeeId: string, year: number, kind: WorkPlanRow['kind']): Promise<WorkPlanRow | undefined> {
  const [row] = await db
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.committeeId, committeeId), eq(workPlans.year, year), eq(workPlans.kind, kind)));
  return row;
}

/** Inserts a plan unless one exists for the committee, year and kind (then undefined). */
export async function insertPlan(tx: DbOrTx, values: typeof workPlans.$inferInsert): Promise<WorkPlanRow | undefined> {
  const [row] = await tx.insert(workPlans).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updatePlanIfVersion(tx: DbOrTx, id: string, version: number, patch: Partial<typeof workPlans.$inferInsert>): Promise<WorkPlanRow | undefined> {
  const [row] = await tx
    .update(workPlans)
    .set({ ...patch, updatedAt: new Date(), version: sql`${workPlans.version} + 1` })
    .where(and(eq(workPlans.id, id), eq(workPlans.version, version)))
    .returning();
  return row;
}

export interface ItemWithOwner extends WorkPlanItemRow {
  ownerName: string | null;
  ownerDisabled: boolean;
}

export async function listItems(db: DbOrTx, planId: string): Promise<ItemWithOwner[]> {
  const rows = await db
    .select({ item: workPlanItems, ownerName: users.name, ownerDisabledAt: users.disabledAt })
    .from(workPlanItems)
    .leftJoin(users, eq(users.id, workPlanItems.ownerUserId))
    .where(eq(workPlanItems.planId, planId))
    .orderBy(asc(workPlanItems.position));
  return rows.map((r) => ({ ...r.item, ownerName: r.ownerName, ownerDisabled: r.ownerDisabledAt !== null }));
}

export async function findItem(db: DbOrTx, planId: string, itemId: string, opts: { forUpdate?: boolean } = {}): Promise<WorkPlanItemRow | undefined> {
  if (!isUuid(itemId)) return undefined;
  const q = db
    .select()
    .from(workPlanItems)
    .where(and(eq(workPlanItems.id, itemId), eq(workPlanItems.planId, planId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function nextPosition(tx: DbOrTx, planId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${workPlanItems.position}), 0)::int + 1` }).from(workPlanItems).where(eq(workPlanItems.planId, planId));
  return row?.n ?? 1;
}

export async function insertItem(tx: DbOrTx, values: typeof workPlanItems.$inferInsert): Promise<WorkPlanItemRow> {
  const [row] = await tx.insert(workPlanItems).values(values).returning();
  return row!;
}

export async function updateItemIfVersion(tx: DbOrTx, id: string, version: number, patch: Partial<typeof workPlanItems.$inferInsert>): Promise<WorkPlanItemRow | undefined> {
  const [row] = await tx
    .update(workPlanItems)
    .set({ ...patch, updatedAt: new Date(), version: sql`${workPlanItems.version} + 1` })
    .where(and(eq(workPlanItems.id, id), eq(workPlanItems.version, version)))
    .returning();
  return row;
}

export async function setPositions(tx: DbOrTx, moves: { id: string; position: number }[]): Promise<void> {
  for (const m of moves) await tx.update(workPlanItems).set({ position: m.position }).where(eq(workPlanItems.id, m.id));
}

export async function deleteItem(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(evidenceLinks).where(and(eq(evidenceLinks.sourceType, 'plan_item'), eq(evidenceLinks.sourceId, id)));
  await tx.delete(workPlanItems).where(eq(workPlanItems.id, id));
}

/** Whether a user exists and is active (owners must be). */
export async function findActiveUser(db: DbOrTx, id: string): Promise<{ id: string; name: string; disabled: boolean } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select({ id: users.id, name: users.name, disabledAt: users.disabledAt }).from(users).where(eq(users.id, id));
  return row ? { id: row.id, name: row.name, disabled: row.disabledAt !== null } : undefined;
}

/** People who can own plan items: active committee members, ISU staff and administrators. */
export async function listPossibleOwners(db: DbOrTx): Promise<{ id: string; name: string; role: string; committeeId: string | null }[]> {
  return db
    .select({ id: users.id, name: users.name, role: users.role, committeeId: users.committeeId })
    .from(users)
    .where(and(inArray(users.role, ['committee_member', 'isu_staff', 'admin']), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.name));
}

/* ----- evidence links ----- */

export async function listLinks(db: DbOrTx, sourceType: LinkSource, sourceIds: string[]): Promise<EvidenceLinkRow[]> {
  if (!sourceIds.length) return [];
  return db
    .select()
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.sourceType, sourceType), inArray(evidenceLinks.sourceId, sourceIds)))
    .orderBy(asc(evidenceLinks.createdAt));
}

export async function insertLink(tx: DbOrTx, values: typeof evidenceLinks.$inferInsert): Promise<EvidenceLinkRow | undefined> {
  const [row] = await tx.insert(evidenceLinks).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findLink(db: DbOrTx, id: string): Promise<EvidenceLinkRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(evidenceLinks).where(eq(evidenceLinks.id, id));
  return row;
}

export async function deleteLink(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(evidenceLinks).where(eq(evidenceLinks.id, id));
}

/** Plan items linked to an action-plan action (for the action pages). */
export async function itemsLinkedToAction(db: DbOrTx, actionId: string) {
  return db
    .select({ item: workPlanItems, plan: workPlans })
    .from(workPlanItems)
    .innerJoin(workPlans, eq(workPlans.id, workPlanItems.planId))
    .where(sql`${actionId} = any(${workPlanItems.actionIds})`)
    .orderBy(desc(workPlans.year), asc(workPlanItems.position));
}
