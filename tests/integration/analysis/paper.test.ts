/**
 * The observations paper through the real app: the draft written from the live figures (right
 * numbers, every figure linked to its reports), saving texts per language with the optimistic
 * version check (a stale save keeps the person's text), examples of good practice added and
 * removed, final status, DOCX (Arabic bidi, figures, hyperlinks) and PDF (text) in the six
 * languages, hostile text, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { Agent, createTestApp, type TestApp } from '../../support/app.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { observationPapers } from '../../../src/areas/analysis/schema.ts';
import { agentFor, person } from './indicators-support.ts';
import { docxParts, download, hiddenIn, paperFixture, pdfText, YEAR, type PaperFixture } from './paper-support.ts';

let t: TestApp;
let f: PaperFixture;
let isu: Agent;
let committee: Agent;
const base = `/en/analysis/papers/${YEAR}`;

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const paperRow = async () => (await t.database.db.select().from(observationPapers).where(eq(observationPapers.year, YEAR)))[0];
const audits = (action: string) => t.database.db.select().from(auditEvents).where(like(auditEvents.action, action));
const sections = (over: Record<string, string> = {}) => ({
  s_introduction: 'Introduction text.',
  s_cooperation: 'Cooperation text.',
  s_gender: 'Gender text.',
  s_good_practice: 'Good practice text.',
  s_follow_up: 'Follow-up text.',
  s_observations: 'Observations text.',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  f = await paperFixture(t);
  [isu, committee] = await Promise.all([agentFor(t, f.isu), agentFor(t, f.committee)]);
}, 180_000);
afterAll(async () => t.close());

describe('who may do what', () => {
  it('sends visitors who are not signed in to the sign-in page, for the pages and the downloads', async () => {
    const anon = new Agent(t.app);
    for (const url of ['/en/analysis/papers', base, `${base}.docx?lang=en`, `${base}.pdf?lang=ar`, `${base}.csv`]) {
      const res = await anon.get(url);
      expect(res.status, url).toBe(303);
      expect(res.location, url).toMatch(/^\/en\/login\?returnTo=/);
    }
  });

  it('refuses State users, and lets committee members read and download without editing', async () => {
    const state = await agentFor(t, f.preparer);
    expect((await state.get(base)).status).toBe(403);
    expect((await download(t, state, `${base}.docx?lang=en`)).status).toBe(403);
    const page = await committee.get(base);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('name="s_introduction"');
    expect(page.body).not.toContain(`action="${base}/status"`);
    expect(decode(page.body)).toContain('It is based on 2 reports');
    expect((await download(t, committee, `${base}.pdf?lang=en`)).status).toBe(200);
    const refused = await committee.post(base, { version: '0', lang: 'en', ...sections() });
    expect(refused.status).toBe(403);
    expect(await paperRow()).toBeUndefined();
  });

  it('answers 404 for years outside the Convention’s reporting years, and for malformed years', async () => {
    expect((await isu.get('/en/analysis/papers/1990')).status).toBe(404);
    expect((await isu.get('/en/analysis/papers/abcd')).status).toBe(404);
    expect((await download(t, isu, '/en/analysis/papers/1990.docx?lang=en')).status).toBe(404);
  });

  it('lists the years with reports on the papers page, and offers the menu entry', async () => {
    const res = await committee.get('/en/analysis/papers');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`href="/en/analysis/papers/${YEAR}"`);
    expect(res.body).toContain('href="/en/analysis/papers"');
  });
});

describe('the draft written from the figures', () => {
  it('counts the reports, C&A, G&D, quantitative and qualitative information, with the reports behind each figure', async () => {
    const res = await isu.get(base);
    expect(res.status).toBe(200);
    const text = decode(res.body);
    expect(text).toContain('It is based on 2 reports');
    expect(text).toContain('Of the 2 reports submitted for 2024, 2 (100%) include information on cooperation and assistance');
    expect(text).toContain('1 of the 2 reports with cooperation and assistance information (50%) also address gender and diversity');
    expect(text).toContain('1 (50%) do not mention gender and diversity');
    expect(text).toContain('The Committee intends to write to the State listed below');
    // Every figure links to its reports' indicator pages; the follow-up list names Cambodia only.
    expect(res.body).toContain(`href="/en/analysis/reports/${f.sn}"`);
    expect(res.body).toContain(`href="/en/analysis/reports/${f.kh}"`);
    const followUp = res.body.split('id="follow-up"')[1]!;
    expect(followUp).toContain('Cambodia');
    expect(followUp).not.toContain('Senegal');
    // The chart is an accessible SVG with its data table and CSV.
    expect(res.body).toMatch(/<svg[^>]+role="img"/);
    const csv = await isu.get(`${base}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`withCooperationNoGender`);
    expect(csv.body).toContain(f.kh);
  });

  it('writes the draft in the language chosen for the texts', async () => {
    const fr = decode((await isu.get(`${base}?lang=fr`)).body);
    expect(fr).toContain('Il repose sur 2 rapports');
    expect(fr).toContain('Sur les 2 rapports soumis pour 2024, 2 (100');
    const ar = decode((await isu.get(`${base}?lang=ar`)).body);
    expect(ar).toContain('وتستند إلى تقريرين');
  });
});

describe('saving texts', () => {
  it('creates the paper with the first save, keeps each language, and audits it', async () => {
    await isu.get(base);
    const first = await isu.post(base, { version: '0', lang: 'en', ...sections({ s_introduction: 'Our own introduction.\n\nSecond paragraph.' }) });
    expect(first.status).toBe(303);
    expect(first.location).toBe(`${base}?lang=en&done=saved#texts`);
    let row = (await paperRow())!;
    expect(row.version).toBe(1);
    expect(row.status).toBe('draft');
    expect(row.content.en!.introduction).toBe('Our own introduction.\n\nSecond paragraph.');
    expect((await audits('analysis.paper.created')).length).toBe(1);

    const page = await isu.get(`${base}?lang=fr&done=saved`);
    expect(hiddenIn(page.body, base, 'version')).toBe('1');
    const fr = await isu.post(base, { version: '1', lang: 'fr', ...sections({ s_introduction: 'Notre introduction.' }) });
    expect(fr.status).toBe(303);
    row = (await paperRow())!;
    expect(row.version).toBe(2);
    expect(row.content.fr!.introduction).toBe('Notre introduction.');
    expect(row.content.en!.introduction).toBe('Our own introduction.\n\nSecond paragraph.');
    expect((await audits('analysis.paper.saved')).length).toBe(1);
    expect(decode((await isu.get(`${base}?lang=en`)).body)).toContain('Our own introduction.');
  });

  it('refuses a save over a newer one (409), keeping the text typed and changing nothing', async () => {
    const before = (await paperRow())!;
    const stale = await isu.post(base, { version: '1', lang: 'en', ...sections({ s_introduction: 'Typed on an old copy.' }) });
    expect(stale.status).toBe(409);
    expect(decode(stale.body)).toContain('Someone else changed this paper while you were working on it');
    expect(stale.body).toContain('Typed on an old copy.');
    expect(hiddenIn(stale.body, base, 'version')).toBe(String(before.version));
    const after = (await paperRow())!;
    expect(after.version).toBe(before.version);
    expect(after.content).toEqual(before.content);
    // A second "first save" of the year is stale too (the paper exists already).
    expect((await isu.post(base, { version: '0', lang: 'es', ...sections() })).status).toBe(409);
  });

  it('re-shows the form with an error for a text that is too long (422), and answers 400 for a forged language', async () => {
    const row = (await paperRow())!;
    const res = await isu.post(base, { version: String(row.version), lang: 'en', ...sections({ s_gender: 'x'.repeat(20_001) }) });
    expect(res.status).toBe(422);
    expect(res.body).toContain('class="error-summary');
    expect((await isu.post(base, { version: String(row.version), lang: 'xx', ...sections() })).status).toBe(400);
    expect((await paperRow())!.version).toBe(row.version);
  });
});

describe('examples of good practice', () => {
  it('adds a passage of a report’s narrative evidence and removes it again, audited', async () => {
    const page = await isu.get(base);
    const action = `${base}/examples`;
    const report = hiddenIn(page.body, action, 'report')!;
    const indicator = hiddenIn(page.body, action, 'indicator')!;
    const index = hiddenIn(page.body, action, 'index')!;
    const version = hiddenIn(page.body, action, 'version')!;
    expect([f.sn, f.kh]).toContain(report);
    const added = await isu.post(action, { version, lang: 'en', report, indicator, index });
    expect(added.status).toBe(303);
    let row = (await paperRow())!;
    expect(row.examples).toHaveLength(1);
    expect(row.examples[0]!.reportId).toBe(report);
    expect(row.examples[0]!.formId).toBe('J');
    expect(row.examples[0]!.quote.length).toBeGreaterThan(10);
    expect((await audits('analysis.paper.example_added')).length).toBe(1);
    const shown = await isu.get(`${base}?done=added`);
    expect(decode(shown.body)).toContain(row.examples[0]!.quote.slice(0, 40));

    // Stale add, unknown evidence and a report of another year are refused.
    expect((await isu.post(action, { version, lang: 'en', report, indicator, index })).status).toBe(409);
    expect((await isu.post(action, { version: String(row.version), lang: 'en', report, indicator, index: '999' })).status).toBe(404);
    expect((await isu.post(action, { version: String(row.version), lang: 'en', report: '00000000-0000-4000-8000-000000000000', indicator, index })).status).toBe(404);

    const removed = await isu.post(`${base}/examples/remove`, { version: String(row.version), lang: 'en', index: '0' });
    expect(removed.status).toBe(303);
    row = (await paperRow())!;
    expect(row.examples).toHaveLength(0);
    expect((await audits('analysis.paper.example_removed')).length).toBe(1);
    expect((await isu.post(`${base}/examples/remove`, { version: String(row.version), lang: 'en', index: '0' })).status).toBe(404);
  });

  it('does not let committee members choose examples', async () => {
    const row = (await paperRow())!;
    await committee.get(base);
    expect((await committee.post(`${base}/examples`, { version: String(row.version), lang: 'en', report: f.sn, indicator: 'gd.integrated', index: '0' })).status).toBe(403);
  });
});

describe('downloads', () => {
  const hostile = 'Arabic ملاحظة اللجنة الختامية #set page(width: 1pt) ] } <w:p>&amp; "quote" $x$ \\ @ref <script>alert(1)</script>';

  it('writes the Arabic texts right-to-left in DOCX, with the figures, hyperlinks to the reports and the draft marking', async () => {
    const row = (await paperRow())!;
    const saved = await isu.post(base, { version: String(row.version), lang: 'ar', ...sections({ s_introduction: 'مقدمة اللجنة عن التعاون والمساعدة', s_observations: hostile }) });
    expect(saved.status).toBe(303);
    const res = await download(t, isu, `${base}.docx?lang=ar`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="observations-${YEAR}-draft-ar.docx"`);
    const { document, rels, all } = docxParts(res.body);
    expect(document).toContain('مقدمة اللجنة عن التعاون والمساعدة');
    expect(document).toContain('<w:bidi/>');
    expect(document).toContain('<w:rtl/>');
    expect(document).toContain('ملاحظات أولية بشأن تقارير المادة 7 عن عام 2024');
    expect(document).toContain('مسودة');
    expect(document).toContain('التقارير المقدمة');
    expect(document).toContain('السنغال');
    expect(document).toContain('كمبوديا');
    // Hostile text is text: escaped, not markup.
    expect(document).toContain('&lt;w:p&gt;&amp;amp;');
    expect(document).toContain('#set page(width: 1pt)');
    expect(document).not.toContain('<script>');
    // Neither report is published yet: both link to their indicator pages (public pages: document.test.ts).
    expect(rels).toContain(`${t.config.baseUrl}/ar/analysis/reports/${f.sn}`);
    expect(rels).toContain(`${t.config.baseUrl}/ar/analysis/reports/${f.kh}`);
    expect(rels).toMatch(/TargetMode="External"/);
    expect(Object.keys(all).some((k) => k.startsWith('word/header'))).toBe(true);
  });

  it('lays out the same paper as PDF, with the Arabic text, the figures and the hostile text as text', async () => {
    const res = await download(t, isu, `/en/analysis/papers/${YEAR}.pdf?lang=ar`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="observations-${YEAR}-draft-ar.pdf"`);
    const text = pdfText(res.body);
    expect(text).toContain('مقدمة اللجنة عن التعاون والمساعدة');
    expect(text).toContain('مسودة');
    expect(text).toContain('السنغال');
    expect(text).toContain('#set page(width: 1pt)');
    expect(text).toContain('<w:p>&amp;');
    expect(res.body.toString('latin1')).toContain(`/analysis/reports/${f.kh}`);
  });

  it('downloads DOCX and PDF in each of the six languages, titled in that language', async () => {
    const titles: Record<string, string> = {
      ar: 'ملاحظات أولية',
      zh: '初步意见',
      en: 'Preliminary observations on the Article 7 reports for 2024',
      fr: 'Observations préliminaires',
      ru: 'Предварительные замечания',
      es: 'Observaciones preliminares',
    };
    for (const [lang, title] of Object.entries(titles)) {
      const docx = await download(t, isu, `${base}.docx?lang=${lang}`);
      expect(docx.status, lang).toBe(200);
      expect(docx.headers['content-disposition'], lang).toContain(`-${lang}.docx`);
      expect(docxParts(docx.body).document, lang).toContain(title);
      const pdf = await download(t, isu, `${base}.pdf?lang=${lang}`);
      expect(pdf.status, lang).toBe(200);
      expect(pdf.headers['content-disposition'], lang).toContain(`-${lang}.pdf`);
      expect(pdfText(pdf.body), lang).toContain(title);
    }
  }, 120_000);

  it('shows the English texts and figures in the English PDF', async () => {
    const text = pdfText((await download(t, isu, `${base}.pdf?lang=en`)).body);
    expect(text).toContain('Our own introduction.');
    expect(text).toContain('Reports submitted');
    expect(text).toContain('Cambodia');
    expect(text).toContain('50%');
  });
});

describe('final status', () => {
  it('marks the paper final, locks the texts, drops the draft marking, and opens it again', async () => {
    let row = (await paperRow())!;
    await isu.get(base);
    expect((await committee.post(`${base}/status`, { version: String(row.version), lang: 'en', status: 'final' })).status).toBe(403);
    const final = await isu.post(`${base}/status`, { version: String(row.version), lang: 'en', status: 'final' });
    expect(final.status).toBe(303);
    row = (await paperRow())!;
    expect(row.status).toBe('final');
    expect((await audits('analysis.paper.finalised')).length).toBe(1);
    const page = await isu.get(base);
    expect(page.body).not.toContain('name="s_introduction"');
    expect((await isu.post(base, { version: String(row.version), lang: 'en', ...sections() })).status).toBe(403);
    const docx = await download(t, isu, `${base}.docx?lang=en`);
    expect(docx.headers['content-disposition']).toContain(`observations-${YEAR}-final-en.docx`);
    const { document, all } = docxParts(docx.body);
    expect(document).not.toContain('DRAFT');
    expect(Object.keys(all).some((k) => k.startsWith('word/header'))).toBe(false);
    const list = await isu.get('/en/analysis/papers');
    expect(decode(list.body)).toContain('Final');

    expect((await isu.post(`${base}/status`, { version: String(row.version), lang: 'en', status: 'draft' })).status).toBe(303);
    expect((await paperRow())!.status).toBe('draft');
    expect((await audits('analysis.paper.reopened')).length).toBe(1);
  });

  it('keeps each change audited with the acting user', async () => {
    const events = await t.database.db.select().from(auditEvents).where(and(like(auditEvents.action, 'analysis.paper.%'), eq(auditEvents.actorUserId, f.isu.id)));
    expect(events.length).toBeGreaterThanOrEqual(7);
  });
});

void person;
