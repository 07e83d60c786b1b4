import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../support/app.ts';
import { agentFrom, auditActions, inputValue, sessionCookie, signedIn } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the account page', () => {
  it('sends anonymous visitors to sign-in and back', async () => {
    const res = await agentFrom(t.app).get('/fr/account/password');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/fr/login?returnTo=%2Ffr%2Faccount%2Fpassword');
  });

  it('shows the user’s details, State, sessions and tokens, in their language', async () => {
    const { agent } = await signedIn(t, { role: 'state_preparer', stateIso2: 'IQ', name: 'ليلى حسن' });
    const page = await agent.get('/ar/account');
    expect(page.status).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('<bdi>ليلى حسن</bdi>');
    expect(page.body).toContain('العراق');
    expect(page.body).not.toContain('⟦');
    const en = await agent.get('/en/account');
    expect(en.body).toContain('Report preparer');
    expect(en.body).toContain('You are signed in on 1 device or browser');
  });

  it('edits name, language and organisation; a stale form shows the conflict page', async () => {
    const { agent, user } = await signedIn(t, { role: 'committee_member', committeeId: 'victim-assistance', name: 'Before Name' });
    const form = await agent.get('/en/account/profile');
    const version = inputValue(form.body, 'version');
    const empty = await agent.post('/en/account/profile', { name: '  ', locale: 'xx', organisation: '', version });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Enter the full name');
    const ok = await agent.post('/en/account/profile', { name: 'After Name', locale: 'ru', organisation: 'Ministry', version });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/en/account?done=profile');
    const page = await agent.get(ok.location!);
    expect(page.body).toContain('Your details have been saved');
    expect(page.body).toContain('After Name');
    expect(page.body).toContain('Русский');

    // The same (old) version again: someone saved in between.
    const stale = await agent.post('/en/account/profile', { name: 'Third Name', locale: 'ru', organisation: 'Ministry', version });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Third Name');
    expect(stale.body).toContain('After Name');
    expect(await auditActions(t, user.id)).toContain('accounts.user.updated');
  });

  it('changes the password with the current one, ending the other sessions but not this one', async () => {
    const { agent, user } = await signedIn(t, { role: 'state_approver', stateIso2: 'SN' });
    const other = agentFrom(t.app);
    await other.signIn(user.email);
    await agent.get('/en/account/password');
    const wrong = await agent.post('/en/account/password', { current: 'not it at all', password: 'a fresh passphrase 1', confirm: 'a fresh passphrase 1' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('current password is not correct');
    const same = await agent.post('/en/account/password', { current: TEST_PASSWORD, password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    expect(same.status).toBe(422);
    const ok = await agent.post('/en/account/password', { current: TEST_PASSWORD, password: 'a fresh passphrase 1', confirm: 'a fresh passphrase 1' });
    expect(ok.status).toBe(303);
    expect((await agent.get('/en/account')).status).toBe(200);
    expect((await other.get('/en/account')).status).toBe(303);
    expect((await agentFrom(t.app).signIn(user.email, 'a fresh passphrase 1')).status).toBe(303);
    expect(await auditActions(t, user.id)).toContain('accounts.user.password_changed');
  });

  it('signs out everywhere else, then everywhere', async () => {
    const { agent, user } = await signedIn(t, { role: 'isu_staff' });
    const b = agentFrom(t.app);
    const c = agentFrom(t.app);
    await b.signIn(user.email);
    await c.signIn(user.email);
    const page = await agent.get('/en/account');
    expect(page.body).toContain('You are signed in on 3 devices or browsers');
    const others = await agent.post('/en/account/sessions/others');
    expect(others.location).toBe('/en/account?done=sessions');
    expect((await agent.get('/en/account')).body).toContain('You are signed in on 1 device');
    expect((await b.get('/en/account')).status).toBe(303);
    expect((await c.get('/en/account')).status).toBe(303);

    await b.signIn(user.email);
    await agent.get('/en/account');
    const all = await agent.post('/en/account/sessions/all');
    expect(all.status).toBe(303);
    expect(all.location).toBe('/en/login?signed_out=1');
    expect(sessionCookie(agent)).toBeUndefined();
    expect((await agent.get(all.location!)).body).toContain('signed out on all your devices');
    expect((await b.get('/en/account')).status).toBe(303);
    const ended = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where entity_id = $1 and action = 'accounts.sessions.ended'`, [user.id]);
    expect(ended[0]!.n).toBe(2);
  });
});
