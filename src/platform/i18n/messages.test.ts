import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTranslators, loadCatalogues, type LoadedCatalogues } from './messages.ts';

const ITEMS_AR = '{count, plural, zero {لا توجد تقارير} one {تقرير واحد} two {تقريران} few {# تقارير} many {# تقريرًا} other {# تقرير}}';
const ITEMS_RU = '{count, plural, one {# доклад} few {# доклада} many {# докладов} other {# доклада}}';
const ITEMS_EN = '{count, plural, one {# report} other {# reports}}';

function catalogues(): LoadedCatalogues {
  const byLocale: Record<string, Record<string, string>> = {
    ar: { 'test.items': ITEMS_AR, 'test.hello': 'مرحبًا {name}' },
    ru: { 'test.items': ITEMS_RU },
    en: { 'test.items': ITEMS_EN, 'test.hello': 'Hello {name}', 'test.only_en': 'Only in English', 'test.when': 'Due on {date, date, long}' },
    zh: {},
    fr: {},
    es: {},
  };
  return { byLocale, sources: {} };
}

describe('plural messages', () => {
  const tr = createTranslators(catalogues());

  it('gives Arabic its six plural forms: 0, 1, 2, 3, 11 and 100 each read differently', () => {
    const ar = tr('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar.t('test.items', { count }));
    expect(forms).toEqual(['لا توجد تقارير', 'تقرير واحد', 'تقريران', '3 تقارير', '11 تقريرًا', '100 تقرير']);
    expect(new Set(forms).size).toBe(6);
    // 103 is "few" again, 111 "many" again (CLDR rules by the last two digits).
    expect(ar.t('test.items', { count: 103 })).toBe('103 تقارير');
    expect(ar.t('test.items', { count: 111 })).toBe('111 تقريرًا');
  });

  it('gives Russian one, few and many (21 is "one", 22 "few", 25 and 11 "many")', () => {
    const ru = tr('ru');
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map((count) => ru.t('test.items', { count }))).toEqual([
      '1 доклад',
      '2 доклада',
      '5 докладов',
      '11 докладов',
      '21 доклад',
      '22 доклада',
      '25 докладов',
      '101 доклад',
      '111 докладов',
    ]);
    expect(ru.t('test.items', { count: 1.5 })).toBe('1,5 доклада');
  });

  it('formats the number in a plural with the locale, Latin digits in Arabic', () => {
    expect(tr('en').t('test.items', { count: 1250 })).toBe('1,250 reports');
    // 1250 ends in 50: Arabic "many".
    expect(tr('ar').t('test.items', { count: 1250 })).toMatch(/^1[,٬]250 تقريرًا$/);
  });

  it('falls back to English for a missing message, and to the key when English lacks it too', () => {
    const missing: string[] = [];
    const t = createTranslators(catalogues(), (locale, key) => missing.push(`${locale}:${key}`));
    expect(t('fr').t('test.only_en')).toBe('Only in English');
    expect(t('fr').t('test.nowhere')).toBe('test.nowhere');
    expect(missing).toEqual(['fr:test.only_en', 'fr:test.nowhere']);
    expect(t('fr').has('test.only_en')).toBe(false);
    expect(t('en').has('test.only_en')).toBe(true);
  });

  it('fills arguments and formats dates in the locale', () => {
    expect(tr('ar').t('test.hello', { name: 'ليلى' })).toBe('مرحبًا ليلى');
    expect(tr('en').t('test.when', { date: new Date(Date.UTC(2026, 3, 30, 12)) })).toBe('Due on April 30, 2026');
    expect(tr('en').formatDate('2026-04-30')).toBe('April 30, 2026');
    expect(tr('ar').formatDate('2026-04-30')).toMatch(/^30 .+ 2026$/);
  });
});

describe('loadCatalogues', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apmbc-catalogues-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('merges the catalogues of every messages folder and wraps the pseudo-locale', () => {
    mkdirSync(join(dir, 'areas/a/messages'), { recursive: true });
    mkdirSync(join(dir, 'areas/b/messages'), { recursive: true });
    writeFileSync(join(dir, 'areas/a/messages/en.json'), JSON.stringify({ 'a.title': 'Hello {name}' }));
    writeFileSync(join(dir, 'areas/a/messages/ar.json'), JSON.stringify({ 'a.title': 'مرحبًا {name}' }));
    writeFileSync(join(dir, 'areas/b/messages/en.json'), JSON.stringify({ 'b.count': '{n, plural, one {# file} other {# files}}' }));
    const loaded = loadCatalogues(dir);
    expect(loaded.byLocale.en).toEqual({ 'a.title': 'Hello {name}', 'b.count': '{n, plural, one {# file} other {# files}}' });
    expect(loaded.byLocale.ar).toEqual({ 'a.title': 'مرحبًا {name}' });
    expect(loaded.sources['a.title']).toBe(join(dir, 'areas/a/messages'));
    expect(loaded.byLocale.qps!['a.title']).toBe('⟦Hélló {name}⟧');
    const qps = createTranslators(loaded)('qps');
    expect(qps.t('a.title', { name: 'Ana' })).toBe('⟦Hélló Ana⟧');
    expect(qps.t('b.count', { n: 2 })).toBe('⟦2 files⟧');
  });

  it('refuses a key defined in two areas', () => {
    const dup = mkdtempSync(join(tmpdir(), 'apmbc-dup-'));
    try {
      for (const area of ['x', 'y']) {
        mkdirSync(join(dup, area, 'messages'), { recursive: true });
        writeFileSync(join(dup, area, 'messages/en.json'), JSON.stringify({ 'same.key': area }));
      }
      expect(() => loadCatalogues(dup)).toThrow(/same\.key is defined in/);
    } finally {
      rmSync(dup, { recursive: true, force: true });
    }
  });
});
