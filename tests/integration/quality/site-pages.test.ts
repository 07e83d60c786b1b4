/** The public site pages (home, accessibility statement) lead each visitor to where their work is. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('home page', () => {
  it('sends a visitor who wants to prepare a report to sign in, then to the State’s page', async () => {
    const home = await new Agent(t.app).get('/fr/');
    expect(home.body).toContain('href="/fr/my"');
    const my = await new Agent(t.app).get('/fr/my');
    expect(my.status).toBe(303);
    expect(my.location).toBe(`/fr/login?returnTo=${encodeURIComponent('/fr/my')}`);
  });

  it('links a signed-in State user to their State’s page, and offers no broken link to staff', async () => {
    const preparer = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const a = new Agent(t.app);
    await a.signIn(preparer.email, undefined, 'ar');
    const home = await a.get('/ar/');
    expect(home.body).toContain('href="/ar/my"');
    expect((await a.get('/ar/my')).status).toBe(200);

    const staff = await createUser(t.database, { role: 'isu_staff' });
    const s = new Agent(t.app);
    await s.signIn(staff.email);
    const staffHome = await s.get('/en/');
    expect(staffHome.body).not.toContain('href="/en/my"');
    expect(staffHome.body).toContain('Prepare your State');
  });

  it('has an accessibility statement in every language', async () => {
    for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const res = await t.app.inject(`/${locale}/accessibility`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('WCAG');
    }
  });
});
