/** Read models of the action plans for pages, the API and other areas. */
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { hasFlag, parseActionId, PLAN_ID, type PlanText } from './plans.ts';
import * as repo from './plans-repository.ts';
import type { ActionRow, IndicatorRow, PlanRow, SectionRow } from './plans-repository.ts';

export type { ActionRow, IndicatorRow, PlanRow, SectionRow };

export interface PlanSummary {
  plan: PlanRow;
  sections: number;
  actions: number;
  /** Some actions are still to verify against the official text. */
  toVerify: boolean;
  /** Some actions are placeholders the ISU is to complete. */
  toComplete: boolean;
}

export interface ActionWithIndicators {
  action: ActionRow;
  indicators: IndicatorRow[];
}

export interface SectionTree {
  section: SectionRow;
  actions: ActionWithIndicators[];
}

export interface PlanTree {
  plan: PlanRow;
  sections: SectionTree[];
  toVerify: boolean;
  toComplete: boolean;
}

export interface ActionView {
  plan: PlanRow;
  section: SectionRow;
  action: ActionRow;
  indicators: IndicatorRow[];
  /** Neighbours in the plan's reading order, for previous/next links. */
  previous: ActionRow | undefined;
  next: ActionRow | undefined;
}

const notFound = () => new AppError('not_found', 'plans.not_found');

export async function listPlans(db: DbOrTx): Promise<PlanSummary[]> {
  return repo.selectPlanSummaries(db);
}

/** A plan by its id; 404 for an unknown or malformed id. */
export async function getPlan(db: DbOrTx, planId: string): Promise<PlanRow> {
  if (!PLAN_ID.test(planId)) throw notFound();
  const plan = await repo.selectPlan(db, planId);
  if (!plan) throw notFound();
  return plan;
}

/** A plan with its sections, actions and indicators, each in display order. */
export async function getPlanTree(db: DbOrTx, planId: string): Promise<PlanTree> {
  const plan = await getPlan(db, planId);
  const [sections, actions, indicators] = await Promise.all([repo.selectSections(db, plan.id), repo.selectActions(db, plan.id), repo.selectPlanIndicators(db, plan.id)]);
  const byAction = new Map<string, IndicatorRow[]>();
  for (const i of indicators) byAction.set(i.actionId, [...(byAction.get(i.actionId) ?? []), i]);
  const bySection = new Map<string, ActionWithIndicators[]>();
  for (const a of actions) bySection.set(a.sectionId, [...(bySection.get(a.sectionId) ?? []), { action: a, indicators: byAction.get(a.id) ?? [] }]);
  return {
    plan,
    sections: sections.map((section) => ({ section, actions: bySection.get(section.id) ?? [] })),
    toVerify: hasFlag(actions, 'to-verify'),
    toComplete: hasFlag(actions, 'to-complete'),
  };
}

/** The actions of a tree in reading order (section by section). */
export function actionsInOrder(tree: PlanTree): ActionRow[] {
  return tree.sections.flatMap((s) => s.actions.map((a) => a.action));
}

/** One action of a plan; 404 when the id is malformed, unknown or of another plan. */
export async function getActionView(db: DbOrTx, planId: string, id: string): Promise<ActionView> {
  const parsed = parseActionId(id);
  if (!parsed) throw notFound();
  const tree = await getPlanTree(db, planId);
  const all = actionsInOrder(tree);
  const k = all.findIndex((a) => a.id === parsed.id);
  if (k < 0) throw notFound();
  const action = all[k]!;
  const sectionTree = tree.sections.find((s) => s.section.id === action.sectionId)!;
  const indicators = sectionTree.actions.find((a) => a.action.id === action.id)!.indicators;
  return { plan: tree.plan, section: sectionTree.section, action, indicators, previous: all[k - 1], next: all[k + 1] };
}

/** The plan an action id belongs to (for links that know only `OAP-42`), or undefined. */
export async function findActionPlanId(db: DbOrTx, id: string): Promise<string | undefined> {
  const parsed = parseActionId(id);
  if (!parsed) return undefined;
  return (await repo.selectAction(db, parsed.id))?.planId;
}

export async function getSection(db: DbOrTx, planId: string, sectionId: string): Promise<SectionRow> {
  const section = sectionId.length <= 80 ? await repo.selectSection(db, sectionId) : undefined;
  if (!section || section.planId !== planId) throw notFound();
  return section;
}

export async function getIndicator(db: DbOrTx, actionId: string, indicatorId: string): Promise<IndicatorRow> {
  const indicator = indicatorId.length <= 40 ? await repo.selectIndicator(db, indicatorId) : undefined;
  if (!indicator || indicator.actionId !== actionId) throw notFound();
  return indicator;
}

/** Every text of a plan, for the translation status view. */
export function planTexts(tree: PlanTree): PlanText[] {
  const out: PlanText[] = [
    { kind: 'plan-title', ownerId: tree.plan.id, text: tree.plan.title, optional: false },
    { kind: 'plan-adopted-at', ownerId: tree.plan.id, text: tree.plan.adoptedAt, optional: true },
  ];
  for (const s of tree.sections) {
    out.push({ kind: 'section-title', ownerId: s.section.id, text: s.section.title, optional: false });
    for (const a of s.actions) {
      out.push({ kind: 'action-title', ownerId: a.action.id, text: a.action.title, optional: false });
      out.push({ kind: 'action-summary', ownerId: a.action.id, text: a.action.summary, optional: true });
      for (const i of a.indicators) out.push({ kind: 'indicator-title', ownerId: i.id, text: i.title, optional: false });
    }
  }
  return out;
}

/** The sections of a plan in display order. */
export async function listSections(db: DbOrTx, planId: string): Promise<SectionRow[]> {
  return repo.selectSections(db, planId);
}

/** One action of a plan for editing; 404 when malformed, unknown or of another plan. */
export async function getAction(db: DbOrTx, planId: string, id: string): Promise<ActionRow> {
  const parsed = parseActionId(id);
  const action = parsed ? await repo.selectAction(db, parsed.id) : undefined;
  if (!action || action.planId !== planId) throw notFound();
  return action;
}

export async function listIndicators(db: DbOrTx, actionId: string): Promise<IndicatorRow[]> {
  return repo.selectIndicators(db, actionId);
}
