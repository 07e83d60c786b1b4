import { describe, expect, it } from 'vitest';
import {
  groupSecret,
  hashRecoveryCode,
  isLinkTokenShape,
  isTotpCodeShape,
  newApiToken,
  newLinkToken,
  newRecoveryCodes,
  normaliseRecoveryCode,
  parseApiToken,
  passwordProblem,
} from './credentials.ts';
import { roleBinding, userStatus } from './user-status.ts';

describe('password rules', () => {
  const email = 'amina.diallo@example.org';
  it('needs at least 12 and at most 200 characters', () => {
    expect(passwordProblem('short pass', email)).toBe('too_short');
    expect(passwordProblem('x'.repeat(201), email)).toBe('too_long');
    expect(passwordProblem('x'.repeat(200), email)).toBeUndefined();
    expect(passwordProblem('twelve chars', email)).toBeUndefined();
  });
  it('counts characters, not bytes', () => {
    expect(passwordProblem('كلمة سر طويلة', email)).toBeUndefined();
    expect(passwordProblem('密码太短了', email)).toBe('too_short');
  });
  it('refuses the e-mail address or its local part, in any case', () => {
    expect(passwordProblem('my AMINA.DIALLO@example.org pw', email)).toBe('contains_email');
    expect(passwordProblem('xx amina.diallo xx', email)).toBe('contains_email');
    expect(passwordProblem('aaaa bbbb cccc', 'abc@example.org')).toBeUndefined();
  });
});

describe('tokens and codes', () => {
  it('makes link tokens of a fixed shape and stores only a hash', () => {
    const { token, hash } = newLinkToken();
    expect(isLinkTokenShape(token)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(isLinkTokenShape('../../etc')).toBe(false);
  });

  it('makes ten distinct recovery codes that normalise and hash the same however typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const c = codes[0]!;
    expect(normaliseRecoveryCode(` ${c.toLowerCase().replace('-', ' ')} `)).toBe(c.replace('-', ''));
    expect(hashRecoveryCode(c.toLowerCase())).toBe(hashRecoveryCode(c));
    expect(normaliseRecoveryCode('123456')).toBeUndefined();
    expect(isTotpCodeShape('123 456')).toBe(true);
    expect(isTotpCodeShape(c)).toBe(false);
  });

  it('formats and parses API tokens', () => {
    const { token, prefix, hash } = newApiToken();
    expect(token).toMatch(/^apmbc_[0-9a-f]{8}_[0-9a-f]{64}$/);
    expect(parseApiToken(token)).toEqual({ prefix, hash });
    expect(parseApiToken(`${token}x`)).toBeUndefined();
    expect(parseApiToken('apmbc_zz_zz')).toBeUndefined();
  });

  it('groups a base32 secret in fours', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('user status', () => {
  const base = { disabledAt: null, hasPassword: true, lockedUntil: null };
  it('derives the status in order of importance', () => {
    expect(userStatus(base)).toBe('active');
    expect(userStatus({ ...base, hasPassword: false })).toBe('invited');
    expect(userStatus({ ...base, lockedUntil: new Date(Date.now() + 60_000) })).toBe('locked');
    expect(userStatus({ ...base, lockedUntil: new Date(Date.now() - 60_000) })).toBe('active');
    expect(userStatus({ ...base, disabledAt: new Date(), hasPassword: false })).toBe('disabled');
  });
  it('knows which roles are bound to a State or a committee', () => {
    expect(roleBinding('state_approver')).toBe('state');
    expect(roleBinding('committee_member')).toBe('committee');
    expect(roleBinding('admin')).toBe('none');
  });
});
