/**
 * `npm run loadtest [-- --users 200 --seconds 60]`: many States' preparers working on their Article 7
 * reports at once, through the real sign-in form and the real pages, against the real server
 * (src/main.ts in a child process) on a PostgreSQL server — then proof that no save was lost.
 *
 * Database: TEST_DATABASE_URL or DATABASE_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
 * a fresh database is created on that server and dropped at the end.
 *
 * The server runs with the production configuration (NODE_ENV=production: TLS cookies, CSP, TOTP
 * required for ISU staff, demo mode off, no proxy trusted) and its default pool size. Sign-in is
 * limited to 20 attempts a minute per client address and locks an account after 5 failures: each
 * simulated person therefore connects from an address of their own on the loopback network
 * (127.0.x.y, all of which reach 127.0.0.1 on Linux) — as people in different countries do — and the
 * server sees them as different clients without trusting any X-Forwarded-For header. Nothing in
 * the security configuration is relaxed.
 *
 * Who does what:
 *  - preparers (--users, default 200), several per State, each owning one form of their State's 2023
 *    report (so two people never edit the same form: a 409 here is a bug and counted as one). They
 *    sign in (login page, password, CSRF), open the dashboard, the task list and their form, then
 *    change their text and save every 1–3 s: mostly autosaves (JSON), sometimes the Save button
 *    (post/redirect/get), now and then the task list;
 *  - in one State in ten (--submitting), the preparers mark their form complete part-way through, the
 *    State's approver marks the other forms not applicable, completes the cover, checks the answers
 *    and submits with the declaration; an ISU officer (TOTP second factor) acknowledges and publishes.
 *
 * At the end every preparer's last confirmed save is read back from the database (value, form
 * version, and the number of `reporting.form.saved` audit events = the number of confirmed saves)
 * and through the HTTP form page; submitted snapshots must hold the same values. The summary (per
 * action: requests, requests/s, p50/p95/p99, errors) goes to the console and to
 * bench/results/loadtest-<date>.md. The exit code is 1 on any error, conflict or lost save.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { seedAll } from '../src/seed.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { currentTotp, newTotpSecret } from '../src/platform/auth/totp.ts';
import { users } from '../src/areas/accounts/schema.ts';
import { actingAs } from '../src/areas/accounts/index.ts';
import { createReport } from '../src/areas/reporting/reports-commands.ts';
import { createTranslators, loadCatalogues } from '../src/platform/i18n/messages.ts';
import { loadConfig } from '../src/config.ts';
import { percentile } from './server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: argv } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    submitting: { type: 'string', default: '0.1' },
  },
});
const USERS = Number(argv.users);
const SECONDS = Number(argv.seconds);
const SUBMITTING = Number(argv.submitting);
if (!(USERS >= 1 && SECONDS >= 10 && SUBMITTING >= 0 && SUBMITTING <= 1)) {
  console.error('Usage: npm run loadtest -- [--users N ≥ 1] [--seconds S ≥ 10] [--submitting share of States 0–1]');
  process.exit(2);
}
const ADMIN_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const DB_NAME = `apmbc_loadtest_${randomBytes(4).toString('hex')}`;
const DB_URL = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const SECRET = randomBytes(32).toString('base64url');
const PASSWORD = 'load-test password, not a real one';
/** The form each preparer of a State owns, and the narrative field they write in it. */
const SLOTS = [
  { form: 'J', field: 's.gender.narrative', path: ['gender', 'narrative'] },
  { form: 'A', field: 's.measures.narrative', path: ['measures', 'narrative'] },
  { form: 'I', field: 's.riskEducation.narrative', path: ['riskEducation', 'narrative'] },
  { form: 'C', field: 's.release.methodology', path: ['release', 'methodology'] },
] as const;
type Slot = (typeof SLOTS)[number];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);
const think = () => sleep(between(1000, 3000));

/* ---------- measurements ---------- */

interface Sample {
  action: string;
  ms: number;
  ok: boolean;
}
const samples: Sample[] = [];
const problems: string[] = [];
let conflicts = 0;
let throttled = 0;

/* ---------- a browser: cookie jar, CSRF token from the last page, its own client address ---------- */

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let PORT = 0;

class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  private agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  constructor(
    readonly who: string,
    readonly address: string,
  ) {}

  private raw(method: 'GET' | 'POST', path: string, body: string | undefined, headers: Record<string, string>): Promise<Res> {
    return new Promise((resolve, reject) => {
      const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const req = http.request(
        {
          host: '127.0.0.1',
          port: PORT,
          method,
          path,
          agent: this.agent,
          localAddress: this.address,
          headers: {
            'user-agent': 'apmbc-loadtest/1',
            'accept-language': 'en',
            'accept-encoding': 'gzip, br',
            accept: 'text/html,application/xhtml+xml',
            ...(cookie ? { cookie } : {}),
            ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            let buf = Buffer.concat(chunks);
            const enc = res.headers['content-encoding'];
            if (enc === 'gzip') buf = zlib.gunzipSync(buf);
            else if (enc === 'br') buf = zlib.brotliDecompressSync(buf);
            else if (enc === 'deflate') buf = zlib.inflateSync(buf);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buf.toString('utf8') });
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  private remember(res: Res) {
    const set = res.headers['set-cookie'] ?? [];
    for (const c of set) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
  }

  async request(action: string, method: 'GET' | 'POST', path: string, expect: number[], form?: Record<string, string>, headers: Record<string, string> = {}): Promise<Res> {
    const body = form ? new URLSearchParams({ _csrf: this.csrf, ...form }).toString() : undefined;
    const t0 = performance.now();
    let res: Res;
    try {
      res = await this.raw(method, path, body, headers);
    } catch (e) {
      samples.push({ action, ms: performance.now() - t0, ok: false });
      problems.push(`${this.who}: ${action} ${method} ${path} → network error ${(e as Error).message}`);
      throw e;
    }
    const ms = performance.now() - t0;
    this.remember(res);
    const ok = expect.includes(res.status);
    samples.push({ action, ms, ok });
    if (!ok) {
      if (res.status === 409) conflicts++;
      if (res.status === 429) throttled++;
      const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300);
      problems.push(`${this.who}: ${action} ${method} ${path} → ${res.status} ${text}`);
      throw new Error(`${action}: unexpected ${res.status}`);
    }
    return res;
  }

  get(action: string, path: string, expect = [200]) {
    return this.request(action, 'GET', path, expect);
  }
  post(action: string, path: string, form: Record<string, string>, expect = [303], headers: Record<string, string> = {}) {
    return this.request(action, 'POST', path, expect, form, headers);
  }

  /** The sign-in form with CSRF, the second factor when asked, then the page it leads to. */
  async signIn(email: string, totpSecret?: string) {
    const page = await this.get('login page', '/en/login');
    if (!this.cookies.size) throw new Error('no cookies from the login page');
    // A first visit also loads the stylesheet and the script (cached afterwards: immutable).
    for (const m of page.body.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)) await this.get('static asset', m[1]!);
    let res = await this.post('sign in', '/en/login', { email, password: PASSWORD });
    if (res.headers.location?.includes('/login/two-factor')) {
      await this.get('two-factor page', res.headers.location);
      res = await this.post('two-factor code', '/en/login/two-factor', { code: currentTotp(totpSecret!) });
    }
    await this.get('home page', res.headers.location ?? '/en/');
  }

  close() {
    this.agent.destroy();
  }
}

let nextAddress = 0;
function newAddress(): string {
  const n = nextAddress++;
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

function versionOf(html: string): string {
  const m = /name="_version" value="(\d+)"/.exec(html);
  if (!m) throw new Error('no _version in page');
  return m[1]!;
}

/* ---------- the people ---------- */

interface Preparer {
  email: string;
  iso2: string;
  reportId: string;
  slot: Slot;
  /** When this preparer marks the form complete (submitting States only). */
  finishAt?: number;
  /** The last save the server confirmed, and how many it confirmed. */
  last?: { text: string; version: number };
  confirmed: number;
  browser?: Browser;
  done: Promise<void>;
  markDone: () => void;
}
interface StateTeam {
  iso2: string;
  reportId: string;
  preparers: Preparer[];
  approver?: { email: string };
  submitted?: boolean;
  acknowledged?: boolean;
  published?: boolean;
}

function textFor(p: Preparer, n: number): string {
  return `Préparation ${p.iso2}/${p.slot.form}, enregistrement ${n}: ${Math.floor(Math.random() * 1e6)} m² — تقرير ${n}`;
}

async function preparerSession(p: Preparer, startAt: number, endAt: number) {
  await sleep(Math.max(0, startAt - Date.now()));
  const b = new Browser(`preparer ${p.iso2}/${p.slot.form}`, newAddress());
  p.browser = b;
  const formUrl = `/en/reports/${p.reportId}/forms/${p.slot.form}`;
  try {
    await b.signIn(p.email);
    await b.get('dashboard', '/en/my');
    await b.get('task list', `/en/reports/${p.reportId}/edit`);
    let version = versionOf((await b.get('form page', formUrl)).body);
    let n = 0;
    while (Date.now() < endAt) {
      await think();
      if (Date.now() >= endAt) break;
      if (p.finishAt && Date.now() >= p.finishAt) {
        // The preparer is done: the form is marked complete with its final text.
        const text = textFor(p, ++n);
        const res = await b.post('save and mark complete', formUrl, { _version: version, _action: 'complete', [p.slot.field]: text });
        p.last = { text, version: Number(version) + 1 };
        p.confirmed++;
        await b.get('task list', res.headers.location!);
        break;
      }
      const roll = Math.random();
      if (roll < 0.1) {
        await b.get('task list', `/en/reports/${p.reportId}/edit`);
        version = versionOf((await b.get('form page', formUrl)).body);
        continue;
      }
      const text = textFor(p, ++n);
      if (roll < 0.75) {
        const res = await b.post('autosave', formUrl, { _version: version, _action: 'save', [p.slot.field]: text }, [200], { 'x-autosave': '1', accept: 'application/json' });
        version = String((JSON.parse(res.body) as { version: number }).version);
        p.last = { text, version: Number(version) };
        p.confirmed++;
      } else {
        const res = await b.post('save (button)', formUrl, { _version: version, _action: 'save', [p.slot.field]: text });
        p.last = { text, version: Number(version) + 1 };
        p.confirmed++;
        await b.get('task list', res.headers.location!);
        version = versionOf((await b.get('form page', formUrl)).body);
      }
    }
  } catch {
    /* recorded in problems */
  } finally {
    p.markDone();
  }
  // After handing over, a preparer still looks at the report now and then.
  while (Date.now() < endAt - 3000 && p.finishAt) {
    await think();
    try {
      await b.get('task list', `/en/reports/${p.reportId}/edit`);
    } catch {
      break;
    }
  }
}

async function approverSession(team: StateTeam, startAt: number, endAt: number, isuQueue: StateTeam[]) {
  await sleep(Math.max(0, startAt - Date.now()));
  const b = new Browser(`approver ${team.iso2}`, newAddress());
  const base = `/en/reports/${team.reportId}`;
  try {
    await b.signIn(team.approver!.email);
    await b.get('task list', `${base}/edit`);
    const owned = new Set<string>(team.preparers.map((p) => p.slot.form));
    for (const form of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'A'].filter((f) => !owned.has(f))) {
      await sleep(between(500, 1500));
      const page = await b.get('form page', `${base}/forms/${form}`);
      const res = await b.post('mark not applicable', `${base}/forms/${form}/not-applicable`, { _version: versionOf(page.body) });
      await b.get('task list', res.headers.location!);
    }
    const cover = await b.get('form page', `${base}/forms/cover`);
    await sleep(between(1000, 3000));
    const saved = await b.post('save and mark complete', `${base}/forms/cover`, {
      _version: versionOf(cover.body),
      _action: 'complete',
      's.contacts.people.0.organisation': `National Mine Action Authority (${team.iso2})`,
      's.contacts.people.0.name': 'Focal Point',
      's.general.language': 'en',
    });
    await b.get('task list', saved.headers.location!);
    // The State's preparers finish their forms; then check your answers and submit.
    await Promise.all(team.preparers.map((p) => p.done));
    if (team.preparers.some((p) => !p.last) || Date.now() > endAt - 2000) return;
    await think();
    const check = await b.get('check your answers', `${base}/check`);
    const explanations: Record<string, string> = {};
    for (const m of check.body.matchAll(/name="(explain\.[^"]+)"/g)) explanations[m[1]!] = 'Explained for the load test.';
    const sub = await b.post('submit report', `${base}/submit`, { _version: versionOf(check.body), visibility: 'public', declaration: 'on', ...explanations });
    team.submitted = true;
    isuQueue.push(team);
    await b.get('submitted page', sub.headers.location!);
  } catch {
    /* recorded in problems */
  } finally {
    b.close();
  }
}

async function isuSession(email: string, totpSecret: string, startAt: number, endAt: number, queue: StateTeam[]) {
  await sleep(Math.max(0, startAt - Date.now()));
  const b = new Browser(`ISU ${email}`, newAddress());
  const reader = new Browser('public reader', newAddress());
  try {
    await b.signIn(email, totpSecret);
    while (Date.now() < endAt) {
      await sleep(between(2000, 4000));
      if (Date.now() >= endAt) break;
      await b.get('review list', '/en/review');
      const team = queue.shift();
      if (!team) continue;
      const base = `/en/reports/${team.reportId}`;
      let review = await b.get('review page', `${base}/review`);
      await sleep(between(1000, 2000));
      let res = await b.post('acknowledge report', `${base}/acknowledge`, { _version: versionOf(review.body) });
      team.acknowledged = true;
      review = await b.get('review page', res.headers.location!);
      await sleep(between(1000, 2000));
      res = await b.post('publish report', `${base}/publish`, { _version: versionOf(review.body) });
      team.published = true;
      await b.get('review page', res.headers.location!);
      await reader.get('public report page', base);
    }
  } catch {
    /* recorded in problems */
  } finally {
    b.close();
    reader.close();
  }
}

/* ---------- setting up ---------- */

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function prepare(database: Database) {
  await runMigrations(database);
  await seedAll(database, { demo: false });
  const config = loadConfig({ NODE_ENV: 'development', SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', DATABASE_URL: DB_URL });
  const deps = { database, translator: createTranslators(loadCatalogues()), config };
  const eligible = await database.query<{ iso2: string }>(`select iso2 from states where withdrawal_effective_date is null and eif_date < '2015-01-01' order by iso2`);
  const perState = Math.max(2, Math.ceil(USERS / eligible.length));
  if (perState > SLOTS.length) throw new Error(`at most ${SLOTS.length * eligible.length} preparers (${eligible.length} States × ${SLOTS.length} forms)`);
  const stateCount = Math.ceil(USERS / perState);
  const passwordHash = await hashPassword(PASSWORD);
  const teams: StateTeam[] = [];
  const submittingEvery = SUBMITTING > 0 ? Math.max(1, Math.round(1 / SUBMITTING)) : Infinity;
  const rows: (typeof users.$inferInsert)[] = [];
  for (let s = 0; s < stateCount; s++) {
    const iso2 = eligible[s]!.iso2;
    const report = await createReport(deps, { userId: null, label: 'loadtest setup' }, actingAs('state_approver', { stateIso2: iso2 }), { stateIso2: iso2, kind: 'annual', year: 2023, startFromPrevious: false });
    const team: StateTeam = { iso2, reportId: report.id, preparers: [] };
    for (let k = 0; k < perState && s * perState + k < USERS; k++) {
      const email = `preparer${k + 1}.${iso2.toLowerCase()}@loadtest.example.org`;
      rows.push({ email, name: `Preparer ${k + 1} ${iso2}`, role: 'state_preparer', stateIso2: iso2, passwordHash, locale: 'en' });
      let markDone!: () => void;
      const done = new Promise<void>((r) => (markDone = r));
      team.preparers.push({ email, iso2, reportId: report.id, slot: SLOTS[k]!, confirmed: 0, done, markDone });
    }
    if (s % submittingEvery === submittingEvery - 1) {
      team.approver = { email: `approver.${iso2.toLowerCase()}@loadtest.example.org` };
      rows.push({ email: team.approver.email, name: `Approver ${iso2}`, role: 'state_approver', stateIso2: iso2, passwordHash, locale: 'en' });
    }
    teams.push(team);
  }
  const isu = { email: 'isu.officer@loadtest.example.org', secret: newTotpSecret() };
  rows.push({ email: isu.email, name: 'ISU Officer', role: 'isu_staff', passwordHash, locale: 'en', totpSecret: isu.secret, totpEnabledAt: new Date() });
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(users).values(rows.slice(i, i + 500));
  return { teams, isu, perState };
}

async function startServer(): Promise<{ child: ChildProcess; log: () => string }> {
  PORT = await freePort();
  let log = '';
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    BASE_URL: 'https://loadtest.invalid',
    DATABASE_URL: DB_URL,
    SESSION_SECRET: SECRET,
    DEMO_MODE: 'false',
    LOG_LEVEL: 'warn',
  };
  for (const k of ['TEST_DATABASE_URL', 'DATA_DIR', 'TRUST_PROXY', 'DATABASE_POOL_SIZE', 'REQUIRE_STAFF_TOTP', 'TLS']) delete env[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok) return { child, log: () => log };
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
}

/* ---------- proving that nothing was lost ---------- */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function verify(database: Database, teams: StateTeam[]) {
  const lost: string[] = [];
  let checked = 0;
  for (const team of teams) {
    const forms = await database.query<{ form_id: string; values: Record<string, Record<string, unknown>>; version: number }>('select form_id, values, version from report_forms where report_id = $1', [team.reportId]);
    const saves = await database.query<{ form: string; n: string | number }>(
      `select summary->>'form' as form, count(*) as n from audit_events where entity_id = $1 and action = 'reporting.form.saved' group by 1`,
      [team.reportId],
    );
    const [report] = await database.query<{ status: string; current_version_no: number }>('select status, current_version_no from reports where id = $1', [team.reportId]);
    const [snapshot] = await database.query<{ snapshot: { forms: Record<string, { values: unknown }> } }>('select snapshot from report_versions where report_id = $1 and version_no = 1', [team.reportId]);
    for (const p of team.preparers) {
      checked++;
      const row = forms.find((f) => f.form_id === p.slot.form)!;
      const stored = row.values[p.slot.path[0]]?.[p.slot.path[1]] ?? null;
      const expected = p.last?.text ?? null;
      const auditSaves = Number(saves.find((s) => s.form === p.slot.form)?.n ?? 0);
      const why: string[] = [];
      if (stored !== expected) why.push(`database holds ${JSON.stringify(stored)}, last confirmed save was ${JSON.stringify(expected)}`);
      if (row.version !== (p.last?.version ?? 1)) why.push(`form version ${row.version}, expected ${p.last?.version ?? 1}`);
      if (auditSaves !== p.confirmed) why.push(`${auditSaves} save events in the audit log, ${p.confirmed} saves confirmed`);
      if (p.browser && expected !== null) {
        try {
          const page = await p.browser.get('read back (form page)', `/en/reports/${p.reportId}/forms/${p.slot.form}`);
          if (!page.body.includes(escapeHtml(expected))) why.push('the form page does not show the last confirmed text');
          const v = /name="_version" value="(\d+)"/.exec(page.body)?.[1];
          if (v !== undefined && Number(v) !== row.version) why.push(`the form page offers version ${v}, the database has ${row.version}`);
        } catch (e) {
          why.push(`the form page could not be read back (${(e as Error).message})`);
        }
      }
      if (team.submitted) {
        if (!report || report.current_version_no !== 1 || !snapshot) why.push('submitted, but no version 1');
        else if (JSON.stringify(snapshot.snapshot.forms[p.slot.form]?.values) !== JSON.stringify(row.values)) why.push('the submitted snapshot differs from the form');
      }
      if (why.length) lost.push(`${p.email} (${p.slot.form}): ${why.join('; ')}`);
    }
    const expectStatus = team.published ? 'published' : team.acknowledged ? 'acknowledged' : team.submitted ? 'submitted' : 'draft';
    if (report?.status !== expectStatus) lost.push(`report of ${team.iso2}: status ${report?.status}, expected ${expectStatus}`);
  }
  return { lost, checked };
}

/* ---------- main ---------- */

async function main() {
  const started = new Date();
  const loadBefore = loadavg();
  console.log(`Creating database ${DB_NAME} on ${new URL(ADMIN_URL).host}…`);
  await admin(`create database ${DB_NAME}`);
  const database = await openDatabase({ url: DB_URL, poolSize: 4 });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let exitCode = 1;
  try {
    const { teams, isu, perState } = await prepare(database);
    const preparers = teams.flatMap((t) => t.preparers);
    const submittingTeams = teams.filter((t) => t.approver);
    console.log(`${preparers.length} preparers in ${teams.length} States (${perState} forms each), ${submittingTeams.length} States submitting; starting the server…`);
    server = await startServer();
    const pgVersion = (await database.query<{ server_version: string }>('show server_version'))[0]!.server_version;

    // Sign-ins are spread over the first third of the run (at most 20 s), as people arrive.
    const t0 = Date.now();
    const endAt = t0 + SECONDS * 1000;
    const ramp = Math.min(20_000, (SECONDS * 1000) / 3);
    for (const team of submittingTeams) for (const p of team.preparers) p.finishAt = t0 + between(0.5, 0.62) * SECONDS * 1000;
    const isuQueue: StateTeam[] = [];
    console.log(`Simulating for ${SECONDS} s…`);
    await Promise.all([
      ...preparers.map((p) => preparerSession(p, t0 + Math.random() * ramp, endAt)),
      ...submittingTeams.map((t) => approverSession(t, t0 + Math.random() * ramp, endAt, isuQueue)),
      isuSession(isu.email, isu.secret, t0 + Math.random() * ramp, endAt, isuQueue),
    ]);
    const elapsed = (Date.now() - t0) / 1000;
    const measured = samples.length;

    console.log('Reading every last save back from the database and through the pages…');
    const { lost, checked } = await verify(database, teams);
    for (const p of preparers) p.browser?.close();
    const serverLog = server.log();
    const serverErrors = serverLog.split('\n').filter((l) => /"level":(50|60)/.test(l)).length;

    const byAction = new Map<string, Sample[]>();
    for (const s of samples.slice(0, measured)) (byAction.get(s.action) ?? byAction.set(s.action, []).get(s.action)!).push(s);
    const fmt = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '—');
    const rowOf = (name: string, list: Sample[]) => {
      const ms = list.map((s) => s.ms).sort((a, b) => a - b);
      return `| ${name} | ${list.length} | ${fmt(list.length / elapsed)} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 95))} | ${fmt(percentile(ms, 99))} | ${list.filter((s) => !s.ok).length} |`;
    };
    const order = [...byAction.keys()].sort((a, b) => byAction.get(b)!.length - byAction.get(a)!.length);
    const measuredSamples = samples.slice(0, measured);
    const errors = measuredSamples.filter((s) => !s.ok).length;
    const confirmedSaves = preparers.reduce((n, p) => n + p.confirmed, 0);
    const date = started.toISOString().slice(0, 10);
    const lines = [
      `# Load test ${date}`,
      '',
      `${preparers.length} preparers in ${teams.length} States (up to ${perState} per State, each on a form of their own), ${submittingTeams.length} approvers and 1 ISU officer, for ${SECONDS} s (${elapsed.toFixed(1)} s measured, sign-ins spread over the first ${(ramp / 1000).toFixed(0)} s), think time 1–3 s between actions.`,
      '',
      `Server: src/main.ts with NODE_ENV=production (TLS cookies, CSP, TOTP for ISU staff, no proxy trusted), default pool of 10 connections, on PostgreSQL ${pgVersion}. Every simulated person connects from an address of their own (127.0.x.y), so the per-address sign-in limit (20 a minute) applies to each as to real people in different places.`,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load generator, server and database on the same machine. Load average (1 min) before: ${loadBefore[0]!.toFixed(1)}, after: ${loadavg()[0]!.toFixed(1)}.`,
      '',
      '| action | requests | requests/s | p50 ms | p95 ms | p99 ms | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...order.map((a) => rowOf(a, byAction.get(a)!)),
      rowOf('**all requests**', measuredSamples),
      '',
      '| outcome | count |',
      '| --- | ---: |',
      `| saves confirmed by the server (autosave, Save button, mark complete) | ${confirmedSaves} |`,
      `| reports submitted / acknowledged / published | ${teams.filter((t) => t.submitted).length} / ${teams.filter((t) => t.acknowledged).length} / ${teams.filter((t) => t.published).length} |`,
      `| errors (unexpected status or network error) | ${errors} |`,
      `| of which 409 conflicts (none expected: nobody shares a form) | ${conflicts} |`,
      `| of which 429 (sign-in limit) | ${throttled} |`,
      `| errors logged by the server | ${serverErrors} |`,
      `| preparers checked (database value, form version, audit count, form page) | ${checked} |`,
      `| **lost saves** | **${lost.length}** |`,
      '',
    ];
    if (problems.length) lines.push('## Errors (first 20)', '', ...problems.slice(0, 20).map((p) => `- ${p}`), '');
    if (lost.length) lines.push('## Lost or inconsistent saves (first 20)', '', ...lost.slice(0, 20).map((l) => `- ${l}`), '');
    const out = lines.join('\n');
    console.log(`\n${out}`);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const file = join(ROOT, `bench/results/loadtest-${date}.md`);
    writeFileSync(file, `${out}\n`);
    console.log(`Written to ${file}`);
    if (serverErrors) console.log(serverLog.split('\n').filter((l) => /"level":(50|60)/.test(l)).slice(0, 5).join('\n'));
    exitCode = errors || lost.length || serverErrors ? 1 : 0;
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server!.child.once('exit', r));
    }
    await database.close();
    await admin(`drop database if exists ${DB_NAME} with (force)`);
  }
  process.exit(exitCode);
}

await main();
