/**
 * `npm run bench`: measures the running app on a PostgreSQL server, against a bare Fastify route
 * on the same machine in the same run, and writes a Markdown table to bench/results/<date>.md
 * (a second run on the same day is appended to that file).
 *
 * Needs a PostgreSQL server: BENCH_DATABASE_URL (or TEST_DATABASE_URL), pointing at a database the
 * user may create databases from (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres).
 * Options (environment): BENCH_SECONDS (default 10), BENCH_PREPARERS (default 50),
 * BENCH_THINK_MS (default 1000), BENCH_ROUNDS (default 1: each round measures the bare route and
 * then every scenario; the table shows the best round and the spread), BENCH_ONLY (a regular
 * expression: only the scenarios whose name matches).
 *
 * Scenarios are the SCENARIOS list below: a page is one `page(...)` entry.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { seedAll } from '../src/seed.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { csrfTokenFor } from '../src/platform/http/csrf.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { users } from '../src/areas/accounts/schema.ts';
import { actingAs } from '../src/areas/accounts/index.ts';
import { createReport, saveForm, markFormNotApplicable, submitReport, acknowledgeReport, publishReport } from '../src/areas/reporting/reports-commands.ts';
import { createTranslators, loadCatalogues } from '../src/platform/i18n/messages.ts';
import { loadConfig } from '../src/config.ts';
import { appendDailyResults, BENCH_SECRET, benchServer, percentile } from './server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PREPARERS = Number(process.env.BENCH_PREPARERS ?? 50);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const WARMUP_SECONDS = 2;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
const BENCH_PASSWORD = 'bench-password-123';
const SECRET = BENCH_SECRET;
const DB_NAME = 'apmbc_bench';
const { adminUrl, dbUrl, admin } = benchServer(DB_NAME);

function start(cmd: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, cmd, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        const r = await fetch(readyUrl);
        if (r.ok) return resolve(child);
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline || child.exitCode !== null) return reject(new Error(`server did not start: ${cmd.join(' ')}`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

type Who = 'anonymous' | 'isu_staff';

interface Preparer {
  email: string;
  /** The version of the preparer's Form J as last saved. */
  version: number;
  cookie: string;
  csrf: string;
  reportId: string;
}

interface Ctx {
  base: string;
  publishedId: string;
  preparers: Preparer[];
  cookies: Record<Who, string>;
}

interface Measure {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  connections: number;
  /** Set when the scenario could not run (e.g. a page not built yet). */
  skipped?: string;
}

interface Scenario {
  name: string;
  run: (ctx: Ctx) => Promise<Measure>;
  /** Compare its requests/s with the bare route's (throughput scenarios). */
  compare?: boolean;
  note?: string;
}

/** What a browser sends for a page: compressed responses are accepted. */
const BROWSER_HEADERS = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'en' };

/** autocannon for SECONDS; errors are responses with another status than `expect` (and socket errors). */
async function cannon(url: string, connections: number, extra: Partial<autocannon.Options> = {}, expect = [200]): Promise<Measure> {
  const r = await autocannon({ url, connections, duration: SECONDS, ...extra });
  const stats = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const ok = expect.reduce((n, code) => n + (stats[String(code)]?.count ?? 0), 0);
  const total = Object.values(stats).reduce((n, s) => n + s.count, 0);
  return { rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5 ?? r.latency.p99, p99: r.latency.p99, errors: r.errors + r.timeouts + (total - ok), connections };
}

/**
 * A GET page (or API route) under 20 connections, as a browser asks for it. `optional` pages that
 * answer 404 (not built yet) are reported as skipped.
 */
function page(name: string, path: (ctx: Ctx) => string, opts: { as?: Who; optional?: boolean; headers?: Record<string, string>; note?: string; compare?: boolean } = {}): Scenario {
  return {
    name,
    compare: opts.compare ?? true,
    ...(opts.note ? { note: opts.note } : {}),
    run: async (ctx) => {
      const url = ctx.base + path(ctx);
      const cookie = ctx.cookies[opts.as ?? 'anonymous'];
      const headers: Record<string, string> = { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) };
      const probe = await fetch(url, { headers, redirect: 'manual' });
      await probe.arrayBuffer();
      if (probe.status !== 200) {
        if (opts.optional) return { rps: NaN, p50: NaN, p95: NaN, p99: NaN, errors: 0, connections: 20, skipped: `${path(ctx)} answers ${probe.status}` };
        throw new Error(`${name}: ${url} answered ${probe.status}`);
      }
      await autocannon({ url, connections: 20, duration: WARMUP_SECONDS, headers }); // JIT and caches warm, not counted
      return cannon(url, 20, { headers });
    },
  };
}

/**
 * Sign-in: POST /en/login with the CSRF cookie and token, the right password, 20 connections.
 * Each request comes from another address (X-Forwarded-For; the app runs with TRUST_PROXY) so the
 * per-address sign-in limit (20 a minute) does not turn the measurement into one of 429s; the
 * preparers' accounts are used in turn. Success is the 303 to the next page.
 */
async function signInLoad(ctx: Ctx): Promise<Measure> {
  const page = await fetch(`${ctx.base}/en/login`);
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const csrfCookie = /(?:^|,\s*)(csrf=[^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1];
  if (!token || !csrfCookie) throw new Error('sign-in: no CSRF token on the login page');
  let n = 0;
  return cannon(
    `${ctx.base}/en/login`,
    20,
    {
      requests: [
        {
          method: 'POST',
          setupRequest: (req: autocannon.Request) => {
            n++;
            const who = ctx.preparers[n % ctx.preparers.length]!;
            return {
              ...req,
              headers: { ...BROWSER_HEADERS, 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
              body: new URLSearchParams({ _csrf: token, email: who.email, password: BENCH_PASSWORD }).toString(),
            };
          },
        },
      ],
    },
    [303],
  );
}

async function pdfSequential(ctx: Ctx): Promise<Measure> {
  const pdfUrl = `${ctx.base}/en/reports/${ctx.publishedId}/export.pdf`;
  const probe = await fetch(pdfUrl);
  if (!probe.ok) return { rps: NaN, p50: NaN, p95: NaN, p99: NaN, errors: 0, connections: 1, skipped: `export.pdf answers ${probe.status}` };
  await probe.arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await (await fetch(pdfUrl)).arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { rps: 1000 / percentile(times, 50), p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), errors: 0, connections: 1 };
}

/** Every scenario, in order. Adding a page to the benchmark is one `page(...)` line. */
const SCENARIOS: Scenario[] = [
  page('published report page (anonymous)', (c) => `/en/reports/${c.publishedId}`),
  page('published report page, Arabic', (c) => `/ar/reports/${c.publishedId}`),
  page('published report page, client without compression', (c) => `/en/reports/${c.publishedId}`, { headers: { 'accept-encoding': 'identity' }, note: 'no Accept-Encoding: 31 KB of HTML per response' }),
  page('State page', () => '/en/states/mz'),
  page('States list', () => '/en/states'),
  page('public reports list', () => '/en/reports'),
  page('open data page', () => '/en/data'),
  page('API: list of reports (JSON)', () => '/api/v1/reports'),
  // Dashboards: measured as soon as their routes answer (optional: a 404 is reported, not fatal).
  page('compliance dashboard (public)', () => '/en/compliance', { optional: true }),
  page('compliance trends (public)', () => '/en/compliance/trends', { optional: true }),
  page('compliance dashboard (ISU staff)', () => '/en/workspace/compliance', { as: 'isu_staff', optional: true }),
  page('coverage dashboard (ISU staff)', () => '/en/analysis/coverage', { as: 'isu_staff', optional: true }),
  { name: 'sign-in (POST, argon2id 19 MiB, t=2, p=1)', run: signInLoad, compare: true, note: 'argon2id is slow on purpose' },
  { name: `form save (autosave), ${PREPARERS} preparers, ${THINK_MS} ms think time`, run: (c) => saveLoad(c.base, c.preparers), note: 'target p95 < 50 ms' },
  { name: 'full report PDF (sequential, 10 runs)', run: pdfSequential, note: 'target < 1 s' },
];

async function prepare(database: Database) {
  await runMigrations(database);
  await seedAll(database, { demo: true });
  const config = loadConfig({ NODE_ENV: 'development', SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', DATABASE_URL: dbUrl });
  const translator = createTranslators(loadCatalogues());
  const deps = { database, translator, config };
  const seed = { userId: null, label: 'bench' };
  const state = (iso2: string) => actingAs('state_approver', { stateIso2: iso2 });
  const isu = actingAs('isu_staff');
  // One published report with realistic content for the page scenarios.
  const pub = await createReport(deps, seed, state('MZ'), { stateIso2: 'MZ', kind: 'annual', year: 2023, startFromPrevious: false });
  const areas = Array.from({ length: 25 }, (_, i) => ({ _id: `r${i}`, region: `Demo province ${i + 1}`, kind: i % 3 ? 'cha' : 'sha', areaCount: 3 + i, sizeSqm: 120000 + i * 5300 }));
  const releases = Array.from({ length: 25 }, (_, i) => ({ _id: `l${i}`, region: `Demo province ${i + 1}`, cancelledSqm: 10000 + i * 100, reducedSqm: 5000 + i * 50, clearedSqm: 20000 + i * 400, minesDestroyed: 10 + i }));
  const forms: Record<string, unknown> = {
    cover: { contacts: { people: [{ _id: 'c1', organisation: 'Demo Mine Action Authority', name: 'Demo Focal Point' }] }, general: { language: 'en' } },
    C: { hazards: { areas }, release: { byRegion: releases, methodology: 'Demo methodology text. '.repeat(20) } },
    J: { gender: { integrated: true, narrative: 'Demo narrative on gender and diversity. '.repeat(30) }, cooperation: { resourcePlan: true, resourcePlanSummary: 'Demo plan. '.repeat(20) } },
  };
  for (const formId of ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I']) await markFormNotApplicable(deps, seed, state('MZ'), { reportId: pub.id, formId, expectedVersion: 1 });
  for (const [formId, values] of Object.entries(forms)) {
    const r = await saveForm(deps, seed, state('MZ'), { reportId: pub.id, formId, expectedVersion: 1, body: values, json: true, completed: true });
    if (r.kind !== 'saved') throw new Error(`bench seed: ${formId} ${r.kind}`);
  }
  const sub = await submitReport(deps, seed, state('MZ'), { reportId: pub.id, expectedVersion: pub.version, visibility: 'public', declaration: true, explanations: {} });
  const ack = await acknowledgeReport(deps, seed, isu, pub.id, sub.version);
  await publishReport(deps, seed, isu, pub.id, ack.version);

  // PREPARERS preparers of different States, each with a 2023 draft and a session.
  const states = await database.query<{ iso2: string }>(
    `select iso2 from states where withdrawal_effective_date is null and iso2 not in ('MZ') and iso2 not in (select state_iso2 from reports) and eif_date < '2015-01-01' order by iso2 limit $1`,
    [PREPARERS],
  );
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const preparers: Preparer[] = [];
  for (const { iso2 } of states) {
    const [u] = await database.db
      .insert(users)
      .values({ email: `bench.${iso2.toLowerCase()}@bench.example.org`, name: `Bench ${iso2}`, role: 'state_preparer', stateIso2: iso2, passwordHash })
      .returning();
    const report = await createReport(deps, seed, state(iso2), { stateIso2: iso2, kind: 'annual', year: 2023, startFromPrevious: false });
    const { token, session } = await createSession(database.db, u!.id, { idleMs: 86400000, maxMs: 86400000 }, { secondFactorDone: true });
    const csrfCookie = `benchcsrf${iso2}000000000000000`;
    preparers.push({ email: u!.email, version: 1, cookie: `sid=${token}; csrf=${csrfCookie}`, csrf: csrfTokenFor(SECRET, csrfCookie, session.id), reportId: report.id });
  }
  // An ISU staff member's session, for the pages only staff see (dashboards).
  const [staff] = await database.db.insert(users).values({ email: 'bench.isu@bench.example.org', name: 'Bench ISU', role: 'isu_staff', passwordHash }).returning();
  const staffSession = await createSession(database.db, staff!.id, { idleMs: 86400000, maxMs: 86400000 }, { secondFactorDone: true });
  const cookies: Record<Who, string> = { anonymous: '', isu_staff: `sid=${staffSession.token}` };
  return { publishedId: pub.id, preparers, cookies };
}

/**
 * PREPARERS preparers working at once, each autosaving its own Form J and pausing THINK_MS between
 * saves (the browser module saves 4 s after the last keystroke; 1 s is a harsher burst).
 */
async function saveLoad(base: string, preparers: Preparer[]): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  let conflicts = 0;
  // Preparers arrive at random moments (not all in the same millisecond), and the first seconds
  // warm the app up: only saves started after the warm-up are measured.
  const measureFrom = Date.now() + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + SECONDS * 1000;
  await Promise.all(
    preparers.map(async (p, i) => {
      // The form's version carries over from one round to the next.
      let version = p.version;
      let n = 0;
      await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
      while (Date.now() < stopAt) {
        const measured = Date.now() >= measureFrom;
        n++;
        const body = new URLSearchParams({ _csrf: p.csrf, _version: String(version), _action: 'save', 's.gender.narrative': `Demo narrative ${i}-${n}: women and men were consulted separately.`, 's.cooperation.needs': `Demo needs ${n}` });
        const t0 = performance.now();
        const res = await fetch(`${base}/en/reports/${p.reportId}/forms/J`, { method: 'POST', body, headers: { cookie: p.cookie, 'x-autosave': '1', accept: 'application/json' } });
        const text = await res.text();
        if (measured) latencies.push(performance.now() - t0);
        if (res.status === 200) version = p.version = (JSON.parse(text) as { version: number }).version;
        else if (res.status === 409) {
          // Not expected (each preparer has a form of their own): count it and take the current version.
          conflicts++;
          const page = await (await fetch(`${base}/en/reports/${p.reportId}/forms/J`, { headers: { cookie: p.cookie } })).text();
          version = p.version = Number(/name="_version" value="(\d+)"/.exec(page)?.[1] ?? version);
        } else errors++;
        if (THINK_MS) await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / SECONDS, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: errors + conflicts, connections: preparers.length };
}

interface Row extends Measure {
  scenario: string;
  ratio?: number;
  note?: string;
}

async function main() {
  const load0 = loadavg();
  console.log(`Preparing database ${DB_NAME}… (load average ${load0.map((l) => l.toFixed(2)).join(' ')})`);
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const database = await openDatabase({ url: dbUrl, poolSize: 4 });
  const { publishedId, preparers, cookies } = await prepare(database);

  const bare = await start(['--import', 'tsx', 'bench/bare-server.ts'], { PORT: '3301' }, 'http://127.0.0.1:3301/');
  const app = await start(
    ['--import', 'tsx', 'src/main.ts'],
    { PORT: '3300', DATABASE_URL: dbUrl, SESSION_SECRET: SECRET, LOG_LEVEL: 'warn', DEMO_MODE: 'true', DATABASE_POOL_SIZE: '20', TRUST_PROXY: 'true', JOBS_ENABLED: 'false' },
    'http://127.0.0.1:3300/readyz',
  );
  const ctx: Ctx = { base: 'http://127.0.0.1:3300', publishedId, preparers, cookies };
  const scenarios = SCENARIOS.filter((s) => !ONLY || ONLY.test(s.name));
  // Each compared scenario is measured right after the bare route, so that both see the same
  // machine (other processes' load moves both); the ratio is taken within that pair.
  const bareUrl = 'http://127.0.0.1:3301/';
  const runs = new Map<string, { m: Measure; bare?: number }[]>();
  const bares: number[] = [];
  const loadStart = loadavg();
  try {
    await autocannon({ url: bareUrl, connections: 20, duration: WARMUP_SECONDS, headers: BROWSER_HEADERS });
    for (let r = 0; r < ROUNDS; r++) {
      console.log(`round ${r + 1} of ${ROUNDS}`);
      for (const s of scenarios) {
        let bareRps: number | undefined;
        if (s.compare) {
          bareRps = (await cannon(bareUrl, 20, { headers: BROWSER_HEADERS })).rps;
          bares.push(bareRps);
        }
        const m = await s.run(ctx);
        runs.set(s.name, [...(runs.get(s.name) ?? []), { m, ...(bareRps ? { bare: bareRps } : {}) }]);
        console.log(
          `  ${s.name}: ${m.skipped ?? `${m.rps.toFixed(1)} requests/s, p50 ${m.p50} ms, p95 ${m.p95.toFixed(1)} ms, errors ${m.errors}`}` +
            (bareRps && !m.skipped ? ` (${((m.rps / bareRps) * 100).toFixed(0)} % of the bare route's ${bareRps.toFixed(0)})` : ''),
        );
      }
    }
    if (!bares.length) bares.push((await cannon(bareUrl, 20, { headers: BROWSER_HEADERS })).rps);
  } finally {
    app.kill('SIGTERM');
    bare.kill('SIGTERM');
    await database.close();
  }
  const loadEnd = loadavg();

  // The best run of each scenario (by its ratio to the bare route, or requests/s; form saves by
  // p95), and the spread over the rounds.
  const sortedBares = [...bares].sort((a, b) => a - b);
  const rows: Row[] = [
    { scenario: 'bare Fastify route (baseline, median of its runs)', rps: percentile(sortedBares, 50), p50: NaN, p95: NaN, p99: NaN, errors: 0, connections: 20, note: `${bares.length} runs: ${sortedBares[0]!.toFixed(0)}–${sortedBares.at(-1)!.toFixed(0)} requests/s` },
  ];
  const spread: string[] = [];
  for (const s of scenarios) {
    const per = runs.get(s.name) ?? [];
    if (!per.length) continue;
    const isSave = s.name.startsWith('form save');
    const key = (p: { m: Measure; bare?: number }) => (isSave ? -p.m.p95 : p.bare ? p.m.rps / p.bare : p.m.rps);
    const best = per.reduce((a, b) => (key(b) > key(a) ? b : a));
    rows.push({ scenario: s.name, ...best.m, ...(best.bare && !best.m.skipped ? { ratio: best.m.rps / best.bare } : {}), ...(s.note ? { note: s.note } : {}) });
    if (per.length > 1 && !best.m.skipped) {
      spread.push(
        `${s.name}: ${per.map((p) => p.m.rps.toFixed(0)).join(', ')} requests/s` +
          (s.compare ? ` = ${per.map((p) => `${((p.m.rps / p.bare!) * 100).toFixed(0)} %`).join(', ')} of the bare route` : '') +
          `; p95 ${per.map((p) => p.m.p95.toFixed(1)).join(', ')} ms`,
      );
    }
  }

  const now = new Date();
  const date = now.toISOString().slice(0, 10);
  const pgVersion = await (async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const r = await c.query('show server_version');
    await c.end();
    return r.rows[0].server_version as string;
  })();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const fmt = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '—');
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const lines = [
    `## Run of ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC (commit ${commit})`,
    '',
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${platform()} ${release()}; Node ${process.version}; PostgreSQL ${pgVersion}; ` +
      `${SECONDS} s per scenario after ${WARMUP_SECONDS} s of warm-up, ${ROUNDS} round${ROUNDS > 1 ? 's' : ''} (best shown, spread below); load generator (autocannon, 20 connections) on the same machine; load average before ${la(loadStart)}, after ${la(loadEnd)}.`,
    '',
    '| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | vs bare route | note |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) =>
      r.skipped
        ? `| ${r.scenario} | | | | | | | | not measured: ${r.skipped} |`
        : `| ${r.scenario} | ${r.connections} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.errors} | ${r.ratio ? `${(r.ratio * 100).toFixed(0)} %` : ''} | ${r.note ?? ''} |`,
    ),
    '',
    'Pages are requested as a browser does (Accept-Encoding: gzip, deflate, br), anonymously unless the name says otherwise. ' +
      'autocannon reports p97.5 as its closest percentile to p95: the p95 column shows p97.5 for autocannon scenarios (stricter). ' +
      '"vs bare route" divides by the bare route measured just before the scenario (same machine, same moment).',
    ...(ROUNDS > 1 ? ['', 'Spread over the rounds:', '', ...spread.map((l) => `- ${l}`)] : []),
  ];
  const out = lines.join('\n');
  console.log(`\n${out}`);
  const file = appendDailyResults(out);
  console.log(`\nwritten to ${file}`);
  process.exit(0);
}

await main();
