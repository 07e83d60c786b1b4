/**
 * Narrative search at volume: generates 164 States × 25 years of submitted reports with narratives
 * in the six languages (bench/volume.ts) in a database of its own on the PostgreSQL server,
 * indexes them with the application's own re-index, then measures the search page rendered by the
 * real application (routing, session, policy, SQL, highlighting, preact rendering; in-process with
 * app.inject, so no network time) for a signed-in committee member: about 200 varied queries in the
 * six languages, with and without filters, p50/p95. Target: p95 < 100 ms.
 * Appends a Markdown table to bench/results/<date>.md.
 *
 * Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres.
 * Options: BENCH_STATES (164), BENCH_YEARS (25), BENCH_QUERIES (200), BENCH_KEEP=1 keeps the database,
 * BENCH_REUSE=1 reuses a database kept by an earlier run (BENCH_KEEP=1), BENCH_DRY=1 prints the figures without writing them to bench/results.
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
import { reindexAllSearchDocuments } from '../src/areas/analysis/search/index.ts';
import { searchNarratives } from '../src/areas/analysis/search/search-queries.ts';
import { checkQuery } from '../src/areas/analysis/search/text.ts';
import { generateVolume } from './volume.ts';
import { appendDailyResults, BENCH_SECRET, benchServer, percentile } from './server.ts';

const STATES = Number(process.env.BENCH_STATES ?? 164);
const YEARS = Number(process.env.BENCH_YEARS ?? 25);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const LAST_YEAR = 2025;
const DB_NAME = 'apmbc_bench_search';
const SECRET = BENCH_SECRET;
const { dbUrl, admin } = benchServer(DB_NAME);

/** Words and phrases per language: frequent and rare words, phrases, exclusions, alternatives, misses. */
const WORDS: Record<string, string[]> = {
  en: ['clearance', 'national platform', '"risk education"', 'women girls', 'survey -technical', 'disability', 'South cooperation', 'Norway', 'quality management or training', 'landmine survivors', 'budget', 'donors operators'],
  fr: ['deminage', 'plateforme nationale', 'femmes', 'handicap', '"education aux risques"', 'cooperation Sud', 'Norvège', 'enquête -technique', 'bailleurs', 'assistance internationale'],
  es: ['despeje', 'plataforma nacional', 'mujeres', 'discapacidad', '"educación sobre el riesgo"', 'cooperación', 'Noruega', 'donantes', 'estudio -técnico', 'asistencia internacional'],
  ru: ['расчистка', 'платформа', 'женщины', 'инвалидности', 'обследование', 'доноров', 'сотрудничества Юг', 'помощь', 'просвещение опасности', 'Норвегия'],
  ar: ['المسح', 'منصة وطنية', 'النساء', 'الإعاقة', 'التوعية بالمخاطر', 'التطهير', 'المانحين', 'مساعدة دولية', 'الشركاء', 'النرويج'],
  zh: ['排雷', '国家平台', '妇女', '风险教育', '残疾', '调查', '捐助方', '南南合作', '国际援助', '挪威'],
};
const LOCALES = ['en', 'ar', 'fr', 'es', 'ru', 'zh'];

function buildQueries(n: number): { label: string; url: string; q: string }[] {
  const out: { label: string; url: string; q: string }[] = [];
  const langs = Object.keys(WORDS);
  const filters = ['', `&year=${LAST_YEAR - 1}`, '&form=J', '&action=OAP-47', `&year=${LAST_YEAR - 3}&form=J`, '&page=2', '&state=NO', '&action=OAP-42&page=3'];
  let i = 0;
  while (out.length < n) {
    const lang = langs[i % langs.length]!;
    const words = WORDS[lang]!;
    const q = words[Math.floor(i / langs.length) % words.length]!;
    const filter = filters[i % filters.length]!;
    const locale = LOCALES[Math.floor(i / 7) % LOCALES.length]!;
    out.push({ q, label: `${lang}: ${q}${filter}`, url: `/${locale}/analysis/search?q=${encodeURIComponent(q)}${filter}` });
    i++;
  }
  return out;
}

async function main() {
  const load0 = loadavg();
  console.log(`Preparing database ${DB_NAME}…`);
  const reuse = !!process.env.BENCH_REUSE;
  if (!reuse) {
    await admin(`drop database if exists ${DB_NAME} with (force)`);
    await admin(`create database ${DB_NAME}`);
  }
  const database = await openDatabase({ url: dbUrl });
  try {
    let stats = { reports: STATES * YEARS, seconds: 0 };
    let indexSeconds = 0;
    if (!reuse) {
      await runMigrations(database);
      await seedAll(database, { demo: false });
      stats = await generateVolume(database, { states: STATES, years: YEARS, lastYear: LAST_YEAR });
      console.log(`Generated ${stats.reports} reports in ${stats.seconds.toFixed(1)} s`);
      const t0 = performance.now();
      const indexed = await reindexAllSearchDocuments(database, { userId: null, label: 'bench' });
      indexSeconds = (performance.now() - t0) / 1000;
      console.log(`Indexed ${indexed.documents} narratives of ${indexed.reports} reports in ${indexSeconds.toFixed(1)} s`);
    }
    await database.exec('analyze analysis_search_documents');

    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', DATABASE_URL: dbUrl, DEMO_MODE: 'false', BASE_URL: 'https://bench.example.org' });
    const { app } = await buildApp({ config, database, logger: false });
    await app.ready();
    const [member] = await database.db
      .insert(users)
      .values({ email: `bench.committee.${Date.now()}@bench.example.org`, name: 'Bench committee member', role: 'committee_member', committeeId: 'cooperation-assistance', passwordHash: await hashPassword('bench-password-123') })
      .returning();
    const { token } = await createSession(database.db, member!.id, { idleMs: 86400000, maxMs: 86400000 }, { secondFactorDone: true });
    const cookie = `__Host-sid=${token}`;

    const queries = buildQueries(QUERIES);
    const probe = await app.inject({ method: 'GET', url: queries[0]!.url, headers: { cookie } });
    if (probe.statusCode !== 200) throw new Error(`the search page answered ${probe.statusCode} (${probe.headers.location ?? ''})`);
    for (const q of queries.slice(0, 10)) await app.inject({ method: 'GET', url: q.url, headers: { cookie } }); // warm-up
    const times: { label: string; ms: number; status: number; results: number }[] = [];
    // A baseline measured in the same run, request for request: the account page (session, layout,
    // one small query), so the figures can be read against how busy the machine was.
    const baseline: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: q.url, headers: { cookie } });
      const ms = performance.now() - t;
      times.push({ label: q.label, ms, status: res.statusCode, results: (res.body.match(/class="search-result"/g) ?? []).length });
      const b = performance.now();
      await app.inject({ method: 'GET', url: '/en/account', headers: { cookie } });
      baseline.push(performance.now() - b);
    }
    baseline.sort((a, b) => a - b);
    const b50 = percentile(baseline, 50);
    const b95 = percentile(baseline, 95);
    // The query alone (SQL, ranking, highlighting; no page), without filters.
    const alone: number[] = [];
    for (const q of queries) {
      const c = checkQuery(q.q);
      if (!c.ok) continue;
      const t = performance.now();
      await searchNarratives(database.db, { query: c.query, page: 1, scope: 'all' }, new Map());
      alone.push(performance.now() - t);
    }
    alone.sort((a, b) => a - b);
    console.log(`query alone: p50 ${percentile(alone, 50).toFixed(1)} ms, p95 ${percentile(alone, 95).toFixed(1)} ms`);
    await app.close();
    const sorted = times.map((x) => x.ms).sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const max = sorted[sorted.length - 1]!;
    const failed = times.filter((x) => x.status !== 200).length;
    const empty = times.filter((x) => x.results === 0).length;
    const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`${times.length} queries: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms; ${failed} not 200, ${empty} without results; baseline (account page) p50 ${b50.toFixed(1)} ms, p95 ${b95.toFixed(1)} ms`);
    for (const s of slowest) console.log(`  slow: ${s.ms.toFixed(1)} ms ${s.label}`);
    const docs = await database.query<{ n: string }>('select count(*)::text as n from analysis_search_documents');

    if (process.env.BENCH_DRY) return;
    const load1 = loadavg();
    const file = appendDailyResults(
      [
        '',
        `## Narrative search at volume (${new Date().toISOString().slice(11, 16)} UTC)`,
        '',
        `${stats.reports} submitted reports (${STATES} States × ${YEARS} years), ${docs[0]?.n ?? '?'} indexed narratives in six languages, indexed by the app's re-index in ${indexSeconds.toFixed(1)} s.`,
        `PostgreSQL server, app in-process (app.inject, no network), signed-in committee member, ${times.length} sequential queries (six languages; words, phrases, exclusions, alternatives; filters by year, State, form, action; pages 1–3) after 10 warm-up requests; whole page rendered, 20 results highlighted per page.`,
        `Machine: ${cpus().length} CPUs; load average ${load0.map((l) => l.toFixed(2)).join(' ')} before, ${load1.map((l) => l.toFixed(2)).join(' ')} after. Target: p95 < 100 ms.`,
        '',
        '| Case | Requests | Not 200 | Without results | p50 (ms) | p95 (ms) | max (ms) | Target met |',
        '|---|---|---|---|---|---|---|---|',
        `| search page | ${times.length} | ${failed} | ${empty} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} | ${p95 < 100 ? 'yes' : 'no'} |`,
        `| query alone (SQL, ranking, highlighting; no filters, no page) | ${alone.length} | — | — | ${percentile(alone, 50).toFixed(1)} | ${percentile(alone, 95).toFixed(1)} | ${alone[alone.length - 1]!.toFixed(1)} | — |`,
        `| baseline: account page, same run | ${baseline.length} | — | — | ${b50.toFixed(1)} | ${b95.toFixed(1)} | ${baseline[baseline.length - 1]!.toFixed(1)} | — |`,
        '',
        'Slowest queries:',
        '',
        ...slowest.map((s) => `- ${s.ms.toFixed(1)} ms — \`${s.label}\``),
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
