/**
 * Security headers on every page (parameters filled from example records), for anonymous visitors
 * and an administrator, error pages included: a CSP that allows no inline or evaluated script and
 * no framing, nosniff, a referrer policy; HSTS only when the app is served over TLS, and then the
 * session and CSRF cookies are Secure with the __Host- prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createUser } from '../../support/app.ts';
import { allPages, startQualityApp, type QualityApp } from './pages.ts';

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
  });

  it('the same on redirects, static files and the API', async () => {
    for (const url of ['/', '/en/login/two-factor', '/healthz', '/api/openapi.json']) {
      const res = await q.anonymous.get(url);
      expect(headerProblems(res.headers, { tls: false }), url).toEqual([]);
    }
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
