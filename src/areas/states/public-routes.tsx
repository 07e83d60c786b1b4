/** Public pages: the list of States Parties and one State's page. */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { PageCache, PUBLIC_PAGE_FRESH_MS, servePublicPage } from '../../platform/http/page-cache.ts';
import { ARTICLE5_STANDINGS, MEMBERSHIP_STATUSES, REGIONS, todayIso } from './membership.ts';
import { canEditMembership, canRecordArticle5Deadline, canViewInternalStatePage } from './policy.ts';
import { StateInternalPage } from './views/state-internal.tsx';
import { signInRedirect } from '../../platform/http/sign-in.ts';
import { forbidden } from '../../platform/errors.ts';
import { getStateProfile, statesOverview } from './states-queries.ts';
import { StatePage } from './views/state-page.tsx';
import { stateName } from './names.ts';
import { StatesListPage } from './views/states-list.tsx';

/** Unknown or malformed filter values are ignored (the list shows everything for that filter). */
const listQuery = z.object({
  region: z.enum(REGIONS).optional().catch(undefined),
  status: z.enum(MEMBERSHIP_STATUSES).optional().catch(undefined),
  article5: z.enum(ARTICLE5_STANDINGS).optional().catch(undefined),
});

const stateParams = z.object({ iso2: z.string().regex(/^[A-Za-z]{2}$/) });

export function registerPublicStatesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  // Anonymous readers get these pages from memory, rebuilt from the database at most once per
  // freshness window (platform/http/page-cache.ts); signed-in users get theirs rendered.
  const pages = new PageCache({ freshMs: PUBLIC_PAGE_FRESH_MS, max: 1500 });

  app.get('/:locale/states', async (req, reply) => {
    // Only the filters' own parameters (as the filter form sends them) are kept in memory.
    const cacheable = /^[^?]*(\?(?:(?:region|status|article5)=[a-z_]{0,30}(?:&(?!$)|$))+)?$/.test(req.url);
    return servePublicPage(
      req,
      reply,
      pages,
      async () => {
        const filters = listQuery.parse(req.query ?? {});
        const overview = await statesOverview(db, { ...filters, on: todayIso(), locale: req.locale });
        return <StatesListPage {...overview} filters={filters} />;
      },
      cacheable,
    );
  });

  app.get('/:locale/states/:iso2', async (req, reply) => {
    const params = stateParams.safeParse(req.params);
    if (!params.success) throw new AppError('not_found', 'states.not_found');
    const { iso2 } = params.data;
    if (iso2 !== iso2.toLowerCase()) return reply.redirect(`/${req.locale}/states/${iso2.toLowerCase()}`, 301);
    const build = async () => {
      const profile = await getStateProfile(db, iso2);
      const base = `/${req.locale}/admin/states/${iso2}`;
      const sections = await deps.slots.render('state-page', req, { iso2: profile.state.iso2, stateName: stateName(profile.state, req.locale) });
      return (
        <StatePage
          profile={profile}
          sections={sections}
          admin={{
            article5: canRecordArticle5Deadline(req.user) ? `${base}/article5` : undefined,
            membership: canEditMembership(req.user) ? `${base}/membership` : undefined,
            internal: canViewInternalStatePage(req.user) ? `/${req.locale}/states/${iso2}/internal` : undefined,
          }}
        />
      );
    };
    return servePublicPage(req, reply, pages, build, !req.url.includes('?'));
  });

  // The one page to read before meeting a State: the public facts, then what each area keeps internally.
  app.get('/:locale/states/:iso2/internal', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    if (!canViewInternalStatePage(req.user)) throw forbidden();
    const params = stateParams.safeParse(req.params);
    if (!params.success) throw new AppError('not_found', 'states.not_found');
    const { iso2 } = params.data;
    if (iso2 !== iso2.toLowerCase()) return reply.redirect(`/${req.locale}/states/${iso2.toLowerCase()}/internal`, 301);
    const profile = await getStateProfile(db, iso2);
    const slotParams = { iso2: profile.state.iso2, stateName: stateName(profile.state, req.locale) };
    const [internal, pub] = await Promise.all([deps.slots.render('state-internal', req, slotParams), deps.slots.render('state-page', req, slotParams)]);
    reply.header('cache-control', 'private, no-store');
    return reply.page(<StateInternalPage profile={profile} internal={internal} sections={pub} />);
  });
}
