/**
 * The coverage dashboard in Chromium, in Arabic and English: a committee member opens the
 * dashboard for 2023; the figures shown equal hand counts of the seeded demo reports (the eight
 * demo States each submitted a 2023 report: SN, IQ, KH, CO, TJ, BA, JP, NO), counted here without
 * the dashboard's SQL; the year switch works; a number leads to the reports behind it; a chart's CSV
 * downloads; the page is axe clean and its charts are laid out right to left in Arabic.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { listIndicatorValues, INDICATORS, GENDER_IN_COOPERATION } from '../../src/areas/analysis/index.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

/** The demo States with a 2023 report and their regions, by hand. */
const DEMO_2023: Record<string, string> = { SN: 'africa', IQ: 'middle_east', KH: 'asia_pacific', CO: 'americas', TJ: 'asia_pacific', BA: 'europe', JP: 'asia_pacific', NO: 'europe' };

/** The figures counted straight from the indicator values (decision wins), without the dashboard. */
async function handCounts(year: number) {
  const values = await listIndicatorValues(browser.app.database.db, { year });
  const group = new Map(INDICATORS.map((i) => [i.id, i]));
  const reports = new Map<string, { iso2: string; ca: boolean; gd: boolean; quant: boolean }>();
  const [row] = await browser.app.database.query<{ n: number }>('select count(*)::int as n from reports where year = $1 and current_version_no > 0', [year]);
  for (const v of values) {
    const r = reports.get(v.reportId) ?? { iso2: v.stateIso2, ca: false, gd: false, quant: false };
    const ind = group.get(v.indicatorId);
    if (ind && v.value === 'yes') {
      if (ind.group === 'cooperation') r.ca = true;
      if (GENDER_IN_COOPERATION.includes(ind.id as (typeof GENDER_IN_COOPERATION)[number])) r.gd = true;
      if (ind.quantitative) r.quant = true;
    }
    reports.set(v.reportId, r);
  }
  const all = [...reports.values()];
  return {
    submitted: Number(row!.n),
    states: all.map((r) => r.iso2).sort(),
    withCooperation: all.filter((r) => r.ca).length,
    withCooperationAndGender: all.filter((r) => r.ca && r.gd).length,
    withCooperationNoGender: all.filter((r) => r.ca && !r.gd).length,
    quantitative: all.filter((r) => r.ca && r.quant).length,
    qualitative: all.filter((r) => r.ca && !r.quant).length,
  };
}

describe.each(['ar', 'en'] as const)('coverage dashboard (%s)', (locale) => {
  it('shows figures equal to hand counts of the demo reports, with accessible charts', async () => {
    const t = tr(locale);
    const n = (x: number) => t.formatNumber(x);
    const hand = await handCounts(2023);
    expect(hand.submitted).toBe(8);
    // Tajikistan's report gives C&A information but nothing on gender and diversity in it.
    expect(hand.withCooperationNoGender).toBeGreaterThanOrEqual(1);
    expect(hand.states).toEqual(Object.keys(DEMO_2023).sort());

    const s = await browser.session({ name: `coverage-${locale}`, javaScript: true });
    await signIn(s, locale, DEMO.committee);
    await s.goto(`/${locale}/analysis/coverage?year=2023`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.coverage.title_year', { year: '2023' }));

    const headline = async (key: string) => (await s.page.locator(`main .card a[href$="figure=${key}"]`).innerText()).trim();
    expect(await headline('reports')).toBe(n(8));
    expect(await headline('withCooperation')).toBe(n(hand.withCooperation));
    if (hand.withCooperationAndGender) expect(await headline('withCooperationAndGender')).toBe(n(hand.withCooperationAndGender));
    if (hand.quantitative) expect(await headline('quantitative')).toBe(n(hand.quantitative));
    const cards = await s.page.locator('main .card').allInnerTexts();
    expect(cards.join('\n')).toContain(n(hand.withCooperationNoGender));
    expect(cards.join('\n')).toContain(n(hand.qualitative));

    // By region, by hand: Africa 1, Americas 1, Asia and the Pacific 3, Europe 2, Middle East 1.
    const regionTable = s.page.locator('section[aria-labelledby="regions-heading"] table');
    for (const [region, count] of Object.entries({ africa: 1, americas: 1, asia_pacific: 3, europe: 2, middle_east: 1 })) {
      const row = regionTable.locator('tbody tr', { hasText: t.t(`states.region.${region}`) });
      expect((await row.locator('td').last().innerText()).trim()).toBe(n(count));
    }

    // Seven charts, each an image with a name and a description, a table and a CSV link.
    expect(await s.page.locator('main svg[role="img"]').count()).toBe(7);
    expect(await s.page.locator('main table caption').count()).toBeGreaterThanOrEqual(7);
    // Right to left in Arabic: the bars start from the right (their axis is in the right half).
    const axisX = Number(await s.page.locator('#cooperation-heading ~ svg line').first().getAttribute('x1'));
    if (locale === 'ar') expect(axisX).toBeGreaterThan(380);
    else expect(axisX).toBeLessThan(380);
    await axeCheck(s.page, `coverage dashboard ${locale}`);
    await s.step('dashboard 2023');

    // A chart's CSV, as a browser downloads it (with the session's cookies).
    const csv = await s.context.request.get(`${browser.app.baseUrl}/${locale}/analysis/coverage.csv?year=2023&chart=cooperation`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`${hand.withCooperation},`);

    // The number leads to the reports behind it.
    await clickAndWait(s, 'main .card a[href$="figure=reports"]');
    expect(await s.page.locator('main tbody tr').count()).toBe(8);
    await axeCheck(s.page, `coverage reports ${locale}`);
    await s.step('reports behind a figure');

    // The year switch (a GET form).
    await s.goto(`/${locale}/analysis/coverage?year=2023`);
    await s.page.selectOption('#f-year', '2022');
    await clickAndWait(s, 'form.filters button[type=submit]');
    expect(s.page.url()).toContain('year=2022');
    expect(await s.page.locator('h1').innerText()).toBe(t.t('analysis.coverage.title_year', { year: '2022' }));
    const hand22 = await handCounts(2022);
    expect(await headline('reports')).toBe(n(hand22.submitted));
    await s.step('dashboard 2022');
  });
});
