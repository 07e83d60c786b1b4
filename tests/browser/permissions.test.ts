/**
 * A demo preparer of Senegal cannot open Iraq's private pages nor any administration page: each
 * answers 403 with the error page in her language (French). The pages come from app.routeList, so
 * every private page an area adds is checked without editing this file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { axeCheck, DEMO, exampleParams, fillRoute, htmlLangDir, pageRoutes, routeParams, signIn, useBrowser, type ExampleData } from '../support/browser.ts';

const fr = createTranslators(loadCatalogues())('fr');
/** Routes that answer a file rather than a page. */
const DOWNLOAD = /\.(csv|json|xlsx|pdf|docx|zip|ics)$/;
const browser = useBrowser();
let data: ExampleData;

beforeAll(async () => {
  data = await exampleParams(browser.app.database);
});

interface Candidate {
  route: string;
  path: string;
  admin: boolean;
}

/**
 * Administration pages, and pages of Iraq (its State pages, its reports) that anonymous visitors
 * are sent to sign in for.
 */
async function privatePagesOfOthers(): Promise<{ pages: Candidate[]; publicStatePages: string[]; unfillable: string[] }> {
  const { app } = browser.app;
  const resolve = data.resolver({ iso2: 'iq', onlyThatState: true });
  const pages: Candidate[] = [];
  const publicStatePages: string[] = [];
  const unfillable: string[] = [];
  for (const route of pageRoutes(app)) {
    const admin = route.startsWith('/:locale/admin');
    const ofAState = routeParams(route).some((p) => ['iso2', 'state', 'stateIso2', 'reportId'].includes(p)) || /\/reports\/:id\b/.test(route);
    if (!admin && !ofAState) continue;
    const { path, missing } = fillRoute(route, 'fr', resolve);
    if (missing.length) {
      unfillable.push(`${route} (${missing.join(', ')})`);
      continue;
    }
    const res = await app.inject({ method: 'GET', url: path });
    const location = String(res.headers.location ?? '');
    const toLogin = res.statusCode >= 300 && res.statusCode < 400 && location.startsWith('/fr/login');
    if (admin) {
      // Every administration page is private: anonymous visitors are sent to sign in, and back.
      expect(toLogin, `${path} answered ${res.statusCode} ${location} to an anonymous visitor`).toBe(true);
      expect(location).toBe(`/fr/login?returnTo=${encodeURIComponent(path)}`);
    }
    if (toLogin) pages.push({ route, path, admin });
    else publicStatePages.push(route);
  }
  return { pages, publicStatePages, unfillable };
}

describe('authorisation in the browser', () => {
  it('a Senegalese preparer gets a refusal page in French on Iraq’s private pages (403, or 404 where the record is hidden) and on administration pages', async () => {
    const { pages, publicStatePages, unfillable } = await privatePagesOfOthers();
    console.log(
      [
        `Private pages checked (${pages.length}):`,
        ...pages.map((p) => `  ${p.path}`),
        `Public pages of a State (opened with Senegal's values below): ${publicStatePages.join(', ') || 'none'}`,
        `Pages whose parameters could not be filled: ${unfillable.join(', ') || 'none'}`,
      ].join('\n'),
    );
    expect(unfillable).toEqual([]);

    const s = await browser.session({ name: 'forbidden-pages-sn-preparer' });
    s.allowErrorDocuments(403, 404);
    await signIn(s, 'fr', DEMO.preparerSn);
    expect(s.path()).toBe('/fr/');
    expect(await s.page.locator('.site-header__user').innerText()).toContain('Aminata Demo (preparer)');
    // The menu offers nothing she cannot open.
    expect(await s.page.locator('a[href^="/fr/admin"]').count()).toBe(0);
    await s.step('signed in as the Senegalese preparer');

    let scanned = false;
    for (const p of pages) {
      const res = await s.goto(p.path);
      // Refused (403), or hidden where the policy does not even confirm the record exists (another
      // State's individualised approach or national platform: 404).
      const status = res.status();
      expect([403, 404], `${p.path} as the Senegalese preparer answered ${status}`).toContain(status);
      expect(await htmlLangDir(s.page)).toEqual({ lang: 'fr', dir: 'ltr' });
      expect(await s.page.locator('h1').innerText()).toBe(fr.t(`common.errors.${status}_title`));
      expect(await s.page.locator('main').innerText()).toContain(fr.t('common.errors.status', { status }));
      // Still signed in: a refusal, not a sign-in prompt.
      expect(await s.page.locator('.site-header__user').innerText()).toContain('Aminata Demo (preparer)');
      if (!scanned) {
        await s.step(`403 ${p.path}`);
        await axeCheck(s.page, `403 page ${p.path}`);
        scanned = true;
      }
    }
    // Public State pages open (the 403s above are about Iraq and administration, not a broken session).
    for (const route of publicStatePages) {
      const { path } = fillRoute(route, 'fr', data.resolver({ iso2: 'sn' }));
      // Files (exports) are fetched with the session's cookies rather than opened as pages.
      const status = DOWNLOAD.test(route) ? (await s.context.request.get(s.url(path))).status() : (await s.goto(path)).status();
      expect(status, path).toBeLessThan(400);
    }
  });
});
