/**
 * Hard-coded strings: every page without parameters, rendered in the pseudo-locale `qps` (each
 * catalogue message wrapped in ⟦…⟧), may show only wrapped text, whitespace, punctuation, digits,
 * the language endonyms of the switcher, and user or reference data. Text an interface string
 * never produces (dates in <time>, codes in <code>, user text in <bdi>, `translate="no"`) is skipped.
 * The accessible names in aria-label, title, alt and placeholder are checked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../../../src/platform/i18n/locales.ts';
import { ancestors, describe as where, elements, parseHtml, walk, type HtmlElement } from './html.ts';
import { dataStrings, isHtml, isRedirect, parameterlessPages, startQualityApp, type QualityApp } from './pages.ts';
import type { Agent } from '../../support/app.ts';

let q: QualityApp;
let data: string[];
let dataPatterns: Map<string, RegExp>;

beforeAll(async () => {
  q = await startQualityApp();
  // Reference data, plus what Intl writes for the pseudo-locale (English language names).
  const languageNames = new Intl.DisplayNames('en', { type: 'language' });
  data = [...(await dataStrings(q)), ...['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => languageNames.of(l)!)].sort((a, b) => b.length - a.length);
  dataPatterns = new Map(data.map((d) => [d, new RegExp(`(?<![\\p{L}\\p{N}])${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu')]));
});
afterAll(async () => q?.close());

const SKIP_TAGS = new Set(['script', 'style', 'bdi', 'time', 'code', 'head', 'title', 'template', 'noscript']);
const ENDONYMS = new Set(Object.values(LANGUAGE_NAMES));
const CHECKED_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'];

function skipped(el: HtmlElement): boolean {
  return SKIP_TAGS.has(el.tag) || el.attrs.translate === 'no';
}

/** What is left of a text once messages, data, digits and punctuation are taken out ('' when fine). */
function leftover(text: string): string {
  let s = text;
  // Remove wrapped messages, innermost first (a message may contain another as an argument).
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  if (!/\p{L}/u.test(s)) return '';
  if (ENDONYMS.has(s.trim())) return '';
  // Whole words of user or reference data only ("ar" is data, "Hard" is not).
  for (const d of data) if (s.includes(d)) s = s.replace(dataPatterns.get(d)!, ' ');
  return /\p{L}/u.test(s) ? s.replace(/\s+/g, ' ').trim() : '';
}

function hardCoded(html: string): string[] {
  const doc = parseHtml(html);
  const body = elements(doc, 'body')[0];
  if (!body) return ['no <body>'];
  const found: string[] = [];
  for (const node of walk(body)) {
    if (node.type === 'text') {
      if (ancestors(node).some(skipped)) continue;
      const rest = leftover(node.text);
      if (rest) found.push(`"${rest}" at ${where(node)}`);
    } else if (!ancestors(node).some(skipped) && !skipped(node)) {
      for (const a of CHECKED_ATTRIBUTES) {
        const v = node.attrs[a];
        if (v === undefined) continue;
        const rest = leftover(v);
        if (rest) found.push(`${a}="${rest}" at ${where(node)}`);
      }
      if (node.tag === 'input' && (node.attrs.type === 'submit' || node.attrs.type === 'button') && node.attrs.value) {
        const rest = leftover(node.attrs.value);
        if (rest) found.push(`button value "${rest}" at ${where(node)}`);
      }
    }
  }
  return found;
}

async function sweep(agent: Agent): Promise<{ checked: string[]; problems: string[] }> {
  const checked: string[] = [];
  const problems: string[] = [];
  for (const { path } of parameterlessPages(q, 'qps')) {
    const res = await agent.get(path);
    if (isRedirect(res) || !isHtml(res)) continue;
    checked.push(`${path} (${res.status})`);
    for (const p of hardCoded(res.body)) problems.push(`${path}: ${p}`);
  }
  return { checked, problems };
}

describe('pseudo-locale', () => {
  it('the pseudo-locale wraps every message', async () => {
    const res = await q.anonymous.get('/qps/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toMatch(/<h1>⟦[^<]+⟧<\/h1>/);
  });

  it('finds a string that bypasses the catalogues', () => {
    expect(hardCoded('<html><body><main><p>⟦Wélcómé⟧</p><p>Hard-coded</p><p aria-label="Close">12:30</p></main></body></html>')).toEqual([
      '"Hard-coded" at body > main > p',
      'aria-label="Close" at body > main > p',
    ]);
    expect(hardCoded(`<html><body><p>⟦A ⟦B⟧⟧ · 3 %</p><bdi>Any name</bdi><time datetime="2026-04-30">30 April 2026</time><a lang="ar">العربية</a><code>accounts.user.updated</code><span translate="no">APMBC</span></body></html>`)).toEqual([]);
  });

  it('every page without parameters has only catalogue text, for anonymous visitors', async () => {
    const { checked, problems } = await sweep(q.anonymous);
    console.log(`pseudo-locale, anonymous: ${checked.join(', ')}`);
    expect(checked.length).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
  });

  it('every page without parameters has only catalogue text, for an administrator', async () => {
    const { checked, problems } = await sweep(q.admin);
    console.log(`pseudo-locale, administrator: ${checked.join(', ')}`);
    expect(checked.some((c) => c.startsWith('/qps/admin'))).toBe(q.t.app.routeList.some((r) => r.url.startsWith('/:locale/admin')));
    expect(problems).toEqual([]);
  });

  it('every page without parameters has only catalogue text, for a State preparer', async () => {
    const { problems } = await sweep(q.statePreparer);
    expect(problems).toEqual([]);
  });

  it('the 404 page has only catalogue text', async () => {
    const res = await q.anonymous.get('/qps/no-such-page');
    expect(res.status).toBe(404);
    expect(hardCoded(res.body)).toEqual([]);
  });
});
