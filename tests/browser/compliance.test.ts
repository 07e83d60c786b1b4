/**
 * The compliance map page in Chromium, in English and Arabic: the map is drawn (every State Party a
 * link with its name and status), its table alternative is right under it, the year switch works
 * with and without JavaScript (a plain GET form), axe finds nothing serious; the committee's
 * internal view too. Demo data: Tajikistan was 45 days late for 2022 and 63 days late for 2024;
 * Iraq has only a draft for 2024.
 */
import { describe, expect, it } from 'vitest';
import { createTranslators, loadCatalogues } from '../../src/platform/i18n/messages.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('the compliance map, $label', ({ js }) => {
  it.each(['en', 'ar'])('shows the map and its table in %s, and switches year', async (locale) => {
    const t = tr(locale).t;
    const s = await browser.session({ name: `compliance-${locale}-${js ? 'js' : 'nojs'}`, javaScript: js });
    await s.goto(`/${locale}/compliance?year=2022`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('h1').innerText()).toBe(t('compliance.year.title', { year: '2022' }));

    // The map: drawn, named, each State Party a link with its name and status.
    const map = s.page.locator('svg.compliance-map');
    await expect.poll(() => map.isVisible()).toBe(true);
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(200);
    expect(await map.locator('> title').textContent()).toBe(t('compliance.map.svg_title', { year: '2022' }));
    const tj = map.locator('a[href$="/compliance/states/tj"]');
    const lateTj = t('compliance.map.shape', { state: locale === 'ar' ? 'طاجيكستان' : 'Tajikistan', status: t('compliance.status.late_by', { days: 45 }) });
    expect(await tj.locator('title').textContent()).toBe(lateTj);
    expect(await tj.locator('path').getAttribute('fill')).toBe('url(#cmap-late)');
    // Drawn with a pattern: the pattern is in the document, and the shape has an area on screen.
    expect(await s.page.locator('pattern#cmap-late').count()).toBe(1);
    const tjBox = await tj.locator('path').boundingBox();
    expect(tjBox!.width).toBeGreaterThan(2);

    // The table alternative comes right after the map and its legend.
    const order = await s.page.evaluate(() => {
      const svg = document.querySelector('svg.compliance-map')!;
      const table = document.querySelector('#compliance-table table')!;
      return !!(svg.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    const row = s.page.locator('#compliance-table tr', { has: s.page.locator('a[href$="/compliance/states/tj"]') });
    expect(await row.innerText()).toContain(t('compliance.status.late_by', { days: 45 }));
    await s.step(`map 2022 ${locale}`, { fullPage: false });
    if (js) await axeCheck(s.page, `/${locale}/compliance?year=2022`);

    // Year switch: a GET form (works the same without JavaScript).
    await s.page.selectOption('#f-year', '2024');
    await clickAndWait(s, 'form.filters button[type=submit]');
    expect(s.path()).toBe(`/${locale}/compliance?year=2024`);
    expect(await s.page.locator('h1').innerText()).toBe(t('compliance.year.title', { year: '2024' }));
    expect(await s.page.locator('svg.compliance-map a[href$="/compliance/states/tj"] title').textContent()).toContain(t('compliance.status.late_by', { days: 63 }));
    expect(await s.page.locator('svg.compliance-map a[href$="/compliance/states/iq"] path').getAttribute('fill')).toBe('url(#cmap-not_submitted)');
    await s.step(`map 2024 ${locale}`, { fullPage: false });

    // A shape is a link to the State's history.
    await clickAndWait(s, 'svg.compliance-map a[href$="/compliance/states/tj"]');
    expect(s.path()).toBe(`/${locale}/compliance/states/tj`);
    expect(await s.page.locator('h1').innerText()).toBe(t('compliance.history.title', { state: locale === 'ar' ? 'طاجيكستان' : 'Tajikistan' }));
    if (js) await axeCheck(s.page, `/${locale}/compliance/states/tj`);
  });
});

describe('the trends and the internal view', () => {
  it.each(['en', 'ar'])('trends chart and table, and the committee member sees drafts in progress (%s)', async (locale) => {
    const t = tr(locale).t;
    const s = await browser.session({ name: `compliance-internal-${locale}` });
    await s.goto(`/${locale}/compliance/trends`);
    const chart = s.page.locator('svg[role="img"]');
    expect(await chart.getAttribute('aria-labelledby')).toBe('ctrend-title ctrend-desc');
    expect((await chart.boundingBox())!.height).toBeGreaterThan(150);
    await axeCheck(s.page, `/${locale}/compliance/trends`);

    await signIn(s, locale, DEMO.committee);
    await s.goto(`/${locale}/workspace/compliance?year=2024`);
    expect(await s.page.locator('h1').innerText()).toBe(t('compliance.internal.title', { year: '2024' }));
    const iq = s.page.locator('#compliance-table tr', { has: s.page.locator('a[href$="/compliance/states/iq"]') });
    expect(await iq.innerText()).toContain(t('compliance.report_status.draft'));
    await s.step(`internal 2024 ${locale}`, { fullPage: false });
    await axeCheck(s.page, `/${locale}/workspace/compliance?year=2024`);
  });
});
