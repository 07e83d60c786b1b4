/**
 * National mine action platform pages. Thin: parse → policy → query or command → render or redirect.
 * Committee members and ISU read every State's platform and edit it; a State's users read their own
 * (another State's is "not found" to them); the public sees none.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, hidden, isAppError, notFound } from '../../../platform/errors.ts';
import { formBody, optionalText, parseForm, requiredText, type FieldErrors } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { isStateUser } from '../../accounts/index.ts';
import { actionLinks } from '../../plans/index.ts';
import { findState, listStates, localized, REGIONS, stateNamesByIso2 } from '../../states/index.ts';
import { assertCan, canEditNationalPlatform, canViewNationalPlatform } from '../policy.ts';
import { splitActionIds } from '../work-plans.ts';
import { addPlatformMember, PlatformRejected, removePlatformMember, savePlatform } from './platforms-commands.ts';
import { EXISTS, PLATFORM_MEMBER_KINDS } from './platforms.ts';
import * as repo from './platforms-repository.ts';
import { PlatformPage, PlatformsListPage } from './views/platforms.tsx';

type Req = FastifyRequest<{ Params: { locale: string; iso2: string; member: string }; Querystring: Record<string, string | undefined> }>;

const digits = (v: unknown) => (typeof v === 'string' ? normaliseDigits(v).trim() : v);
const version = z.preprocess(digits, z.coerce.number().int().min(0).max(2_147_483_647));
const optionalDate = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'engagement.platforms.date_invalid' })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'engagement.platforms.date_invalid' })
    .refine((s) => s >= '1990-01-01', { error: 'engagement.platforms.date_invalid' })
    .optional(),
);
const count = z.preprocess((v) => (typeof v === 'string' ? normaliseDigits(v).replace(/[\s,.\u00a0\u202f'’]/g, '') || undefined : v), z.string().regex(/^\d{1,5}$/, { error: 'engagement.platforms.count_invalid' }).transform(Number).optional());

const platformBody = z.object({
  version,
  exists: z.enum(EXISTS, { error: 'engagement.platforms.exists_required' }),
  established_on: optionalDate,
  last_met_on: optionalDate,
  chaired_by: optionalText(300),
  actions: optionalText(500),
  source: optionalText(500),
  notes: optionalText(5000, { multiline: true }),
});
const memberBody = z.object({
  organisation: requiredText(300, 'engagement.platforms.organisation_required'),
  kind: z.enum(PLATFORM_MEMBER_KINDS, { error: 'engagement.platforms.kind_invalid' }),
  women: count,
  men: count,
  other: count,
});
const listQuery = z.object({ exists: z.enum(EXISTS).optional().catch(undefined), region: z.enum(REGIONS).optional().catch(undefined), open: z.string().optional().catch(undefined) });

const FLASHES = ['saved', 'recorded', 'member_added', 'member_removed'] as const;
const flashOf = (q: Record<string, string | undefined>) => ((FLASHES as readonly string[]).includes(q.flash ?? '') ? q.flash : undefined);

const keyed = (req: FastifyRequest, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, req.tr.has(`errors.${v}`) ? req.tr.t(`errors.${v}`) : req.tr.t(v)]));

export function registerPlatformRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  // The action's page lists the national platforms linked to it, for those who may read them.
  actionLinks(deps).provide(async (req, action) => {
    const rows = (await repo.listPlatformsLinkedToAction(db(), action.id)).filter((p) => canViewNationalPlatform(req.user, p.stateIso2));
    if (!rows.length) return [];
    const names = await stateNamesByIso2(db());
    return rows.map((p) => ({
      group: req.tr.t('engagement.platforms.list_title'),
      context: req.tr.t(`engagement.platforms.exists.${p.exists}`),
      label: names.get(p.stateIso2) ? localized(names.get(p.stateIso2)!, req.locale) : p.stateIso2,
      href: `/${req.locale}/national-platforms/${p.stateIso2.toLowerCase()}`,
    }));
  });

  app.get('/:locale/national-platforms', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    if (!canEditNationalPlatform(req.user)) {
      if (isStateUser(req.user) && req.user.stateIso2 && canViewNationalPlatform(req.user, req.user.stateIso2)) return reply.redirect(`/${req.locale}/national-platforms/${req.user.stateIso2.toLowerCase()}`, 303);
      throw new AppError('forbidden', 'forbidden');
    }
    const q = listQuery.parse(req.query ?? {});
    if (q.open) {
      if (/^[A-Za-z]{2}$/.test(q.open) && (await findState(db(), q.open))) return reply.redirect(`/${req.locale}/national-platforms/${q.open.toLowerCase()}`, 303);
    }
    const names = await stateNamesByIso2(db());
    let inRegion: string[] | undefined;
    if (q.region) {
      inRegion = (await listStates(db(), { region: q.region })).map((s) => s.state.iso2);
    }
    const rows = await repo.listPlatforms(db(), { exists: q.exists, stateIso2s: inRegion });
    const stateNames = new Map([...names].map(([k, v]) => [k, localized(v, req.locale)]));
    const states = [...stateNames].map(([iso2, name]) => ({ iso2, name })).sort((a, b) => a.name.localeCompare(b.name, req.locale));
    return reply.page(<PlatformsListPage rows={rows} stateNames={stateNames} regions={[...REGIONS]} filter={{ exists: q.exists, region: q.region }} states={states} />);
  });

  async function loadState(req: Req) {
    const iso2 = req.params.iso2;
    if (!/^[A-Za-z]{2}$/.test(iso2)) throw notFound();
    const state = await findState(db(), iso2);
    if (!state) throw notFound();
    if (!canViewNationalPlatform(req.user, state.iso2)) {
      if (isStateUser(req.user)) throw hidden();
      throw new AppError('forbidden', 'forbidden');
    }
    return state;
  }

  async function render(req: Req, reply: FastifyReply, extra: { errors?: FieldErrors; values?: Record<string, string>; memberErrors?: FieldErrors; memberValues?: Record<string, string>; problem?: string; status?: number } = {}) {
    const state = await loadState(req);
    const [platform, members] = await Promise.all([repo.findPlatform(db(), state.iso2), repo.listMembers(db(), state.iso2)]);
    return reply.page(
      <PlatformPage
        iso2={state.iso2}
        stateName={localized(state.names, req.locale)}
        platform={platform}
        members={members}
        canEdit={canEditNationalPlatform(req.user)}
        flash={flashOf(req.query)}
        problem={extra.problem}
        errors={extra.errors}
        values={extra.values}
        memberErrors={extra.memberErrors}
        memberValues={extra.memberValues}
      />,
      extra.status,
    );
  }

  app.get('/:locale/national-platforms/:iso2', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const iso2 = req.params.iso2;
    if (/^[A-Z]{2}$/.test(iso2)) return reply.redirect(`/${req.locale}/national-platforms/${iso2.toLowerCase()}`, 301);
    return render(req, reply);
  });

  app.post('/:locale/national-platforms/:iso2', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const state = await loadState(req);
    assertCan(canEditNationalPlatform(req.user));
    const values = formBody(req.body) as Record<string, string>;
    const parsed = parseForm(platformBody, req.body, req.tr);
    if (!parsed.ok) {
      if (parsed.errors.version) throw new AppError('bad_request', 'request.invalid');
      return render(req, reply, { errors: parsed.errors, values, status: 422 });
    }
    const actions = splitActionIds(parsed.data.actions ?? '');
    if (actions.bad.length) return render(req, reply, { errors: { actions: req.tr.t('errors.engagement.platforms.action_unreadable', { text: actions.bad.join(', ') }) }, values, status: 422 });
    const d = parsed.data;
    try {
      await savePlatform(deps.database, req.actor, req.user, state.iso2, d.version, { exists: d.exists, establishedOn: d.established_on, lastMetOn: d.last_met_on, chairedBy: d.chaired_by, notes: d.notes, source: d.source, actionIds: actions.ids });
    } catch (e) {
      if (e instanceof PlatformRejected) return render(req, reply, { errors: keyed(req, e.fieldErrors), values, status: 422 });
      if (isAppError(e) && e.code === 'engagement.stale') return render(req, reply, { problem: req.tr.t('errors.engagement.stale'), values, status: 409 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/national-platforms/${state.iso2.toLowerCase()}?flash=${d.version === 0 ? 'recorded' : 'saved'}`, 303);
  });

  app.post('/:locale/national-platforms/:iso2/members', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const state = await loadState(req);
    assertCan(canEditNationalPlatform(req.user));
    const values = formBody(req.body) as Record<string, string>;
    const parsed = parseForm(memberBody, req.body, req.tr);
    if (!parsed.ok) return render(req, reply, { memberErrors: parsed.errors, memberValues: values, status: 422 });
    try {
      await addPlatformMember(deps.database, req.actor, req.user, state.iso2, { organisation: parsed.data.organisation, kind: parsed.data.kind, women: parsed.data.women, men: parsed.data.men, otherGender: parsed.data.other });
    } catch (e) {
      if (e instanceof PlatformRejected) return render(req, reply, { memberErrors: keyed(req, e.fieldErrors), memberValues: values, status: 422 });
      throw e;
    }
    return reply.redirect(`/${req.locale}/national-platforms/${state.iso2.toLowerCase()}?flash=member_added#members`, 303);
  });

  app.post('/:locale/national-platforms/:iso2/members/:member/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const state = await loadState(req);
    assertCan(canEditNationalPlatform(req.user));
    await removePlatformMember(deps.database, req.actor, req.user, state.iso2, req.params.member);
    return reply.redirect(`/${req.locale}/national-platforms/${state.iso2.toLowerCase()}?flash=member_removed#members`, 303);
  });
}
