import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { agentFrom, auditActions, inputValue, signedIn } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const editForm = (u: { name: string; role: string; stateIso2?: string | null; committeeId?: string | null; locale?: string }, version: string | number) => ({
  name: u.name,
  role: u.role,
  stateIso2: u.stateIso2 ?? '',
  committeeId: u.committeeId ?? '',
  locale: u.locale ?? 'en',
  organisation: '',
  version: String(version),
});

describe('who may administer users', () => {
  it('redirects anonymous visitors to sign-in and refuses State users and committee members', async () => {
    const anon = await agentFrom(t.app).get('/en/admin/users');
    expect(anon.status).toBe(303);
    expect(anon.location).toBe('/en/login?returnTo=%2Fen%2Fadmin%2Fusers');
    for (const role of ['state_preparer', 'state_approver', 'committee_member'] as const) {
      const { agent } = await signedIn(t, role === 'committee_member' ? { role, committeeId: 'article5' } : { role, stateIso2: 'SN' });
      expect((await agent.get('/en/admin/users')).status, role).toBe(403);
      expect((await agent.get('/en/admin/users/new')).status, role).toBe(403);
      expect((await agent.get('/en/admin/states/sn/focal-points')).status, role).toBe(403);
      expect((await agent.get('/en/account')).body).not.toContain('href="/en/admin/users"');
    }
  });

  it('lets ISU staff invite State and committee roles only, and not touch staff or administrator accounts', async () => {
    const { agent: isu, user: me } = await signedIn(t, { role: 'isu_staff' });
    const list = await isu.get('/en/admin/users');
    expect(list.status).toBe(200);
    expect(list.body).toContain('href="/en/admin/users"');
    const form = await isu.get('/en/admin/users/new');
    expect(form.body).not.toContain('value="isu_staff"');
    const staff = await isu.post('/en/admin/users/new', { name: 'New Staff', email: 'new.staff@example.org', role: 'isu_staff', locale: 'en' });
    expect(staff.status).toBe(403);
    const admin = await isu.post('/en/admin/users/new', { name: 'New Admin', email: 'new.admin@example.org', role: 'admin', locale: 'en' });
    expect(admin.status).toBe(403);
    expect(await t.database.query('select 1 from users where email in ($1, $2)', ['new.staff@example.org', 'new.admin@example.org'])).toHaveLength(0);

    const otherStaff = await createUser(t.database, { role: 'isu_staff', name: 'Other Staff' });
    const page = await isu.get(`/en/admin/users/${otherStaff.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Only administrators can change');
    expect(page.body).not.toContain(`action="/en/admin/users/${otherStaff.id}/disable"`);
    await isu.get('/en/admin/users');
    expect((await isu.post(`/en/admin/users/${otherStaff.id}`, editForm({ name: 'Renamed', role: 'isu_staff' }, 1))).status).toBe(403);
    expect((await isu.post(`/en/admin/users/${otherStaff.id}/disable`)).status).toBe(403);

    // Promoting a State user to staff is refused too.
    const preparer = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    expect((await isu.post(`/en/admin/users/${preparer.id}`, editForm({ name: preparer.name, role: 'admin' }, 1))).status).toBe(403);
    // And nobody disables themselves.
    expect((await isu.post(`/en/admin/users/${me.id}/disable`)).status).toBe(403);
  });

  it('lets administrators create staff accounts', async () => {
    const { agent } = await signedIn(t, { role: 'admin' });
    await agent.get('/en/admin/users/new');
    const res = await agent.post('/en/admin/users/new', { name: 'Nouvelle Collègue', email: 'staff.two@example.org', role: 'isu_staff', stateIso2: 'SN', locale: 'fr' });
    expect(res.status).toBe(303);
    const row = await t.database.query<{ role: string; state_iso2: string | null }>('select role, state_iso2 from users where email = $1', ['staff.two@example.org']);
    expect(row[0]).toEqual({ role: 'isu_staff', state_iso2: null });
  });

  it('answers 404 for unknown or malformed user ids', async () => {
    const { agent } = await signedIn(t, { role: 'admin' });
    expect((await agent.get('/en/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await agent.get('/en/admin/users/not-a-uuid')).status).toBe(404);
    expect((await agent.get('/en/admin/states/zz/focal-points')).status).toBe(404);
    expect((await agent.get('/en/admin/states/toolong/focal-points')).status).toBe(404);
  });
});

describe('the user list', () => {
  it('searches by name or e-mail, filters by role, State and status, and pages', async () => {
    const { agent } = await signedIn(t, { role: 'isu_staff' });
    for (let i = 0; i < 27; i++) await createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ', name: `Paged Person ${String(i).padStart(2, '0')}`, email: `paged${i}@iq.example.org` });
    const gone = await createUser(t.database, { role: 'state_approver', stateIso2: 'IQ', name: 'Paged Disabled', email: 'gone@iq.example.org' });
    await t.database.query('update users set disabled_at = now() where id = $1', [gone.id]);

    const first = await agent.get('/en/admin/users?q=paged&state=IQ&role=state_preparer');
    expect(first.status).toBe(200);
    expect(first.body).toContain('27 users found');
    expect(first.body).toContain('Paged Person 00');
    expect(first.body).not.toContain('Paged Person 25');
    expect(first.body).toContain('rel="next"');
    const second = await agent.get('/en/admin/users?q=paged&state=IQ&role=state_preparer&page=2');
    expect(second.body).toContain('Paged Person 25');
    expect(second.body).toContain('rel="prev"');
    expect(second.body).not.toContain('rel="next"');

    expect((await agent.get('/en/admin/users?q=paged')).body).not.toContain('Paged Disabled');
    const withDisabled = await agent.get('/en/admin/users?q=GONE%40iq&disabled=1');
    expect(withDisabled.body).toContain('Paged Disabled');
    expect(withDisabled.body).toContain('Disabled');
    // Malformed filters fall back to defaults instead of failing.
    expect((await agent.get('/en/admin/users?role=pirate&page=-3&state=%3Cx%3E&q=%25_')).status).toBe(200);
  });
});

describe('a user’s page', () => {
  it('changes role, State and language; a role change ends the user’s sessions', async () => {
    const { agent: admin } = await signedIn(t, { role: 'admin' });
    const { agent: them, user } = await signedIn(t, { role: 'state_preparer', stateIso2: 'SN', name: 'Role Change' });
    const page = await admin.get(`/en/admin/users/${user.id}`);
    const version = inputValue(page.body, 'version');
    const res = await admin.post(`/en/admin/users/${user.id}`, editForm({ name: 'Role Changed', role: 'state_approver', stateIso2: 'IQ', locale: 'ar' }, version));
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/en/admin/users/${user.id}?done=saved`);
    const after = await admin.get(res.location!);
    expect(after.body).toContain('The changes have been saved');
    expect(after.body).toContain('Report approver');
    expect(after.body).toContain('Iraq');
    expect((await them.get('/en/account')).status).toBe(303);
    expect(await auditActions(t, user.id)).toContain('accounts.user.updated');
  });

  it('shows a 409 conflict page with both values when the version is stale', async () => {
    const { agent: admin } = await signedIn(t, { role: 'admin' });
    const { agent: isu } = await signedIn(t, { role: 'isu_staff' });
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Original Name' });
    const a = await admin.get(`/en/admin/users/${user.id}`);
    const b = await isu.get(`/en/admin/users/${user.id}`);
    const va = inputValue(a.body, 'version');
    expect(inputValue(b.body, 'version')).toBe(va);
    expect((await isu.post(`/en/admin/users/${user.id}`, editForm({ name: 'Name From ISU', role: 'state_preparer', stateIso2: 'SN' }, va))).status).toBe(303);

    const conflict = await admin.post(`/en/admin/users/${user.id}`, editForm({ name: 'Name From Admin', role: 'state_approver', stateIso2: 'SN' }, va));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toContain('Name From Admin');
    expect(conflict.body).toContain('Name From ISU');
    expect(conflict.body).toContain('Report approver');
    const saved = await t.database.query<{ name: string; role: string; version: number }>('select name, role, version from users where id = $1', [user.id]);
    expect(saved[0]).toMatchObject({ name: 'Name From ISU', role: 'state_preparer' });

    // "Save my values" resubmits with the current version.
    const resubmitVersion = inputValue(conflict.body, 'version');
    expect(Number(resubmitVersion)).toBe(saved[0]!.version);
    const keep = await admin.post(`/en/admin/users/${user.id}`, { ...editForm({ name: 'Name From Admin', role: 'state_approver', stateIso2: 'SN' }, resubmitVersion) });
    expect(keep.status).toBe(303);
    expect((await t.database.query<{ name: string }>('select name from users where id = $1', [user.id]))[0]!.name).toBe('Name From Admin');
  });

  it('does not call it a conflict when only sign-in bookkeeping changed meanwhile', async () => {
    const { agent: admin } = await signedIn(t, { role: 'admin' });
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Busy Signer' });
    const page = await admin.get(`/en/admin/users/${user.id}`);
    const version = inputValue(page.body, 'version');
    await agentFrom(t.app).signIn(user.email, 'a wrong password');
    await agentFrom(t.app).signIn(user.email);
    const res = await admin.post(`/en/admin/users/${user.id}`, editForm({ name: 'Busy Signer Renamed', role: 'state_preparer', stateIso2: 'SN' }, version));
    expect(res.status).toBe(303);
  });

  it('disables (ending sessions) and re-enables an account', async () => {
    const { agent: isu } = await signedIn(t, { role: 'isu_staff' });
    const { agent: them, user } = await signedIn(t, { role: 'committee_member', committeeId: 'article5' });
    await isu.get(`/en/admin/users/${user.id}`);
    const res = await isu.post(`/en/admin/users/${user.id}/disable`);
    expect(res.status).toBe(303);
    expect((await them.get('/en/account')).status).toBe(303);
    expect((await agentFrom(t.app).signIn(user.email)).status).toBe(422);
    const page = await isu.get(`/en/admin/users/${user.id}?done=disabled`);
    expect(page.body).toContain('has been disabled');
    expect((await isu.post(`/en/admin/users/${user.id}/enable`)).status).toBe(303);
    expect((await agentFrom(t.app).signIn(user.email)).status).toBe(303);
    expect(await auditActions(t, user.id)).toEqual(expect.arrayContaining(['accounts.user.disabled', 'accounts.user.enabled']));
  });

  it('keeps the last active administrator', async () => {
    await t.database.query(`update users set disabled_at = now() where role = 'admin'`);
    const { agent: admin, user: last } = await signedIn(t, { role: 'admin' });
    const page = await admin.get(`/en/admin/users/${last.id}`);
    // One's own role cannot be changed, and the page offers no way to disable oneself.
    expect(page.body).not.toContain('value="isu_staff"');
    expect(page.body).not.toContain(`/en/admin/users/${last.id}/disable`);
    const demote = await admin.post(`/en/admin/users/${last.id}`, editForm({ name: last.name, role: 'isu_staff' }, inputValue(page.body, 'version')));
    expect(demote.status).toBe(403);
    expect((await admin.post(`/en/admin/users/${last.id}/disable`)).status).toBe(403);

    // With two active administrators, one may disable the other ...
    const { agent: second, user: other } = await signedIn(t, { role: 'admin', name: 'Second Admin' });
    await second.get(`/en/admin/users/${last.id}`);
    expect((await second.post(`/en/admin/users/${last.id}/disable`)).status).toBe(303);
    // ... and the one left is then the last: a request racing in from an administrator whose own
    // account was disabled meanwhile cannot demote or disable it.
    const { disableUser, updateUserByStaff } = await import('../../../src/areas/accounts/user-commands.ts');
    const { loadPrincipal } = await import('../../../src/areas/accounts/principal-queries.ts');
    await t.database.query('update users set disabled_at = null where id = $1', [last.id]);
    const racer = (await loadPrincipal(t.database.db, last.id, { demoMode: false }))!;
    await t.database.query('update users set disabled_at = now() where id = $1', [last.id]);
    const actor = { userId: last.id, label: last.email };
    await expect(disableUser(t.deps, actor, racer, other.id)).rejects.toMatchObject({ code: 'accounts.users.last_admin' });
    const v = (await t.database.query<{ version: number }>('select version from users where id = $1', [other.id]))[0]!.version;
    await expect(updateUserByStaff(t.deps, actor, racer, { userId: other.id, version: v, name: other.name, role: 'isu_staff', locale: 'en' })).rejects.toMatchObject({
      code: 'accounts.users.last_admin',
    });
    expect((await t.database.query<{ role: string; disabled_at: Date | null }>('select role, disabled_at from users where id = $1', [other.id]))[0]).toEqual({ role: 'admin', disabled_at: null });
  });
});

describe('focal points and teams', () => {
  it('lists a State’s preparers and approvers for staff, with a prefilled invitation link', async () => {
    const { agent } = await signedIn(t, { role: 'isu_staff' });
    const prep = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Focal Preparer' });
    await createUser(t.database, { role: 'state_approver', stateIso2: 'SN', name: 'Focal Approver' });
    await createUser(t.database, { role: 'state_approver', stateIso2: 'IQ', name: 'Iraqi Approver' });
    await t.database.query(`update users set organisation = 'Centre national' where id = $1`, [prep.id]);
    const page = await agent.get('/fr/admin/states/sn/focal-points');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sénégal');
    expect(page.body).toContain('Focal Preparer');
    expect(page.body).toContain('Focal Approver');
    expect(page.body).toContain('Centre national');
    expect(page.body).not.toContain('Iraqi Approver');
    expect(page.body).toContain('href="/fr/admin/users/new?state=SN&amp;role=state_preparer"');
    // Reached from the user list filtered by State and from a State user's page.
    expect((await agent.get('/en/admin/users?state=sn')).body).toContain('href="/en/admin/states/sn/focal-points"');
    expect((await agent.get(`/en/admin/users/${prep.id}`)).body).toContain('href="/en/admin/states/sn/focal-points"');
  });

  it('shows State users their own State’s colleagues, and nobody else', async () => {
    const { agent, user } = await signedIn(t, { role: 'state_approver', stateIso2: 'IQ', name: 'Team Me' });
    await createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ', name: 'Team Colleague' });
    await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Not My State' });
    const page = await agent.get('/ar/my/team');
    expect(page.status).toBe(200);
    expect(page.body).toContain('العراق');
    expect(page.body).toContain('Team Colleague');
    expect(page.body).not.toContain('Not My State');
    expect(page.body).toContain('href="/ar/my/team"');
    expect(page.body).not.toContain(`/admin/users/${user.id}`);
    const { agent: committee } = await signedIn(t, { role: 'committee_member', committeeId: 'article5' });
    expect((await committee.get('/en/my/team')).status).toBe(403);
    const { agent: isu } = await signedIn(t, { role: 'isu_staff' });
    expect((await isu.get('/en/my/team')).status).toBe(403);
    expect((await agentFrom(t.app).get('/en/my/team')).location).toBe('/en/login?returnTo=%2Fen%2Fmy%2Fteam');
  });
});
