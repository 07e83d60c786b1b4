/**
 * Action plans in the browser: the ISU edits an action's Arabic and English short titles side by
 * side, and the public pages show them at once, in Arabic (right to left) and in English — with and
 * without JavaScript. Every step is screenshotted and checked with axe.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const en = tr('en');
const ar = tr('ar');

const browser = useBrowser();

describe.each([
  { js: true, action: 'OAP-47', label: 'with JavaScript' },
  { js: false, action: 'OAP-43', label: 'without JavaScript' },
])('ISU corrects an action’s titles, $label', ({ js, action, label }) => {
  it('edits the Arabic and English titles, and the public pages show them in Arabic and English', async () => {
    const number = Number(action.split('-')[1]);
    const newEn = `Corrected short title of action ${number}`;
    const newAr = `عنوان مختصر مصحَّح للإجراء ${number}`;
    const s = await browser.session({ name: `plans-isu-edits-${action.toLowerCase()}`, javaScript: js });

    // Sign in in Arabic and go to the editing pages from the menu.
    await s.goto('/ar/login');
    await signIn(s, 'ar', DEMO.isu);
    await clickAndWait(s, `.site-nav a[href="/ar/admin/plans"]`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await s.page.locator('h1').innerText()).toBe(ar.t('plans.admin.title'));
    await s.step('plans to edit, Arabic');
    if (js) await axeCheck(s.page, `/ar/admin/plans ${label}`);

    await clickAndWait(s, 'main a[href="/ar/admin/plans/oslo-2019"]');
    await clickAndWait(s, `main a[href="/ar/admin/plans/oslo-2019/actions/${action}"]`);
    expect(s.path()).toBe(`/ar/admin/plans/oslo-2019/actions/${action}`);
    // The six languages side by side, each input in its own language and direction.
    await expect.poll(() => s.page.locator('#f-title-ar').getAttribute('dir')).toBe('rtl');
    expect(await s.page.locator('#f-title-en').getAttribute('dir')).toBe('ltr');
    expect(await s.page.locator('#f-title-zh').inputValue()).not.toBe('');
    await s.step('action form, six languages side by side');
    if (js) await axeCheck(s.page, `/ar/admin/plans/oslo-2019/actions/${action} ${label}`);

    await s.page.fill('#f-title-ar', newAr);
    await s.page.fill('#f-title-en', newEn);
    await clickAndWait(s, 'main form[action$="/actions/' + action + '"] button[type=submit]');
    expect(s.path()).toBe(`/ar/admin/plans/oslo-2019/actions/${action}?saved=1`);
    expect(await s.page.locator('.banner--success').innerText()).toContain(ar.t('plans.action_form.saved'));
    expect(await s.page.locator('#f-title-ar').inputValue()).toBe(newAr);
    await s.step('saved');

    // The public page of the action, in Arabic, then in English through the language switcher.
    await clickAndWait(s, `main a[href="/ar/plans/oslo-2019/actions/${action}"]`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const h1 = s.page.locator('h1');
    expect(await h1.innerText()).toContain(newAr);
    expect(await h1.innerText()).toContain(ar.t('plans.action.number', { number }));
    await s.step('public action page, Arabic');
    if (js) await axeCheck(s.page, `/ar/plans/oslo-2019/actions/${action} ${label}`);

    await clickAndWait(s, '.language-switcher a[hreflang="en"]');
    expect(s.path()).toBe(`/en/plans/oslo-2019/actions/${action}`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await h1.innerText()).toContain(newEn);
    expect(await h1.innerText()).toContain(en.t('plans.action.number', { number }));
    await s.step('public action page, English');
    if (js) await axeCheck(s.page, `/en/plans/oslo-2019/actions/${action} ${label}`);

    // The plan page lists it under its anchor, in both languages, for a visitor who is not signed in.
    const visitor = await browser.session({ name: `plans-visitor-${action.toLowerCase()}`, javaScript: js });
    await visitor.goto(`/en/plans/oslo-2019#${action}`);
    expect(await visitor.page.locator(`[id="${action}"] h3`).innerText()).toContain(newEn);
    await visitor.step('plan page, English');
    await visitor.goto(`/ar/plans/oslo-2019#${action}`);
    expect(await htmlLangDir(visitor.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await visitor.page.locator(`[id="${action}"] h3`).innerText()).toContain(newAr);
    await visitor.step('plan page, Arabic');
    if (js) await axeCheck(visitor.page, `/ar/plans/oslo-2019 ${label}`);
  });
});

describe('from a report field to its action', () => {
  it.each(['en', 'ar'])('follows the Oslo Action Plan link under a Form J question to the action page (%s)', async (locale) => {
    const s = await browser.session({ name: `plans-link-from-report-${locale}` });
    // A published demo report, read by a visitor.
    const [report] = await browser.app.database.query<{ id: string }>("select id::text as id from reports where status = 'published' and visibility = 'public' order by year desc limit 1");
    await s.goto(`/${locale}/reports/${report!.id}`);
    const link = s.page.locator(`a[href="/${locale}/plans/actions/OAP-45"]`).first();
    await expect.poll(() => link.count()).toBeGreaterThan(0);
    await Promise.all([s.page.waitForURL((u) => u.pathname === `/${locale}/plans/oslo-2019/actions/OAP-45`), link.click()]);
    expect(await htmlLangDir(s.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    expect(await s.page.locator('h2', { hasText: tr(locale).t('plans.action.asked_title') }).count()).toBe(1);
    expect(await s.page.locator('main').innerText()).toContain('J.cooperation.nationalPlatform');
    await s.step('action page reached from a report');
    await axeCheck(s.page, `/${locale}/plans/oslo-2019/actions/OAP-45 from a report`);
  });
});
