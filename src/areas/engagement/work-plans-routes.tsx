/**
 * Work plan pages: the plans of a year, one plan with its items, one item with its evidence.
 * Thin: parse → policy → query or command → render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError, notFound } from '../../platform/errors.ts';
import { formBody, optionalText, parseForm, requiredText, type FieldErrors } from '../../platform/http/forms.ts';
import { signInRedirect } from '../../platform/http/sign-in.ts';
import { normaliseDigits } from '../../platform/i18n/digits.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { listCommittees } from '../states/index.ts';
import { resolveLinks } from './evidence-queries.ts';
import { assertCan, canCreateWorkPlan, canEditWorkPlan, canViewWorkPlans } from './policy.ts';
import { ITEM_STATUSES, WORK_PLAN_KINDS } from './schema.ts';
import { addWorkPlanItem, createWorkPlan, deleteWorkPlanItem, ItemRejected, linkEvidence, moveWorkPlanItem, saveWorkPlanIntro, unlinkEvidence, updateWorkPlanItem, type ItemInput } from './work-plans-commands.ts';
import * as repo from './work-plans-repository.ts';
import { parseEvidenceAddress, splitActionIds } from './work-plans.ts';
import { ItemPage, WorkPlanPage, WorkPlansPage, type ItemForm } from './views/work-plans.tsx';

type Req = FastifyRequest<{ Params: { locale: string; id: string; item: string; link: string }; Querystring: Record<string, string | undefined> }>;

const digits = (v: unknown) => (typeof v === 'string' ? normaliseDigits(v).trim() : v);
const version = z.preprocess(digits, z.coerce.number().int().min(1).max(2_147_483_647));
const year = z.preprocess(digits, z.string().regex(/^\d{4}$/, { error: 'engagement.plans.year_invalid' }).transform(Number).pipe(z.number().min(1999, { error: 'engagement.plans.year_invalid' }).max(2100, { error: 'engagement.plans.year_invalid' })));
const isoDate = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'engagement.items.due_invalid' })
    .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'engagement.items.due_invalid' })
    .optional(),
);

const planBody = z.object({ committee: z.string().max(60), year, kind: z.enum(WORK_PLAN_KINDS, { error: 'engagement.plans.kind_invalid' }) });
const introBody = z.object({ version, intro: optionalText(5000, { multiline: true }) });
const itemBody = z.object({
  title: requiredText(500, 'engagement.items.title_required'),
  description: optionalText(5000, { multiline: true }),
  owner: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(40).optional()),
  owner_label: optionalText(200),
  due: isoDate,
  status: z.enum(ITEM_STATUSES, { error: 'engagement.items.status_invalid' }),
  actions: optionalText(500),
  progress: optionalText(5000, { multiline: true }),
});
const linkBody = z.object({ address: requiredText(2000, 'engagement.links.address_required'), label: optionalText(200) });
const moveBody = z.object({ direction: z.enum(['up', 'down']) });

const PLAN_FLASHES = ['created', 'exists', 'item_added', 'item_deleted', 'intro_saved', 'moved'] as const;
const ITEM_FLASHES = ['saved', 'linked', 'already_linked', 'unlinked'] as const;
const flashOf = <T extends string>(q: Record<string, string | undefined>, allowed: readonly T[]): T | undefined => (allowed as readonly string[]).includes(q.flash ?? '') ? (q.flash as T) : undefined;

/** Reads an item form into the command's input and field errors. */
function readItem(body: unknown, req: FastifyRequest): { input?: ItemInput; errors: FieldErrors; values: ItemForm } {
  const raw = formBody(body);
  const values: ItemForm = {
    title: String(raw.title ?? ''),
    description: String(raw.description ?? ''),
    owner: String(raw.owner ?? ''),
    owner_label: String(raw.owner_label ?? ''),
    due: String(raw.due ?? ''),
    status: String(raw.status ?? 'planned'),
    actions: String(raw.actions ?? ''),
    progress: String(raw.progress ?? ''),
  };
  const parsed = parseForm(itemBody, body, req.tr);
  if (!parsed.ok) return { errors: parsed.errors, values };
  const actions = splitActionIds(parsed.data.actions ?? '');
  if (actions.bad.length) return { errors: { actions: req.tr.t('errors.engagement.items.action_unreadable', { text: actions.bad.join(', ') }) }, values };
  return {
    errors: {},
    values,
    input: {
      locale: req.locale as Locale,
      title: parsed.data.title,
      description: parsed.data.description,
      ownerUserId: parsed.data.owner,
      ownerLabel: parsed.data.owner_label,
      dueDate: parsed.data.due,
      status: parsed.data.status,
      actionIds: actions.ids,
      progressNote: parsed.data.progress,
    },
  };
}

function translated(req: FastifyRequest, errors: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, req.tr.t(`errors.${v}`)]));
}

export function registerWorkPlanRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  async function renderList(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: Record<string, string>; status?: number } = {}) {
    const q = parseForm(z.object({ year: year.optional(), committee: z.string().max(60).optional() }), req.query, req.tr);
    const filter = q.ok ? q.data : {};
    const [plans, years, committees] = await Promise.all([repo.listPlans(db(), { year: filter.year, committeeId: filter.committee || undefined }), repo.listPlanYears(db()), listCommittees(db())]);
    return reply.page(
      <WorkPlansPage
        plans={plans}
        years={years}
        year={filter.year}
        committee={filter.committee}
        committees={committees}
        creatable={committees.filter((c) => canCreateWorkPlan(req.user, c.id)).map((c) => c.id)}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status,
    );
  }

  app.get('/:locale/work-plans', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewWorkPlans(req.user));
    return renderList(req, reply);
  });

  app.post('/:locale/work-plans', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewWorkPlans(req.user));
    const parsed = parseForm(planBody, req.body, req.tr);
    const committees = await listCommittees(db());
    if (!parsed.ok) return renderList(req, reply, { errors: parsed.errors, values: parsed.values as Record<string, string>, status: 422 });
    if (!committees.some((c) => c.id === parsed.data.committee)) return renderList(req, reply, { errors: { committee: req.tr.t('errors.engagement.plans.committee_invalid') }, values: formBody(req.body) as Record<string, string>, status: 422 });
    const { plan, created } = await createWorkPlan(deps.database, req.actor, req.user, { committeeId: parsed.data.committee, year: parsed.data.year, kind: parsed.data.kind });
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}?flash=${created ? 'created' : 'exists'}`, 303);
  });

  async function loadPlan(req: Req) {
    const plan = await repo.findPlan(db(), req.params.id);
    if (!plan) throw notFound();
    return plan;
  }

  async function renderPlan(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: ItemForm; introError?: string; status?: number } = {}) {
    const plan = await loadPlan(req);
    const [items, committees, owners] = await Promise.all([repo.listItems(db(), plan.id), listCommittees(db()), repo.listPossibleOwners(db())]);
    const links = await repo.listLinks(
      db(),
      'plan_item',
      items.map((i) => i.id),
    );
    const counts = new Map<string, number>();
    for (const l of links) counts.set(l.sourceId, (counts.get(l.sourceId) ?? 0) + 1);
    return reply.page(
      <WorkPlanPage
        plan={plan}
        committee={committees.find((c) => c.id === plan.committeeId)}
        items={items}
        evidenceCounts={counts}
        owners={owners}
        canEdit={canEditWorkPlan(req.user, plan)}
        flash={flashOf(req.query, PLAN_FLASHES)}
        errors={extra.errors}
        values={extra.values}
        introError={extra.introError}
      />,
      extra.status,
    );
  }

  app.get('/:locale/work-plans/:id', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewWorkPlans(req.user));
    return renderPlan(req, reply);
  });

  app.post('/:locale/work-plans/:id/intro', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const plan = await loadPlan(req);
    assertCan(canEditWorkPlan(req.user, plan));
    const parsed = parseForm(introBody, req.body, req.tr);
    if (!parsed.ok) throw new AppError('bad_request', 'request.invalid');
    try {
      await saveWorkPlanIntro(deps.database, req.actor, req.user, { planId: plan.id, version: parsed.data.version, locale: req.locale as Locale, intro: parsed.data.intro ?? '' });
    } catch (e) {
      if (isAppError(e) && e.code === 'engagement.stale') return renderPlan(req, reply, { introError: req.tr.t('errors.engagement.stale'), status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}?flash=intro_saved`, 303);
  });

  app.post('/:locale/work-plans/:id/items', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const plan = await loadPlan(req);
    assertCan(canEditWorkPlan(req.user, plan));
    const read = readItem(req.body, req);
    if (!read.input) return renderPlan(req, reply, { errors: read.errors, values: read.values, status: 422 });
    try {
      await addWorkPlanItem(deps.database, req.actor, req.user, plan.id, read.input);
    } catch (e) {
      if (e instanceof ItemRejected) return renderPlan(req, reply, { errors: translated(req, e.fieldErrors), values: read.values, status: 422 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}?flash=item_added`, 303);
  });

  async function renderItem(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: ItemForm; linkErrors?: FieldErrors; linkValues?: Record<string, string>; problem?: string; deleteError?: string; status?: number } = {}) {
    const plan = await loadPlan(req);
    const item = await repo.findItem(db(), plan.id, req.params.item);
    if (!item) throw notFound();
    const [items, committees, owners, links] = await Promise.all([repo.listItems(db(), plan.id), listCommittees(db()), repo.listPossibleOwners(db()), repo.listLinks(db(), 'plan_item', [item.id])]);
    const withOwner = items.find((i) => i.id === item.id)!;
    return reply.page(
      <ItemPage
        plan={plan}
        committee={committees.find((c) => c.id === plan.committeeId)}
        item={withOwner}
        isFirst={items[0]?.id === item.id}
        isLast={items[items.length - 1]?.id === item.id}
        owners={owners}
        links={await resolveLinks(db(), links, { locale: req.locale, user: req.user, hiddenTitle: req.tr.t('engagement.meetings.link_hidden') })}
        canEdit={canEditWorkPlan(req.user, plan)}
        flash={flashOf(req.query, ITEM_FLASHES)}
        errors={extra.errors}
        values={extra.values}
        linkErrors={extra.linkErrors}
        linkValues={extra.linkValues}
        problem={extra.problem}
        deleteError={extra.deleteError}
      />,
      extra.status,
    );
  }

  app.get('/:locale/work-plans/:id/items/:item', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewWorkPlans(req.user));
    return renderItem(req, reply);
  });

  app.post('/:locale/work-plans/:id/items/:item', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const plan = await loadPlan(req);
    assertCan(canEditWorkPlan(req.user, plan));
    const v = version.safeParse(formBody(req.body).version);
    if (!v.success) throw new AppError('bad_request', 'request.invalid');
    const read = readItem(req.body, req);
    if (!read.input) return renderItem(req, reply, { errors: read.errors, values: read.values, status: 422 });
    try {
      await updateWorkPlanItem(deps.database, req.actor, req.user, plan.id, req.params.item, v.data, read.input);
    } catch (e) {
      if (e instanceof ItemRejected) return renderItem(req, reply, { errors: translated(req, e.fieldErrors), values: read.values, status: 422 });
      if (isAppError(e) && e.code === 'engagement.stale') return renderItem(req, reply, { problem: req.tr.t('errors.engagement.stale'), values: read.values, status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}/items/${req.params.item}?flash=saved`, 303);
  });

  app.post('/:locale/work-plans/:id/items/:item/move', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const plan = await loadPlan(req);
    assertCan(canEditWorkPlan(req.user, plan));
    const parsed = moveBody.safeParse(formBody(req.body));
    if (!parsed.success) throw new AppError('bad_request', 'request.invalid');
    await moveWorkPlanItem(deps.database, req.actor, req.user, plan.id, req.params.item, parsed.data.direction);
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}?flash=moved#item-${req.params.item}`, 303);
  });

  app.post('/:locale/work-plans/:id/items/:item/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const plan = await loadPlan(req);
    assertCan(canEditWorkPlan(req.user, plan));
    const body = formBody(req.body);
    const v = version.safeParse(body.version);
    if (!v.success) throw new AppError('bad_request', 'request.invalid');
    if (body.confirm !== 'yes') return renderItem(req, reply, { deleteError: req.tr.t('errors.engagement.items.delete_unconfirmed'), status: 422 });
    try {
      await deleteWorkPlanItem(deps.database, req.actor, req.user, plan.id, req.params.item, v.data);
    } catch (e) {
      if (isAppError(e) && e.code === 'engagement.stale') return renderItem(req, reply, { problem: req.tr.t('errors.engagement.stale'), status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}?flash=item_deleted`, 303);
  });

  app.post('/:locale/work-plans/:id/items/:item/links', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const plan = await loadPlan(req);
    assertCan(canEditWorkPlan(req.user, plan));
    const parsed = parseForm(linkBody, req.body, req.tr);
    const values = formBody(req.body) as Record<string, string>;
    if (!parsed.ok) return renderItem(req, reply, { linkErrors: parsed.errors, linkValues: values, status: 422 });
    const target = parseEvidenceAddress(parsed.data.address, [deps.config.baseUrl, `${req.protocol}://${req.host}`]);
    if (!target) return renderItem(req, reply, { linkErrors: { address: req.tr.t('errors.engagement.links.unrecognised') }, linkValues: values, status: 422 });
    let created: boolean;
    try {
      ({ created } = await linkEvidence(deps.database, req.actor, req.user, plan.id, req.params.item, { ...target, label: parsed.data.label }));
    } catch (e) {
      if (isAppError(e) && e.code === 'engagement.links.self') return renderItem(req, reply, { linkErrors: { address: req.tr.t('errors.engagement.links.self') }, linkValues: values, status: 422 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}/items/${req.params.item}?flash=${created ? 'linked' : 'already_linked'}#evidence`, 303);
  });

  app.post('/:locale/work-plans/:id/items/:item/links/:link/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const plan = await loadPlan(req);
    assertCan(canEditWorkPlan(req.user, plan));
    await unlinkEvidence(deps.database, req.actor, req.user, plan.id, req.params.item, req.params.link);
    return reply.redirect(`/${req.locale}/work-plans/${plan.id}/items/${req.params.item}?flash=unlinked#evidence`, 303);
  });
}
