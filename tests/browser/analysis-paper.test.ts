/**
 * The observations paper in Chromium, in Arabic and English: an ISU officer opens the papers,
 * goes to the paper of a seeded year, finds the draft written from the figures, edits the
 * introduction in the page's language and saves it, then downloads the paper as DOCX and PDF in
 * Arabic and in English and finds in each file its title, the figures and the texts saved.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { observationPapers } from '../../src/areas/analysis/schema.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';
import { docxParts, pdfText, squash } from '../integration/analysis/paper-support.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();
const YEAR = 2023;
const edited: Record<string, string> = {
  ar: 'تلاحظ اللجنة تحسن الإبلاغ عن التعاون والمساعدة في هذا العام',
  en: 'The Committee notes a clear improvement in reporting on cooperation and assistance this year',
};

describe.each(['ar', 'en'] as const)('the observations paper (%s)', (locale) => {
  it('ISU edits the introduction and downloads the paper as DOCX and PDF in Arabic and English', async () => {
    const t = tr(locale);
    const s = await browser.session({ name: `paper-${locale}` });
    await signIn(s, locale, DEMO.isu);

    await s.goto(`/${locale}/analysis/papers`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.papers.title'));
    await axeCheck(s.page, `papers ${locale}`);
    await s.step('papers');

    const base = `/${locale}/analysis/papers/${YEAR}`;
    await clickAndWait(s, `main a[href="${base}"]`);
    expect(s.path()).toBe(base);
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.paper.title', { year: String(YEAR) }));
    // The figures: a chart with its table, every report named links to its indicators.
    expect(await s.page.locator('main svg[role="img"]').count()).toBe(1);
    const reportLinks = await s.page.locator('main table a[href^="/' + locale + '/analysis/reports/"]').count();
    expect(reportLinks).toBeGreaterThan(0);
    await axeCheck(s.page, `paper ${locale}`);
    await s.step('paper');

    // The introduction: first drafted from the figures, then edited and saved.
    const intro = s.page.locator('#texts-form textarea[name="s_introduction"]');
    expect(await intro.inputValue()).toContain(String(YEAR));
    await intro.fill(edited[locale]!);
    await clickAndWait(s, '#texts-form button[type=submit]');
    expect(s.path()).toBe(`${base}?lang=${locale}&done=saved`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(t.t('analysis.paper.flash.saved', { language: locale === 'ar' ? 'العربية' : 'English' }));
    expect(await s.page.locator('#texts-form textarea[name="s_introduction"]').inputValue()).toBe(edited[locale]);
    const [row] = await browser.app.database.db.select().from(observationPapers).where(and(eq(observationPapers.year, YEAR), eq(observationPapers.kind, 'preliminary')));
    expect(row!.content[locale]!.introduction).toBe(edited[locale]);
    await axeCheck(s.page, `paper saved ${locale}`);
    await s.step('saved', { fullPage: false });

    // Downloads in Arabic and English, from the links on the page.
    for (const lang of ['ar', 'en'] as const) {
      const lt = tr(lang);
      const title = lt.t('analysis.paper.doc_title', { year: String(YEAR) });
      const reportsLabel = lt.t('analysis.paper.figure.reports');
      const docxHref = await s.page.locator(`main a[href="${base}.docx?lang=${lang}"]`).getAttribute('href');
      const docx = await s.context.request.get(s.url(docxHref!));
      expect(docx.status()).toBe(200);
      expect(docx.headers()['content-disposition']).toContain(`-${lang}.docx`);
      const { document } = docxParts(Buffer.from(await docx.body()));
      expect(document, `docx ${lang}`).toContain(title);
      expect(document, `docx ${lang}`).toContain(reportsLabel);
      if (lang === 'ar') expect(document).toContain('<w:bidi/>');
      if (edited[lang] && row!.content[lang]) expect(document).toContain(edited[lang]);

      const pdfHref = await s.page.locator(`main a[href="${base}.pdf?lang=${lang}"]`).getAttribute('href');
      const pdf = await s.context.request.get(s.url(pdfHref!));
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const text = squash(pdfText(Buffer.from(await pdf.body())));
      expect(text, `pdf ${lang}`).toContain(squash(title));
      expect(text, `pdf ${lang}`).toContain(squash(reportsLabel));
      if (lang === locale) expect(text).toContain(squash(edited[lang]!));
    }
    expect(s.problems).toEqual([]);
    await s.close();
  }, 180_000);
});
