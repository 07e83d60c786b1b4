/**
 * The results pages of a questionnaire (for those canViewResults allows): summary with response
 * rates, charts and cross-tabulation; free-text answers with search and tags; the responding
 * States side by side with their Article 7 indicators; CSV and XLSX exports.
 * Thin: parse → policy → query/command → render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { normaliseDigits } from '../../../platform/i18n/digits.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { csvDocument } from '../../../platform/exports/csv.ts';
import { writeXlsx } from '../../../platform/exports/xlsx.ts';
import { normaliseText, listIndicatorValues, listIndicators } from '../../analysis/index.ts';
import { localized } from '../../states/index.ts';
import { findQuestionnaire, type QuestionnaireRow } from '../questionnaires-repository.ts';
import { assertCan, canTagAnswers, canViewResults } from '../policy.ts';
import { loadResults, stateLabel, stateNames, taggedAnswers } from './results-queries.ts';
import { cleanTag, TAG_MAX, tagAnswer, untagAnswer } from './tags-commands.ts';
import { crossTabulate, groupsPresent, summariseAll, textQuestions } from './summaries.ts';
import { csvRows, xlsxSheets, FIXED, type ExportInput, type ExportTexts } from './exports.ts';
import { ResultsPage } from './views/results-page.tsx';
import { AnswersPage, filterQuery, answerKey, type AnswersFilter } from './views/answers-page.tsx';
import { StatePage, StatesPage, type IndicatorSide, type StateRow } from './views/states-pages.tsx';
import type { QuestionnaireHead } from './views/shared.tsx';
import type { Translator } from '../../../platform/i18n/messages.ts';

type Req = FastifyRequest<{ Params: { locale: string; id: string; iso2?: string } }>;

const PAGE_SIZE = 50;

const include = z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v === '' ? undefined : v), z.enum(['in_progress'], { error: 'questionnaires.results.filter_invalid' }).optional());
const pageNo = z.preprocess((v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v), z.coerce.number().int().min(1).max(10_000).optional());
const oneText = (max: number, key: string) =>
  z.preprocess((v) => {
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    return typeof s === 'string' ? s.trim() || undefined : s;
  }, z.string({ error: key }).max(max, { error: key }).optional());

const summaryQuery = z.object({ include });
const answersQuery = z.object({
  question: oneText(130, 'questionnaires.results.question_invalid'),
  q: oneText(200, 'questionnaires.results.search_too_long'),
  tag: oneText(TAG_MAX, 'questionnaires.results.tag_too_long'),
  include,
  page: pageNo,
});
const tagBody = z.object({
  response: z.string({ error: 'questionnaires.results.answer_unknown' }).min(1).max(64),
  path: z.string({ error: 'questionnaires.results.answer_unknown' }).min(3).max(300),
  tag: z.preprocess((v) => (typeof v === 'string' ? cleanTag(v) : v), z.string({ error: 'questionnaires.results.tag_required' }).min(1, { error: 'questionnaires.results.tag_required' }).max(TAG_MAX, { error: 'questionnaires.results.tag_too_long' })),
  f_question: oneText(130, 'questionnaires.results.question_invalid'),
  f_q: oneText(200, 'questionnaires.results.search_too_long'),
  f_tag: oneText(TAG_MAX, 'questionnaires.results.tag_too_long'),
  f_include: include,
  f_page: pageNo,
});
const exportQuery = z.object({ lang: z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v === '' ? undefined : v), z.enum(LOCALES, { error: 'questionnaires.results.lang_invalid' }).optional()) });

function head(q: QuestionnaireRow): QuestionnaireHead {
  return { id: q.id, title: q.title, sourceLocale: q.sourceLocale, isDemo: q.isDemo };
}

function pageLocale(locale: string): string {
  return (LOCALES as readonly string[]).includes(locale) ? locale : 'en';
}

/** The texts of the exports in a language (the translator of that language). */
function exportTexts(tr: Translator): ExportTexts {
  const fixed = Object.fromEntries(FIXED.map((k) => [k, tr.t(`questionnaires.results.export.${k}`)])) as ExportTexts['fixed'];
  return {
    fixed,
    audience: (a) => tr.t(`questionnaires.results.audience.${a}`),
    status: (s) => tr.t(`questionnaires.results.status.${s}`),
    yes: tr.t('questionnaires.results.yes'),
    no: tr.t('questionnaires.results.no'),
    rowsOf: (label) => tr.t('questionnaires.results.export.rows_of', { label }),
    labelOf: (label) => tr.t('questionnaires.results.export.label_of', { label }),
    rowNo: tr.t('questionnaires.results.export.row'),
    about: [1, 2, 3, 4, 5, 6].map((i) => tr.t(`questionnaires.results.export.about_${i}`)),
    sheetAbout: tr.t('questionnaires.results.export.sheet_about'),
    sheetResponses: tr.t('questionnaires.results.export.sheet_responses'),
  };
}

export function registerResultsPages(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  /** The questionnaire of the URL, once the reader may see its results (sign in first; unknown → 404; not theirs → 403). */
  async function allowed(req: Req, reply: FastifyReply): Promise<QuestionnaireRow | undefined> {
    if (!req.user) {
      await signInRedirect(req, reply);
      return undefined;
    }
    const q = await findQuestionnaire(db(), req.params.id);
    if (!q) throw notFound('questionnaires.results.questionnaire_unknown');
    assertCan(canViewResults(req.user, q));
    reply.header('cache-control', 'no-store');
    return q;
  }

  app.get('/:locale/questionnaires/:id/results', async (req: Req, reply) => {
    const q = await allowed(req, reply);
    if (!q) return reply;
    const parsed = parseForm(summaryQuery, req.query, req.tr);
    if (!parsed.ok) throw new AppError('bad_request', 'questionnaires.results.filter_invalid');
    const data = await loadResults(db(), q, { includeInProgress: parsed.data.include === 'in_progress' });
    return reply.page(
      <ResultsPage
        q={head(q)}
        rates={data.rates}
        summaries={summariseAll(data.catalogue, data.counted)}
        crossTabs={crossTabulate(data.catalogue, data.counted)}
        groups={groupsPresent(data.counted)}
        counted={data.counted.length}
        includeInProgress={data.includeInProgress}
      />,
    );
  });

  async function renderAnswers(req: Req, reply: FastifyReply, q: QuestionnaireRow, filter: AnswersFilter, extra: { flash?: 'added' | 'removed' | 'exists'; tagError?: { key: string; typed: string; message: string }; filterErrors?: Record<string, string> }, status = 200) {
    const data = await loadResults(db(), q, { includeInProgress: filter.include === 'in_progress' });
    const { answers, tagCounts } = await taggedAnswers(db(), data);
    const names = await stateNames(db());
    const needle = filter.q ? normaliseText(filter.q) : '';
    const wantedTag = filter.tag?.toLocaleLowerCase();
    const matching = answers.filter(
      (a) =>
        (!filter.question || a.code === filter.question) &&
        (!wantedTag || a.tags.some((t) => t.toLocaleLowerCase() === wantedTag)) &&
        (!needle || normaliseText(a.text).includes(needle)),
    );
    const locale = pageLocale(req.locale);
    const start = (filter.page - 1) * PAGE_SIZE;
    return reply.page(
      <AnswersPage
        q={head(q)}
        questions={textQuestions(data.catalogue)}
        answers={matching.slice(start, start + PAGE_SIZE).map((a) => ({ ...a, stateName: stateLabel(names, a.response.stateIso2, locale) }))}
        total={matching.length}
        tagCounts={tagCounts}
        filter={filter}
        pageSize={PAGE_SIZE}
        canTag={canTagAnswers(req.user, q)}
        flash={extra.flash}
        tagError={extra.tagError}
        filterErrors={extra.filterErrors}
      />,
      status,
    );
  }

  app.get('/:locale/questionnaires/:id/results/answers', async (req: Req, reply) => {
    const q = await allowed(req, reply);
    if (!q) return reply;
    const parsed = parseForm(answersQuery.extend({ saved: z.enum(['added', 'removed', 'exists']).optional().catch(undefined) }), req.query, req.tr);
    if (!parsed.ok) return renderAnswers(req, reply, q, { page: 1 }, { filterErrors: parsed.errors }, 422);
    const { saved, page, ...rest } = parsed.data;
    return renderAnswers(req, reply, q, { ...rest, page: page ?? 1 }, saved ? { flash: saved } : {});
  });

  async function tagRoute(req: Req, reply: FastifyReply, action: 'add' | 'remove') {
    const q = await allowed(req, reply);
    if (!q) return reply;
    assertCan(canTagAnswers(req.user, q));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(tagBody, body, req.tr);
    if (!parsed.ok) {
      // Only the tag itself can be wrong in a form the page made: show it on that answer.
      const keep = parseForm(tagBody.pick({ f_question: true, f_q: true, f_tag: true, f_include: true, f_page: true }), body, req.tr);
      const f = keep.ok ? keep.data : {};
      const filter: AnswersFilter = { question: f.f_question, q: f.f_q, tag: f.f_tag, include: f.f_include, page: f.f_page ?? 1 };
      if (parsed.errors.response || parsed.errors.path) throw notFound('questionnaires.results.answer_unknown');
      const key = answerKey({ responseId: String(body.response ?? ''), path: String(body.path ?? '') });
      const typed = typeof body.tag === 'string' ? body.tag.slice(0, 200) : '';
      return renderAnswers(req, reply, q, filter, { tagError: { key, typed, message: parsed.errors.tag ?? parsed.errors._form ?? req.tr.t('questionnaires.results.tag_required') } }, 422);
    }
    const d = parsed.data;
    const input = { responseId: d.response, path: d.path, tag: d.tag };
    let flash: 'added' | 'removed' | 'exists';
    if (action === 'add') flash = (await tagAnswer(deps.database, req.actor, q, input)).added ? 'added' : 'exists';
    else {
      await untagAnswer(deps.database, req.actor, q, input);
      flash = 'removed';
    }
    const filter: AnswersFilter = { question: d.f_question, q: d.f_q, tag: action === 'remove' && d.f_tag === d.tag ? undefined : d.f_tag, include: d.f_include, page: d.f_page ?? 1 };
    return reply.redirect(`/${req.locale}/questionnaires/${q.id}/results/answers${filterQuery(filter, { saved: flash })}#a-${answerKey({ responseId: d.response, path: d.path })}`, 303);
  }

  app.post('/:locale/questionnaires/:id/results/answers/tags', async (req: Req, reply) => tagRoute(req, reply, 'add'));
  app.post('/:locale/questionnaires/:id/results/answers/tags/remove', async (req: Req, reply) => tagRoute(req, reply, 'remove'));

  app.get('/:locale/questionnaires/:id/results/states', async (req: Req, reply) => {
    const q = await allowed(req, reply);
    if (!q) return reply;
    const data = await loadResults(db(), q, { includeInProgress: true });
    const names = await stateNames(db());
    const locale = pageLocale(req.locale);
    const byState = new Map<string, StateRow>();
    for (const r of data.all) {
      if (!r.stateIso2) continue;
      let row = byState.get(r.stateIso2);
      if (!row) byState.set(r.stateIso2, (row = { iso2: r.stateIso2, name: stateLabel(names, r.stateIso2, locale), responses: [] }));
      row.responses.push(r);
    }
    const rows = [...byState.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
    return reply.page(<StatesPage q={head(q)} rows={rows} />);
  });

  app.get('/:locale/questionnaires/:id/results/states/:iso2', async (req: Req, reply) => {
    const q = await allowed(req, reply);
    if (!q) return reply;
    const iso2 = String(req.params.iso2 ?? '').toUpperCase();
    if (!/^[A-Z]{2}$/.test(iso2)) throw notFound('questionnaires.results.state_unknown');
    const data = await loadResults(db(), q, { includeInProgress: true });
    const responses = data.all.filter((r) => r.stateIso2 === iso2);
    if (!responses.length) throw notFound('questionnaires.results.state_unknown');
    const locale = pageLocale(req.locale);
    const names = await stateNames(db());
    // The State's latest submitted Article 7 report that has been analysed, with its indicator values.
    const values = (await listIndicatorValues(db())).filter((v) => v.stateIso2 === iso2);
    let indicators: IndicatorSide | undefined;
    if (values.length) {
      const latest = values.reduce((a, b) => (b.year > a.year || (b.year === a.year && b.kind === 'annual' && a.kind !== 'annual') ? b : a));
      const defs = await listIndicators(db(), { activeOnly: true });
      const mine = values.filter((v) => v.reportId === latest.reportId);
      indicators = {
        reportId: latest.reportId,
        year: latest.year,
        kind: latest.kind,
        items: defs.flatMap((d) => {
          const v = mine.find((x) => x.indicatorId === d.id);
          return v ? [{ id: d.id, title: localized(d.title, locale), value: v.value, decided: v.decision !== null }] : [];
        }),
      };
    }
    return reply.page(<StatePage q={head(q)} iso2={iso2} name={stateLabel(names, iso2, locale)} catalogue={data.catalogue} responses={responses} indicators={indicators} versionNo={data.versionNo} />);
  });

  async function exportInput(req: Req, q: QuestionnaireRow): Promise<{ input: ExportInput; lang: string }> {
    const parsed = parseForm(exportQuery, req.query, req.tr);
    if (!parsed.ok) throw new AppError('bad_request', 'questionnaires.results.lang_invalid');
    const lang = parsed.data.lang ?? pageLocale(req.locale);
    const data = await loadResults(db(), q, { includeInProgress: true });
    const names = await stateNames(db());
    const tr = deps.translator(lang);
    return {
      lang,
      input: {
        catalogue: data.catalogue,
        responses: data.all,
        versionNo: data.versionNo,
        stateName: (iso2) => stateLabel(names, iso2, lang),
        lang,
        sourceLocale: q.sourceLocale,
        texts: exportTexts(tr),
      },
    };
  }

  app.get('/:locale/questionnaires/:id/results/export.csv', async (req: Req, reply) => {
    const q = await allowed(req, reply);
    if (!q) return reply;
    const { input, lang } = await exportInput(req, q);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="questionnaire-${q.id.slice(0, 8)}-results-${lang}.csv"`)
      .send(csvDocument(csvRows(input)));
  });

  app.get('/:locale/questionnaires/:id/results/export.xlsx', async (req: Req, reply) => {
    const q = await allowed(req, reply);
    if (!q) return reply;
    const { input, lang } = await exportInput(req, q);
    const buf = await writeXlsx(xlsxSheets(input));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="questionnaire-${q.id.slice(0, 8)}-results-${lang}.xlsx"`)
      .send(buf);
  });
}


