import { describe, expect, it } from 'vitest';
import { plainText, reportUrl, textDirection } from './document.ts';
import { percent } from './figures.ts';
import { isPaperYear } from './paper-queries.ts';

describe('paper documents', () => {
  it('links a published public report to its public page and any other report to its indicator page', () => {
    expect(reportUrl('https://x.org', 'ar', { id: 'r1', isPublic: true }, 'r1')).toBe('https://x.org/ar/reports/r1');
    expect(reportUrl('https://x.org', 'en', { id: 'r2', isPublic: false }, 'r2')).toBe('https://x.org/en/analysis/reports/r2');
    expect(reportUrl('https://x.org', 'en', undefined, 'r3')).toBe('https://x.org/en/analysis/reports/r3');
  });

  it('keeps only characters documents can hold', () => {
    expect(plainText('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(plainText('x\uD800y')).toBe('x\uFFFDy');
    expect(plainText('😀 ok')).toBe('😀 ok');
  });

  it('finds the direction of a text from its first letter', () => {
    expect(textDirection('مرحبا world')).toBe('rtl');
    expect(textDirection('2024: مرحبا')).toBe('rtl');
    expect(textDirection('Hello مرحبا')).toBe('ltr');
    expect(textDirection('123 %')).toBeUndefined();
  });

  it('rounds shares to whole percent and never divides by zero', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });

  it('opens papers for the Convention’s reporting years up to next year', () => {
    const now = new Date('2026-11-29T00:00:00Z');
    expect(isPaperYear(1999, now)).toBe(true);
    expect(isPaperYear(2027, now)).toBe(true);
    expect(isPaperYear(1998, now)).toBe(false);
    expect(isPaperYear(2028, now)).toBe(false);
  });
});
