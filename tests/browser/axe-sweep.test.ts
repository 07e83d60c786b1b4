/**
 * axe (WCAG 2.0–2.2 A/AA) on EVERY page the app registers: GET routes under `/:locale/` from
 * app.routeList, parameters filled from seeded demo data, as an anonymous visitor in English and
 * Arabic, then in Arabic (right to left) as the demo administrator (who may open the most) and, for
 * the pages the administrator may not open (a State's own pages), as Senegal's demo preparer: the
 * English pages of signed-in users share their markup and stylesheet, and the journeys check them
 * in English with axe too. Also the 404 page and the
 * sign-in page with errors. Pages an area adds are swept without editing this file; routes whose
 * parameters cannot be filled are listed, and only the explicit allow-list below may be.
 *
 * Cost: axe's contrast check takes seconds on long tables on a 2-core machine, so the two
 * languages run side by side, the colour-contrast rule runs on the Arabic pass only (the English
 * pages have the same stylesheet and markup), no screenshot is taken per page, and a page whose
 * main content was already scanned in the same language (by an earlier pass, or another URL of
 * this pass, e.g. every 403 page) is not scanned again; each role's home page is always scanned,
 * for its header and menu.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  axeProblems,
  DEMO,
  exampleParams,
  fillRoute,
  formatAxeProblems,
  pageRoutes,
  signIn,
  useBrowser,
  type ExampleData,
  type Session,
} from '../support/browser.ts';

/**
 * Routes that may stay unswept, with the reason. Keep it short: add a value to exampleParams()
 * (tests/support/browser.ts) rather than an entry here.
 */
const MAY_BE_UNFILLABLE: { route: RegExp; why: string }[] = [
  // e.g. { route: /\/:token\b/, why: 'one-time links' } — none needed today.
];

/** Routes that answer a file, not a page: listed, not swept. */
const DOWNLOAD = /\.(csv|json|xlsx|pdf|docx|zip|ics)$/;

const LOCALES = ['en', 'ar'];
const SWEEP_TIMEOUT = 15 * 60_000;

const browser = useBrowser();
let data: ExampleData;

beforeAll(async () => {
  data = await exampleParams(browser.app.database);
});

interface Target {
  route: string;
  path: string;
}

function targets(locale: string): { pages: Target[]; unfillable: string[]; downloads: string[] } {
  const resolve = data.resolver();
  const pages: Target[] = [];
  const unfillable: string[] = [];
  const downloads: string[] = [];
  for (const route of pageRoutes(browser.app.app)) {
    if (DOWNLOAD.test(route)) {
      downloads.push(route);
      continue;
    }
    const { path, missing } = fillRoute(route, locale, resolve);
    if (missing.length) unfillable.push(`${route}  (no example value for: ${missing.join(', ')})`);
    else pages.push({ route, path });
  }
  return { pages, unfillable, downloads };
}

type Who = 'anonymous' | 'administrator' | 'State preparer';

interface SweepResult {
  scanned: string[];
  /** Same main content as a page already scanned in this language. */
  repeated: string[];
  /** Pages this user may not open (403): swept again as a State user. */
  forbidden: Target[];
  downloads: string[];
  notFound: string[];
  problems: string[];
}

/** Main contents already scanned, by language: hash → where. */
const scannedMain = new Map<string, string>();

async function mainKey(s: Session, locale: string): Promise<string> {
  const html = await s.page.evaluate(() => document.querySelector('main')?.innerHTML ?? '');
  // The CSRF token differs between sessions; nothing else should.
  const normalised = html.replace(/name="_csrf" value="[^"]*"/g, '');
  return `${locale} ${createHash('sha256').update(normalised).digest('hex')}`;
}

/** Visits every page, runs axe once per distinct main content, and collects what went wrong. */
async function sweep(s: Session, locale: string, pages: Target[], who: Who): Promise<SweepResult> {
  const seenUrls = new Set<string>();
  const result: SweepResult = { scanned: [], repeated: [], forbidden: [], downloads: [], notFound: [], problems: [] };
  for (const { route, path } of pages) {
    let res;
    try {
      res = await s.goto(path);
    } catch (e) {
      if (/Download is starting/.test(String(e))) {
        result.downloads.push(path);
        continue;
      }
      throw e;
    }
    const status = res.status();
    if (status >= 500) result.problems.push(`${path}: answered ${status}`);
    if (status === 404) result.notFound.push(`${route} → ${path}`);
    if (status === 403) result.forbidden.push({ route, path });
    // Pages reached by a redirect (e.g. to sign in with a returnTo) are the same page whatever the query.
    const final = s.path() === path ? path : new URL(s.page.url()).pathname;
    if (seenUrls.has(final)) continue;
    seenUrls.add(final);
    const key = await mainKey(s, locale);
    const home = final === `/${locale}/`;
    if (scannedMain.has(key) && !home) {
      result.repeated.push(`${final} (as ${scannedMain.get(key)})`);
      continue;
    }
    scannedMain.set(key, final);
    // No screenshot per page (hundreds of them cost minutes); the journeys keep theirs.
    const started = Date.now();
    // Colour contrast is checked on the Arabic pass; the English pass has the same colours and markup.
    const found = await axeProblems(s.page, { contrast: locale !== 'en' });
    result.scanned.push(`${final} (${status}, axe ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (found.length) result.problems.push(formatAxeProblems(`${final} (${status}) as ${who}`, found));
  }
  return result;
}

function report(who: Who, locale: string, result: SweepResult): void {
  const lines = [`axe ${who} ${locale}: scanned ${result.scanned.length} pages`, ...result.scanned.map((p) => `  ${p}`)];
  if (result.repeated.length) lines.push(`  not scanned again (same main content): ${result.repeated.join(', ')}`);
  if (result.downloads.length) lines.push(`  downloads (not pages): ${result.downloads.join(', ')}`);
  if (result.notFound.length) lines.push(`  404 with the example values: ${result.notFound.join(', ')}`);
  console.log(lines.join('\n'));
}

/** Runs one pass per language side by side (two browser contexts), as `who`. */
async function sweepBothLanguages(who: Who, email: string | undefined, pagesFor: (locale: string) => Target[], extra?: (s: Session, locale: string, r: SweepResult) => Promise<void>, locales: string[] = LOCALES) {
  return Promise.all(
    locales.map(async (locale) => {
      const s = await browser.session({ name: `axe-${who}-${locale}` });
      // Error pages are part of the sweep; Chromium reports their status on the console.
      s.allowErrorDocuments(400, 401, 403, 404, 409, 410, 422);
      if (email) await signIn(s, locale, email);
      const result = await sweep(s, locale, pagesFor(locale), who);
      if (extra) await extra(s, locale, result);
      report(who, locale, result);
      return { locale, result };
    }),
  );
}

/** The 404 page and the sign-in page with errors. */
async function errorPages(s: Session, locale: string, result: SweepResult): Promise<void> {
  await s.goto(`/${locale}/no-such-page`);
  await s.step('404', { fullPage: false });
  const notFound = await axeProblems(s.page);
  if (notFound.length) result.problems.push(formatAxeProblems(`/${locale}/no-such-page (404)`, notFound));
  await s.goto(`/${locale}/login`);
  await Promise.all([s.page.waitForResponse((r) => r.request().method() === 'POST'), s.page.click('main form button[type=submit]')]);
  await s.page.waitForLoadState('load');
  expect(await s.page.locator('.error-summary').count()).toBe(1);
  await s.step('sign-in with errors', { fullPage: false });
  const withErrors = await axeProblems(s.page);
  if (withErrors.length) result.problems.push(formatAxeProblems(`/${locale}/login with errors`, withErrors));
  result.scanned.push(`/${locale}/no-such-page (404)`, `/${locale}/login with errors (422)`);
}

/** Pages the administrator may not open (403), by locale: the State preparer's pass sweeps them. */
const forbiddenToAdmin = new Map<string, Target[]>();

describe('every page is reachable by the sweep', () => {
  it('fills the parameters of every route, except the explicit allow-list', () => {
    const { pages, unfillable, downloads } = targets('en');
    console.log(`Routes swept (${pages.length}):\n  ${pages.map((p) => p.path).join('\n  ')}`);
    if (downloads.length) console.log(`Downloads (not pages, not swept): ${downloads.join(', ')}`);
    if (unfillable.length) console.log(`Routes not swept, parameters unfillable (${unfillable.length}):\n  ${unfillable.join('\n  ')}`);
    const unexpected = unfillable.filter((u) => !MAY_BE_UNFILLABLE.some((a) => a.route.test(u)));
    expect(unexpected, 'give these parameters an example value in exampleParams() (tests/support/browser.ts), or seed the demo data they need').toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});

describe('axe on every page: for visitors in English and Arabic, signed in in Arabic', () => {
  it(
    'anonymous visitor: no serious or critical violation (with the 404 page and the sign-in page with errors)',
    async () => {
      const runs = await sweepBothLanguages('anonymous', undefined, (l) => targets(l).pages, errorPages);
      expect(runs.flatMap((r) => r.result.problems)).toEqual([]);
    },
    SWEEP_TIMEOUT,
  );

  it(
    'administrator: no serious or critical violation, and every example value exists',
    async () => {
      // In Arabic (right to left, with the contrast rule): the English pages have the same markup and
      // stylesheet, are swept in English for visitors above and by the journeys' own axe checks.
      const runs = await sweepBothLanguages('administrator', DEMO.admin, (l) => targets(l).pages, undefined, ['ar']);
      for (const r of runs) forbiddenToAdmin.set(r.locale, r.result.forbidden);
      expect(runs.flatMap((r) => r.result.problems)).toEqual([]);
      expect(runs.flatMap((r) => r.result.notFound), 'the example value of a parameter does not exist: fix exampleParams()').toEqual([]);
    },
    SWEEP_TIMEOUT,
  );

  it(
    'State preparer, on the pages the administrator may not open: no serious or critical violation',
    async () => {
      // Run alone (-t), it sweeps every page.
      const runs = await sweepBothLanguages('State preparer', DEMO.preparerSn, (l) => forbiddenToAdmin.get(l) ?? targets(l).pages, undefined, ['ar']);
      expect(runs.flatMap((r) => r.result.problems)).toEqual([]);
    },
    SWEEP_TIMEOUT,
  );
});
