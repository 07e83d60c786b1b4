/**
 * The whole suite, as `npm test` runs it:
 *   1. unit and integration tests on the embedded database (PGlite);
 *   2. the integration tests again on a PostgreSQL server when TEST_DATABASE_URL is set (the sweeps
 *      of the HTTP surface then run on the server only, see SURFACE_SWEEPS);
 *   3. browser journeys (Playwright driving Debian's Chromium) with axe scans.
 * Ends with one line "N passed, N failed" over all runs. Extra arguments go to every vitest run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const outDir = mkdtempSync(join(tmpdir(), 'apmbc-results-'));
let failedRuns = 0;

function run(name: string, args: string[], env: Record<string, string | undefined>) {
  console.log(`\n=== ${name} ===`);
  const out = join(outDir, `${name.replace(/\W+/g, '-')}.json`);
  const res = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args, ...extra],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } else if (res.status !== 0) totals.failed += 1;
  if (res.status !== 0) failedRuns++;
}

/**
 * Sweeps of the HTTP surface — what every page weighs, links to and is made of, its headers, who
 * may open it, and what hostile input does to it — exercise the app's routes, not the database engine. With a PostgreSQL server
 * they run there only (two to four times faster than PGlite, which shares the tests' CPU); without
 * one they run on PGlite. Everything else runs on both engines.
 */
const SURFACE_SWEEPS = [
  'tests/integration/quality/page-weight.test.ts',
  'tests/integration/quality/links.test.ts',
  'tests/integration/quality/page-anatomy.test.ts',
  'tests/integration/quality/pseudo-locale.test.ts',
  'tests/integration/quality/security-headers.test.ts',
  'tests/integration/quality/permissions-matrix.test.ts',
  'tests/integration/quality/authorisation-sweep.test.ts',
  'tests/integration/quality/visibility-sweep.test.ts',
  'tests/integration/quality/hostile-input.test.ts',
  'tests/integration/quality/hostile-roundtrip.test.ts',
];
const server = Boolean(process.env.TEST_DATABASE_URL);

run('unit + integration (PGlite)', server ? SURFACE_SWEEPS.flatMap((f) => ['--exclude', f]) : [], { TEST_DATABASE_URL: '' });

if (server) {
  run('integration (PostgreSQL server)', ['tests/integration'], {});
} else {
  console.log('\n(TEST_DATABASE_URL not set: integration tests ran on PGlite only. To also run them on a PostgreSQL 15+ server, set TEST_DATABASE_URL=postgres://user:pass@host:5432/postgres)');
}

if (process.env.SKIP_BROWSER_TESTS === '1') {
  console.log('\n(SKIP_BROWSER_TESTS=1: browser tests skipped)');
} else if (!existsSync(chromium)) {
  console.error(`\nBrowser tests need Chromium at ${chromium}. Install it with:\n  apt-get update && apt-get install -y chromium fonts-noto-core fonts-noto-cjk\n(or set CHROMIUM_PATH, or SKIP_BROWSER_TESTS=1 to skip them).`);
  totals.failed += 1;
  failedRuns++;
} else {
  run('browser (Chromium)', ['--config', 'vitest.browser.config.ts'], { TEST_DATABASE_URL: '' });
}

rmSync(outDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRuns ? 1 : 0);
