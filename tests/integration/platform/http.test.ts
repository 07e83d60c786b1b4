import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('HTTP foundation', () => {
  it('answers health and readiness probes', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('negotiates the locale on / from Accept-Language', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-language': 'fr-CH, ar;q=0.5' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/fr/');
  });

  it('renders Arabic right-to-left and English left-to-right', async () => {
    const ar = await t.app.inject('/ar/');
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    const en = await t.app.inject('/en/');
    expect(en.body).toContain('<html lang="en" dir="ltr">');
  });

  it('sends a strict CSP without inline scripts and no HSTS over plain HTTP', async () => {
    const res = await t.app.inject('/en/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('gives a translated 404 for unknown pages and unknown locales', async () => {
    const res = await t.app.inject('/ar/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('dir="rtl"');
    const unknownLocale = await t.app.inject('/xx/');
    expect(unknownLocale.statusCode).toBe(404);
  });

  it('rejects a form post without a valid CSRF token', async () => {
    const agent = new Agent(t.app);
    await agent.get('/en/login');
    const res = await agent.post('/en/login', { _csrf: 'forged', email: 'a@b.c', password: 'x' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('expired');
  });

  it('signs a user in and out with post/redirect/get', async () => {
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const agent = new Agent(t.app);
    const res = await agent.signIn(user.email);
    expect(res.status).toBe(303);
    const home = await agent.get('/en/');
    expect(home.body).toContain(user.name);
    await agent.post('/en/logout');
    const after = await agent.get('/en/');
    expect(after.body).not.toContain(user.name);
  });

  it('refuses a wrong password with a message and keeps the e-mail typed', async () => {
    const user = await createUser(t.database, { role: 'isu_staff' });
    const agent = new Agent(t.app);
    const res = await agent.signIn(user.email, 'wrong password');
    expect(res.status).toBe(422);
    expect(res.body).toContain('not correct');
    expect(res.body).toContain(`value="${user.email}"`);
  });

  it('answers oversized bodies with 413, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/en/login', payload: 'a='.padEnd(2 * 1024 * 1024, 'x'), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(413);
  });

  it('answers malformed JSON to the API with problem+json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/nothing', payload: '{bad', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
