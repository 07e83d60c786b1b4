import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../support/app.ts';
import { agentFrom, auditActions, auditSummaries, linkToken, outboxFor, sessionCookie } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function requestReset(email: string, ip?: string) {
  const agent = agentFrom(t.app, ip);
  await agent.get('/en/password/forgot');
  return agent.post('/en/password/forgot', { email });
}

describe('forgotten password', () => {
  it('answers the same for an unknown address as for a known one, and e-mails only the known one', async () => {
    const user = await createUser(t.database, { role: 'state_approver', stateIso2: 'SN', locale: 'es' });
    const known = await requestReset(user.email);
    const unknown = await requestReset('nobody.here@example.org');
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(unknown.location).toBe(known.location);
    const knownPage = await agentFrom(t.app).get(known.location!);
    const unknownPage = await agentFrom(t.app).get(unknown.location!);
    expect(unknownPage.body.replace(/name="_csrf" value="[^"]*"/g, '')).toBe(knownPage.body.replace(/name="_csrf" value="[^"]*"/g, ''));
    expect(knownPage.body).toContain('If an account exists');

    expect(await outboxFor(t, 'nobody.here@example.org')).toHaveLength(0);
    const [mail] = await outboxFor(t, user.email);
    expect(mail!.kind).toBe('password_reset');
    expect(mail!.locale).toBe('es');
    expect(mail!.text_body).toContain(`/es/password/reset/`);
    expect(await auditActions(t, user.id)).toContain('accounts.user.password_reset_requested');
  });

  it('validates the address and keeps what was typed', async () => {
    const res = await requestReset('not an address');
    expect(res.status).toBe(422);
    expect(res.body).toContain('value="not an address"');
  });

  it('resets the password through the link: all sessions end, a lockout is cleared, the link works once', async () => {
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const elsewhere = agentFrom(t.app);
    expect((await elsewhere.signIn(user.email)).status).toBe(303);
    await t.database.query(`update users set locked_until = now() + interval '10 minutes', failed_logins = 3 where id = $1`, [user.id]);

    expect((await requestReset(user.email)).status).toBe(303);
    const token = linkToken((await outboxFor(t, user.email))[0]!.text_body, '/password/reset/');
    const stored = await t.database.query<{ expires_at: Date }>(`select expires_at from user_tokens where user_id = $1 and purpose = 'password_reset'`, [user.id]);
    const minutes = (new Date(stored[0]!.expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);

    const agent = agentFrom(t.app);
    const form = await agent.get(`/en/password/reset/${token}`);
    expect(form.status).toBe(200);
    const weak = await agent.post(`/en/password/reset/${token}`, { password: 'too short', confirm: 'too short' });
    expect(weak.status).toBe(422);
    const done = await agent.post(`/en/password/reset/${token}`, { password: 'brand new passphrase 2026', confirm: 'brand new passphrase 2026' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/en/login?reset=1');
    expect((await agent.get(done.location!)).body).toContain('Your password has been changed');

    // The session opened before the reset is over.
    const old = await elsewhere.get('/en/account');
    expect(old.status).toBe(303);
    expect(old.location).toContain('/en/login');

    // The lockout is cleared and only the new password works.
    const rows = await t.database.query<{ locked_until: Date | null; failed_logins: number }>('select locked_until, failed_logins from users where id = $1', [user.id]);
    expect(rows[0]).toEqual({ locked_until: null, failed_logins: 0 });
    expect((await agentFrom(t.app).signIn(user.email, TEST_PASSWORD)).status).toBe(422);
    expect((await agentFrom(t.app).signIn(user.email, 'brand new passphrase 2026')).status).toBe(303);

    // Used links answer 410.
    const reused = await agentFrom(t.app).get(`/en/password/reset/${token}`);
    expect(reused.status).toBe(410);
    expect(reused.body).toContain('Ask for a new link');
    expect(await auditActions(t, user.id)).toContain('accounts.user.password_changed');
    expect(await auditSummaries(t, user.id)).not.toContain(token);
  });

  it('refuses an expired reset link, and a newer request replaces the older link', async () => {
    const user = await createUser(t.database, { role: 'committee_member', committeeId: 'article5' });
    await requestReset(user.email);
    const first = linkToken((await outboxFor(t, user.email))[0]!.text_body, '/password/reset/');
    await requestReset(user.email);
    const mails = await outboxFor(t, user.email);
    const second = linkToken(mails.find((m) => !m.text_body.includes(first))!.text_body, '/password/reset/');
    expect((await agentFrom(t.app).get(`/en/password/reset/${first}`)).status).toBe(410);
    await t.database.query(`update user_tokens set expires_at = now() - interval '1 second' where user_id = $1`, [user.id]);
    const expired = await agentFrom(t.app).get(`/en/password/reset/${second}`);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('expired');
  });

  it('sends nothing for a disabled account', async () => {
    const user = await createUser(t.database, { role: 'isu_staff' });
    await t.database.query('update users set disabled_at = now() where id = $1', [user.id]);
    expect((await requestReset(user.email)).status).toBe(303);
    expect(await outboxFor(t, user.email)).toHaveLength(0);
  });

  it('limits requests to 5 per 15 minutes from one address', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 5; i++) expect((await requestReset(`rate${i}@example.org`, ip)).status).toBe(303);
    const sixth = await requestReset('rate6@example.org', ip);
    expect(sixth.status).toBe(429);
    expect((await requestReset('rate7@example.org', '192.0.2.78')).status).toBe(303);
  });

  it('does not keep the old session id after a reset-and-sign-in', async () => {
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ' });
    const agent = agentFrom(t.app);
    await agent.signIn(user.email);
    const before = sessionCookie(agent);
    await agent.post('/en/logout');
    await agent.signIn(user.email);
    expect(sessionCookie(agent)).toBeDefined();
    expect(sessionCookie(agent)).not.toBe(before);
  });
});
