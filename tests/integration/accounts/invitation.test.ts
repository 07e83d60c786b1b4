import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { agentFrom, auditActions, auditSummaries, linkToken, outboxFor, sessionCookie, signedIn } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BASE_URL: 'https://reports.example.org' });
});
afterAll(async () => t.close());

async function invite(agent: Awaited<ReturnType<typeof signedIn>>['agent'], form: Record<string, string>) {
  await agent.get('/en/admin/users/new');
  return agent.post('/en/admin/users/new', { name: 'Awa Ndiaye', role: 'state_preparer', stateIso2: 'SN', committeeId: '', locale: 'fr', organisation: 'CNAMS', ...form });
}

describe('invitation round trip', () => {
  it('ISU staff invite a State focal point, who sets a password from the e-mailed link and is signed in', async () => {
    const { agent: isu } = await signedIn(t, { role: 'isu_staff', name: 'Ines ISU' });
    const email = 'awa.ndiaye@senegal.example.org';
    const created = await invite(isu, { email });
    expect(created.status).toBe(303);
    const userId = /\/en\/admin\/users\/([0-9a-f-]{36})\?done=invited/.exec(created.location ?? '')?.[1];
    expect(userId).toBeDefined();

    const page = await isu.get(created.location!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Awa Ndiaye');
    expect(page.body).toContain('Invited');

    // The e-mail is queued in the invitee's language, with a link on the configured base URL.
    const [mail, ...others] = await outboxFor(t, email);
    expect(others).toHaveLength(0);
    expect(mail!.kind).toBe('invitation');
    expect(mail!.locale).toBe('fr');
    expect(mail!.subject).toContain('invitation');
    expect(mail!.text_body).toContain('Ines ISU');
    expect(mail!.text_body).toContain('https://reports.example.org/fr/invitation/');
    const token = linkToken(mail!.text_body, '/invitation/');

    // Only the token's hash is stored, and the audit trail never holds it.
    const stored = await t.database.query<{ token_hash: string; expires_at: Date }>('select token_hash, expires_at from user_tokens where user_id = $1', [userId]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);
    const days = (new Date(stored[0]!.expires_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await auditSummaries(t, userId!)).not.toContain(token);

    const invitee = agentFrom(t.app);
    const form = await invitee.get(`/fr/invitation/${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toContain(email);
    expect(form.body).toContain('lang="fr"');

    // Password rules: 12 characters, not the e-mail, confirmation matches.
    let res = await invitee.post(`/fr/invitation/${token}`, { password: 'short', confirm: 'short' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('12');
    res = await invitee.post(`/fr/invitation/${token}`, { password: `x ${email} x`, confirm: `x ${email} x` });
    expect(res.status).toBe(422);
    expect(res.body).toContain('error-summary');
    res = await invitee.post(`/fr/invitation/${token}`, { password: 'a long enough passphrase', confirm: 'another passphrase' });
    expect(res.status).toBe(422);
    res = await invitee.post(`/fr/invitation/${token}`, { password: 'x'.repeat(201), confirm: 'x'.repeat(201) });
    expect(res.status).toBe(422);

    res = await invitee.post(`/fr/invitation/${token}`, { password: 'a long enough passphrase', confirm: 'a long enough passphrase' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/fr/account?welcome=1');
    expect(sessionCookie(invitee)).toBeDefined();
    const account = await invitee.get('/fr/account');
    expect(account.status).toBe(200);
    expect(account.body).toContain('Awa Ndiaye');
    expect(account.body).toContain('Sénégal');

    // The link works once.
    const again = agentFrom(t.app);
    const reuse = await again.get(`/en/invitation/${token}`);
    expect(reuse.status).toBe(410);
    expect(reuse.body).toContain('new invitation');

    // And the new password signs in.
    const later = agentFrom(t.app);
    expect((await later.signIn(email, 'a long enough passphrase')).status).toBe(303);

    expect(await auditActions(t, userId!)).toEqual(expect.arrayContaining(['accounts.user.invited', 'accounts.invitation.accepted']));
  });

  it('answers unknown links with 404 and expired ones with 410, both saying to ask for a new invitation', async () => {
    const unknown = await agentFrom(t.app).get(`/en/invitation/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('new invitation');
    const malformed = await agentFrom(t.app).get('/en/invitation/not-a-token');
    expect(malformed.status).toBe(404);

    const { agent: isu } = await signedIn(t, { role: 'isu_staff' });
    const email = 'expired.invite@example.org';
    expect((await invite(isu, { email })).status).toBe(303);
    const token = linkToken((await outboxFor(t, email))[0]!.text_body, '/invitation/');
    await t.database.query(`update user_tokens set expires_at = now() - interval '1 minute' where user_id = (select id from users where email = $1)`, [email]);
    const expired = agentFrom(t.app);
    const page = await expired.get(`/en/invitation/${token}`);
    expect(page.status).toBe(410);
    expect(page.body).toContain('expired');
    expect(page.body).toContain('new invitation');
    await expired.get('/en/login'); // a form page, for the CSRF token (as if the form had been open a while)
    const post = await expired.post(`/en/invitation/${token}`, { password: 'a long enough passphrase', confirm: 'a long enough passphrase' });
    expect(post.status).toBe(410);
  });

  it('resending an invitation makes the earlier link stop working', async () => {
    const { agent: isu } = await signedIn(t, { role: 'isu_staff' });
    const email = 'resend.me@example.org';
    const created = await invite(isu, { email, locale: 'ar', name: 'ليلى' });
    const userPath = created.location!.split('?')[0]!;
    const first = linkToken((await outboxFor(t, email))[0]!.text_body, '/invitation/');
    await isu.get(userPath);
    const resent = await isu.post(`${userPath}/resend-invitation`);
    expect(resent.status).toBe(303);
    expect(resent.location).toContain('done=resent');
    const mails = await outboxFor(t, email);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.locale === 'ar')).toBe(true);
    const second = linkToken(mails.find((m) => !m.text_body.includes(first))!.text_body, '/invitation/');
    expect(second).not.toBe(first);
    expect((await agentFrom(t.app).get(`/ar/invitation/${first}`)).status).toBe(410);
    const ok = await agentFrom(t.app).get(`/ar/invitation/${second}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('dir="rtl"');
  });

  it('refuses an e-mail address that already has an account, and a State role without a State', async () => {
    const { agent: isu, user } = await signedIn(t, { role: 'isu_staff' });
    const dup = await invite(isu, { email: user.email.toUpperCase() });
    expect(dup.status).toBe(422);
    expect(dup.body).toContain('already exists');
    const noState = await invite(isu, { email: 'nostate@example.org', stateIso2: '' });
    expect(noState.status).toBe(422);
    expect(noState.body).toContain('Choose the State');
    const unknownState = await invite(isu, { email: 'nostate@example.org', stateIso2: 'ZZ' });
    expect(unknownState.status).toBe(422);
    const committee = await invite(isu, { email: 'committee.person@example.org', role: 'committee_member', stateIso2: 'SN', committeeId: 'cooperation-assistance' });
    expect(committee.status).toBe(303);
    const row = await t.database.query<{ state_iso2: string | null; committee_id: string }>('select state_iso2, committee_id from users where email = $1', ['committee.person@example.org']);
    expect(row[0]).toEqual({ state_iso2: null, committee_id: 'cooperation-assistance' });
  });

  it('prefills the form from the focal points link and lists States by name', async () => {
    const { agent: isu } = await signedIn(t, { role: 'isu_staff' });
    const page = await isu.get('/en/admin/users/new?state=sn&role=state_approver');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<option value="SN" selected[^>]*>Senegal<\/option>/);
    expect(page.body).toMatch(/<option value="state_approver" selected/);
    expect(page.body).not.toContain('value="admin"');
  });
});
