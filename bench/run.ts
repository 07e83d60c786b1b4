/**
 * `npm run bench`: measures the running app on a PostgreSQL server, against a bare Fastify route
 * on the same machine in the same run, and writes a Markdown table to bench/results/.
 *
 * Needs a PostgreSQL server: BENCH_DATABASE_URL (or TEST_DATABASE_URL), pointing at a database the
 * user may create databases from (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres).
 * Options (environment): BENCH_SECONDS (default 10), BENCH_PREPARERS (default 50).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
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

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PREPARERS = Number(process.env.BENCH_PREPARERS ?? 50);
const SECRET = 'bench-secret-bench-secret-bench-secret-000';
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}
const DB_NAME = 'apmbc_bench';
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

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

interface Row {
  scenario: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  ratio?: number;
  note?: string;
}

async function cannon(url: string, connections: number, extra: Partial<autocannon.Options> = {}) {
  const r = await autocannon({ url, connections, duration: SECONDS, ...extra });
  return { rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5 ?? r.latency.p99, p99: r.latency.p99, errors: r.errors + r.non2xx, p975: r.latency.p97_5 };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

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
  const passwordHash = await hashPassword('bench-password-123');
  const preparers: { cookie: string; csrf: string; reportId: string }[] = [];
  for (const { iso2 } of states) {
    const [u] = await database.db
      .insert(users)
      .values({ email: `bench.${iso2.toLowerCase()}@bench.example.org`, name: `Bench ${iso2}`, role: 'state_preparer', stateIso2: iso2, passwordHash })
      .returning();
    const report = await createReport(deps, seed, state(iso2), { stateIso2: iso2, kind: 'annual', year: 2023, startFromPrevious: false });
    const { token, session } = await createSession(database.db, u!.id, { idleMs: 86400000, maxMs: 86400000 }, { secondFactorDone: true });
    const csrfCookie = `benchcsrf${iso2}000000000000000`;
    preparers.push({ cookie: `sid=${token}; csrf=${csrfCookie}`, csrf: csrfTokenFor(SECRET, csrfCookie, session.id), reportId: report.id });
  }
  return { publishedId: pub.id, preparers };
}

/**
 * PREPARERS preparers working at once, each autosaving its own Form J and pausing THINK_MS between
 * saves (the browser module saves 4 s after the last keystroke; 1 s is a harsher burst).
 */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
async function saveLoad(base: string, preparers: { cookie: string; csrf: string; reportId: string }[]) {
  const latencies: number[] = [];
  let errors = 0;
  let conflicts = 0;
  const stopAt = Date.now() + SECONDS * 1000;
  await Promise.all(
    preparers.map(async (p, i) => {
      let version = 1;
      let n = 0;
      while (Date.now() < stopAt) {
        n++;
        const body = new URLSearchParams({ _csrf: p.csrf, _version: String(version), _action: 'save', 's.gender.narrative': `Demo narrative ${i}-${n}: women and men were consulted separately.`, 's.cooperation.needs': `Demo needs ${n}` });
        const t0 = performance.now();
        const res = await fetch(`${base}/en/reports/${p.reportId}/forms/J`, { method: 'POST', body, headers: { cookie: p.cookie, 'x-autosave': '1', accept: 'application/json' } });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        if (res.status === 200) version = (JSON.parse(text) as { version: number }).version;
        else if (res.status === 409) conflicts++;
        else errors++;
        if (THINK_MS) await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / SECONDS, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: errors + conflicts };
}

async function main() {
  console.log(`Preparing database ${DB_NAME}…`);
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const database = await openDatabase({ url: dbUrl, poolSize: 4 });
  const { publishedId, preparers } = await prepare(database);

  const bare = await start(['--import', 'tsx', 'bench/bare-server.ts'], { PORT: '3301' }, 'http://127.0.0.1:3301/');
  const app = await start(['--import', 'tsx', 'src/main.ts'], { PORT: '3300', DATABASE_URL: dbUrl, SESSION_SECRET: SECRET, LOG_LEVEL: 'warn', DEMO_MODE: 'true', DATABASE_POOL_SIZE: '20' }, 'http://127.0.0.1:3300/readyz');
  const rows: Row[] = [];
  try {
    const base = 'http://127.0.0.1:3300';
    const b = await cannon('http://127.0.0.1:3301/', 20);
    rows.push({ scenario: 'bare Fastify route (baseline)', connections: 20, ...b });
    const page = await cannon(`${base}/en/reports/${publishedId}`, 20);
    rows.push({ scenario: 'published report page (anonymous, cached)', connections: 20, ...page, ratio: page.rps / b.rps });
    const pageAr = await cannon(`${base}/ar/reports/${publishedId}`, 20);
    rows.push({ scenario: 'published report page, Arabic', connections: 20, ...pageAr, ratio: pageAr.rps / b.rps });
    const state = await cannon(`${base}/en/states/mz`, 20);
    rows.push({ scenario: 'State page', connections: 20, ...state, ratio: state.rps / b.rps });
    const list = await cannon(`${base}/en/reports`, 20);
    rows.push({ scenario: 'public reports list', connections: 20, ...list, ratio: list.rps / b.rps });
    const saves = await saveLoad(base, preparers);
    rows.push({ scenario: `form save (autosave), ${preparers.length} preparers, ${THINK_MS} ms think time`, connections: preparers.length, ...saves, note: 'target p95 < 50 ms' });

    const pdfUrl = `${base}/en/reports/${publishedId}/export.pdf`;
    const probe = await fetch(pdfUrl);
    if (probe.ok) {
      await probe.arrayBuffer();
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        await (await fetch(pdfUrl)).arrayBuffer();
        times.push(performance.now() - t0);
      }
      times.sort((x, y) => x - y);
      rows.push({ scenario: 'full report PDF (sequential, 10 runs)', connections: 1, rps: 1000 / percentile(times, 50), p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), errors: 0, note: 'target < 1 s' });
    }
  } finally {
    app.kill('SIGTERM');
    bare.kill('SIGTERM');
    await database.close();
  }

  const date = new Date().toISOString().slice(0, 10);
  const pgVersion = (await (async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const r = await c.query('show server_version');
    await c.end();
    return r.rows[0].server_version as string;
  })());
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const fmt = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '—');
  const lines = [
    `# Benchmark ${date}`,
    '',
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; PostgreSQL ${pgVersion}; ${SECONDS} s per scenario; load generator on the same machine.`,
    '',
    '| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | vs bare route | note |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.scenario} | ${r.connections} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.errors} | ${r.ratio ? `${(r.ratio * 100).toFixed(0)} %` : ''} | ${r.note ?? ''} |`),
    '',
    'autocannon reports p97.5 as its closest percentile to p95: the p95 column shows p97.5 for autocannon scenarios (stricter).',
  ];
  const out = lines.join('\n');
  console.log(`\n${out}`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, `bench/results/${date}.md`), `${out}\n`);
  process.exit(0);
}

await main();
