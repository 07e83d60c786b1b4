/** All SQL for the action-plan tables. Takes a database or transaction handle. */
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { actionPlans, actionPlanSections, planActionIndicators, planActions } from './schema.ts';

export type PlanRow = typeof actionPlans.$inferSelect;
export type SectionRow = typeof actionPlanSections.$inferSelect;
export type ActionRow = typeof planActions.$inferSelect;
export type IndicatorRow = typeof planActionIndicators.$inferSelect;

/* ---------- Reading ---------- */

export async function selectPlans(db: DbOrTx): Promise<PlanRow[]> {
  return db.select().from(actionPlans).orderBy(asc(actionPlans.sortOrder), asc(actionPlans.periodStart), asc(actionPlans.id));
}

export async function selectPlan(db: DbOrTx, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(actionPlans).where(eq(actionPlans.id, id));
  return row;
}

export async function selectPlanByCode(db: DbOrTx, code: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(actionPlans).where(eq(actionPlans.code, code));
  return row;
}

/** Sections of a plan in display order. */
export async function selectSections(db: DbOrTx, planId: string): Promise<SectionRow[]> {
  return db.select().from(actionPlanSections).where(eq(actionPlanSections.planId, planId)).orderBy(asc(actionPlanSections.sortOrder), asc(actionPlanSections.number), asc(actionPlanSections.id));
}

export async function selectSection(db: DbOrTx, id: string): Promise<SectionRow | undefined> {
  const [row] = await db.select().from(actionPlanSections).where(eq(actionPlanSections.id, id));
  return row;
}

/** Actions of a plan (or of one section) in display order within their section. */
export async function selectActions(db: DbOrTx, planId: string, sectionId?: string): Promise<ActionRow[]> {
  return db
    .select()
    .from(planActions)
    .where(sectionId ? and(eq(planActions.planId, planId), eq(planActions.sectionId, sectionId)) : eq(planActions.planId, planId))
    .orderBy(asc(planActions.sortOrder), asc(planActions.number));
}

export async function selectAction(db: DbOrTx, id: string): Promise<ActionRow | undefined> {
  const [row] = await db.select().from(planActions).where(eq(planActions.id, id));
  return row;
}

/** Indicators of every action of a plan, in display order within their action. */
export async function selectPlanIndicators(db: DbOrTx, planId: string): Promise<IndicatorRow[]> {
  return db
    .select({ indicator: planActionIndicators })
    .from(planActionIndicators)
    .innerJoin(planActions, eq(planActions.id, planActionIndicators.actionId))
    .where(eq(planActions.planId, planId))
    .orderBy(asc(planActionIndicators.actionId), asc(planActionIndicators.sortOrder), asc(planActionIndicators.id))
    .then((rows) => rows.map((r) => r.indicator));
}

export async function selectIndicators(db: DbOrTx, actionId: string): Promise<IndicatorRow[]> {
  return db.select().from(planActionIndicators).where(eq(planActionIndicators.actionId, actionId)).orderBy(asc(planActionIndicators.sortOrder), asc(planActionIndicators.id));
}

export async function selectIndicator(db: DbOrTx, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(planActionIndicators).where(eq(planActionIndicators.id, id));
  return row;
}

/** Every plan with its number of sections and actions and whether any action carries a data flag, in one query. */
export async function selectPlanSummaries(db: DbOrTx): Promise<{ plan: PlanRow; sections: number; actions: number; toVerify: boolean; toComplete: boolean }[]> {
  // Drizzle writes a column of the selected table unqualified; the subqueries need it qualified.
  const planId = sql.raw('"action_plans"."id"');
  const rows = await db
    .select({
      plan: actionPlans,
      sections: sql<number>`(select count(*)::int from ${actionPlanSections} s where s.plan_id = ${planId})`,
      actions: sql<number>`(select count(*)::int from ${planActions} a where a.plan_id = ${planId})`,
      toVerify: sql<boolean>`exists (select 1 from ${planActions} a where a.plan_id = ${planId} and 'to-verify' = any(a.themes))`,
      toComplete: sql<boolean>`exists (select 1 from ${planActions} a where a.plan_id = ${planId} and 'to-complete' = any(a.themes))`,
    })
    .from(actionPlans)
    .orderBy(asc(actionPlans.sortOrder), asc(actionPlans.periodStart), asc(actionPlans.id));
  return rows.map((r) => ({ ...r, sections: Number(r.sections), actions: Number(r.actions), toVerify: r.toVerify === true, toComplete: r.toComplete === true }));
}

/** Section ids of a plan that exist (for choosing a free id). */
export async function selectSectionIds(db: DbOrTx, planId: string): Promise<Set<string>> {
  const rows = await db.select({ id: actionPlanSections.id }).from(actionPlanSections).where(eq(actionPlanSections.planId, planId));
  return new Set(rows.map((r) => r.id));
}

export async function maxSectionOrder(db: DbOrTx, planId: string): Promise<number> {
  const [r] = await db.select({ m: max(actionPlanSections.sortOrder) }).from(actionPlanSections).where(eq(actionPlanSections.planId, planId));
  return Number(r?.m ?? 0);
}

export async function maxActionOrder(db: DbOrTx, sectionId: string): Promise<number> {
  const [r] = await db.select({ m: max(planActions.sortOrder) }).from(planActions).where(eq(planActions.sectionId, sectionId));
  return Number(r?.m ?? 0);
}

export async function maxIndicatorOrder(db: DbOrTx, actionId: string): Promise<number> {
  const [r] = await db.select({ m: max(planActionIndicators.sortOrder) }).from(planActionIndicators).where(eq(planActionIndicators.actionId, actionId));
  return Number(r?.m ?? 0);
}

/** Locks a plan's row for the rest of the transaction, so structural changes of one plan happen one at a time. */
export async function lockPlan(tx: DbOrTx, planId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(actionPlans).where(eq(actionPlans.id, planId)).for('update');
  return row;
}

/* ---------- Writing (updates check the version read by the user; undefined means stale) ---------- */

export type PlanPatch = Pick<PlanRow, 'title' | 'adoptedAt' | 'adoptedOn' | 'periodStart' | 'periodEnd'>;

export async function updatePlanRow(tx: DbOrTx, id: string, expectedVersion: number, patch: PlanPatch, userId: string | null): Promise<PlanRow | undefined> {
  const [row] = await tx
    .update(actionPlans)
    .set({ ...patch, updatedBy: userId, updatedAt: sql`now()`, version: sql`${actionPlans.version} + 1` })
    .where(and(eq(actionPlans.id, id), eq(actionPlans.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertSection(tx: DbOrTx, row: typeof actionPlanSections.$inferInsert): Promise<SectionRow> {
  const [created] = await tx.insert(actionPlanSections).values(row).returning();
  return created!;
}

export type SectionPatch = Pick<SectionRow, 'number' | 'title'>;

export async function updateSectionRow(tx: DbOrTx, id: string, expectedVersion: number, patch: Partial<SectionPatch> & { sortOrder?: number }): Promise<SectionRow | undefined> {
  const [row] = await tx
    .update(actionPlanSections)
    .set({ ...patch, version: sql`${actionPlanSections.version} + 1` })
    .where(and(eq(actionPlanSections.id, id), eq(actionPlanSections.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertAction(tx: DbOrTx, row: typeof planActions.$inferInsert): Promise<ActionRow | undefined> {
  const [created] = await tx.insert(planActions).values(row).onConflictDoNothing().returning();
  return created;
}

export type ActionPatch = Pick<ActionRow, 'sectionId' | 'title' | 'summary' | 'themes'>;

export async function updateActionRow(
  tx: DbOrTx,
  id: string,
  expectedVersion: number,
  patch: Partial<ActionPatch> & { sortOrder?: number },
  userId: string | null,
): Promise<ActionRow | undefined> {
  const [row] = await tx
    .update(planActions)
    .set({ ...patch, updatedBy: userId, updatedAt: sql`now()`, version: sql`${planActions.version} + 1` })
    .where(and(eq(planActions.id, id), eq(planActions.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertIndicator(tx: DbOrTx, row: typeof planActionIndicators.$inferInsert): Promise<IndicatorRow> {
  const [created] = await tx.insert(planActionIndicators).values(row).returning();
  return created!;
}

export type IndicatorPatch = Pick<IndicatorRow, 'title' | 'measure'>;

export async function updateIndicatorRow(tx: DbOrTx, id: string, expectedVersion: number, patch: Partial<IndicatorPatch> & { sortOrder?: number }): Promise<IndicatorRow | undefined> {
  const [row] = await tx
    .update(planActionIndicators)
    .set({ ...patch, version: sql`${planActionIndicators.version} + 1` })
    .where(and(eq(planActionIndicators.id, id), eq(planActionIndicators.version, expectedVersion)))
    .returning();
  return row;
}
