/**
 * Editing the action plans (ISU staff, administrators): parse → authorise → command → redirect, or
 * the same page again with the errors (422) or, when someone saved first, with both versions (409).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { formBody, parseForm } from '../../platform/http/forms.ts';
import {
  addAction,
  addIndicator,
  addSection,
  moveAction,
  moveIndicator,
  moveSection,
  updateAction,
  updateIndicator,
  updatePlan,
  updateSection,
} from './plans-commands.ts';
import {
  actionEditSchema,
  actionNewSchema,
  indicatorEditSchema,
  indicatorNewSchema,
  localizedFrom,
  moveFormSchema,
  optionalLocalizedFrom,
  planFormSchema,
  sectionEditSchema,
  sectionFormSchema,
} from './plan-forms.ts';
import { TEXT_LOCALES, translationStatus } from './plans.ts';
import { getAction, getIndicator, getPlan, getPlanTree, getSection, listIndicators, listPlans, listSections, planTexts } from './plans-queries.ts';
import { assertCan, canEditPlans } from './policy.ts';
import {
  ActionFormPage,
  actionValues,
  AdminPlanPage,
  AdminPlansPage,
  adminPlanHref,
  IndicatorFormPage,
  indicatorValues,
  PlanFormPage,
  planValues,
  SectionFormPage,
  sectionValues,
  TranslationsPage,
  type GapRow,
} from './views/admin-pages.tsx';

type Params = Record<string, string>;

const flags = z.object({
  saved: z.literal('1').optional().catch(undefined),
  added: z.literal('1').optional().catch(undefined),
  section: z.string().max(80).optional().catch(undefined),
  language: z.enum(TEXT_LOCALES).optional().catch(undefined),
});

/** Nobody signed in: send them to sign in and back (returns false). Signed in but not allowed: 403. */
function allowed(req: FastifyRequest, reply: FastifyReply): boolean {
  if (!req.user) {
    void reply.redirect(`/${req.locale}/login?returnTo=${encodeURIComponent(req.url.slice(0, 400))}`, 303);
    return false;
  }
  assertCan(req.user, canEditPlans);
  return true;
}

function params(req: FastifyRequest): Params {
  const p = req.params as Params;
  for (const v of Object.values(p)) if (typeof v !== 'string' || v.length > 80) throw new AppError('not_found', 'plans.not_found');
  return p;
}

function submitted(req: FastifyRequest): Record<string, unknown> {
  return formBody(req.body);
}

const isCode = (e: unknown, ...codes: string[]) => isAppError(e) && codes.includes(e.code);

/** An error on one of the theme checkboxes (`themes.3`) belongs to the group, whose first box has the id `f-themes`. */
function groupErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) out[/^themes\.\d+$/.test(k) ? 'themes' : k] ??= v;
  return out;
}

export function registerAdminPlansRoutes(app: FastifyInstance, deps: AppDeps): void {
  const database = deps.database;
  const db = database.db;
  const query = (req: FastifyRequest) => flags.parse(req.query ?? {});

  /* ---------- The list and one plan's structure ---------- */

  app.get('/:locale/admin/plans', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const plans = await listPlans(db);
    const missing = new Map<string, number>();
    for (const p of plans) {
      const status = translationStatus(planTexts(await getPlanTree(db, p.plan.id)));
      missing.set(p.plan.id, status.gaps.length);
    }
    return reply.page(<AdminPlansPage plans={plans} missing={missing} />);
  });

  app.get('/:locale/admin/plans/:plan', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const tree = await getPlanTree(db, params(req).plan!);
    return reply.page(<AdminPlanPage tree={tree} notice={query(req).added ? req.tr.t('plans.section_form.added') : undefined} />);
  });

  /* ---------- The plan's own texts ---------- */

  app.get('/:locale/admin/plans/:plan/edit', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const plan = await getPlan(db, params(req).plan!);
    return reply.page(<PlanFormPage plan={plan} values={planValues(plan)} saved={query(req).saved === '1'} />);
  });

  app.post('/:locale/admin/plans/:plan/edit', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const plan = await getPlan(db, params(req).plan!);
    const form = parseForm(planFormSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<PlanFormPage plan={plan} values={form.values} errors={form.errors} />, 422);
    const d = form.data as Record<string, unknown> & { version: number; adoptedOn: string | null; periodStart: number; periodEnd: number };
    try {
      await updatePlan(database, req.actor, plan.id, d.version, {
        title: localizedFrom(d, 'title'),
        adoptedAt: optionalLocalizedFrom(d, 'adoptedAt'),
        adoptedOn: d.adoptedOn,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
      });
    } catch (e) {
      if (isCode(e, 'plans.plan.stale')) return reply.page(<PlanFormPage plan={await getPlan(db, plan.id)} values={submitted(req)} conflict />, 409);
      if (isCode(e, 'plans.plan.period_order')) return reply.page(<PlanFormPage plan={plan} values={submitted(req)} errors={{ periodEnd: req.tr.t('plans.form.period_order') }} />, 422);
      throw e;
    }
    return reply.redirect(`${adminPlanHref(req.locale, plan.id)}/edit?saved=1`, 303);
  });

  /* ---------- Translation status ---------- */

  app.get('/:locale/admin/plans/:plan/translations', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const tree = await getPlanTree(db, params(req).plan!);
    const base = adminPlanHref(req.locale, tree.plan.id);
    const t = req.tr.t;
    const indicatorAction = new Map<string, string>();
    const sectionNumber = new Map<string, string>();
    const actionNumber = new Map<string, number>();
    for (const s of tree.sections) {
      sectionNumber.set(s.section.id, s.section.number);
      for (const a of s.actions) {
        actionNumber.set(a.action.id, a.action.number);
        for (const i of a.indicators) indicatorAction.set(i.id, a.action.id);
      }
    }
    const status = translationStatus(planTexts(tree));
    const gaps: GapRow[] = status.gaps.map((g) => {
      switch (g.kind) {
        case 'plan-title':
        case 'plan-adopted-at':
          return { ...g, href: `${base}/edit`, owner: tree.plan.code };
        case 'section-title':
          return { ...g, href: `${base}/sections/${g.ownerId}`, owner: t('plans.section.number', { number: sectionNumber.get(g.ownerId) ?? '' }) };
        case 'action-title':
        case 'action-summary':
          return { ...g, href: `${base}/actions/${g.ownerId}`, owner: t('plans.action.number', { number: actionNumber.get(g.ownerId) ?? 0 }) };
        case 'indicator-title':
          return { ...g, href: `${base}/actions/${indicatorAction.get(g.ownerId)}/indicators/${g.ownerId}`, owner: g.ownerId };
      }
    });
    return reply.page(<TranslationsPage plan={tree.plan} gaps={gaps} missingByLocale={status.missingByLocale} total={status.total} language={query(req).language} />);
  });

  /* ---------- Sections ---------- */

  app.get('/:locale/admin/plans/:plan/sections/new', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const plan = await getPlan(db, params(req).plan!);
    return reply.page(<SectionFormPage plan={plan} values={{}} />);
  });

  app.post('/:locale/admin/plans/:plan/sections/new', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const plan = await getPlan(db, params(req).plan!);
    const form = parseForm(sectionFormSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<SectionFormPage plan={plan} values={form.values} errors={form.errors} />, 422);
    try {
      await addSection(database, req.actor, plan.id, { number: form.data.number, title: localizedFrom(form.data, 'title') });
    } catch (e) {
      if (isCode(e, 'plans.section.number_taken')) return reply.page(<SectionFormPage plan={plan} values={submitted(req)} errors={{ number: req.tr.t('errors.plans.section.number_taken') }} />, 422);
      throw e;
    }
    return reply.redirect(`${adminPlanHref(req.locale, plan.id)}?added=1`, 303);
  });

  app.get('/:locale/admin/plans/:plan/sections/:section', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const section = await getSection(db, plan.id, p.section!);
    return reply.page(<SectionFormPage plan={plan} section={section} values={sectionValues(section)} saved={query(req).saved === '1'} />);
  });

  app.post('/:locale/admin/plans/:plan/sections/:section', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const section = await getSection(db, plan.id, p.section!);
    const form = parseForm(sectionEditSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<SectionFormPage plan={plan} section={section} values={form.values} errors={form.errors} />, 422);
    try {
      await updateSection(database, req.actor, plan.id, section.id, form.data.version, { number: form.data.number, title: localizedFrom(form.data, 'title') });
    } catch (e) {
      if (isCode(e, 'plans.section.stale')) return reply.page(<SectionFormPage plan={plan} section={await getSection(db, plan.id, section.id)} values={submitted(req)} conflict />, 409);
      if (isCode(e, 'plans.section.number_taken')) return reply.page(<SectionFormPage plan={plan} section={section} values={submitted(req)} errors={{ number: req.tr.t('errors.plans.section.number_taken') }} />, 422);
      throw e;
    }
    return reply.redirect(`${adminPlanHref(req.locale, plan.id)}/sections/${section.id}?saved=1`, 303);
  });

  app.post('/:locale/admin/plans/:plan/sections/:section/move', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const section = await getSection(db, plan.id, p.section!);
    const form = parseForm(moveFormSchema, req.body, req.tr);
    try {
      if (!form.ok) throw new AppError('conflict', 'plans.order.stale');
      await moveSection(database, req.actor, plan.id, section.id, form.data.version, form.data.direction);
    } catch (e) {
      if (isCode(e, 'plans.order.stale')) return reply.page(<AdminPlanPage tree={await getPlanTree(db, plan.id)} orderConflict />, 409);
      throw e;
    }
    return reply.redirect(adminPlanHref(req.locale, plan.id), 303);
  });

  /* ---------- Actions ---------- */

  app.get('/:locale/admin/plans/:plan/actions/new', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const plan = await getPlan(db, params(req).plan!);
    const sections = await listSections(db, plan.id);
    const wanted = query(req).section;
    return reply.page(<ActionFormPage plan={plan} sections={sections} values={{ sectionId: sections.some((s) => s.id === wanted) ? wanted : '' }} />);
  });

  app.post('/:locale/admin/plans/:plan/actions/new', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const plan = await getPlan(db, params(req).plan!);
    const sections = await listSections(db, plan.id);
    const form = parseForm(actionNewSchema, req.body, req.tr);
    const again = (errors: Record<string, string>) => reply.page(<ActionFormPage plan={plan} sections={sections} values={submitted(req)} errors={errors} />, 422);
    if (!form.ok) return again(groupErrors(form.errors));
    if (!sections.some((s) => s.id === form.data.sectionId)) return again({ sectionId: req.tr.t('plans.form.section_required') });
    try {
      const created = await addAction(database, req.actor, plan.id, {
        number: form.data.number,
        sectionId: form.data.sectionId,
        title: localizedFrom(form.data, 'title'),
        summary: optionalLocalizedFrom(form.data, 'summary'),
        themes: form.data.themes,
      });
      return reply.redirect(`${adminPlanHref(req.locale, plan.id)}/actions/${created.id}?added=1`, 303);
    } catch (e) {
      if (isCode(e, 'plans.action.number_taken')) return again({ number: req.tr.t('errors.plans.action.number_taken') });
      throw e;
    }
  });

  const actionPage = async (req: FastifyRequest, reply: FastifyReply, opts: { orderConflict?: boolean } = {}) => {
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    const [sections, indicators] = await Promise.all([listSections(db, plan.id), listIndicators(db, action.id)]);
    const q = query(req);
    return reply.page(
      <ActionFormPage
        plan={plan}
        sections={sections}
        action={action}
        indicators={indicators}
        values={actionValues(action)}
        saved={q.saved === '1'}
        notice={q.added ? req.tr.t('plans.action_form.added') : undefined}
        orderConflict={opts.orderConflict ?? false}
      />,
      opts.orderConflict ? 409 : undefined,
    );
  };

  app.get('/:locale/admin/plans/:plan/actions/:action', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    return actionPage(req, reply);
  });

  app.post('/:locale/admin/plans/:plan/actions/:action', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    const [sections, indicators] = await Promise.all([listSections(db, plan.id), listIndicators(db, action.id)]);
    const form = parseForm(actionEditSchema, req.body, req.tr);
    const again = (errors: Record<string, string>) => reply.page(<ActionFormPage plan={plan} sections={sections} action={action} indicators={indicators} values={submitted(req)} errors={errors} />, 422);
    if (!form.ok) return again(groupErrors(form.errors));
    if (!sections.some((s) => s.id === form.data.sectionId)) return again({ sectionId: req.tr.t('plans.form.section_required') });
    try {
      await updateAction(database, req.actor, plan.id, action.id, form.data.version, {
        sectionId: form.data.sectionId,
        title: localizedFrom(form.data, 'title'),
        summary: optionalLocalizedFrom(form.data, 'summary'),
        themes: form.data.themes,
      });
    } catch (e) {
      if (isCode(e, 'plans.action.stale')) {
        const current = await getAction(db, plan.id, action.id);
        return reply.page(<ActionFormPage plan={plan} sections={sections} action={current} indicators={indicators} values={submitted(req)} conflict />, 409);
      }
      throw e;
    }
    return reply.redirect(`${adminPlanHref(req.locale, plan.id)}/actions/${action.id}?saved=1`, 303);
  });

  app.post('/:locale/admin/plans/:plan/actions/:action/move', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    const form = parseForm(moveFormSchema, req.body, req.tr);
    try {
      if (!form.ok) throw new AppError('conflict', 'plans.order.stale');
      await moveAction(database, req.actor, plan.id, action.id, form.data.version, form.data.direction);
    } catch (e) {
      if (isCode(e, 'plans.order.stale')) return reply.page(<AdminPlanPage tree={await getPlanTree(db, plan.id)} orderConflict />, 409);
      throw e;
    }
    return reply.redirect(adminPlanHref(req.locale, plan.id), 303);
  });

  /* ---------- Indicators ---------- */

  app.get('/:locale/admin/plans/:plan/actions/:action/indicators/new', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    return reply.page(<IndicatorFormPage plan={plan} action={action} values={{}} />);
  });

  app.post('/:locale/admin/plans/:plan/actions/:action/indicators/new', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    const form = parseForm(indicatorNewSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<IndicatorFormPage plan={plan} action={action} values={form.values} errors={form.errors} />, 422);
    await addIndicator(database, req.actor, plan.id, action.id, { title: localizedFrom(form.data, 'title'), measure: form.data.measure });
    return reply.redirect(`${adminPlanHref(req.locale, plan.id)}/actions/${action.id}?added=1`, 303);
  });

  app.get('/:locale/admin/plans/:plan/actions/:action/indicators/:indicator', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    const indicator = await getIndicator(db, action.id, p.indicator!);
    return reply.page(<IndicatorFormPage plan={plan} action={action} indicator={indicator} values={indicatorValues(indicator)} saved={query(req).saved === '1'} />);
  });

  app.post('/:locale/admin/plans/:plan/actions/:action/indicators/:indicator', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    const indicator = await getIndicator(db, action.id, p.indicator!);
    const form = parseForm(indicatorEditSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<IndicatorFormPage plan={plan} action={action} indicator={indicator} values={form.values} errors={form.errors} />, 422);
    try {
      await updateIndicator(database, req.actor, plan.id, action.id, indicator.id, form.data.version, { title: localizedFrom(form.data, 'title'), measure: form.data.measure });
    } catch (e) {
      if (isCode(e, 'plans.indicator.stale')) return reply.page(<IndicatorFormPage plan={plan} action={action} indicator={await getIndicator(db, action.id, indicator.id)} values={submitted(req)} conflict />, 409);
      throw e;
    }
    return reply.redirect(`${adminPlanHref(req.locale, plan.id)}/actions/${action.id}/indicators/${indicator.id}?saved=1`, 303);
  });

  app.post('/:locale/admin/plans/:plan/actions/:action/indicators/:indicator/move', async (req, reply) => {
    if (!allowed(req, reply)) return reply;
    const p = params(req);
    const plan = await getPlan(db, p.plan!);
    const action = await getAction(db, plan.id, p.action!);
    const indicator = await getIndicator(db, action.id, p.indicator!);
    const form = parseForm(moveFormSchema, req.body, req.tr);
    try {
      if (!form.ok) throw new AppError('conflict', 'plans.order.stale');
      await moveIndicator(database, req.actor, plan.id, action.id, indicator.id, form.data.version, form.data.direction);
    } catch (e) {
      if (isCode(e, 'plans.order.stale')) return actionPage(req, reply, { orderConflict: true });
      throw e;
    }
    return reply.redirect(`${adminPlanHref(req.locale, plan.id)}/actions/${action.id}`, 303);
  });
}
