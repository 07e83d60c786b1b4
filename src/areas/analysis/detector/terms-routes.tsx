/**
 * The detector's term lists: read by committee members and ISU, edited by ISU (add, change,
 * remove — each audited), and a box to try the detector on a text. Thin: parse → policy →
 * query or command → render or redirect.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { isAppError, notFound } from '../../../platform/errors.ts';
import { optionalText, parseForm, requiredText } from '../../../platform/http/forms.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { listIndicators } from '../indicators/indicators-queries.ts';
import { loadDetectorLists } from '../indicators/indicators-commands.ts';
import { assertCan, canEditDetectorTerms, canTryDetector, canViewDetectorTerms } from '../policy.ts';
import { TermsPage, type TermFormValues, type TermsFlash, type TermsPageProps, type TrialHit } from '../views/terms.tsx';
import { detect, snippetAround } from './detector.ts';
import { addTerm, editTerm, removeTerm } from './terms-commands.ts';
import { countTerms, findTerm, listTerms } from './terms-repository.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';

type Req = FastifyRequest<{ Params: { locale: string; termId?: string } }>;


const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const FLASHES: readonly TermsFlash[] = ['added', 'updated', 'removed'];
const KINDS = ['term', 'negation'] as const;

const listQuery = z.object({
  indicator: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  lang: z.preprocess(blankToUndefined, z.enum(LOCALES).optional()),
  edit: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  saved: z.preprocess(blankToUndefined, z.enum(FLASHES).optional()),
});

const phraseField = requiredText(200, 'analysis.terms.phrase_required');
const noteText = optionalText(500);

function typed(body: unknown, keys: Record<keyof TermFormValues, string>): TermFormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out: TermFormValues = {};
  for (const [k, name] of Object.entries(keys) as [keyof TermFormValues, string][]) if (typeof b[name] === 'string') out[k] = (b[name] as string).slice(0, 600);
  return out;
}

export function registerTermRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  /** The page for an indicator and language, with whatever a form left to show. */
  async function page(req: FastifyRequest, opts: { indicator?: string | undefined; lang?: string | undefined; flash?: TermsFlash | undefined } & Pick<TermsPageProps, 'edit' | 'add' | 'trial'>) {
    const indicators = await listIndicators(db(), { activeOnly: true });
    const indicatorId = indicators.find((i) => i.id === opts.indicator)?.id ?? indicators[0]?.id ?? '';
    const lang = opts.lang && (LOCALES as readonly string[]).includes(opts.lang) ? opts.lang : undefined;
    const [terms, counts] = await Promise.all([listTerms(db(), { indicatorId, locale: lang }), countTerms(db())]);
    const perIndicator: Record<string, number> = {};
    for (const c of counts) perIndicator[c.indicatorId] = (perIndicator[c.indicatorId] ?? 0) + Number(c.n);
    return (
      <TermsPage
        indicators={indicators}
        indicatorId={indicatorId}
        lang={lang}
        terms={terms}
        counts={perIndicator}
        canEdit={canEditDetectorTerms(req.user)}
        flash={opts.flash}
        edit={opts.edit}
        add={opts.add}
        trial={opts.trial}
      />
    );
  }

  app.get('/:locale/analysis/terms', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewDetectorTerms(req.user));
    const q = listQuery.safeParse(req.query ?? {});
    const query = q.success ? q.data : {};
    let edit: TermsPageProps['edit'];
    if (query.edit && canEditDetectorTerms(req.user)) {
      const term = await findTerm(db(), query.edit);
      if (!term) throw notFound();
      edit = { term };
    }
    return reply.page(await page(req, { indicator: edit?.term.indicatorId ?? query.indicator, lang: query.lang, flash: query.saved, edit }));
  });

  app.post('/:locale/analysis/terms', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canEditDetectorTerms(req.user));
    const indicators = await listIndicators(db(), { activeOnly: true });
    const schema = z.object({
      indicatorId: z.enum(indicators.map((i) => i.id) as [string, ...string[]], { error: 'analysis.terms.choose_listed' }),
      locale: z.enum(LOCALES, { error: 'analysis.terms.choose_listed' }),
      kind: z.enum(KINDS, { error: 'analysis.terms.choose_kind' }),
      phrase: phraseField,
      note: noteText,
    });
    const values = typed(req.body, { indicatorId: 'indicatorId', locale: 'locale', kind: 'kind', phrase: 'phrase', note: 'note' });
    const form = parseForm(schema, req.body, req.tr);
    if (!form.ok) return reply.page(await page(req, { indicator: values.indicatorId, add: { values, errors: form.errors } }), 422);
    try {
      await addTerm(deps.database, req.actor, req.user, form.data);
    } catch (e) {
      if (isAppError(e) && (e.code === 'analysis.terms.exists' || e.code === 'analysis.terms.phrase_unusable')) {
        return reply.page(await page(req, { indicator: form.data.indicatorId, add: { values, errors: { phrase: req.tr.t(`errors.${e.code}`) } } }), 422);
      }
      throw e;
    }
    return reply.redirect(`/${req.locale}/analysis/terms?indicator=${encodeURIComponent(form.data.indicatorId)}&lang=${form.data.locale}&saved=added`, 303);
  });

  app.post('/:locale/analysis/terms/try', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canTryDetector(req.user));
    const schema = z.object({ sample: requiredText(5000, 'analysis.terms.try_required', { multiline: true }) });
    const raw = typed(req.body, { phrase: 'sample', indicatorId: '_', locale: '_', kind: '_', note: '_' }).phrase ?? '';
    const form = parseForm(schema, req.body, req.tr);
    if (!form.ok) return reply.page(await page(req, { trial: { text: raw, errors: form.errors } }), 422);
    const text = form.data.sample;
    const hits: TrialHit[] = detect(text, await loadDetectorLists(db())).map((h) => {
      const s = snippetAround(text, h.start, h.end);
      return { ...h, snippet: s.snippet, snippetStart: s.start, snippetEnd: s.end };
    });
    return reply.page(await page(req, { trial: { text, hits } }));
  });

  app.post('/:locale/analysis/terms/:termId', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canEditDetectorTerms(req.user));
    const term = await findTerm(db(), req.params.termId ?? '');
    if (!term) throw notFound();
    const schema = z.object({ editPhrase: phraseField, editKind: z.enum(KINDS, { error: 'analysis.terms.choose_kind' }), editNote: noteText });
    const values = typed(req.body, { phrase: 'editPhrase', kind: 'editKind', note: 'editNote', indicatorId: '_', locale: '_' });
    const form = parseForm(schema, req.body, req.tr);
    if (!form.ok) return reply.page(await page(req, { indicator: term.indicatorId, edit: { term, values, errors: form.errors } }), 422);
    try {
      await editTerm(deps.database, req.actor, req.user, term.id, { phrase: form.data.editPhrase, kind: form.data.editKind, note: form.data.editNote });
    } catch (e) {
      if (isAppError(e) && (e.code === 'analysis.terms.exists' || e.code === 'analysis.terms.phrase_unusable')) {
        return reply.page(await page(req, { indicator: term.indicatorId, edit: { term, values, errors: { editPhrase: req.tr.t(`errors.${e.code}`) } } }), 422);
      }
      throw e;
    }
    return reply.redirect(`/${req.locale}/analysis/terms?indicator=${encodeURIComponent(term.indicatorId)}&lang=${term.locale}&saved=updated`, 303);
  });

  app.post('/:locale/analysis/terms/:termId/delete', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canEditDetectorTerms(req.user));
    const row = await removeTerm(deps.database, req.actor, req.user, req.params.termId ?? '');
    return reply.redirect(`/${req.locale}/analysis/terms?indicator=${encodeURIComponent(row.indicatorId)}&lang=${row.locale}&saved=removed`, 303);
  });
}
