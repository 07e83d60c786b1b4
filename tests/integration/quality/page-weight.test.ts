/**
 * The page budget (design guide §6): every page in every language — those without parameters and
 * those with them (a published report, a State's page, a draft's task list and each of its forms…,
 * filled from the example data) — for an anonymous visitor, an administrator and a State preparer,
 * weighs at most 60 KB on first load: the HTML, the stylesheet, the script and the icon it
 * references, as transferred (compressed with br or gzip), and references nothing on another
 * origin (in the HTML or the stylesheet).
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements, parseHtml } from './html.ts';
import { allPages, isHtml, LOCALES, startQualityApp, type QualityApp } from './pages.ts';
import type { Agent } from '../../support/app.ts';
import { exampleParams } from '../../support/browser.ts';
import { seedDemoReports } from '../../../src/areas/reporting/demo-reports.ts';

const BUDGET = 60 * 1024;

let q: QualityApp;
beforeAll(async () => {
  q = await startQualityApp();
  // The demo reports (published, submitted, drafts with every form filled in), so the report pages
  // weighed carry realistic content; then the example parameters are taken again to point at them.
  await seedDemoReports(q.t.database);
  q.data = await exampleParams(q.t.database);
}, 120_000);
afterAll(async () => q?.close());

/** Bytes on the wire for a GET with `accept-encoding: br, gzip`. */
async function transferred(agent: Agent, url: string): Promise<{ status: number; bytes: number; encoding: string; body: string; type: string }> {
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await q.t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip', ...(cookie ? { cookie } : {}) } });
  const encoding = String(res.headers['content-encoding'] ?? 'identity');
  const raw = res.rawPayload;
  const body = (encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  return { status: res.statusCode, bytes: raw.length, encoding, body, type: String(res.headers['content-type'] ?? '') };
}

/** src/href of link, script and img that point to another origin. */
function foreignReferences(html: string): string[] {
  const doc = parseHtml(html);
  const refs: string[] = [];
  for (const el of [...elements(doc, 'link'), ...elements(doc, 'script'), ...elements(doc, 'img'), ...elements(doc, 'source'), ...elements(doc, 'iframe')]) {
    for (const attr of ['src', 'href', 'srcset']) {
      const v = el.attrs[attr];
      if (v && /^(https?:)?\/\//i.test(v.trim())) refs.push(`<${el.tag} ${attr}="${v}">`);
    }
  }
  return refs;
}

function assetsOf(html: string): string[] {
  const doc = parseHtml(html);
  const css = elements(doc, 'link')
    .filter((l) => l.attrs.rel === 'stylesheet' && l.attrs.href)
    .map((l) => l.attrs.href!);
  const js = elements(doc, 'script')
    .filter((s) => s.attrs.src)
    .map((s) => s.attrs.src!);
  const img = elements(doc, 'img')
    .filter((i) => i.attrs.src && !i.attrs.src.startsWith('data:'))
    .map((i) => i.attrs.src!);
  // Browsers fetch the icon on first load too.
  const icon = elements(doc, 'link')
    .filter((l) => /(^|\s)icon(\s|$)/.test(l.attrs.rel ?? '') && l.attrs.href)
    .map((l) => l.attrs.href!);
  return [...css, ...js, ...img, ...icon];
}

/** url(...) and @import in a stylesheet that point to another origin. */
function foreignInCss(css: string): string[] {
  return [...css.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")\s]+)/gi)].map((m) => m[1]!);
}

/**
 * The pages weighed for one locale: every GET page whose parameters the example data fills, and
 * for a user who edits reports every form linked from the draft's task list (the form pages are
 * the heaviest a preparer loads).
 */
async function pagesToWeigh(agent: Agent, locale: string): Promise<string[]> {
  const paths = allPages(q, locale).pages.map((p) => p.path);
  for (const path of [...paths]) {
    if (!/\/reports\/[^/]+\/edit$/.test(path)) continue;
    const taskList = await transferred(agent, path);
    if (taskList.status !== 200) continue;
    for (const m of taskList.body.matchAll(/href="(\/[a-z]{2}\/reports\/[^"/]+\/forms\/[^"?#/]+)"/g)) if (!paths.includes(m[1]!)) paths.push(m[1]!);
  }
  return paths;
}

async function weigh(agent: Agent, who: string) {
  const lines: string[] = [];
  const over: string[] = [];
  const foreign: string[] = [];
  const broken: string[] = [];
  const assetCache = new Map<string, number>();
  const weighed: string[] = [];
  for (const locale of LOCALES) {
    for (const path of await pagesToWeigh(agent, locale)) {
      const page = await transferred(agent, path);
      if ((page.status >= 300 && page.status < 400) || !page.type.startsWith('text/html')) continue;
      let total = page.bytes;
      for (const asset of assetsOf(page.body)) {
        let bytes = assetCache.get(asset);
        if (bytes === undefined) {
          const res = await transferred(agent, asset);
          if (res.status !== 200) broken.push(`${path}: ${asset} answered ${res.status}`);
          if (res.type.startsWith('text/css')) for (const r of foreignInCss(res.body)) foreign.push(`${asset}: ${r}`);
          bytes = res.bytes;
          assetCache.set(asset, bytes);
        }
        total += bytes;
      }
      weighed.push(path);
      lines.push(`${path.padEnd(40)} ${(total / 1024).toFixed(1).padStart(6)} KB (HTML ${(page.bytes / 1024).toFixed(1)} KB ${page.encoding})`);
      if (total > BUDGET) over.push(`${path} as ${who}: ${(total / 1024).toFixed(1)} KB`);
      for (const r of foreignReferences(page.body)) foreign.push(`${path}: ${r}`);
    }
  }
  console.log(`page weight, ${who} (HTML + CSS + JS as transferred):\n  ${lines.join('\n  ')}`);
  return { over, foreign, broken, count: lines.length, weighed };
}

describe('page weight', () => {
  it('compresses pages and assets', async () => {
    const page = await transferred(q.anonymous, '/en/');
    expect(page.encoding).toMatch(/^(br|gzip)$/);
    const css = await transferred(q.anonymous, assetsOf(page.body).find((a) => a.includes('.css'))!);
    expect(css.status).toBe(200);
    expect(css.encoding).toMatch(/^(br|gzip)$/);
  });

  // Every page in six languages for three users: hundreds of requests, hence the longer timeout.
  it.each([
    ['anonymous', () => q.anonymous, /\/reports\/[^/]+$/],
    ['administrator', () => q.admin, /\/admin\//],
    ['State preparer', () => q.statePreparer, /\/forms\/[^/]+$/],
  ] as const)('every page, in every language, is within 60 KB and local only (%s)', async (who, agent, mustInclude) => {
    const { over, foreign, broken, count, weighed } = await weigh(agent(), who);
    expect(count).toBeGreaterThanOrEqual(LOCALES.length * 3);
    // The key pages with parameters are among those weighed (a published report, the admin pages, the forms).
    expect(weighed.filter((p) => mustInclude.test(p)).length, `pages matching ${mustInclude}`).toBeGreaterThanOrEqual(LOCALES.length);
    expect(broken).toEqual([]);
    expect(over, 'pages over the 60 KB budget').toEqual([]);
    expect(foreign, 'references to other origins').toEqual([]);
  }, 300_000);

  it('detects a reference to another origin in a stylesheet', () => {
    expect(foreignInCss("a{background:url(/static/a.svg)} @import 'https://fonts.example.com/f.css'; b{background:url( \"//cdn.example.com/b.png\")}")).toEqual(['https://fonts.example.com/f.css', '//cdn.example.com/b.png']);
  });

  it('detects a reference to another origin', () => {
    expect(foreignReferences('<html><head><link rel="stylesheet" href="https://cdn.example.com/x.css"><script src="//evil.example/x.js"></script></head><body><img src="/static/a.png"></body></html>')).toEqual([
      '<link href="https://cdn.example.com/x.css">',
      '<script src="//evil.example/x.js">',
    ]);
  });

  it('HTML pages are really HTML', async () => {
    const res = await q.anonymous.get('/en/');
    expect(isHtml(res)).toBe(true);
  });
});
