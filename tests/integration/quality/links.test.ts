/**
 * Every link on every page leads somewhere: each local `<a href>` found on the pages an anonymous
 * visitor, an administrator and a State preparer see (English and Arabic) answers without 404 or a
 * server error. Menus, footers and "back" links break quietly when a route is renamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements, parseHtml } from './html.ts';
import { allPages, isHtml, startQualityApp, type QualityApp } from './pages.ts';
import type { Agent } from '../../support/app.ts';

let q: QualityApp;
beforeAll(async () => {
  q = await startQualityApp();
});
afterAll(async () => q?.close());

function localLinks(html: string): string[] {
  return elements(parseHtml(html), 'a')
    .map((a) => a.attrs.href ?? '')
    .filter((h) => h.startsWith('/') && !h.startsWith('//'))
    .map((h) => h.split('#')[0]!)
    .filter(Boolean);
}

/** The GET route a path matches, as its pattern (`/:locale/states/:iso2`), or undefined. */
function routeOf(path: string): string | undefined {
  const pathname = path.split('?')[0]!;
  for (const { url, re } of routes) if (re.test(pathname)) return url;
  return undefined;
}
let routes: { url: string; re: RegExp }[] = [];

/** Links checked per route (links to 166 State pages test the same route as links to three). */
const PER_ROUTE = 3;

async function brokenLinks(agent: Agent, who: string, locale: string): Promise<{ broken: string[]; checked: number }> {
  routes = q.t.app.routeList
    .filter((r) => r.method === 'GET')
    .map((r) => ({ url: r.url, re: new RegExp(`^${r.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+').replace(/\*/g, '.*')}/?$`) }));
  const found = new Map<string, string>();
  const perRoute = new Map<string, number>();
  for (const { path } of allPages(q, locale).pages) {
    const res = await agent.get(path);
    if (!isHtml(res)) continue;
    for (const link of localLinks(res.body)) {
      if (found.has(link)) continue;
      // A link that matches no route is always checked (it is the likely 404).
      const route = routeOf(link);
      if (route) {
        const n = perRoute.get(route) ?? 0;
        if (n >= PER_ROUTE) continue;
        perRoute.set(route, n + 1);
      }
      found.set(link, path);
    }
  }
  const broken: string[] = [];
  for (const [link, from] of found) {
    const res = await agent.get(link);
    if (res.status === 404 || res.status >= 500) broken.push(`${link} (${res.status}) linked from ${from} for ${who}`);
  }
  return { broken, checked: found.size };
}

describe('links', () => {
  it.each(['en', 'ar'])('every local link on every page answers, in %s', async (locale) => {
    const results = await Promise.all([
      brokenLinks(q.anonymous, 'anonymous', locale),
      brokenLinks(q.admin, 'administrator', locale),
      brokenLinks(q.statePreparer, 'State preparer', locale),
    ]);
    console.log(`links ${locale}: ${results.map((r) => r.checked).join(' + ')} distinct links checked`);
    expect(results.reduce((n, r) => n + r.checked, 0)).toBeGreaterThan(10);
    expect(results.flatMap((r) => r.broken)).toEqual([]);
    // Every page of the app, for three users: a few seconds alone, longer beside other test files.
  }, 120_000);
});
