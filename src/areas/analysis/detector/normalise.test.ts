import { describe, expect, it } from 'vitest';
import { arabicForms, normalise, normaliseText, tokenize } from './normalise.ts';

describe('normalise', () => {
  it('folds Latin accents and case', () => {
    expect(normaliseText('Coopération SUD–SUD, sólo, Ñandú')).toBe('cooperation sud-sud, solo, nandu');
  });

  it('folds Arabic letter forms and removes diacritics and tatweel', () => {
    expect(normaliseText('أإآٱ')).toBe('اااا');
    expect(normaliseText('على منصـــة وطنيّة')).toBe('علي منصه وطنيه');
    expect(normaliseText('كلٌّ')).toBe('كل');
    expect(normaliseText('مسؤول')).toBe('مسوول');
    expect(normaliseText('٢٠٢٣')).toBe('2023');
  });

  it('keeps Cyrillic letters except ё → е', () => {
    expect(normaliseText('Сапёры и мой')).toBe('саперы и мой');
  });

  it('keeps Chinese characters and folds full-width forms', () => {
    expect(normaliseText('国家平台，２０２３')).toBe('国家平台,2023');
  });

  it('maps every normalised character back to the original text', () => {
    const original = 'Une plate\u0301forme — منصـة';
    const n = normalise(original);
    expect(n.text).toBe('une plateforme - منصه');
    const i = n.text.indexOf('منصه');
    expect(original.slice(n.starts[i]!, n.ends[i + 3]!)).toBe('منصـة');
    const j = n.text.indexOf('plateforme');
    expect(original.slice(n.starts[j]!, n.ends[j + 'plateforme'.length - 1]!)).toBe('plate\u0301forme');
  });
});

describe('tokenize', () => {
  it('splits words on apostrophes and hyphens, and Chinese into characters', () => {
    expect(tokenize(normaliseText("n'existe pas; South-South 2023年平台")).map((t) => t.text)).toEqual(['n', 'existe', 'pas', 'south', 'south', '2023', '年', '平', '台']);
  });
});

describe('arabicForms', () => {
  it('takes off attached conjunctions, prepositions and the article', () => {
    expect(arabicForms('والمنصه')).toEqual(expect.arrayContaining(['والمنصه', 'المنصه', 'منصه']));
    expect(arabicForms('للمنصه')).toContain('منصه');
    expect(arabicForms('بالجنس')).toContain('جنس');
  });
});
