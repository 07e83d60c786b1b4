/** Administration of the States reference data: Article 5 deadlines (ISU staff), membership dates and new States (administrators). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { formBody, parseForm, type FieldErrors } from '../../platform/http/forms.ts';
import { recordArticle5Deadline } from './article5-commands.ts';
import { addState, updateMembership } from './membership-commands.ts';
import type { DateRuleViolation } from './membership.ts';
import { stateName } from './names.ts';
import { assertCan, canAddState, canAdministerStates, canEditMembership, canRecordArticle5Deadline, type MaybeUser } from './policy.ts';
import { article5FormSchema, membershipFormSchema, newStateFormSchema } from './state-forms.ts';
import { article5History, findState, getState, listStates } from './states-queries.ts';
import { AdminStatesPage, Article5FormPage, MembershipFormPage, membershipValues, NewStatePage } from './views/admin-pages.tsx';

const stateParams = z.object({ iso2: z.string().regex(/^[A-Za-z]{2}$/) });
const flags = z.object({
  saved: z.literal('1').optional().catch(undefined),
  added: z.string().regex(/^[a-z]{2}$/).optional().catch(undefined),
});

/**
 * Nobody signed in: send them to sign in and back (returns false). Signed in but not allowed: 403.
 */
function allowed(req: FastifyRequest, reply: FastifyReply, can: (u: MaybeUser) => boolean): boolean {
  if (!req.user) {
    void reply.redirect(`/${req.locale}/login?returnTo=${encodeURIComponent(req.url.slice(0, 400))}`, 303);
    return false;
  }
  assertCan(req.user, can);
  return true;
}

function iso2Param(req: FastifyRequest): string {
  const p = stateParams.safeParse(req.params);
  if (!p.success) throw new AppError('not_found', 'states.not_found');
  return p.data.iso2;
}

/** What the user typed, to show again. */
function submitted(req: FastifyRequest): Record<string, unknown> {
  return formBody(req.body);
}

function ruleErrors(e: unknown, req: FastifyRequest): FieldErrors | undefined {
  if (!isAppError(e) || e.code !== 'states.membership.invalid_dates') return undefined;
  const out: FieldErrors = {};
  for (const v of (e.details?.violations ?? []) as DateRuleViolation[]) out[v.field] ??= req.tr.t(v.code);
  return out;
}

export function registerAdminStatesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/:locale/admin/states', async (req, reply) => {
    if (!allowed(req, reply, canAdministerStates)) return reply;
    const f = flags.parse(req.query ?? {});
    const items = await listStates(db, { locale: req.locale });
    const added = f.added ? items.find((i) => i.state.iso2 === f.added!.toUpperCase()) : undefined;
    return reply.page(
      <AdminStatesPage
        items={items}
        canEdit={canEditMembership(req.user)}
        canAdd={canAddState(req.user)}
        notice={added ? req.tr.t('states.admin.added', { name: stateName(added.state, req.locale) }) : undefined}
      />,
    );
  });

  // Article 5 deadlines: each save inserts a row, the history is kept.
  app.get('/:locale/admin/states/:iso2/article5', async (req, reply) => {
    if (!allowed(req, reply, canRecordArticle5Deadline)) return reply;
    const state = await getState(db, iso2Param(req));
    const history = await article5History(db, state.iso2);
    return reply.page(<Article5FormPage state={state} history={history} saved={flags.parse(req.query ?? {}).saved === '1'} />);
  });

  app.post('/:locale/admin/states/:iso2/article5', async (req, reply) => {
    if (!allowed(req, reply, canRecordArticle5Deadline)) return reply;
    const state = await getState(db, iso2Param(req));
    const form = parseForm(article5FormSchema, req.body, req.tr);
    if (!form.ok) {
      const history = await article5History(db, state.iso2);
      return reply.page(<Article5FormPage state={state} history={history} values={form.values} errors={form.errors} />, 422);
    }
    await recordArticle5Deadline(deps.database, req.actor, state.iso2, form.data);
    return reply.redirect(`/${req.locale}/admin/states/${state.iso2.toLowerCase()}/article5?saved=1`, 303);
  });

  // Membership dates, with optimistic concurrency on `version`.
  app.get('/:locale/admin/states/:iso2/membership', async (req, reply) => {
    if (!allowed(req, reply, canEditMembership)) return reply;
    const state = await getState(db, iso2Param(req));
    return reply.page(<MembershipFormPage state={state} values={membershipValues(state)} saved={flags.parse(req.query ?? {}).saved === '1'} />);
  });

  app.post('/:locale/admin/states/:iso2/membership', async (req, reply) => {
    if (!allowed(req, reply, canEditMembership)) return reply;
    const state = await getState(db, iso2Param(req));
    const form = parseForm(membershipFormSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<MembershipFormPage state={state} values={form.values} errors={form.errors} />, 422);
    const { version, ...input } = form.data;
    try {
      await updateMembership(deps.database, req.actor, state.iso2, version, input);
    } catch (e) {
      if (isAppError(e) && e.code === 'states.membership.stale') {
        const current = (await findState(db, state.iso2)) ?? state;
        return reply.page(<MembershipFormPage state={current} values={submitted(req)} conflict />, 409);
      }
      const errors = ruleErrors(e, req);
      if (errors) return reply.page(<MembershipFormPage state={state} values={submitted(req)} errors={errors} />, 422);
      throw e;
    }
    return reply.redirect(`/${req.locale}/admin/states/${state.iso2.toLowerCase()}/membership?saved=1`, 303);
  });

  // A new State (accession).
  app.get('/:locale/admin/states/new', async (req, reply) => {
    if (!allowed(req, reply, canAddState)) return reply;
    return reply.page(<NewStatePage />);
  });

  app.post('/:locale/admin/states/new', async (req, reply) => {
    if (!allowed(req, reply, canAddState)) return reply;
    const form = parseForm(newStateFormSchema, req.body, req.tr);
    if (!form.ok) return reply.page(<NewStatePage values={form.values} errors={form.errors} />, 422);
    const { nameAr, nameZh, nameEn, nameFr, nameRu, nameEs, ...rest } = form.data;
    try {
      const created = await addState(deps.database, req.actor, { ...rest, names: { ar: nameAr, zh: nameZh, en: nameEn, fr: nameFr, ru: nameRu, es: nameEs } });
      return reply.redirect(`/${req.locale}/admin/states?added=${created.iso2.toLowerCase()}`, 303);
    } catch (e) {
      if (isAppError(e) && e.code === 'states.state.exists') {
        return reply.page(<NewStatePage values={submitted(req)} errors={{ iso2: req.tr.t('errors.states.state.exists') }} />, 422);
      }
      const errors = ruleErrors(e, req);
      if (errors) return reply.page(<NewStatePage values={submitted(req)} errors={errors} />, 422);
      throw e;
    }
  });
}
