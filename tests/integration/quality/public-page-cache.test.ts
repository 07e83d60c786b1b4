/**
 * Public pages served from memory (src/platform/http/page-cache.ts): anonymous readers of the State
 * page, the States list, the reports list and the open-data page get the stored compressed bytes
 * with an ETag (304 when their copy is current) and no cookie; signed-in users get their own
 * header; pages with a form still issue the CSRF cookie; a change made through this instance shows
 * at once, one made elsewhere (another instance, straight in the database) within the freshness
 * window and not before.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUBLIC_PAGE_FRESH_MS } from '../../../src/platform/http/page-cache.ts';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
let staff: Agent;
let staffName = '';

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database, { role: 'isu_staff', name: 'Cache Test Staff' });
  staffName = user.name;
  staff = new Agent(t.app);
  expect((await staff.signIn(user.email)).status).toBe(303);
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

async function anonymous(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip', ...headers } });
  const encoding = String(res.headers['content-encoding'] ?? 'identity');
  const body = encoding === 'br' ? brotliDecompressSync(res.rawPayload).toString('utf8') : encoding === 'gzip' ? gunzipSync(res.rawPayload).toString('utf8') : res.body;
  return { res, body, encoding };
}

const PAGES = ['/en/states/sn', '/en/states', '/en/states?region=africa', '/en/reports', '/en/reports?state=SN&year=', '/en/data'];

describe('public pages for anonymous readers', () => {
  it.each(PAGES)('%s: compressed bytes with an ETag, 304 when current, no cookie', async (url) => {
    const first = await anonymous(url);
    expect(first.res.statusCode).toBe(200);
    expect(first.encoding).toBe('br');
    expect(first.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(first.res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.res.headers['cache-control']).toBe('private, no-cache');
    expect(first.res.headers.vary).toBe('Accept-Encoding');
    expect(first.res.headers['set-cookie']).toBeUndefined();
    // The security headers are there as on any other answer.
    expect(first.res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(first.res.headers['x-content-type-options']).toBe('nosniff');

    const gzip = await anonymous(url, { 'accept-encoding': 'gzip' });
    expect(gzip.encoding).toBe('gzip');
    expect(gzip.body).toBe(first.body);
    const plain = await anonymous(url, { 'accept-encoding': 'identity' });
    expect(plain.encoding).toBe('identity');
    expect(plain.body).toBe(first.body);

    const again = await anonymous(url, { 'if-none-match': String(first.res.headers.etag) });
    expect(again.res.statusCode).toBe(304);
    expect(again.res.rawPayload.length).toBe(0);
  });

  it('gives each language its own page, right to left in Arabic', async () => {
    const en = await anonymous('/en/states/sn');
    const ar = await anonymous('/ar/states/sn', { 'if-none-match': String(en.res.headers.etag) });
    expect(ar.res.statusCode).toBe(200);
    expect(ar.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(ar.res.headers.etag).not.toBe(en.res.headers.etag);
  });

  it('keeps the query string of the language switcher links with the page it belongs to', async () => {
    const filtered = await anonymous('/en/states?region=africa');
    expect(filtered.body).toContain('href="/fr/states?region=africa"');
    const all = await anonymous('/en/states');
    expect(all.body).not.toContain('href="/fr/states?region=africa"');
  });

  it('still answers a page with parameters it does not keep (rendered, not stored)', async () => {
    const res = await anonymous('/en/states/sn?utm_source=newsletter');
    expect(res.res.statusCode).toBe(200);
    expect(res.res.headers.etag).toBeUndefined();
    expect(res.body).toContain('href="/fr/states/sn?utm_source=newsletter"');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/en/states/sn', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeDefined();
    expect(res.rawPayload.length).toBe(0);
  });

  it('issues the CSRF cookie with the first page that has a form, and its token works', async () => {
    const agent = new Agent(t.app);
    await agent.get('/en/states/sn');
    expect(agent.cookies.has('csrf')).toBe(false);
    const login = await agent.get('/en/login');
    expect(login.status).toBe(200);
    expect(agent.cookies.get('csrf')).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const res = await agent.post('/en/login', { email: user.email, password: 'correct horse battery staple' });
    expect(res.status).toBe(303);
    // A forged token is still refused.
    const forged = await new Agent(t.app).post('/en/login', { _csrf: 'forged', email: user.email, password: 'x' });
    expect(forged.status).toBe(403);
  });
});

describe('signed-in users', () => {
  it('get their own header and menu, never the anonymous copy', async () => {
    const anon = await anonymous('/en/states/sn');
    expect(anon.body).not.toContain(staffName);
    const mine = await staff.get('/en/states/sn', { 'if-none-match': String(anon.res.headers.etag) });
    expect(mine.status).toBe(200);
    expect(mine.body).toContain(staffName);
    expect(mine.body).toContain(`action="/en/logout"`);
    expect(mine.body).toContain('href="/en/admin/states"');
    expect(mine.headers.etag).toBeUndefined();
    expect(mine.headers['cache-control']).toBe('no-store');
    // And the anonymous copy stays anonymous afterwards.
    expect((await anonymous('/en/states/sn')).body).not.toContain(staffName);
  });
});

describe('freshness', () => {
  it('shows a change made through this instance at once', async () => {
    const before = await anonymous('/en/states/kh');
    expect(before.body).not.toContain('2033-06-30');
    await staff.get('/en/admin/states/kh/article5');
    const res = await staff.post('/en/admin/states/kh/article5', { deadline: '2033-06-30', status: 'requested', note: 'Cache test' });
    expect(res.status).toBe(303);
    const after = await anonymous('/en/states/kh');
    expect(after.body).toContain('2033-06-30');
    expect(after.res.headers.etag).not.toBe(before.res.headers.etag);
  });

  it('shows a change made elsewhere within the freshness window, not before', async () => {
    const url = '/en/states/th';
    const before = await anonymous(url);
    expect(before.body).not.toContain('Renamed Elsewhere');
    // Another instance (or the CLI) changes the State's English name straight in the database.
    await t.database.query(`update states set names = jsonb_set(names, '{en}', '"Renamed Elsewhere"'), version = version + 1 where iso2 = 'TH'`);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + PUBLIC_PAGE_FRESH_MS - 1000);
    const stale = await anonymous(url);
    expect(stale.body).not.toContain('Renamed Elsewhere');
    expect(stale.res.headers.etag).toBe(before.res.headers.etag);
    vi.setSystemTime(Date.now() + 2000);
    const fresh = await anonymous(url);
    expect(fresh.body).toContain('Renamed Elsewhere');
    expect(fresh.res.headers.etag).not.toBe(before.res.headers.etag);
  });

  it('keeps the ETag when a rebuild after the window finds the page unchanged', async () => {
    const before = await anonymous('/en/data');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + PUBLIC_PAGE_FRESH_MS + 1000);
    const after = await anonymous('/en/data', { 'if-none-match': String(before.res.headers.etag) });
    expect(after.res.statusCode).toBe(304);
  });
});
