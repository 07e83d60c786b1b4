import { describe, expect, it } from 'vitest';
import { direction, intlTag, isLocale, negotiateLocale } from './locales.ts';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-CH, ar;q=0.5', 'fr'],
    ['ar-IQ,ar;q=0.9,en;q=0.8', 'ar'],
    ['zh-Hans-CN', 'zh'],
    ['ZH-tw', 'zh'],
    ['de-DE, ru;q=0.3', 'ru'],
    ['de, it;q=0.9', 'en'],
    ['en;q=0.1, es;q=0.9', 'es'],
    ['es;q=0, fr;q=0.2', 'fr'],
    ['*', 'en'],
    ['ru;q=abc, ar', 'ar'],
    ['qps', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('reads only the first 20 entries of a long header', () => {
    const header = [...Array.from({ length: 30 }, (_, i) => `x${i};q=0.9`), 'ar'].join(', ');
    expect(negotiateLocale(header)).toBe('en');
  });
});

describe('locales', () => {
  it('knows the six languages and nothing else', () => {
    for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) expect(isLocale(l)).toBe(true);
    for (const l of ['qps', 'EN', 'de', '', undefined, 1]) expect(isLocale(l)).toBe(false);
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(direction('ar')).toBe('rtl');
    for (const l of ['zh', 'en', 'fr', 'ru', 'es', 'qps']) expect(direction(l)).toBe('ltr');
  });

  it('formats Arabic with Latin digits and Chinese in simplified script', () => {
    expect(new Intl.NumberFormat(intlTag('ar')).format(1250.5)).toMatch(/^1[,٬]250[.٫]5$/);
    expect(intlTag('zh')).toBe('zh-Hans');
    expect(intlTag('qps')).toBe('en');
  });
});
