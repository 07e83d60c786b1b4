/**
 * A committee's paper on its activities and priorities: the list of committees and years, the
 * paper of one (texts per language written from the records, editable; status), and its downloads
 * (DOCX, PDF in any of the six languages). Thin: parse → policy → query or command → render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, isAppError, notFound } from '../../../platform/errors.ts';
import { formBody, optionalText, parseForm } from '../../../platform/http/forms.ts';
import { signInRedirect } from '../../../platform/http/sign-in.ts';
import { isLocale, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { listCommittees } from '../../states/index.ts';
import { assertCan, canEditCommitteePaper, canViewCommitteePaper } from '../policy.ts';
import { committeePaperDocument } from './document.ts';
import { committeePaperDocx } from './docx.ts';
import { redraftCommitteePaper, saveCommitteePaperTexts, setCommitteePaperStatus } from './paper-commands.ts';
import { paperFacts } from './paper-facts.ts';
import { findPaper, listPaperYears } from './paper-repository.ts';
import { committeePaperPdf } from './pdf.ts';
import { SECTION_IDS, SECTION_MAX, textsFor, type SectionTexts } from './sections.ts';
import { CommitteePaperPage, CommitteePapersPage, sectionField, type PaperFlash } from './views.tsx';

type Req = FastifyRequest<{ Params: { locale: string; committee: string; year: string } }>;

const FLASHES = ['saved', 'redrafted', 'final', 'draft'] as const;
const version = z.coerce.number().int().min(0).max(2_147_483_647);
const langField = z.enum(LOCALES);
const textsSchema = z.object({ version, lang: langField, ...Object.fromEntries(SECTION_IDS.map((s) => [sectionField(s), optionalText(SECTION_MAX, { multiline: true })])) });

/** Years a committee paper can be about: from the committees' creation (2014) to next year. */
export function isPaperYear(year: number, now = new Date()): boolean {
  return year >= 2014 && year <= now.getUTCFullYear() + 1;
}

function queryLang(req: FastifyRequest): Locale {
  const q = (req.query ?? {}) as Record<string, unknown>;
  if (typeof q.lang === 'string' && isLocale(q.lang)) return q.lang;
  return isLocale(req.locale) ? req.locale : 'en';
}

export function registerCommitteePaperRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = () => deps.database.db;

  /** The committee and year of the URL; 404 for any other. */
  async function load(req: Req, rawYear = req.params.year) {
    assertCan(canViewCommitteePaper(req.user));
    if (!/^\d{4}$/.test(rawYear) || !isPaperYear(Number(rawYear))) throw notFound();
    const year = Number(rawYear);
    const facts = await paperFacts(db(), req.params.committee, year);
    if (!facts) throw notFound();
    return { year, facts, paper: await findPaper(db(), facts.committee.id, year) };
  }

  async function render(req: Req, reply: FastifyReply, opts: { lang?: Locale; flash?: PaperFlash; stale?: boolean; typed?: SectionTexts; errors?: Record<string, string>; status?: number } = {}) {
    const { year, facts, paper } = await load(req);
    const lang = opts.lang ?? queryLang(req);
    const { texts, saved } = textsFor(paper?.content ?? {}, deps.translator(lang), facts);
    return reply.page(
      <CommitteePaperPage
        facts={facts}
        year={year}
        paper={paper}
        lang={lang}
        texts={opts.typed ?? texts}
        saved={saved || !!opts.typed}
        canEdit={canEditCommitteePaper(req.user, facts.committee.id)}
        flash={opts.flash}
        stale={opts.stale}
        errors={opts.errors}
      />,
      opts.status,
    );
  }

  const back = (req: Req, reply: FastifyReply, lang: string, flash: PaperFlash, anchor: string) =>
    reply.redirect(`/${req.locale}/committee-papers/${req.params.committee}/${req.params.year}?lang=${lang}&done=${flash}#${anchor}`, 303);
  const isStale = (e: unknown) => isAppError(e) && e.code === 'engagement.paper.stale';

  app.get('/:locale/committee-papers', async (req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    assertCan(canViewCommitteePaper(req.user));
    const [rows, committees] = await Promise.all([listPaperYears(db()), listCommittees(db())]);
    return reply.page(<CommitteePapersPage rows={rows} committees={committees} />);
  });

  app.get('/:locale/committee-papers/:committee/:year', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const done = ((req.query ?? {}) as Record<string, unknown>).done;
    const flash = FLASHES.find((f) => f === done);
    return render(req, reply, flash ? { flash } : {});
  });

  app.post('/:locale/committee-papers/:committee/:year', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { year, facts } = await load(req);
    assertCan(canEditCommitteePaper(req.user, facts.committee.id));
    const body = formBody(req.body);
    const typed = Object.fromEntries(SECTION_IDS.map((s) => [s, typeof body[sectionField(s)] === 'string' ? (body[sectionField(s)] as string).slice(0, SECTION_MAX + 1000) : ''])) as SectionTexts;
    const form = parseForm(textsSchema, body, req.tr);
    if (!form.ok) {
      if (form.errors.version || form.errors.lang) throw new AppError('bad_request', 'request.invalid');
      return render(req, reply, { lang: body.lang as Locale, typed, errors: form.errors, status: 422 });
    }
    const data = form.data as Record<string, unknown> & { version: number; lang: Locale };
    const texts = Object.fromEntries(SECTION_IDS.map((s) => [s, (data[sectionField(s)] as string | undefined) ?? '']));
    try {
      await saveCommitteePaperTexts(deps.database, req.actor, req.user, { committeeId: facts.committee.id, year, lang: data.lang, texts, expectedVersion: data.version });
    } catch (e) {
      if (isStale(e)) return render(req, reply, { lang: data.lang, typed, stale: true, status: 409 });
      throw e;
    }
    return back(req, reply, data.lang, 'saved', 'texts');
  });

  app.post('/:locale/committee-papers/:committee/:year/redraft', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { year, facts } = await load(req);
    const parsed = z.object({ version: version.min(1), lang: langField }).safeParse(formBody(req.body));
    if (!parsed.success) throw new AppError('bad_request', 'request.invalid');
    try {
      await redraftCommitteePaper(deps.database, req.actor, req.user, { committeeId: facts.committee.id, year, lang: parsed.data.lang, expectedVersion: parsed.data.version });
    } catch (e) {
      if (isStale(e)) return render(req, reply, { lang: parsed.data.lang, stale: true, status: 409 });
      throw e;
    }
    return back(req, reply, parsed.data.lang, 'redrafted', 'texts');
  });

  app.post('/:locale/committee-papers/:committee/:year/status', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { year, facts } = await load(req);
    const parsed = z.object({ version: version.min(1), lang: langField, status: z.enum(['draft', 'final']) }).safeParse(formBody(req.body));
    if (!parsed.success) throw new AppError('bad_request', 'request.invalid');
    try {
      await setCommitteePaperStatus(deps.database, req.actor, req.user, { committeeId: facts.committee.id, year, status: parsed.data.status, expectedVersion: parsed.data.version });
    } catch (e) {
      if (isStale(e)) return render(req, reply, { lang: parsed.data.lang, stale: true, status: 409 });
      throw e;
    }
    return back(req, reply, parsed.data.lang, parsed.data.status, 'status');
  });

  /* ---------- Downloads ---------- */

  async function documentFor(req: Req, ext: string) {
    const { year, facts, paper } = await load(req, req.params.year.replace(new RegExp(`\\.${ext}$`), ''));
    const lang = queryLang(req);
    const tr = deps.translator(lang);
    const { texts } = textsFor(paper?.content ?? {}, tr, facts);
    const doc = committeePaperDocument({ tr, facts, texts, status: paper?.status ?? 'draft', date: paper?.updatedAt ?? new Date() });
    return { doc, name: `${facts.committee.id}-${year}-${paper?.status ?? 'draft'}-${lang}.${ext}` };
  }
  const send = (reply: FastifyReply, type: string, name: string, body: Buffer) =>
    reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(body);

  app.get('/:locale/committee-papers/:committee/:year.docx', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { doc, name } = await documentFor(req, 'docx');
    return send(reply, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name, await committeePaperDocx(doc));
  });

  app.get('/:locale/committee-papers/:committee/:year.pdf', async (req: Req, reply) => {
    if (!req.user) return signInRedirect(req, reply);
    const { doc, name } = await documentFor(req, 'pdf');
    return send(reply, 'application/pdf', name, committeePaperPdf(doc));
  });
}
