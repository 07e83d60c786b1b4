/**
 * The committee's narrative search page. Thin: parse → policy → query → render. A GET form: every
 * input, however odd (operators, quotes, control or bidi characters, arrays, huge values), ends in
 * a page with a message, never an error.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { forbidden } from '../../../platform/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { CURRENT_FORMAT } from '../../reporting/index.ts';
import { canReindexSearch, canSearchNarratives, canSearchPublished, searchScope } from './policy.ts';
import { reindexAllSearchDocuments } from './search-commands.ts';
import { searchFacets, searchNarratives } from './search-queries.ts';
import { checkQuery } from './text.ts';
import { isNarrative } from '../indicators/snapshot.ts';
import { SearchPage, type SearchFormValues } from './views/search-page.tsx';
import { signInRedirect } from '../../../platform/http/sign-in.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const MAX_PAGE = 500;

/** Forms with narratives, and the actions their narrative fields give evidence for. */
const NARRATIVE_FORMS = CURRENT_FORMAT.forms.filter((f) => f.sections.some((s) => s.fields.some((x) => (x.type === 'table' ? x.columns.some(isNarrative) : isNarrative(x)))));
const ACTIONS = [
  ...new Set(
    CURRENT_FORMAT.forms.flatMap((f) =>
      f.sections.flatMap((s) => s.fields.flatMap((x) => [...(x.type === 'narrative' || x.type === 'text' || x.type === 'table' ? (x.actions ?? []) : []), ...(x.type === 'table' ? x.columns.flatMap((c) => c.actions ?? []) : [])])),
    ),
  ),
].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const FORM_IDS = NARRATIVE_FORMS.map((f) => f.id);

const filterQuery = z.object({
  year: z.preprocess(
    (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
    z.string().regex(/^\d{4}$/, { error: 'analysis.search.choose_listed' }).transform(Number).optional(),
  ),
  state: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z]{2}$/, { error: 'analysis.search.choose_listed' }).transform((s) => s.toUpperCase()).optional()),
  form: z.preprocess(blankToUndefined, z.string().refine((v) => FORM_IDS.includes(v), { error: 'analysis.search.choose_listed' }).optional()),
  action: z.preprocess(blankToUndefined, z.string().refine((v) => ACTIONS.includes(v), { error: 'analysis.search.choose_listed' }).optional()),
  page: z.preprocess(
    (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
    z.string().regex(/^\d{1,6}$/, { error: 'analysis.search.page_invalid' }).transform(Number).pipe(z.number().int().min(1, { error: 'analysis.search.page_invalid' }).max(MAX_PAGE, { error: 'analysis.search.page_invalid' })).optional(),
  ),
  q: z.unknown().optional(),
});

/** The fields as typed (strings only, bounded), to show them again. */
function typed(query: unknown): SearchFormValues {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const s = (k: string, max = 100) => (typeof q[k] === 'string' ? (q[k] as string).slice(0, max) : undefined);
  return { q: s('q', 1000), year: s('year'), state: s('state'), form: s('form'), action: s('action') };
}

export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  app.get('/:locale/analysis/search', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.user) return signInRedirect(req, reply);
    if (!canSearchNarratives(req.user)) throw forbidden();
    return searchPage(req, reply, searchScope(req.user), 'committee');
  });

  /** ISU staff and administrators: index every submitted report again (audited), back with how many. */
  app.post('/:locale/analysis/search/reindex', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.user) return signInRedirect(req, reply, `/${req.locale}/analysis/search`);
    if (!canReindexSearch(req.user)) throw forbidden();
    const done = await reindexAllSearchDocuments(deps.database, req.actor);
    return reply.redirect(`/${req.locale}/analysis/search?reindexed=${done.reports}`, 303);
  });

  /** The public search: published public reports only, whoever asks. */
  app.get('/:locale/search', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!canSearchPublished(req.user)) throw forbidden();
    return searchPage(req, reply, 'public', 'public');
  });

  async function searchPage(req: FastifyRequest, reply: FastifyReply, scope: 'all' | 'public', mode: 'committee' | 'public') {
    const values = typed(req.query);
    const rawQ = (req.query as Record<string, unknown> | undefined)?.q;
    const facets = await searchFacets(db(), req.locale, scope);
    const flag = (req.query as Record<string, unknown> | undefined)?.reindexed;
    const canReindex = mode === 'committee' && canReindexSearch(req.user);
    const reindexed = canReindex && typeof flag === 'string' && /^\d{1,7}$/.test(flag) ? Number(flag) : undefined;
    const props = { values, facets, forms: NARRATIVE_FORMS, actions: ACTIONS, mode, canReindex, reindexed };
    const parsed = parseForm(filterQuery, req.query ?? {}, req.tr);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    if (rawQ !== undefined && typeof rawQ !== 'string') errors.q = req.tr.t('analysis.search.query_invalid');
    const check = checkQuery(typeof rawQ === 'string' ? rawQ : '');
    if (!check.ok && check.reason !== 'empty') errors.q = req.tr.t(`analysis.search.query_${check.reason}`, { max: 200 });
    if (Object.keys(errors).length) return reply.page(<SearchPage {...props} errors={errors} />, 422);
    if (!check.ok) {
      // Nothing typed: the form alone, with a word of help when filters were chosen.
      const filtered = values.year || values.state || values.form || values.action;
      return reply.page(<SearchPage {...props} notice={filtered ? req.tr.t('analysis.search.type_words') : undefined} />);
    }
    const f = parsed.ok ? parsed.data : {};
    const results = await searchNarratives(
      db(),
      { query: check.query, year: f.year, stateIso2: f.state, formId: f.form, actionId: f.action, page: f.page ?? 1, scope },
      facets.names,
    );
    return reply.page(<SearchPage {...props} results={results} />);
  }
}
