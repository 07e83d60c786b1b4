import { describe, expect, it } from 'vitest';
import { maskUrl } from './server.tsx';

describe('maskUrl', () => {
  it('hides one-time tokens in invitation, password-reset and questionnaire links', () => {
    expect(maskUrl('/en/invitation/abcDEF123_-x')).toBe('/en/invitation/[redacted]');
    expect(maskUrl('/ar/password/reset/tok.en?x=1')).toBe('/ar/password/reset/[redacted]?x=1');
    expect(maskUrl('/fr/answer/Zx9_tok/sections/support?x=1')).toBe('/fr/answer/[redacted]/sections/support?x=1');
    expect(maskUrl('/calendar/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab.ics')).toBe('/calendar/[redacted].ics');
    expect(maskUrl('/en/reports/123')).toBe('/en/reports/123');
  });
});
