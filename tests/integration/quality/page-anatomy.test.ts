/**
 * Page anatomy (screens.md): every page, in every language, for anonymous visitors, an
 * administrator and a State preparer, error pages included, has `<html lang dir>` of its language,
 * exactly one <h1>, a <title> "page name · platform name" whose page name is not empty, a <main>
 * with id "main" for the skip link, and ids that are unique.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../../src/platform/i18n/messages.ts';
import { direction } from '../../../src/platform/i18n/locales.ts';
import { ancestors, elements, parseHtml, textOf } from './html.ts';
import { allPages, isHtml, LOCALES, parameterlessPages, startQualityApp, type QualityApp } from './pages.ts';
import type { Agent } from '../../support/app.ts';
import { hasParams } from '../../support/browser.ts';

const tr = createTranslators(loadCatalogues());

let q: QualityApp;
beforeAll(async () => {
  q = await startQualityApp();
});
afterAll(async () => q?.close());

function anatomyProblems(html: string, locale: string): string[] {
  const problems: string[] = [];
  const doc = parseHtml(html);
  const htmlEl = elements(doc, 'html')[0];
  const lang = locale === 'qps' ? 'en' : locale;
  if (htmlEl?.attrs.lang !== lang) problems.push(`<html lang="${htmlEl?.attrs.lang}">, expected "${lang}"`);
  if (htmlEl?.attrs.dir !== direction(locale)) problems.push(`<html dir="${htmlEl?.attrs.dir}">, expected "${direction(locale)}"`);
  const h1 = elements(doc, 'h1');
  if (h1.length !== 1) problems.push(`${h1.length} <h1> elements`);
  else if (!textOf(h1[0]!).trim()) problems.push('an empty <h1>');
  // The page's <title>; an SVG's <title> (a chart's or a map shape's accessible name) is not one.
  const titles = elements(doc, 'title').filter((el) => !ancestors(el).some((a) => a.tag === 'svg'));
  const platform = tr(locale).t('common.platform_name');
  const title = titles.length === 1 ? textOf(titles[0]!) : '';
  if (titles.length !== 1) problems.push(`${titles.length} <title> elements`);
  else if (!title.endsWith(` · ${platform}`)) problems.push(`<title>${title}</title> does not end with " · ${platform}"`);
  else if (!title.slice(0, -` · ${platform}`.length).trim()) problems.push('<title> has no page name');
  const mains = elements(doc, 'main');
  if (mains.length !== 1 || mains[0]!.attrs.id !== 'main') problems.push('no single <main id="main">');
  const ids = elements(doc)
    .map((e) => e.attrs.id)
    .filter((id): id is string => !!id);
  const dupes = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (dupes.length) problems.push(`duplicate ids: ${dupes.join(', ')}`);
  return problems;
}

async function check(agent: Agent, who: string, locale: string, paths: string[]): Promise<{ problems: string[]; checked: number }> {
  const problems: string[] = [];
  let checked = 0;
  for (const path of paths) {
    const res = await agent.get(path);
    if (!isHtml(res)) continue;
    checked++;
    for (const p of anatomyProblems(res.body, locale)) problems.push(`${path} (${res.status}, ${who}): ${p}`);
  }
  return { problems, checked };
}

describe('page anatomy', () => {
  it('detects a page without its heading, title or language', () => {
    expect(anatomyProblems('<html lang="en"><head><title>Home</title></head><body><main><h1>A</h1><h1>B</h1><p id="x"></p><p id="x"></p></main></body></html>', 'ar')).toEqual([
      '<html lang="en">, expected "ar"',
      '<html dir="undefined">, expected "rtl"',
      '2 <h1> elements',
      `<title>Home</title> does not end with " · ${tr('ar').t('common.platform_name')}"`,
      'no single <main id="main">',
      'duplicate ids: x',
    ]);
  });

  it.each([...LOCALES, 'qps'])('every page without parameters in %s, for every kind of user', async (locale) => {
    const paths = [...parameterlessPages(q, locale).map((p) => p.path), `/${locale}/no-such-page`];
    const results = await Promise.all([
      check(q.anonymous, 'anonymous', locale, paths),
      check(q.admin, 'administrator', locale, paths),
      check(q.statePreparer, 'State preparer', locale, paths),
    ]);
    expect(results.reduce((n, r) => n + r.checked, 0)).toBeGreaterThan(5);
    expect(results.flatMap((r) => r.problems)).toEqual([]);
  });

  it.each(['en', 'ar'])('every page with parameters in %s (filled from example records)', async (locale) => {
    const { pages, unfillable } = allPages(q, locale);
    if (unfillable.length) console.log(`page anatomy ${locale}: routes without example values (not checked): ${unfillable.join(', ')}`);
    const paths = pages.filter((p) => hasParams(p.route)).map((p) => p.path);
    const results = await Promise.all([check(q.anonymous, 'anonymous', locale, paths), check(q.admin, 'administrator', locale, paths), check(q.statePreparer, 'State preparer', locale, paths)]);
    expect(results.flatMap((r) => r.problems)).toEqual([]);
  });
});
