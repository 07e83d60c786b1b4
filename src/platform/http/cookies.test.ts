import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './cookies.ts';

describe('safeReturnTo', () => {
  it('keeps local paths with their query', () => {
    for (const p of ['/', '/en/account', '/ar/reports/3f1c?version=2&x=%2F%2Fa', '/en/login?returnTo=%2Fen%2Fmy']) expect(safeReturnTo(p, '/x')).toBe(p);
  });

  it('refuses every way to another site, and characters a Location header cannot carry', () => {
    const attempts = [
      '//evil.example',
      '/\\evil.example',
      '/\\\\evil.example',
      '/\t/evil.example',
      '/\r/evil.example',
      '/\n/evil.example',
      '/\t\\evil.example',
      '/ /evil.example',
      '/\u3000/evil.example',
      '/\u00a0/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      ' /en/',
      'en/account',
      '',
      `/${'a'.repeat(600)}`,
    ];
    for (const a of attempts) expect(safeReturnTo(a, '/fallback'), JSON.stringify(a)).toBe('/fallback');
    expect(safeReturnTo(undefined, '/f')).toBe('/f');
    expect(safeReturnTo(['/en/'], '/f')).toBe('/f');
  });
});
