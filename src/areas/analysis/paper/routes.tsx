/**
 * The observations paper pages: the papers by year, the paper of a year (figures, texts per
 * language, examples, follow-up list, status) and its downloads (DOCX, PDF in any of the six
 * languages; the figures as CSV). Thin: parse → policy → query or command → render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, isAppError, notFound } from '../../../platform/errors.ts';
import { formBody, optionalText, parseForm } from '../../../platform/http/forms.ts';
import { csvDocument, type CsvCell } from '../../../platform/exports/csv.ts';
import { isLocale, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { localized } from '../../states/index.ts';
import { assertCan } from '../policy.ts';
import { paperDocument } from './document.ts';
import { paperDocx } from './docx.ts';
import { MAIN_FIGURES, paperFigures } from './figures.ts';
import { addPaperExample, removePaperExample, savePaperTexts, setPaperStatus } from './paper-commands.ts';
import { evidenceCandidates, isPaperYear, listPaperYears } from './paper-queries.ts';
import { findPaper, type PaperRow } from './paper-repository.ts';
import { paperPdf } from './pdf.ts';
import { canChangePaperStatus, canEditPaper, canViewPaper } from './policy.ts';
import { SECTION_IDS, SECTION_MAX, textsFor, type SectionTexts } from './sections.ts';
import { PaperPage, sectionField, type PaperFlash } from './views/paper-page.tsx';
import { PapersListPage } from './views/papers-list.tsx';
import { signInRedirect } from '../../../platform/http/sign-in.ts';

type Req = FastifyRequest<{ Params: { locale: string; year: string } }>;

const FLASHES = ['saved', 'added', 'removed', 'final', 'draft'] as const;
const version = z.coerce.number().int().min(0).max(2_147_483_647);
const langField = z.enum(LOCALES);


/** The language asked for in `?lang=` (texts shown, download language), the page's otherwise. */
function queryLang(req: FastifyRequest): Locale {
  const q = (req.query ?? {}) as Record<string, unknown>;
  if (typeof q.lang === 'string' && isLocale(q.lang)) return q.lang;
  return isLocale(req.locale) ? req.locale : 'en';
}

const textsSchema = z.object({
  version,
  lang: langField,
  ...Object.fromEntries(SECTION_IDS.map((s) => [sectionField(s), optionalText(SECTION_MAX, { multiline: true })])),
});

export function registerPaperRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  /**
   * The year of the URL, for a user who may read papers: a reporting year of the Convention up to
   * next year (a paper may be started before the reports arrive); 404 for any other.
   */
  async function loadYear(req: Req, raw = req.params.year): Promise<number> {
    assertCan(canViewPaper(req.user));
    if (!/^\d{4}$/.test(raw)) throw notFound();
    const year = Number(raw);
    if (!isPaperYear(year, new Date())) throw notFound();
    return year;
  }

  async function renderPaper(
    req: Req,
    reply: FastifyReply,
    year: number,
    opts: { lang?: Locale; flash?: PaperFlash; stale?: boolean; typed?: SectionTexts; errors?: Record<string, string>; status?: number } = {},
  ) {
    const lang = opts.lang ?? queryLang(req);
    const paper = await findPaper(db(), year);
    const figures = await paperFigures(db(), year, req.locale);
    const { texts, saved } = textsFor(paper?.content ?? {}, lang, deps.translator(lang), figures);
    const canEdit = canEditPaper(req.user, paper);
    const candidates = canEdit ? await evidenceCandidates(db(), figures, paper?.examples ?? [], req.locale) : [];
    return reply.page(
      <PaperPage
        year={year}
        paper={paper}
        figures={figures}
        lang={lang}
        texts={opts.typed ?? texts}
        saved={saved || !!opts.typed}
        canEdit={canEdit}
        canChangeStatus={canChangePaperStatus(req.user)}
        candidates={candidates}
        flash={opts.flash}
        stale={opts.stale}
        errors={opts.errors}
      />,
      opts.status,
    );
  }

  const redirectTo = (req: Req, reply: FastifyReply, year: number, lang: string, flash: PaperFlash, anchor: string) =>
    reply.redirect(`/${req.locale}/analysis/papers/${year}?lang=${lang}&done=${flash}#${anchor}`, 303);

  const isStale = (e: unknown) => isAppError(e) && e.code === 'analysis.paper.stale';

  app.get('/:locale/analysis/papers', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewPaper(req.user));
    return reply.page(<PapersListPage rows={await listPaperYears(db())} />);
  });

  app.get('/:locale/analysis/papers/:year', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const year = await loadYear(req);
    const done = ((req.query ?? {}) as Record<string, unknown>).done;
    const flash = FLASHES.find((f) => f === done);
    return renderPaper(req, reply, year, flash ? { flash } : {});
  });

  app.post('/:locale/analysis/papers/:year', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const year = await loadYear(req);
    assertCan(canEditPaper(req.user, await findPaper(db(), year)));
    const body = formBody(req.body);
    const typed = Object.fromEntries(SECTION_IDS.map((s) => [s, typeof body[sectionField(s)] === 'string' ? (body[sectionField(s)] as string).slice(0, SECTION_MAX + 1000) : ''])) as SectionTexts;
    const form = parseForm(textsSchema, body, req.tr);
    if (!form.ok) {
      if (form.errors.version || form.errors.lang) throw new AppError('bad_request', 'request.invalid');
      return renderPaper(req, reply, year, { lang: body.lang as Locale, typed, errors: form.errors, status: 422 });
    }
    const data = form.data as Record<string, unknown> & { version: number; lang: Locale };
    const texts = Object.fromEntries(SECTION_IDS.map((s) => [s, (data[sectionField(s)] as string | undefined) ?? '']));
    try {
      await savePaperTexts(deps.database, req.actor, req.user, { year, lang: data.lang, texts, expectedVersion: data.version });
    } catch (e) {
      if (isStale(e)) return renderPaper(req, reply, year, { lang: data.lang, typed, stale: true, status: 409 });
      throw e;
    }
    return redirectTo(req, reply, year, data.lang, 'saved', 'texts');
  });

  app.post('/:locale/analysis/papers/:year/examples', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const year = await loadYear(req);
    const parsed = z.object({ version, lang: langField, report: z.uuid(), indicator: z.string().min(1).max(60), index: z.coerce.number().int().min(0).max(10_000) }).safeParse(formBody(req.body));
    if (!parsed.success) throw new AppError('bad_request', 'request.invalid');
    const d = parsed.data;
    try {
      await addPaperExample(deps.database, req.actor, req.user, { year, reportId: d.report, indicatorId: d.indicator, index: d.index, expectedVersion: d.version });
    } catch (e) {
      if (isStale(e)) return renderPaper(req, reply, year, { lang: d.lang, stale: true, status: 409 });
      throw e;
    }
    return redirectTo(req, reply, year, d.lang, 'added', 'examples');
  });

  app.post('/:locale/analysis/papers/:year/examples/remove', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const year = await loadYear(req);
    const parsed = z.object({ version: version.min(1), lang: langField, index: z.coerce.number().int().min(0).max(10_000) }).safeParse(formBody(req.body));
    if (!parsed.success) throw new AppError('bad_request', 'request.invalid');
    const d = parsed.data;
    try {
      await removePaperExample(deps.database, req.actor, req.user, { year, index: d.index, expectedVersion: d.version });
    } catch (e) {
      if (isStale(e)) return renderPaper(req, reply, year, { lang: d.lang, stale: true, status: 409 });
      throw e;
    }
    return redirectTo(req, reply, year, d.lang, 'removed', 'examples');
  });

  app.post('/:locale/analysis/papers/:year/status', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const year = await loadYear(req);
    assertCan(canChangePaperStatus(req.user));
    const parsed = z.object({ version: version.min(1), lang: langField, status: z.enum(['draft', 'final']) }).safeParse(formBody(req.body));
    if (!parsed.success) throw new AppError('bad_request', 'request.invalid');
    const d = parsed.data;
    try {
      await setPaperStatus(deps.database, req.actor, req.user, { year, status: d.status, expectedVersion: d.version });
    } catch (e) {
      if (isStale(e)) return renderPaper(req, reply, year, { lang: d.lang, stale: true, status: 409 });
      throw e;
    }
    return redirectTo(req, reply, year, d.lang, d.status, 'status');
  });

  /* ---------- Downloads ---------- */

  async function documentFor(req: Req, ext: string) {
    const year = await loadYear(req, req.params.year.replace(new RegExp(`\\.${ext}$`), ''));
    const lang = queryLang(req);
    const tr = deps.translator(lang);
    const paper: PaperRow | undefined = await findPaper(db(), year);
    const figures = await paperFigures(db(), year, lang);
    const { texts } = textsFor(paper?.content ?? {}, lang, tr, figures);
    const doc = paperDocument({ tr, figures, texts, examples: paper?.examples ?? [], status: paper?.status ?? 'draft', date: paper?.updatedAt ?? new Date(), baseUrl: deps.config.baseUrl });
    const name = `observations-${year}-${paper?.status ?? 'draft'}-${lang}.${ext}`;
    return { year, doc, name, figures };
  }

  const send = (reply: FastifyReply, type: string, name: string, body: Buffer | string) =>
    reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(body);

  app.get('/:locale/analysis/papers/:year.docx', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { doc, name } = await documentFor(req, 'docx');
    return send(reply, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name, await paperDocx(doc));
  });

  app.get('/:locale/analysis/papers/:year.pdf', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { doc, name } = await documentFor(req, 'pdf');
    return send(reply, 'application/pdf', name, paperPdf(doc));
  });

  app.get('/:locale/analysis/papers/:year.csv', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const year = await loadYear(req, req.params.year.replace(/\.csv$/, ''));
    const figures = await paperFigures(db(), year, req.locale);
    const t = req.tr.t;
    const rows: CsvCell[][] = [
      ['figure', 'label', 'count', 'report_ids', 'states'],
      ...MAIN_FIGURES.map((k) => [k, t(`analysis.paper.figure.${k}`), figures.main[k].count, figures.main[k].reportIds.join(' '), figures.main[k].reportIds.map((id) => figures.reports.get(id)?.stateIso2 ?? '').join(' ')]),
      ...figures.indicators.map((i) => [i.id, localized(i.title, req.locale), i.figure.count, i.figure.reportIds.join(' '), i.figure.reportIds.map((id) => figures.reports.get(id)?.stateIso2 ?? '').join(' ')]),
    ];
    return send(reply, 'text/csv; charset=utf-8', `observations-${year}-figures-${req.locale}.csv`, csvDocument(rows));
  });
}
