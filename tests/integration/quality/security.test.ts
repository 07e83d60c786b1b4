/**
 * Security checks through the real app (CSRF, rate limits and lockouts all on):
 *  - sessions: a new session id at sign-in and again when the second factor is given; whatever
 *    session or CSRF token the browser held before is worthless afterwards; signing out ends the
 *    session on the server, not only in the browser;
 *  - CSRF: every state-changing route under /:locale (from app.routeList, multipart forms included)
 *    refuses a missing, a wrong and another session's token — 403, logged as a CSRF refusal, and
 *    nothing written;
 *  - guessing: passwords and second-factor codes are rate limited per address and lock the account
 *    after five failures, also when the guesses arrive all at once;
 *  - uploads are served so that no browser renders them: never as HTML or SVG, always as an
 *    attachment with nosniff and a sandbox policy;
 *  - personal API tokens: revoked, expired, malformed tokens and tokens of disabled users are
 *    refused; the API ignores session cookies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp, newTotpSecret } from '../../../src/platform/auth/totp.ts';
import { createUser, TEST_PASSWORD, type Agent } from '../../support/app.ts';
import { exampleParams, fillRoute, type ExampleData } from '../../support/browser.ts';
import { multipartBody, type Part } from '../reporting-exports/helpers.ts';
import { agentAt, changedTables, createApiToken, createLoggedApp, databaseFingerprinter, driveReport, newRequestId, person, type Cast, type LoggedApp, type Person } from './authorisation.ts';

let t: LoggedApp;
let data: ExampleData;
let fingerprint: () => Promise<string>;
let admin: Person;
let preparer: Person;
let draftId = '';

const sid = (a: Agent) => a.cookies.get('sid');
const cookieOf = (a: Agent) => [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

beforeAll(async () => {
  t = await createLoggedApp();
  data = await exampleParams(t.database);
  fingerprint = await databaseFingerprinter(t.database);
  admin = await person(t, { role: 'admin' });
  preparer = await person(t, { role: 'state_preparer', stateIso2: 'SN' });
  const cast: Cast = { preparer, approver: await person(t, { role: 'state_approver', stateIso2: 'SN' }, { signIn: false }), isu: await person(t, { role: 'isu_staff' }, { signIn: false }) };
  draftId = (await driveReport(t, cast, { year: 2015, upTo: 'draft', marker: 'SECURITY' })).id;
}, 120_000);
afterAll(async () => t?.close());

/** Whether a browser with these cookies is signed in (the account page answers it). */
async function signedIn(agent: Agent): Promise<boolean> {
  return (await agent.get('/en/account')).status === 200;
}

async function sessionsOf(userId: string): Promise<number> {
  return (await t.database.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [userId]))[0]!.n;
}

/* ------------------------------------------------------------------------------------------ */

describe('sessions', () => {
  it('a session planted before sign-in is ended and worthless afterwards; the session id is new', async () => {
    const attacker = await person(t, { role: 'state_preparer', stateIso2: 'IQ' });
    const victimUser = await createUser(t.database, { role: 'state_approver', stateIso2: 'SN' });
    const planted = sid(attacker.agent!)!;
    expect(planted).toBeDefined();
    // The victim's browser carries the attacker's session (and CSRF cookie), then signs in.
    const victim = agentAt(t.app);
    for (const [k, v] of attacker.agent!.cookies) victim.cookies.set(k, v);
    await victim.get('/en/login');
    expect((await victim.post('/en/login', { email: victimUser.email, password: TEST_PASSWORD })).status).toBe(303);
    expect(sid(victim)).toBeDefined();
    expect(sid(victim)).not.toBe(planted);
    expect((await victim.get('/en/account')).body).toContain(victimUser.email);
    // The planted session no longer exists: the attacker's browser is signed out too.
    expect(await signedIn(attacker.agent!)).toBe(false);
    expect(await sessionsOf(attacker.id)).toBe(0);
  });

  it("a made-up session cookie is dropped, and the CSRF token of the sign-in page is not accepted once signed in", async () => {
    const user = await createUser(t.database, { role: 'committee_member', committeeId: 'article5' });
    const agent = agentAt(t.app);
    agent.cookies.set('sid', 'chosen-by-an-attacker-0123456789abcdef');
    const login = await agent.get('/en/login');
    expect(login.status).toBe(200);
    expect(sid(agent)).toBeUndefined();
    const before = agent.lastCsrf!;
    expect((await agent.post('/en/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(303);
    expect(sid(agent)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The token of the anonymous page was bound to no session: refused now.
    const stale = await agent.post('/en/account/sessions/others', { _csrf: before });
    expect(stale.status).toBe(403);
    expect(await signedIn(agent)).toBe(true);
  });

  it('the session id changes again when the second factor is given; the half-signed-in session is ended', async () => {
    const secret = newTotpSecret();
    const user = await createUser(t.database, { role: 'isu_staff', totpSecret: secret });
    const agent = agentAt(t.app);
    const res = await agent.signIn(user.email);
    expect(res.location).toBe('/en/login/two-factor');
    const half = sid(agent)!;
    expect(half).toBeDefined();
    expect(await signedIn(agent)).toBe(false);
    await agent.get('/en/login/two-factor');
    expect((await agent.post('/en/login/two-factor', { code: currentTotp(secret) })).status).toBe(303);
    const full = sid(agent)!;
    expect(full).not.toBe(half);
    expect(await signedIn(agent)).toBe(true);
    // The half session's cookie is worth nothing now, not even for the code page.
    const replay = agentAt(t.app);
    replay.cookies.set('sid', half);
    expect(await signedIn(replay)).toBe(false);
    const codePage = await replay.get('/en/login/two-factor');
    expect(codePage.status).toBe(303);
    expect(codePage.location).toBe('/en/login');
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it('signing out ends the session on the server: the old cookie replayed is not signed in', async () => {
    const p = await person(t, { role: 'state_preparer', stateIso2: 'KH' });
    const copy = sid(p.agent!)!;
    await p.agent!.get('/en/account');
    const out = await p.agent!.post('/en/logout');
    expect(out.status).toBe(303);
    expect(sid(p.agent!)).toBeUndefined();
    const replay = agentAt(t.app);
    replay.cookies.set('sid', copy);
    expect(await signedIn(replay)).toBe(false);
    expect(await sessionsOf(p.id)).toBe(0);
  });

  it('"sign out everywhere" ends every session of the user', async () => {
    const p = await person(t, { role: 'state_preparer', stateIso2: 'KH' });
    const second = agentAt(t.app);
    await second.signIn(p.email);
    expect(await sessionsOf(p.id)).toBe(2);
    await p.agent!.get('/en/account');
    expect((await p.agent!.post('/en/account/sessions/all')).status).toBe(303);
    expect(await signedIn(second)).toBe(false);
    expect(await signedIn(p.agent!)).toBe(false);
    expect(await sessionsOf(p.id)).toBe(0);
  });
});

describe('where sign-in leads', () => {
  /** Where a browser would go: it drops tabs and line breaks from a URL before resolving it. */
  const landing = (location: string) => new URL(location.replace(/[\t\n\r]/g, ''), 'https://platform.example').origin;

  it('never to another site, and a strange returnTo never breaks the page', async () => {
    const user = await createUser(t.database, { role: 'committee_member', committeeId: 'article5' });
    const attempts = ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\u3000/evil.example', 'https://evil.example', '/ /evil.example'];
    for (const returnTo of attempts) {
      const shown = await agentAt(t.app).get(`/en/login?returnTo=${encodeURIComponent(returnTo)}`);
      expect(shown.status, JSON.stringify(returnTo)).toBe(200);
      const a = agentAt(t.app);
      await a.get('/en/login');
      const res = await a.post('/en/login', { email: user.email, password: TEST_PASSWORD, returnTo });
      expect(res.status, JSON.stringify(returnTo)).toBe(303);
      expect(landing(res.location!), `${JSON.stringify(returnTo)} → ${JSON.stringify(res.location)}`).toBe('https://platform.example');
      expect(res.location, JSON.stringify(returnTo)).toBe('/en/');
    }
    // A real local path is kept.
    const a = agentAt(t.app);
    await a.get('/en/login');
    expect((await a.post('/en/login', { email: user.email, password: TEST_PASSWORD, returnTo: '/en/reports?year=2020' })).location).toBe('/en/reports?year=2020');
  });
});

/* ------------------------------------------------------------------------------------------ */

/** The routes whose forms are multipart (file uploads). */
const MULTIPART = new Set(['/:locale/reports/:id/attachments', '/:locale/reports/:id/import']);

describe('CSRF', () => {
  it('every state-changing route under /:locale refuses a missing, wrong or other session’s token, logs it and writes nothing', async () => {
    const routes = [...new Set(t.app.routeList.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.url.startsWith('/:locale/')).map((r) => `${r.method} ${r.url}`))].sort();
    expect(routes.length).toBeGreaterThan(30);
    for (const m of MULTIPART) expect(routes).toContain(`POST ${m}`);
    const resolve = data.resolver({ iso2: 'sn' });
    const me = admin.agent!;
    await me.get('/en/account');
    const otherToken = (await preparer.agent!.get('/en/account'), preparer.agent!.lastCsrf!);
    expect(otherToken).not.toBe(me.lastCsrf);
    const variants: [string, string | undefined][] = [
      ['missing', undefined],
      ['wrong', `${me.lastCsrf!.slice(0, -4)}AAAA`],
      ['other session', otherToken],
    ];
    const wrong: string[] = [];
    for (const key of routes) {
      const [method, route] = key.split(' ') as [string, string];
      const path = fillRoute(route, 'en', (name, prev, r) => (name === 'id' && prev === 'reports' ? draftId : (resolve(name, prev, r) ?? randomUUID()))).path;
      for (const [variant, token] of variants) {
        const reqId = newRequestId();
        const before = await fingerprint();
        const headers: Record<string, string> = { cookie: cookieOf(me), 'x-request-id': reqId };
        let payload: string | Buffer;
        if (MULTIPART.has(route)) {
          const parts: Part[] = [...(token ? [{ name: '_csrf', value: token }] : []), { name: 'file', filename: 'page.html', type: 'text/html', data: Buffer.from('<h1>x</h1>') }];
          const body = multipartBody(parts);
          payload = body.body;
          headers['content-type'] = body.contentType;
        } else {
          const form = new URLSearchParams({ ...(token ? { _csrf: token } : {}), name: 'x', email: 'x@example.org', password: 'x', _version: '1', body: 'x' });
          payload = form.toString();
          headers['content-type'] = 'application/x-www-form-urlencoded';
        }
        const res = await t.app.inject({ method: method as 'POST', url: path, payload, headers });
        const logged = t.logs.find((l) => l.reqId === reqId && l.msg === 'access denied');
        if (res.statusCode !== 403) wrong.push(`${key} (${variant}): ${res.statusCode}`);
        else if (logged?.denied?.code !== 'csrf.invalid') wrong.push(`${key} (${variant}): refused, but not logged as a CSRF refusal (${JSON.stringify(logged?.denied)})`);
        const changed = changedTables(before, await fingerprint());
        if (changed.length) wrong.push(`${key} (${variant}): wrote ${changed.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
    // With its own token the same browser gets through.
    expect((await me.post('/en/account/sessions/others')).status).toBe(303);
  }, 60_000);

  it('a cross-site form post (no token, foreign Origin) to sign in is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/en/login', payload: `email=${encodeURIComponent(admin.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie'] ? String(res.headers['set-cookie']) : '').not.toMatch(/\bsid=/);
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('guessing passwords and codes', () => {
  it('five wrong passwords lock the account for 15 minutes, whatever the address; then even the right one is refused', async () => {
    const user = await createUser(t.database, { role: 'state_approver', stateIso2: 'SN' });
    for (let i = 1; i <= 4; i++) expect((await agentAt(t.app).signIn(user.email, `wrong ${i}`)).status).toBe(422);
    const fifth = await agentAt(t.app).signIn(user.email, 'wrong 5');
    expect(fifth.status).toBe(429);
    const right = await agentAt(t.app).signIn(user.email);
    expect(right.status).toBe(429);
    const [row] = await t.database.query<{ minutes: number }>('select extract(epoch from locked_until - now()) / 60 as minutes from users where id = $1', [user.id]);
    expect(Number(row!.minutes)).toBeGreaterThan(14);
  });

  it('guesses sent all at once lock the account too (the failure count is not lost in a race)', async () => {
    const user = await createUser(t.database, { role: 'state_approver', stateIso2: 'IQ' });
    const burst = await Promise.all(Array.from({ length: 10 }, async (_, i) => {
      const a = agentAt(t.app);
      await a.get('/en/login');
      return a.post('/en/login', { email: user.email, password: `guess number ${i}` });
    }));
    expect(burst.every((r) => r.status === 422 || r.status === 429)).toBe(true);
    expect((await agentAt(t.app).signIn(user.email)).status).toBe(429);
  });

  it('sign-in attempts are rate limited per address, whichever accounts they try', async () => {
    const a = agentAt(t.app);
    await a.get('/en/login');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await a.post('/en/login', { email: `nobody.${i}@example.org`, password: 'x' })).status);
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('five wrong second-factor codes lock the account and end the half-signed-in session', async () => {
    const secret = newTotpSecret();
    const user = await createUser(t.database, { role: 'isu_staff', totpSecret: secret });
    const a = agentAt(t.app);
    await a.signIn(user.email);
    await a.get('/en/login/two-factor');
    const good = currentTotp(secret);
    const bad = (n: number) => String((Number(good) + 100_000 + n * 7919) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 4; i++) expect((await a.post('/en/login/two-factor', { code: bad(i) })).status).toBe(422);
    expect((await a.post('/en/login/two-factor', { code: bad(4) })).status).toBe(429);
    expect(await sessionsOf(user.id)).toBe(0);
    // The right code is of no use now (the session is gone, and the CSRF token bound to it), nor is
    // the password, until the lock ends.
    expect([303, 403]).toContain((await a.post('/en/login/two-factor', { code: good })).status);
    expect(await signedIn(a)).toBe(false);
    expect((await agentAt(t.app).signIn(user.email)).status).toBe(429);
  });

  it('second-factor codes sent all at once lock the account too', async () => {
    const secret = newTotpSecret();
    const user = await createUser(t.database, { role: 'admin', totpSecret: secret });
    const a = agentAt(t.app);
    await a.signIn(user.email);
    await a.get('/en/login/two-factor');
    const good = currentTotp(secret);
    const codes = Array.from({ length: 10 }, (_, i) => String((Number(good) + 200_000 + i * 104_729) % 1_000_000).padStart(6, '0'));
    const burst = await Promise.all(codes.map((code) => postAs(a, '/en/login/two-factor', { code })));
    expect(burst.every((s) => s === 422 || s === 429 || s === 303)).toBe(true);
    expect((await agentAt(t.app).signIn(user.email)).status).toBe(429);
  });

  it('second-factor attempts are rate limited per address', async () => {
    const secret = newTotpSecret();
    const statuses: number[] = [];
    const ip = '10.99.0.1';
    // Several accounts from one address: the limit is the address's, not the account's lockout.
    for (let u = 0; u < 6; u++) {
      const user = await createUser(t.database, { role: 'committee_member', committeeId: 'article5', totpSecret: secret });
      const a = agentAt(t.app, ip);
      await a.signIn(user.email);
      for (let i = 0; i < 4; i++) statuses.push((await a.post('/en/login/two-factor', { code: 'ZZZZZ-ZZZZZ' })).status);
    }
    // 24 code posts from one address within a minute: the last ones are refused.
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 422).length).toBeLessThanOrEqual(20);
  });
});

/** Posts a form with the agent's cookies and token, concurrently with others (no cookie updates). */
async function postAs(agent: Agent, url: string, form: Record<string, string>): Promise<number> {
  const body = new URLSearchParams({ _csrf: agent.lastCsrf ?? '', ...form }).toString();
  const res = await t.app.inject({ method: 'POST', url, payload: body, headers: { cookie: cookieOf(agent), 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: `10.98.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  return res.statusCode;
}

/* ------------------------------------------------------------------------------------------ */

describe('uploads', () => {
  async function upload(filename: string, type: string, data: Buffer) {
    const agent = preparer.agent!;
    await agent.get(`/en/reports/${draftId}/attachments`);
    const { body, contentType } = multipartBody([
      { name: '_csrf', value: agent.lastCsrf! },
      { name: 'file', filename, type, data },
    ]);
    return t.app.inject({ method: 'POST', url: `/en/reports/${draftId}/attachments`, payload: body, headers: { 'content-type': contentType, cookie: cookieOf(agent) } });
  }

  it('HTML, SVG and XML uploads are never served as a page or an image: attachment, nosniff, sandboxed', async () => {
    const files: [string, string, string][] = [
      ['page.html', 'text/html', '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'],
      ['drawing.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'],
      ['feed.xml', 'application/xml', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(3)</script></html>'],
      ['annex.pdf', 'application/pdf', '%PDF-1.4\n<html><script>alert(4)</script></html>\n%%EOF'],
    ];
    for (const [name, type, content] of files) {
      const res = await upload(name, type, Buffer.from(content));
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(303);
    }
    const page = await preparer.agent!.get(`/en/reports/${draftId}/attachments`);
    const links = [...page.body.matchAll(/href="(\/en\/reports\/[0-9a-f-]+\/attachments\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(files.length);
    for (const link of links) {
      const res = await preparer.agent!.get(link);
      expect(res.status).toBe(200);
      const type = String(res.headers['content-type']);
      expect(type, link).not.toMatch(/html|svg|xml|javascript/i);
      expect(String(res.headers['content-disposition']), link).toMatch(/^attachment;/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['content-security-policy'])).toMatch(/sandbox/);
      expect(String(res.headers['content-security-policy'])).toMatch(/default-src 'none'/);
    }
    // What was stored: the names carry the type that was detected, not the one claimed.
    const stored = await t.database.query<{ filename: string; content_type: string }>('select f.filename, f.content_type from stored_files f join report_attachments a on a.file_id = f.id where a.report_id = $1', [draftId]);
    for (const f of stored) {
      expect(f.filename).not.toMatch(/\.(html?|svg|xml)$/i);
      expect(f.content_type).not.toMatch(/html|svg|xml/i);
    }
  });

  it('a binary file that is none of the accepted types is refused', async () => {
    const res = await upload('tool.exe', 'application/octet-stream', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    expect(res.statusCode).toBe(415);
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('personal API tokens', () => {
  const me = (token?: string, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra } });

  it('a revoked token is refused from the moment it is revoked', async () => {
    const p = await person(t, { role: 'state_preparer', stateIso2: 'KH' });
    await p.agent!.get('/en/account/api-tokens/new');
    const created = await p.agent!.post('/en/account/api-tokens/new', { name: 'Script' });
    const token = /(apmbc_[0-9a-f]{8}_[0-9a-f]{64})/.exec(created.body)![1]!;
    expect((await me(token)).statusCode).toBe(200);
    const [row] = await t.database.query<{ id: string }>('select id from api_tokens where prefix = $1', [token.split('_')[1]]);
    await p.agent!.get('/en/account');
    expect((await p.agent!.post(`/en/account/api-tokens/${row!.id}/revoke`)).status).toBe(303);
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    // Also for writes.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: { kind: 'annual', year: 2016 } })).statusCode).toBe(401);
  });

  it('an expired token is refused; a token of a disabled user is refused', async () => {
    const u = await createUser(t.database, { role: 'committee_member', committeeId: 'article5' });
    const expired = await createApiToken(t.database, u.id, { expiresAt: new Date(Date.now() - 1000) });
    const valid = await createApiToken(t.database, u.id, { expiresAt: new Date(Date.now() + 3600_000) });
    const revoked = await createApiToken(t.database, u.id, { revokedAt: new Date() });
    expect((await me(expired)).statusCode).toBe(401);
    expect((await me(revoked)).statusCode).toBe(401);
    expect((await me(valid)).statusCode).toBe(200);
    await t.database.query('update users set disabled_at = now() where id = $1', [u.id]);
    expect((await me(valid)).statusCode).toBe(401);
  });

  it('malformed and forged tokens are refused; the API ignores session cookies', async () => {
    const real = admin.token;
    const forged = `${real.slice(0, -4)}0000` === real ? `${real.slice(0, -4)}1111` : `${real.slice(0, -4)}0000`;
    for (const token of [forged, 'apmbc_zzzzzzzz_x', 'not-a-token-at-all', `${real} extra`]) expect((await me(token)).statusCode, token).toBe(401);
    expect((await me(undefined, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })).statusCode).toBe(401);
    expect((await me(undefined, { cookie: cookieOf(admin.agent!) })).statusCode).toBe(401);
  });
});
