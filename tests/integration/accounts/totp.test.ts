import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp, newTotpSecret } from '../../../src/platform/auth/totp.ts';
import { createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../support/app.ts';
import type { Agent } from '../../support/app.ts';
import { agentFrom, auditActions, auditSummaries, inputValue, sessionCookie, signedIn } from './helpers.ts';

const STEP = 30_000;

/** Goes through the set-up page; returns the secret and the recovery codes shown once. */
async function enrol(agent: Agent) {
  const page = await agent.get('/en/account/two-step');
  expect(page.status).toBe(200);
  const secret = inputValue(page.body, 'secret');
  const signature = inputValue(page.body, 'signature');
  // Shown as text for typing (groups of four) and as an otpauth:// URI; no images, no inline script.
  expect(page.body).toContain(secret.match(/.{1,4}/g)!.join(' '));
  expect(page.body).toMatch(/otpauth:\/\/totp\/[^<]*secret=/);
  expect(page.body).not.toMatch(/<img|<script(?![^>]*\bsrc=)/);

  const wrong = await agent.post('/en/account/two-step', { secret, signature, code: '000000' === currentTotp(secret) ? '111111' : '000000' });
  expect(wrong.status).toBe(422);
  // A secret not issued by the server is refused.
  const forged = await agent.post('/en/account/two-step', { secret: newTotpSecret(), signature, code: '123456' });
  expect(forged.status).toBe(303);

  const ok = await agent.post('/en/account/two-step', { secret, signature, code: currentTotp(secret) });
  expect(ok.status).toBe(200);
  const codes = [...ok.body.matchAll(/<code>([A-Z2-9]{5}-[A-Z2-9]{5})<\/code>/g)].map((m) => m[1]!);
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

async function passwordStep(email: string) {
  const agent = agentFrom(t.app);
  const res = await agent.signIn(email);
  expect(res.status).toBe(303);
  expect(res.location).toBe('/en/login/two-factor');
  await agent.get('/en/login/two-factor');
  return agent;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('two-step verification (TOTP)', () => {
  it('enrols, then signs in with a code; a used code cannot be replayed', async () => {
    const { agent, user } = await signedIn(t, { role: 'state_preparer', stateIso2: 'SN' });
    const { secret, codes } = await enrol(agent);
    expect((await agent.get('/en/account')).body).toContain('10 unused recovery codes left');

    // Only hashes are stored; nothing secret is in the audit trail.
    const stored = await t.database.query<{ code_hash: string }>('select code_hash from totp_recovery_codes where user_id = $1', [user.id]);
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    const summaries = await auditSummaries(t, user.id);
    expect(summaries).not.toContain(secret);
    for (const c of codes) expect(summaries).not.toContain(c);
    expect(await auditActions(t, user.id)).toContain('accounts.totp.enabled');

    // Password alone now gives only a half session.
    const next = currentTotp(secret, Date.now() + STEP);
    const b = await passwordStep(user.email);
    const halfCookie = sessionCookie(b);
    expect((await b.get('/en/account')).status).toBe(303);
    const bad = await b.post('/en/login/two-factor', { code: '12345x' });
    expect(bad.status).toBe(422);
    const good = await b.post('/en/login/two-factor', { code: next });
    expect(good.status).toBe(303);
    expect(sessionCookie(b)).not.toBe(halfCookie);
    expect((await b.get('/en/account')).status).toBe(200);

    // The same code again (replay) is refused.
    const c = await passwordStep(user.email);
    const replay = await c.post('/en/login/two-factor', { code: next });
    expect(replay.status).toBe(422);
    expect(replay.body).toContain('already been used');
  });

  it('accepts each recovery code once', async () => {
    const { agent, user } = await signedIn(t, { role: 'committee_member', committeeId: 'article5' });
    const { codes } = await enrol(agent);
    const a = await passwordStep(user.email);
    const used = await a.post('/en/login/two-factor', { code: codes[3]!.toLowerCase() });
    expect(used.status).toBe(303);
    expect((await a.get('/en/account')).body).toContain('9 unused recovery codes left');

    const b = await passwordStep(user.email);
    const again = await b.post('/en/login/two-factor', { code: codes[3]! });
    expect(again.status).toBe(422);
    const other = await b.post('/en/login/two-factor', { code: codes[4]!.replace('-', ' ') });
    expect(other.status).toBe(303);
  });

  it('locks after 5 wrong codes and ends the half-signed-in session', async () => {
    const secret = newTotpSecret();
    const user = await createUser(t.database, { role: 'state_approver', stateIso2: 'IQ', totpSecret: secret });
    const a = await passwordStep(user.email);
    for (let i = 0; i < 4; i++) expect((await a.post('/en/login/two-factor', { code: 'AAAAA-AAAAA' })).status).toBe(422);
    const fifth = await a.post('/en/login/two-factor', { code: 'AAAAA-AAAAA' });
    expect(fifth.status).toBe(429);
    const locked = await agentFrom(t.app).signIn(user.email);
    expect(locked.status).toBe(429);
  });

  it('needs the current password to remove two-step verification', async () => {
    const { agent, user } = await signedIn(t, { role: 'state_preparer', stateIso2: 'IQ' });
    await enrol(agent);
    await agent.get('/en/account/two-step/remove');
    const wrong = await agent.post('/en/account/two-step/remove', { password: 'not my password' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('not correct');
    const ok = await agent.post('/en/account/two-step/remove', { password: TEST_PASSWORD });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/en/account?done=totp_off');
    const rows = await t.database.query<{ totp_secret: string | null; n: number }>(
      'select totp_secret, (select count(*)::int from totp_recovery_codes where user_id = $1) as n from users where id = $1',
      [user.id],
    );
    expect(rows[0]).toEqual({ totp_secret: null, n: 0 });
    expect(await auditActions(t, user.id)).toContain('accounts.totp.disabled');
    expect((await agentFrom(t.app).signIn(user.email)).location).toBe('/en/');
  });
});

describe('two-step verification required for staff', () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await createTestApp({ REQUIRE_STAFF_TOTP: 'true' });
  });
  afterAll(async () => r.close());

  it('sends staff without TOTP to the set-up page until it is done, then lets them in', async () => {
    const user = await createUser(r.database, { role: 'isu_staff' });
    const agent = agentFrom(r.app);
    expect((await agent.signIn(user.email)).status).toBe(303);
    for (const path of ['/en/', '/en/account', '/en/admin/users', '/fr/account/api-tokens/new']) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(303);
      expect(res.location, path).toMatch(/^\/(en|fr)\/account\/two-step$/);
    }
    const setup = await agent.get('/en/account/two-step');
    expect(setup.status).toBe(200);
    expect(setup.body).toContain('Your role requires two-step verification');
    // Posting elsewhere is refused the same way.
    const post = await agent.post('/en/account/sessions/others');
    expect(post.status).toBe(303);
    expect(post.location).toBe('/en/account/two-step');
    expect((await agent.get('/en/accessibility')).status).toBe(200);

    const secret = inputValue(setup.body, 'secret');
    await agent.get('/en/account/two-step'); // a fresh CSRF token after the refused post
    const done = await agent.post('/en/account/two-step', { secret, signature: inputValue(setup.body, 'signature'), code: currentTotp(secret) });
    expect(done.status).toBe(200);
    expect(done.body).toContain('Recovery codes');
    const users = await agent.get('/en/admin/users');
    expect(users.status).toBe(200);
    // Staff cannot remove it while it is required.
    const account = await agent.get('/en/account');
    expect(account.body).toContain('required for your role');
    expect((await agent.get('/en/account/two-step/remove')).status).toBe(403);
  });

  it('does not apply to State users, and signing out stays possible', async () => {
    const user = await createUser(r.database, { role: 'state_preparer', stateIso2: 'SN' });
    const agent = agentFrom(r.app);
    await agent.signIn(user.email);
    expect((await agent.get('/en/account')).status).toBe(200);
    const admin = await createUser(r.database, { role: 'admin' });
    const a = agentFrom(r.app);
    await a.signIn(admin.email);
    await a.get('/en/account/two-step');
    const out = await a.post('/en/logout');
    expect(out.status).toBe(303);
    expect(out.location).toBe('/en/');
    expect((await a.get('/en/account')).location).toContain('/en/login');
  });
});
