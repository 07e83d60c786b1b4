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

async function brokenLinks(agent: Agent, who: string, locale: string): Promise<{ broken: string[]; checked: number }> {
  const found = new Map<string, string>();
  for (const { path } of allPages(q, locale).pages) {
    const res = await agent.get(path);
    if (!isHtml(res)) continue;
    for (const link of localLinks(res.body)) if (!found.has(link)) found.set(link, path);
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
  });
});
