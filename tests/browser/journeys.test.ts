/**
 * Journeys a person makes, in Chromium, with and without JavaScript: language switch to Arabic,
 * sign in and out, the skip link, the error summary, and reflow at 200 % zoom in Arabic.
 * Every step is screenshotted to test-results/browser/ and checked with axe.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { LANGUAGE_NAMES } from '../../src/platform/i18n/locales.ts';
import { axeCheck, DEMO, htmlLangDir, signIn, signOut, useBrowser } from '../support/browser.ts';

const tr = createTranslators(loadCatalogues());
const en = tr('en');
const ar = tr('ar');

const browser = useBrowser();

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('English → Arabic → sign in → sign out, $label', ({ js, label }) => {
  it('switches language on the same page, signs the Arabic-speaking preparer in and out', async () => {
    const s = await browser.session({ name: `journey-ar-signin-${js ? 'js' : 'nojs'}`, javaScript: js });

    await s.goto('/en/');
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'en', dir: 'ltr' });
    await expect.poll(() => s.page.locator('h1').innerText()).toBe(en.t('site.home.title'));
    await s.step('home in English');
    if (js) await axeCheck(s.page, `/en/ ${label}`);

    // The language switcher links to the same page in the other language.
    await Promise.all([s.page.waitForURL((u) => u.pathname === '/ar/'), s.page.click(`.language-switcher a[hreflang="ar"]`)]);
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const arTitle = ar.t('site.home.title');
    expect(arTitle).not.toBe(en.t('site.home.title'));
    expect(await s.page.locator('h1').innerText()).toBe(arTitle);
    expect(await s.page.title()).toBe(`${arTitle} · ${ar.t('common.platform_name')}`);
    expect(await s.page.locator('.language-switcher [aria-current="true"]').innerText()).toBe(LANGUAGE_NAMES.ar);
    // The Arabic type scale keeps its hierarchy: the heading is larger than the text under it.
    const sizes = await s.page.evaluate(() => {
      const px = (sel: string) => Number.parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
      return { h1: px('h1'), lead: px('main p'), body: px('body') };
    });
    expect(sizes.h1, `h1 ${sizes.h1}px, first paragraph ${sizes.lead}px`).toBeGreaterThan(sizes.lead * 1.2);
    expect(sizes.lead).toBeLessThan(sizes.body * 1.6);
    await s.step('home in Arabic');
    if (js) await axeCheck(s.page, `/ar/ ${label}`);

    // Sign in from the header link.
    await Promise.all([s.page.waitForURL((u) => u.pathname === '/ar/login'), s.page.click(`.site-header__account a[href="/ar/login"]`)]);
    expect(await s.page.locator('h1').innerText()).toBe(ar.t('accounts.login.title'));
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await s.step('sign-in page in Arabic');
    if (js) await axeCheck(s.page, `/ar/login ${label}`);

    await signIn(s, 'ar', DEMO.preparerIq);
    expect(s.path()).toBe('/ar/');
    const header = s.page.locator('.site-header__user');
    await expect.poll(() => header.innerText()).toContain('Layla Demo (preparer)');
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await s.page.locator('.site-header__account').innerText()).toContain(ar.t('common.nav.sign_out'));
    await s.step('signed in as the Iraqi preparer');
    if (js) await axeCheck(s.page, `/ar/ signed in ${label}`);

    await signOut(s);
    expect(s.path()).toBe('/ar/');
    expect(await s.page.locator('.site-header__account').innerText()).not.toContain('Layla');
    expect(await s.page.locator(`.site-header__account a[href="/ar/login"]`).innerText()).toBe(ar.t('common.nav.sign_in'));
    await s.step('signed out');
  });
});

describe('keyboard', () => {
  it.each(['en', 'ar'])('reaches the skip link first and it moves focus to the main content (%s)', async (locale) => {
    const s = await browser.session({ name: `keyboard-skip-link-${locale}` });
    await s.goto(`/${locale}/`);
    await s.page.keyboard.press('Tab');
    const focused = await s.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const box = el?.getBoundingClientRect();
      return { cls: el?.className ?? '', href: el?.getAttribute('href') ?? '', text: el?.textContent ?? '', visible: !!box && box.width > 0 && box.height > 0 && box.top >= 0 };
    });
    expect(focused).toMatchObject({ cls: 'skip-link', href: '#main', text: tr(locale).t('common.skip_to_content'), visible: true });
    await s.step('skip link focused');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab goes on from the main content, not back to the header.
    await s.page.keyboard.press('Tab');
    const next = await s.page.evaluate(() => !!document.activeElement?.closest('main'));
    expect(next).toBe(true);
  });
});

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('the error summary, $label', ({ js }) => {
  it('appears when the sign-in form is sent empty and leads to the field', async () => {
    const s = await browser.session({ name: `error-summary-${js ? 'js' : 'nojs'}`, javaScript: js });
    s.allowErrorDocuments(422);
    await s.goto('/en/login');
    const [res] = await Promise.all([s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/en/login')), s.page.click('main form button[type=submit]')]);
    expect(res.status()).toBe(422);
    await s.page.waitForURL((u) => u.pathname === '/en/login');
    await s.page.waitForLoadState('load');
    const summary = s.page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.locator('h2').innerText()).toBe(en.t('common.errors.summary_title'));
    // The summary comes before the heading and is first in the main content.
    expect(await s.page.evaluate(() => document.querySelector('main')?.firstElementChild?.classList.contains('error-summary'))).toBe(true);
    const first = summary.locator('a').first();
    expect(await first.innerText()).toBe(en.t('accounts.login.email_required'));
    expect(await first.getAttribute('href')).toBe('#f-email');
    expect(await s.page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');
    await s.step('error summary shown');
    if (js) {
      // The client module focuses the summary so screen readers announce it.
      await expect.poll(() => s.page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await axeCheck(s.page, '/en/login with errors');
      await first.click();
      await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('f-email');
    } else {
      // A plain anchor: following it moves to the field.
      await first.click();
      await s.page.waitForURL((u) => u.hash === '#f-email');
      expect(await s.page.locator('#f-email').count()).toBe(1);
    }
    await s.step('link followed');
  });
});

describe('reflow', () => {
  it('the Arabic home page has no horizontal scrollbar at 200 % zoom on a 1280 px screen', async () => {
    // 200 % zoom of a 1280 × 800 window lays the page out in 640 × 400 CSS pixels at two device pixels each.
    const s = await browser.session({ name: 'zoom-200-ar', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    for (const path of ['/ar/', '/ar/login']) {
      await s.goto(path);
      expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
      const m = await s.page.evaluate(() => {
        const el = document.scrollingElement!;
        return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, inner: window.innerWidth, dpr: window.devicePixelRatio };
      });
      expect(m.dpr).toBe(2);
      expect(m.inner).toBe(640);
      expect(m.scrollWidth, `${path}: content ${m.scrollWidth}px wide in a ${m.clientWidth}px window`).toBeLessThanOrEqual(m.clientWidth);
      await s.step(`200 percent ${path}`);
    }
  });
});
