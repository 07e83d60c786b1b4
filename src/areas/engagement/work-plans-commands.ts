/**
 * Named write use cases of work plans: create a plan, edit its introduction, add, edit, move and
 * remove items, link evidence to an item and unlink it. Each runs in one transaction with its
 * audit event; every change of an existing row checks the version the user saw (a stale edit is
 * refused with `engagement.stale`, nothing changed).
 */
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Principal } from '../accounts/index.ts';
import { findActionPlanId } from '../plans/index.ts';
import { assertCan, canCreateWorkPlan, canEditWorkPlan } from './policy.ts';
import type { ItemStatus, LinkTarget, Texts, WorkPlanKind } from './schema.ts';
import * as repo from './work-plans-repository.ts';

type Db = Pick<Database, 'db'>;

const stale = () => new AppError('conflict', 'engagement.stale');

export async function createWorkPlan(database: Db, actor: Actor, user: Principal | undefined, input: { committeeId: string; year: number; kind: WorkPlanKind; intro?: Texts; isDemo?: boolean }): Promise<{ plan: repo.WorkPlanRow; created: boolean }> {
  assertCan(canCreateWorkPlan(user, input.committeeId));
  return withTransaction(database.db, async (tx) => {
    const row = await repo.insertPlan(tx, { committeeId: input.committeeId, year: input.year, kind: input.kind, intro: input.intro ?? {}, isDemo: input.isDemo ?? false, createdBy: actor.userId });
    if (!row) {
      const existing = await repo.findPlanByKey(tx, input.committeeId, input.year, input.kind);
      return { plan: existing!, created: false };
    }
    await recordAudit(tx, actor, { action: 'engagement.work_plan.created', entityType: 'work_plan', entityId: row.id, summary: { committeeId: row.committeeId, year: row.year, kind: row.kind } });
    return { plan: row, created: true };
  });
}

export async function saveWorkPlanIntro(database: Db, actor: Actor, user: Principal | undefined, input: { planId: string; version: number; locale: Locale; intro: string }): Promise<repo.WorkPlanRow> {
  return withTransaction(database.db, async (tx) => {
    const plan = await repo.findPlan(tx, input.planId, { forUpdate: true });
    if (!plan) throw notFound();
    assertCan(canEditWorkPlan(user, plan));
    if (plan.version !== input.version) throw stale();
    const intro = { ...plan.intro, [input.locale]: input.intro };
    if (!input.intro) delete intro[input.locale];
    const row = await repo.updatePlanIfVersion(tx, plan.id, input.version, { intro });
    if (!row) throw stale();
    await recordAudit(tx, actor, { action: 'engagement.work_plan.intro_saved', entityType: 'work_plan', entityId: plan.id, summary: { locale: input.locale } });
    return row;
  });
}

export interface ItemInput {
  /** Written in `locale`; other languages of the title and description are kept. */
  locale: Locale;
  title: string;
  description?: string | undefined;
  ownerUserId?: string | undefined;
  ownerLabel?: string | undefined;
  dueDate?: string | undefined;
  status: ItemStatus;
  actionIds: string[];
  progressNote?: string | undefined;
}

/** The field errors of an item's owner and actions (message keys), checked against the database. */
async function checkItem(db: Db['db'], input: ItemInput): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (input.ownerUserId) {
    const owner = await repo.findActiveUser(db, input.ownerUserId);
    if (!owner) errors.owner = 'engagement.items.owner_unknown';
    else if (owner.disabled) errors.owner = 'engagement.items.owner_inactive';
  }
  const unknown: string[] = [];
  for (const id of input.actionIds) if (!(await findActionPlanId(db, id))) unknown.push(id);
  if (unknown.length) errors.actions = 'engagement.items.action_unknown';
  return errors;
}

export class ItemRejected extends AppError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('validation', 'engagement.items.invalid');
  }
}

function withText(texts: Texts, locale: Locale, text: string | undefined): Texts {
  const out: Texts = { ...texts };
  if (text) out[locale] = text;
  else delete out[locale];
  return out;
}

export async function addWorkPlanItem(database: Db, actor: Actor, user: Principal | undefined, planId: string, input: ItemInput): Promise<repo.WorkPlanItemRow> {
  return withTransaction(database.db, async (tx) => {
    const plan = await repo.findPlan(tx, planId, { forUpdate: true });
    if (!plan) throw notFound();
    assertCan(canEditWorkPlan(user, plan));
    const errors = await checkItem(tx, input);
    if (Object.keys(errors).length) throw new ItemRejected(errors);
    const row = await repo.insertItem(tx, {
      planId,
      position: await repo.nextPosition(tx, planId),
      title: withText({}, input.locale, input.title),
      description: withText({}, input.locale, input.description),
      ownerUserId: input.ownerUserId ?? null,
      ownerLabel: input.ownerLabel ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status,
      actionIds: input.actionIds,
      progressNote: input.progressNote ?? null,
      completedAt: input.status === 'done' ? new Date() : null,
    });
    await recordAudit(tx, actor, { action: 'engagement.work_plan_item.added', entityType: 'work_plan_item', entityId: row.id, summary: { planId, position: row.position, status: row.status } });
    return row;
  });
}

export async function updateWorkPlanItem(database: Db, actor: Actor, user: Principal | undefined, planId: string, itemId: string, version: number, input: ItemInput): Promise<repo.WorkPlanItemRow> {
  return withTransaction(database.db, async (tx) => {
    const plan = await repo.findPlan(tx, planId);
    if (!plan) throw notFound();
    const item = await repo.findItem(tx, planId, itemId, { forUpdate: true });
    if (!item) throw notFound();
    assertCan(canEditWorkPlan(user, plan));
    if (item.version !== version) throw stale();
    // An owner who has since been disabled may stay on an item, but cannot be newly chosen.
    const errors = await checkItem(tx, { ...input, ownerUserId: input.ownerUserId === item.ownerUserId ? undefined : input.ownerUserId });
    if (Object.keys(errors).length) throw new ItemRejected(errors);
    const row = await repo.updateItemIfVersion(tx, item.id, version, {
      title: withText(item.title, input.locale, input.title),
      description: withText(item.description, input.locale, input.description),
      ownerUserId: input.ownerUserId ?? null,
      ownerLabel: input.ownerLabel ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status,
      actionIds: input.actionIds,
      progressNote: input.progressNote ?? null,
      completedAt: input.status === 'done' ? (item.completedAt ?? new Date()) : null,
    });
    if (!row) throw stale();
    await recordAudit(tx, actor, {
      action: 'engagement.work_plan_item.updated',
      entityType: 'work_plan_item',
      entityId: item.id,
      summary: { planId, ...(item.status !== row.status ? { status: { from: item.status, to: row.status } } : {}), locale: input.locale },
    });
    return row;
  });
}

/** Moves an item one place up or down. */
export async function moveWorkPlanItem(database: Db, actor: Actor, user: Principal | undefined, planId: string, itemId: string, direction: 'up' | 'down'): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    const plan = await repo.findPlan(tx, planId, { forUpdate: true });
    if (!plan) throw notFound();
    assertCan(canEditWorkPlan(user, plan));
    const items = await repo.listItems(tx, planId);
    const i = items.findIndex((x) => x.id === itemId);
    if (i < 0) throw notFound();
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return;
    const order = items.map((x) => x.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    await repo.setPositions(
      tx,
      order.map((id, k) => ({ id, position: k + 1 })),
    );
    await recordAudit(tx, actor, { action: 'engagement.work_plan_item.moved', entityType: 'work_plan_item', entityId: itemId, summary: { planId, direction } });
  });
}

export async function deleteWorkPlanItem(database: Db, actor: Actor, user: Principal | undefined, planId: string, itemId: string, version: number): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    const plan = await repo.findPlan(tx, planId, { forUpdate: true });
    if (!plan) throw notFound();
    const item = await repo.findItem(tx, planId, itemId, { forUpdate: true });
    if (!item) throw notFound();
    assertCan(canEditWorkPlan(user, plan));
    if (item.version !== version) throw stale();
    await repo.deleteItem(tx, item.id);
    const rest = (await repo.listItems(tx, planId)).map((x, k) => ({ id: x.id, position: k + 1 }));
    await repo.setPositions(tx, rest);
    await recordAudit(tx, actor, { action: 'engagement.work_plan_item.deleted', entityType: 'work_plan_item', entityId: item.id, summary: { planId, title: item.title } });
  });
}

export async function linkEvidence(database: Db, actor: Actor, user: Principal | undefined, planId: string, itemId: string, target: { type: LinkTarget; ref: string; label?: string | undefined }): Promise<{ created: boolean }> {
  return withTransaction(database.db, async (tx) => {
    const plan = await repo.findPlan(tx, planId);
    if (!plan) throw notFound();
    const item = await repo.findItem(tx, planId, itemId);
    if (!item) throw notFound();
    assertCan(canEditWorkPlan(user, plan));
    if (target.type === 'plan_item' && target.ref === item.id) throw new AppError('validation', 'engagement.links.self');
    const row = await repo.insertLink(tx, { sourceType: 'plan_item', sourceId: item.id, targetType: target.type, targetRef: target.ref, label: target.label ?? null, createdBy: actor.userId });
    if (!row) return { created: false };
    await recordAudit(tx, actor, { action: 'engagement.evidence_link.added', entityType: 'work_plan_item', entityId: item.id, summary: { planId, targetType: target.type, targetRef: target.ref } });
    return { created: true };
  });
}

export async function unlinkEvidence(database: Db, actor: Actor, user: Principal | undefined, planId: string, itemId: string, linkId: string): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    const plan = await repo.findPlan(tx, planId);
    if (!plan) throw notFound();
    const item = await repo.findItem(tx, planId, itemId);
    const link = await repo.findLink(tx, linkId);
    if (!item || !link || link.sourceType !== 'plan_item' || link.sourceId !== item.id) throw notFound();
    assertCan(canEditWorkPlan(user, plan));
    await repo.deleteLink(tx, link.id);
    await recordAudit(tx, actor, { action: 'engagement.evidence_link.removed', entityType: 'work_plan_item', entityId: item.id, summary: { planId, targetType: link.targetType, targetRef: link.targetRef } });
  });
}

