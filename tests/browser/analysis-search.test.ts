/**
 * The committee's search across the reports' narratives in Chromium, in Arabic and English: a
 * committee member searches the demo reports (indexed at seed time), sees the matches highlighted,
 * narrows the results to one State and year with the filters, and follows a result to the report.
 * Axe finds nothing on the search and results pages. The Arabic query is typed with other letter
 * forms than the report uses (ه for ة), which the search folds.
 */
import { describe, expect, it } from 'vitest';
import { createTranslators, loadCatalogues } from '../../src/platform/i18n/messages.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

interface Variant {
  locale: 'ar' | 'en';
  query: string;
  /** A word of the original text that must be highlighted. */
  marked: RegExp;
  state: string;
}

describe.each<Variant>([
  { locale: 'ar', query: 'الرعايه الطبيه', marked: /الطبية/, state: 'IQ' },
  { locale: 'en', query: 'survivors', marked: /^survivors$/i, state: 'KH' },
])('searching the reports ($locale)', ({ locale, query, marked, state }) => {
  it('a committee member searches, filters, sees the matches and follows a result', async () => {
    const t = tr(locale);
    const db = browser.app.database;
    const [latest] = await db.query<{ year: number }>(`select max(year) as year from reports where state_iso2 = $1 and current_version_no > 0`, [state]);
    const year = Number(latest!.year);

    const s = await browser.session({ name: `search-${locale}`, javaScript: true });
    await signIn(s, locale, DEMO.committee);
    await s.goto(`/${locale}/analysis/search`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.search.title'));
    await axeCheck(s.page, `search ${locale}`);
    await s.step('search form');

    // Search: results from several reports, the matches marked.
    await s.page.fill('#f-q', query);
    await clickAndWait(s, 'main form[role=search] button[type=submit]');
    expect(new URL(s.page.url()).searchParams.get('q')).toBe(query);
    const results = s.page.locator('li.search-result');
    const all = await results.count();
    expect(all).toBeGreaterThan(1);
    const marks = await s.page.locator('li.search-result mark').allInnerTexts();
    expect(marks.some((m) => marked.test(m.trim())), marks.join(' | ')).toBe(true);
    expect(await s.page.locator('#search-results-title').innerText()).not.toBe(t.t('analysis.search.none'));
    await axeCheck(s.page, `search results ${locale}`);
    await s.step('results');

    // Filter: one State and one year.
    await s.page.selectOption('#f-state', state);
    await s.page.selectOption('#f-year', String(year));
    await clickAndWait(s, 'main form[role=search] button[type=submit]');
    const params = new URL(s.page.url()).searchParams;
    expect(params.get('state')).toBe(state);
    expect(params.get('year')).toBe(String(year));
    const filtered = await results.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const [name] = await db.query<{ name: string }>(`select names->>$2 as name from states where iso2 = $1`, [state, locale]);
    for (const title of await s.page.locator('li.search-result h3').allInnerTexts()) {
      expect(title).toContain(name!.name);
      expect(title).toContain(String(year));
    }
    expect(await s.page.locator('li.search-result mark').count()).toBeGreaterThan(0);
    await axeCheck(s.page, `filtered results ${locale}`);
    await s.step('filtered');

    // Follow the first result to the report.
    const href = (await s.page.locator('li.search-result h3 a').first().getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/${locale}/reports/[0-9a-f-]{36}\\?version=\\d+#f-[A-Za-z0-9-]+$`));
    await clickAndWait(s, 'li.search-result h3 a');
    expect(s.path()).toBe(href.split('#')[0]);
    expect(await s.page.locator('h1').count()).toBe(1);
    // The link leads to the answer it was found in.
    expect(await s.page.locator(`[id="${href.split('#')[1]}"]`).count()).toBe(1);
    await s.step('report');
  });
});
