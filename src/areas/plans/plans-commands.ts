/**
 * Editing the action plans (ISU staff, administrators): plan texts, sections, actions and
 * indicators, added, changed and reordered. Each command is one transaction that writes its audit
 * event. Edits carry the `version` the user read: a stale one is a conflict carrying the saved row,
 * so the page can show both and nothing typed is lost. Structural changes (adding, moving) lock the
 * plan's row so that two of them on one plan happen one after the other.
 */
import type { Database } from '../../platform/db/client.ts';
import type { Tx } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { diffSummary, recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { actionId, moveWithin, nextIndicatorId, normaliseThemes, sectionIdFor, type LocalizedText, type Measure } from './plans.ts';
import * as repo from './plans-repository.ts';
import type { ActionRow, IndicatorRow, PlanRow, SectionRow } from './plans-repository.ts';

export type Direction = 'up' | 'down';

export interface PlanInput {
  title: LocalizedText;
  adoptedAt: LocalizedText | null;
  adoptedOn: string | null;
  periodStart: number;
  periodEnd: number;
}

export interface SectionInput {
  number: string;
  title: LocalizedText;
}

export interface ActionInput {
  sectionId: string;
  title: LocalizedText;
  summary: LocalizedText | null;
  themes: string[];
}

export interface NewActionInput extends ActionInput {
  number: number;
}

export interface IndicatorInput {
  title: LocalizedText;
  measure: Measure | null;
}

const notFound = () => new AppError('not_found', 'plans.not_found');

async function lockedPlan(tx: Tx, planId: string): Promise<PlanRow> {
  const plan = await repo.lockPlan(tx, planId);
  if (!plan) throw notFound();
  return plan;
}

async function sectionOf(tx: Tx, planId: string, sectionId: string): Promise<SectionRow> {
  const section = await repo.selectSection(tx, sectionId);
  if (!section || section.planId !== planId) throw notFound();
  return section;
}

async function actionOf(tx: Tx, planId: string, id: string): Promise<ActionRow> {
  const action = await repo.selectAction(tx, id);
  if (!action || action.planId !== planId) throw notFound();
  return action;
}

async function indicatorOf(tx: Tx, action: ActionRow, id: string): Promise<IndicatorRow> {
  const indicator = await repo.selectIndicator(tx, id);
  if (!indicator || indicator.actionId !== action.id) throw notFound();
  return indicator;
}

/** A section number already used in the plan becomes a field error, not a 409 page. */
async function numberTakenAsValidation<T>(code: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'db.unique_violation') throw new AppError('validation', code);
    throw e;
  }
}

/* ---------- Plans ---------- */

export async function updatePlan(database: Database, actor: Actor, planId: string, expectedVersion: number, input: PlanInput): Promise<PlanRow> {
  if (input.periodEnd < input.periodStart) throw new AppError('validation', 'plans.plan.period_order');
  return withTransaction(database.db, async (tx) => {
    const before = await repo.selectPlan(tx, planId);
    if (!before) throw notFound();
    const after = await repo.updatePlanRow(tx, planId, expectedVersion, input, actor.userId);
    if (!after) throw new AppError('conflict', 'plans.plan.stale', { current: before });
    const pick = (p: PlanRow) => ({ title: p.title, adoptedAt: p.adoptedAt, adoptedOn: p.adoptedOn, periodStart: p.periodStart, periodEnd: p.periodEnd });
    await recordAudit(tx, actor, { action: 'plans.plan.updated', entityType: 'action_plan', entityId: planId, summary: { ...diffSummary(pick(before), pick(after)), version: after.version } });
    return after;
  });
}

/* ---------- Sections ---------- */

export async function addSection(database: Database, actor: Actor, planId: string, input: SectionInput): Promise<SectionRow> {
  return numberTakenAsValidation('plans.section.number_taken', () =>
    withTransaction(database.db, async (tx) => {
      await lockedPlan(tx, planId);
      const id = sectionIdFor(planId, input.number, await repo.selectSectionIds(tx, planId));
      const created = await repo.insertSection(tx, { id, planId, number: input.number, title: input.title, sortOrder: (await repo.maxSectionOrder(tx, planId)) + 1 });
      await recordAudit(tx, actor, { action: 'plans.section.added', entityType: 'action_plan_section', entityId: id, summary: { planId, number: created.number, title: created.title } });
      return created;
    }),
  );
}

export async function updateSection(database: Database, actor: Actor, planId: string, sectionId: string, expectedVersion: number, input: SectionInput): Promise<SectionRow> {
  return numberTakenAsValidation('plans.section.number_taken', () =>
    withTransaction(database.db, async (tx) => {
      const before = await sectionOf(tx, planId, sectionId);
      const after = await repo.updateSectionRow(tx, sectionId, expectedVersion, input);
      if (!after) throw new AppError('conflict', 'plans.section.stale', { current: before });
      const pick = (s: SectionRow) => ({ number: s.number, title: s.title });
      await recordAudit(tx, actor, { action: 'plans.section.updated', entityType: 'action_plan_section', entityId: sectionId, summary: { planId, ...diffSummary(pick(before), pick(after)), version: after.version } });
      return after;
    }),
  );
}

export async function moveSection(database: Database, actor: Actor, planId: string, sectionId: string, expectedVersion: number, direction: Direction): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    await lockedPlan(tx, planId);
    const section = await sectionOf(tx, planId, sectionId);
    if (section.version !== expectedVersion) throw new AppError('conflict', 'plans.order.stale');
    const changes = moveWithin(await repo.selectSections(tx, planId), sectionId, direction);
    for (const c of changes) if (!(await repo.updateSectionRow(tx, c.item.id, c.item.version, { sortOrder: c.sortOrder }))) throw new AppError('conflict', 'plans.order.stale');
    if (changes.length) await recordAudit(tx, actor, { action: 'plans.section.moved', entityType: 'action_plan_section', entityId: sectionId, summary: { planId, direction } });
  });
}

/* ---------- Actions ---------- */

export async function addAction(database: Database, actor: Actor, planId: string, input: NewActionInput): Promise<ActionRow> {
  return withTransaction(database.db, async (tx) => {
    const plan = await lockedPlan(tx, planId);
    await sectionOf(tx, planId, input.sectionId);
    const id = actionId(plan.code, input.number);
    const created = await repo.insertAction(tx, {
      id,
      planId,
      sectionId: input.sectionId,
      number: input.number,
      title: input.title,
      summary: input.summary,
      themes: normaliseThemes(input.themes),
      sortOrder: (await repo.maxActionOrder(tx, input.sectionId)) + 1,
      updatedBy: actor.userId,
    });
    if (!created) throw new AppError('validation', 'plans.action.number_taken');
    await recordAudit(tx, actor, { action: 'plans.action.added', entityType: 'plan_action', entityId: id, summary: { planId, sectionId: input.sectionId, title: created.title, themes: created.themes } });
    return created;
  });
}

export async function updateAction(database: Database, actor: Actor, planId: string, id: string, expectedVersion: number, input: ActionInput): Promise<ActionRow> {
  return withTransaction(database.db, async (tx) => {
    const before = await actionOf(tx, planId, id);
    const patch: Partial<repo.ActionPatch> & { sortOrder?: number } = { title: input.title, summary: input.summary, themes: normaliseThemes(input.themes) };
    if (input.sectionId !== before.sectionId) {
      // Another section: the action goes to its end. Structural, so the plan is locked.
      await lockedPlan(tx, planId);
      await sectionOf(tx, planId, input.sectionId);
      patch.sectionId = input.sectionId;
      patch.sortOrder = (await repo.maxActionOrder(tx, input.sectionId)) + 1;
    }
    const after = await repo.updateActionRow(tx, id, expectedVersion, patch, actor.userId);
    if (!after) throw new AppError('conflict', 'plans.action.stale', { current: before });
    const pick = (a: ActionRow) => ({ sectionId: a.sectionId, title: a.title, summary: a.summary, themes: a.themes });
    await recordAudit(tx, actor, { action: 'plans.action.updated', entityType: 'plan_action', entityId: id, summary: { planId, ...diffSummary(pick(before), pick(after)), version: after.version } });
    return after;
  });
}

export async function moveAction(database: Database, actor: Actor, planId: string, id: string, expectedVersion: number, direction: Direction): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    await lockedPlan(tx, planId);
    const action = await actionOf(tx, planId, id);
    if (action.version !== expectedVersion) throw new AppError('conflict', 'plans.order.stale');
    const changes = moveWithin(await repo.selectActions(tx, planId, action.sectionId), id, direction);
    for (const c of changes) if (!(await repo.updateActionRow(tx, c.item.id, c.item.version, { sortOrder: c.sortOrder }, actor.userId))) throw new AppError('conflict', 'plans.order.stale');
    if (changes.length) await recordAudit(tx, actor, { action: 'plans.action.moved', entityType: 'plan_action', entityId: id, summary: { planId, sectionId: action.sectionId, direction } });
  });
}

/* ---------- Indicators ---------- */

export async function addIndicator(database: Database, actor: Actor, planId: string, id: string, input: IndicatorInput): Promise<IndicatorRow> {
  return withTransaction(database.db, async (tx) => {
    await lockedPlan(tx, planId);
    const action = await actionOf(tx, planId, id);
    const existing = await repo.selectIndicators(tx, action.id);
    const created = await repo.insertIndicator(tx, {
      id: nextIndicatorId(action.id, existing.map((i) => i.id)),
      actionId: action.id,
      title: input.title,
      measure: input.measure,
      sortOrder: (await repo.maxIndicatorOrder(tx, action.id)) + 1,
    });
    await recordAudit(tx, actor, { action: 'plans.indicator.added', entityType: 'plan_action_indicator', entityId: created.id, summary: { planId, actionId: action.id, title: created.title, measure: created.measure } });
    return created;
  });
}

export async function updateIndicator(database: Database, actor: Actor, planId: string, id: string, indicatorId: string, expectedVersion: number, input: IndicatorInput): Promise<IndicatorRow> {
  return withTransaction(database.db, async (tx) => {
    const action = await actionOf(tx, planId, id);
    const before = await indicatorOf(tx, action, indicatorId);
    const after = await repo.updateIndicatorRow(tx, indicatorId, expectedVersion, input);
    if (!after) throw new AppError('conflict', 'plans.indicator.stale', { current: before });
    const pick = (i: IndicatorRow) => ({ title: i.title, measure: i.measure });
    await recordAudit(tx, actor, { action: 'plans.indicator.updated', entityType: 'plan_action_indicator', entityId: indicatorId, summary: { planId, actionId: id, ...diffSummary(pick(before), pick(after)), version: after.version } });
    return after;
  });
}

export async function moveIndicator(database: Database, actor: Actor, planId: string, id: string, indicatorId: string, expectedVersion: number, direction: Direction): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    await lockedPlan(tx, planId);
    const action = await actionOf(tx, planId, id);
    const indicator = await indicatorOf(tx, action, indicatorId);
    if (indicator.version !== expectedVersion) throw new AppError('conflict', 'plans.order.stale');
    const changes = moveWithin(await repo.selectIndicators(tx, action.id), indicatorId, direction);
    for (const c of changes) if (!(await repo.updateIndicatorRow(tx, c.item.id, c.item.version, { sortOrder: c.sortOrder }))) throw new AppError('conflict', 'plans.order.stale');
    if (changes.length) await recordAudit(tx, actor, { action: 'plans.indicator.moved', entityType: 'plan_action_indicator', entityId: indicatorId, summary: { planId, actionId: action.id, direction } });
  });
}
