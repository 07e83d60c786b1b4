import { describe, expect, it } from 'vitest';
import { maskUrl } from './server.tsx';

describe('maskUrl', () => {
  it('hides one-time tokens in invitation and password-reset links', () => {
    expect(maskUrl('/en/invitation/abcDEF123_-x')).toBe('/en/invitation/[redacted]');
    expect(maskUrl('/ar/password/reset/tok.en?x=1')).toBe('/ar/password/reset/[redacted]?x=1');
    expect(maskUrl('/en/reports/123')).toBe('/en/reports/123');
  });
});
