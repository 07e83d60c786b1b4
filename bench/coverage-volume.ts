/**
 * Coverage dashboard at volume: generates 164 States × 25 years of submitted reports with their
 * indicator values (bench/volume.ts) in a database of its own on the PostgreSQL server, then
 * measures the dashboard page rendered by the real application (routing, session, policy, SQL,
 * preact rendering; in-process with app.inject, so no network time) for a signed-in committee
 * member: p50/p95 of BENCH_REQUESTS requests (default 30) per case. Target: < 300 ms.
 * Appends a Markdown table to bench/results/<date>.md.
 *
 * Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres.
 * Options: BENCH_STATES (164), BENCH_YEARS (25), BENCH_REQUESTS (30), BENCH_KEEP=1 keeps the database,
 * BENCH_DRY=1 prints the results without writing them.
 */
import { cpus, loadavg } from 'node:os';
import { openDatabase } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { seedAll } from '../src/seed.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { users } from '../src/areas/accounts/schema.ts';
import { generateVolume } from './volume.ts';
import { appendDailyResults, BENCH_SECRET, benchServer, percentile } from './server.ts';

const STATES = Number(process.env.BENCH_STATES ?? 164);
const YEARS = Number(process.env.BENCH_YEARS ?? 25);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const LAST_YEAR = 2025;
const DB_NAME = 'apmbc_bench_coverage';
const SECRET = BENCH_SECRET;
const { dbUrl, admin } = benchServer(DB_NAME);

async function main() {
  const load0 = loadavg();
  console.log(`Preparing database ${DB_NAME}…`);
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const database = await openDatabase({ url: dbUrl });
  try {
    await runMigrations(database);
    await seedAll(database, { demo: false });
    const stats = await generateVolume(database, { states: STATES, years: YEARS, lastYear: LAST_YEAR });
    console.log(`Generated ${stats.reports} reports, ${stats.indicatorValues} indicator values (${stats.decisions} decisions) in ${stats.seconds.toFixed(1)} s`);

    const config = loadConfig({ NODE_ENV: 'development', SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', DATABASE_URL: dbUrl, DEMO_MODE: 'false' });
    const { app } = await buildApp({ config, database, logger: false });
    await app.ready();
    const [member] = await database.db
      .insert(users)
      .values({ email: 'bench.committee@bench.example.org', name: 'Bench committee member', role: 'committee_member', committeeId: 'cooperation-assistance', passwordHash: await hashPassword('bench-password-123') })
      .returning();
    const { token } = await createSession(database.db, member!.id, { idleMs: 86400000, maxMs: 86400000 }, { secondFactorDone: true });
    const cookie = `sid=${token}`;

    const cases = [
      { name: `dashboard page, year ${LAST_YEAR - 1} (en)`, url: `/en/analysis/coverage?year=${LAST_YEAR - 1}` },
      { name: `dashboard page, year ${LAST_YEAR - 1} (ar)`, url: `/ar/analysis/coverage?year=${LAST_YEAR - 1}` },
      { name: 'trend CSV (25 years)', url: `/en/analysis/coverage.csv?year=${LAST_YEAR - 1}&chart=trend` },
      { name: 'reports behind a figure (C&A, no G&D)', url: `/en/analysis/coverage/reports?year=${LAST_YEAR - 1}&figure=withCooperationNoGender` },
    ];
    const results: { name: string; p50: number; p95: number; max: number; bytes: number; status: number }[] = [];
    for (const c of cases) {
      const times: number[] = [];
      let bytes = 0;
      let status = 0;
      for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: c.url, headers: { cookie } }); // warm-up
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie } });
        times.push(performance.now() - t);
        bytes = res.body.length;
        status = res.statusCode;
      }
      times.sort((a, b) => a - b);
      const r = { name: c.name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, bytes, status };
      results.push(r);
      console.log(`${r.name}: ${r.status} p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.bytes} bytes`);
    }
    await app.close();

    const load1 = loadavg();
    if (process.env.BENCH_DRY) return;
    const ok = (r: (typeof results)[number]) => (r.name.startsWith('dashboard') ? (r.p95 < 300 ? 'yes' : 'no') : '—');
    const file = appendDailyResults(
      [
        '',
        `## Coverage dashboard at volume (${new Date().toISOString().slice(11, 16)} UTC)`,
        '',
        `${stats.reports} submitted reports (${STATES} States × ${YEARS} years, ${LAST_YEAR - YEARS + 1}–${LAST_YEAR}), ${stats.indicatorValues} indicator values, ${stats.decisions} reviewers' decisions; generated in ${stats.seconds.toFixed(1)} s.`,
        `PostgreSQL server, app in-process (app.inject, no network; NODE_ENV=development as in bench/run.ts), signed-in committee member, ${REQUESTS} sequential requests per case after 3 warm-up requests.`,
        `Machine: ${cpus().length} CPUs; load average ${load0.map((l) => l.toFixed(2)).join(' ')} before, ${load1.map((l) => l.toFixed(2)).join(' ')} after. Target: dashboard p95 < 300 ms.`,
        '',
        '| Case | Status | p50 (ms) | p95 (ms) | max (ms) | Size (bytes) | Target met |',
        '|---|---|---|---|---|---|---|',
        ...results.map((r) => `| ${r.name} | ${r.status} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.bytes} | ${ok(r)} |`),
        '',
      ].join('\n'),
    );
    console.log(`Results appended to ${file}`);
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) await admin(`drop database if exists ${DB_NAME} with (force)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
