/**
 * Security headers on every page (parameters filled from example records), for anonymous visitors
 * and an administrator, error pages included, and on downloads (exports, bulk ZIP, audit CSV,
 * uploaded files), JSON API answers and refusals of every kind: a CSP that allows no inline or evaluated script and
 * no framing, nosniff, a referrer policy; HSTS only when the app is served over TLS, and then the
 * session and CSRF cookies are Secure with the __Host- prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createUser } from '../../support/app.ts';
import { allPages, startQualityApp, type QualityApp } from './pages.ts';
import { attach, driveReport, person, type Cast } from './authorisation.ts';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** What is wrong with the security headers of one response ([] when fine). */
function headerProblems(headers: Record<string, unknown>, opts: { tls: boolean }): string[] {
  const problems: string[] = [];
  const csp = String(headers['content-security-policy'] ?? '');
  if (!csp) problems.push('no Content-Security-Policy');
  const d = directives(csp);
  const script = d.get('script-src') ?? d.get('default-src');
  if (!script) problems.push('CSP without script-src or default-src');
  else {
    if (script.includes("'unsafe-inline'")) problems.push("CSP allows 'unsafe-inline' scripts");
    if (script.includes("'unsafe-eval'")) problems.push("CSP allows 'unsafe-eval'");
    if (script.some((s) => s === '*' || /^https?:$/.test(s) || s === 'data:')) problems.push(`CSP allows scripts from anywhere: ${script.join(' ')}`);
  }
  if ((d.get('object-src') ?? d.get('default-src'))?.join(' ') !== "'none'" && !d.get('object-src')?.includes("'none'")) problems.push("CSP object-src is not 'none'");
  if (d.get('frame-ancestors')?.join(' ') !== "'none'") problems.push("CSP frame-ancestors is not 'none'");
  if (headers['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  const referrer = String(headers['referrer-policy'] ?? '');
  if (!/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/.test(referrer)) problems.push(`Referrer-Policy "${referrer}"`);
  const hsts = headers['strict-transport-security'];
  if (opts.tls && !/max-age=(\d+)/.test(String(hsts ?? ''))) problems.push('no Strict-Transport-Security over TLS');
  if (opts.tls && Number(/max-age=(\d+)/.exec(String(hsts))?.[1] ?? 0) < 180 * 24 * 3600) problems.push(`HSTS max-age too short: ${String(hsts)}`);
  if (!opts.tls && hsts !== undefined) problems.push('Strict-Transport-Security sent over plain HTTP');
  return problems;
}

async function sweep(q: QualityApp, agents: [string, Agent][], locales: string[], tls: boolean) {
  const problems: string[] = [];
  let count = 0;
  for (const locale of locales) {
    const { pages } = allPages(q, locale);
    const paths = [...pages.map((p) => p.path), `/${locale}/no-such-page`];
    for (const [who, agent] of agents) {
      for (const path of paths) {
        const res = await agent.get(path);
        count++;
        for (const p of headerProblems(res.headers, { tls })) problems.push(`${path} (${res.status}, ${who}): ${p}`);
      }
    }
  }
  return { problems, count };
}

/**
 * Downloads (exports, the bulk ZIP, the audit CSV, an uploaded file), JSON API answers (200, 400,
 * 401, 404), refusals and error answers of forms (CSRF 403, 422, 404, 405), static files and
 * redirects: the same headers as pages. Returns the problems found.
 */
async function otherAnswers(q: QualityApp, tls: boolean): Promise<{ problems: string[]; count: number }> {
  const t = q.t;
  const cast: Cast = {
    preparer: await person(t, { role: 'state_preparer', stateIso2: 'KH' }),
    approver: await person(t, { role: 'state_approver', stateIso2: 'KH' }, { signIn: false }),
    isu: await person(t, { role: 'isu_staff' }, { signIn: false }),
  };
  const published = await driveReport(t, cast, { year: 2020, upTo: 'published', marker: 'HEADERS' });
  const draft = await driveReport(t, cast, { year: 2021, upTo: 'draft', marker: 'HEADERS-DRAFT' });
  const attachment = await attach(t, cast, draft.id, 'annex.pdf');
  const page = await q.anonymous.get('/en/');
  const asset = /href="(\/static\/[^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
  const prep = cast.preparer.agent!;
  const requests: [string, () => Promise<{ status: number; headers: Record<string, unknown> }>][] = [
    ...['export.pdf', 'export.xlsx', 'export.csv.zip', 'export.json'].map((e) => [`GET ${e}`, () => q.anonymous.get(`/en/reports/${published.id}/${e}`)] as [string, () => Promise<{ status: number; headers: Record<string, unknown> }>]),
    ['GET bulk zip', () => q.anonymous.get('/en/reports/bulk/2020.zip')],
    ['GET audit.csv', () => q.admin.get('/en/admin/audit.csv')],
    ['GET attachment', () => prep.get(`/en/reports/${draft.id}/attachments/${attachment}`)],
    ['GET static css', () => q.anonymous.get(asset ?? '/static/missing.css')],
    ['GET API list', () => t.app.inject({ method: 'GET', url: '/api/v1/reports' }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['GET API report', () => t.app.inject({ method: 'GET', url: `/api/v1/reports/${published.id}` }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['GET API 401', () => t.app.inject({ method: 'GET', url: '/api/v1/me' }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['GET API bad token 401', () => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer apmbc_00000000_nope' } }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['GET API 404', () => t.app.inject({ method: 'GET', url: `/api/v1/reports/${draft.id}` }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['GET API 400', () => t.app.inject({ method: 'GET', url: '/api/v1/reports?limit=lots' }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['POST API 401', () => t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { kind: 'annual', year: 2020 } }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['GET API unknown 404', () => t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['POST form without CSRF 403', () => t.app.inject({ method: 'POST', url: '/en/login', payload: 'email=a%40b.org&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
    ['POST login 422', async () => (await q.anonymous.get('/en/login'), q.anonymous.post('/en/login', { email: '', password: '' }))],
    ['GET forbidden 403', () => q.statePreparer.get('/en/admin/users')],
    ['GET sign-in redirect', () => q.anonymous.get('/en/admin/users')],
    // No such route: the CSRF check refuses first.
    ['DELETE 403', () => t.app.inject({ method: 'DELETE', url: '/en/reports' }).then((r) => ({ status: r.statusCode, headers: r.headers }))],
  ];
  const problems: string[] = [];
  for (const [name, run] of requests) {
    const res = await run();
    const meant = /\b([1-5]\d\d)$/.exec(name)?.[1] ?? (/redirect/.test(name) ? '303' : '200');
    if (String(res.status) !== meant) problems.push(`${name}: answered ${res.status}, meant ${meant}`);
    for (const p of headerProblems(res.headers, { tls })) problems.push(`${name} (${res.status}): ${p}`);
  }
  return { problems, count: requests.length };
}

describe('security headers over plain HTTP', () => {
  let q: QualityApp;
  beforeAll(async () => {
    q = await startQualityApp();
  });
  afterAll(async () => q?.close());

  it('every page, error pages included, sends the headers and no HSTS', async () => {
    const { problems, count } = await sweep(q, [['anonymous', q.anonymous], ['administrator', q.admin], ['State preparer', q.statePreparer]], ['en', 'ar'], false);
    expect(count).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    // Every page the app has, for three users in two languages: minutes on a loaded 2-core machine.
  }, 300_000);

  it('the same on redirects, static files and the API', async () => {
    for (const url of ['/', '/en/login/two-factor', '/healthz', '/api/openapi.json']) {
      const res = await q.anonymous.get(url);
      expect(headerProblems(res.headers, { tls: false }), url).toEqual([]);
    }
  });

  it('downloads, API answers, refusals, error answers and static files carry them too', async () => {
    const { problems, count } = await otherAnswers(q, false);
    expect(count).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  });

  it('pages carry no inline script, style or event handler the CSP would block', async () => {
    const offending: string[] = [];
    for (const [who, agent] of [['anonymous', q.anonymous], ['administrator', q.admin]] as const) {
      for (const { path } of allPages(q, 'en').pages) {
        const res = await agent.get(path);
        if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
        if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(res.body)) offending.push(`${path} (${who}): inline <script>`);
        if (/<style[\s>]/i.test(res.body)) offending.push(`${path} (${who}): <style> element`);
        if (/<[a-z][^>]*\sstyle="/i.test(res.body)) offending.push(`${path} (${who}): style="" attribute`);
        if (/<[a-z][^>]*\son[a-z]+="/i.test(res.body)) offending.push(`${path} (${who}): inline event handler`);
        if (/href="javascript:/i.test(res.body)) offending.push(`${path} (${who}): javascript: link`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('detects a weak policy', () => {
    expect(headerProblems({ 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'", 'x-content-type-options': 'nosniff', 'referrer-policy': 'unsafe-url' }, { tls: false })).toEqual([
      "CSP allows 'unsafe-inline' scripts",
      "CSP object-src is not 'none'",
      "CSP frame-ancestors is not 'none'",
      'Referrer-Policy "unsafe-url"',
    ]);
  });
});

describe('security headers and cookies over TLS', () => {
  let q: QualityApp;
  beforeAll(async () => {
    q = await startQualityApp({ TLS: 'true' });
  });
  afterAll(async () => q?.close());

  it('every page sends HSTS and the other headers', async () => {
    const { problems } = await sweep(q, [['anonymous', q.anonymous], ['administrator', q.admin]], ['en'], true);
    expect(problems).toEqual([]);
  }, 300_000);

  it('downloads, API answers, refusals and error answers send HSTS and the other headers', async () => {
    const { problems } = await otherAnswers(q, true);
    expect(problems).toEqual([]);
  });

  it('the session and CSRF cookies are Secure, HttpOnly, SameSite and __Host- prefixed', async () => {
    const user = await createUser(q.t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const agent = new Agent(q.t.app);
    const page = await q.t.app.inject({ method: 'GET', url: '/en/login' });
    const csrfCookies = [page.headers['set-cookie']].flat().filter(Boolean).map(String);
    expect(csrfCookies.length).toBeGreaterThan(0);
    for (const c of csrfCookies) expect(c).toMatch(/^__Host-/);

    await agent.get('/en/login');
    const signIn = await agent.post('/en/login', { email: user.email, password: 'correct horse battery staple' });
    expect(signIn.status).toBe(303);
    const set = [signIn.headers['set-cookie']].flat().filter(Boolean).map(String);
    const session = set.find((c) => /^__Host-sid=/.test(c));
    expect(session, `session cookie among ${set.join(' | ')}`).toBeDefined();
    for (const c of [session!, ...csrfCookies]) {
      const attrs = c.split(';').map((a) => a.trim().toLowerCase());
      expect(attrs).toContain('secure');
      expect(attrs).toContain('httponly');
      expect(attrs).toContain('path=/');
      expect(attrs.some((a) => a.startsWith('samesite=lax') || a.startsWith('samesite=strict'))).toBe(true);
      // __Host- cookies must not name a domain.
      expect(attrs.some((a) => a.startsWith('domain='))).toBe(false);
    }
    // No cookie under a name without the prefix.
    expect(set.filter((c) => !/^__Host-/.test(c))).toEqual([]);
    // The session works with its prefixed name.
    const home = await agent.get('/en/');
    expect(home.body).toContain(user.name);
  });
});
