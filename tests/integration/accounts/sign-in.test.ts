import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../support/app.ts';
import { seedDemoUsers, DEMO_PASSWORD } from '../../../src/areas/accounts/demo-users.ts';
import { agentFrom, auditActions, sessionCookie, signedIn } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t.database.db);
});
afterAll(async () => t.close());

describe('sign-in security', () => {
  it('locks the account after 5 wrong passwords, even for the right password, until unlocked', async () => {
    const user = await createUser(t.database, { role: 'state_approver', stateIso2: 'SN' });
    const agent = agentFrom(t.app);
    for (let i = 1; i <= 4; i++) expect((await agent.signIn(user.email, `wrong password ${i}`)).status).toBe(422);
    const fifth = await agent.signIn(user.email, 'wrong password 5');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toContain('15 minutes');
    const right = await agent.signIn(user.email, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(sessionCookie(agent)).toBeUndefined();
    expect(await auditActions(t, user.id)).toContain('accounts.user.locked');

    // An administrator unlocks it.
    const { agent: admin } = await signedIn(t, { role: 'admin' });
    const page = await admin.get(`/en/admin/users/${user.id}`);
    expect(page.body).toContain('Locked');
    expect((await admin.post(`/en/admin/users/${user.id}/unlock`)).status).toBe(303);
    expect((await agentFrom(t.app).signIn(user.email)).status).toBe(303);
    expect(await auditActions(t, user.id)).toContain('accounts.user.unlocked');
  });

  it('gives a new session id at every sign-in (no fixation) and ends the session the browser had', async () => {
    const user = await createUser(t.database, { role: 'committee_member', committeeId: 'victim-assistance' });
    const other = await createUser(t.database, { role: 'committee_member', committeeId: 'article5' });
    const agent = agentFrom(t.app);
    await agent.signIn(other.email);
    const first = sessionCookie(agent)!;
    expect(first).toBeDefined();
    // The browser already holds a session (e.g. a planted one) and signs in: the id must change.
    await agent.get('/en/account');
    const res = await agent.post('/en/login', { email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(303);
    const second = sessionCookie(agent)!;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await agent.get('/en/account')).body).toContain(user.email);
    // The earlier session no longer exists.
    const replay = agentFrom(t.app);
    replay.cookies.set('sid', first);
    const old = await replay.get('/en/account');
    expect(old.status).toBe(303);
    expect(old.location).toBe('/en/login?returnTo=%2Fen%2Faccount');
  });

  it('keeps returnTo through a failed attempt and goes there after sign-in', async () => {
    const user = await createUser(t.database, { role: 'isu_staff' });
    const agent = agentFrom(t.app);
    const login = await agent.get('/en/login?returnTo=%2Fen%2Fadmin%2Fusers');
    expect(login.body).toContain('name="returnTo" value="/en/admin/users"');
    const wrong = await agent.post('/en/login', { email: user.email, password: 'nope', returnTo: '/en/admin/users' });
    expect(wrong.body).toContain('name="returnTo" value="/en/admin/users"');
    const ok = await agent.post('/en/login', { email: user.email, password: TEST_PASSWORD, returnTo: '/en/admin/users' });
    expect(ok.location).toBe('/en/admin/users');
    const evil = await agentFrom(t.app).signIn(user.email);
    expect(evil.location).toBe('/en/');
  });

  it('refuses demo users when demo mode is off, on the web and through the API', async () => {
    const agent = agentFrom(t.app);
    const res = await agent.signIn('admin@demo.example.org', DEMO_PASSWORD);
    expect(res.status).toBe(422);
    expect(res.body).toContain('not correct');
    expect(sessionCookie(agent)).toBeUndefined();

    // A token created for a demo user does not work outside demo mode either.
    const demo = await t.database.query<{ id: string }>(`select id from users where email = 'preparer.sn@demo.example.org'`);
    const { newApiToken } = await import('../../../src/areas/accounts/credentials.ts');
    const tok = newApiToken();
    await t.database.query('insert into api_tokens (user_id, name, prefix, token_hash) values ($1, $2, $3, $4)', [demo[0]!.id, 'demo', tok.prefix, tok.hash]);
    const api = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${tok.token}` } });
    expect(api.statusCode).toBe(401);
  });

  it('shows "demo" next to demo users in the admin list', async () => {
    const { agent } = await signedIn(t, { role: 'admin' });
    const list = await agent.get('/en/admin/users?q=demo.example.org&disabled=1');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Demo ISU Officer');
    expect(list.body).toMatch(/Demo ISU Officer<\/bdi><\/a> <strong class="tag tag--yellow">demo<\/strong>/);
  });
});

describe('demo mode on', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp({ DEMO_MODE: 'true' });
    await seedDemoUsers(demo.database.db);
  });
  afterAll(async () => demo.close());

  it('lets demo users sign in', async () => {
    const agent = agentFrom(demo.app);
    const res = await agent.signIn('preparer.sn@demo.example.org', DEMO_PASSWORD);
    expect(res.status).toBe(303);
    const team = await agent.get('/en/my/team');
    expect(team.status).toBe(200);
    expect(team.body).toContain('Moussa Demo (approver)');
  });
});
