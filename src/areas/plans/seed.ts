/**
 * Reference data: the action plans (reference-data.ts). Seeded at every start, in demo mode or
 * not. Rows are inserted when missing and never overwritten (ON CONFLICT DO NOTHING), so what the
 * ISU corrected in the platform survives restarts; a row the ISU moved or renumbered is left alone.
 * One multi-row insert per table keeps start-up fast.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { actionId } from './plans.ts';
import { REFERENCE_PLANS, type ReferencePlan } from './reference-data.ts';
import { actionPlans, actionPlanSections, planActionIndicators, planActions } from './schema.ts';

export async function seedActionPlans(db: DbOrTx, plans: readonly ReferencePlan[] = REFERENCE_PLANS): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx
      .insert(actionPlans)
      .values(
        plans.map((p) => ({
          id: p.id,
          code: p.code,
          title: p.title,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          adoptedOn: p.adoptedOn,
          adoptedAt: p.adoptedAt,
          sortOrder: p.sortOrder,
        })),
      )
      .onConflictDoNothing();

    const sections = plans.flatMap((p) => p.sections.map((s, i) => ({ plan: p, section: s, id: `${p.id}.${s.number}`, sortOrder: i + 1 })));
    if (sections.length) {
      await tx
        .insert(actionPlanSections)
        .values(sections.map(({ plan, section, id, sortOrder }) => ({ id, planId: plan.id, number: section.number, title: section.title, sortOrder })))
        .onConflictDoNothing();
    }
    // A section the ISU renumbered may have kept another section's number: its actions are then
    // not seeded rather than attached to a section that does not exist.
    const existing = new Set(
      sections.length ? (await tx.select({ id: actionPlanSections.id }).from(actionPlanSections).where(inArray(actionPlanSections.id, sections.map((s) => s.id)))).map((r) => r.id) : [],
    );
    const actions = sections
      .filter((s) => existing.has(s.id))
      .flatMap(({ plan, section, id: sectionId }) => section.actions.map((a) => ({ plan, sectionId, action: a, id: actionId(plan.code, a.number) })));
    if (actions.length) {
      await tx
        .insert(planActions)
        .values(
          actions.map(({ plan, sectionId, action, id }) => ({
            id,
            planId: plan.id,
            sectionId,
            number: action.number,
            title: action.title,
            summary: action.summary ?? null,
            themes: action.themes,
            sortOrder: action.number,
          })),
        )
        .onConflictDoNothing();
    }
    const indicators = actions.flatMap(({ id, action }) => action.indicators.map((ind, i) => ({ id: `${id}.${i + 1}`, actionId: id, title: ind.title, measure: ind.measure, sortOrder: i + 1 })));
    if (indicators.length) await tx.insert(planActionIndicators).values(indicators).onConflictDoNothing();
  });
}
