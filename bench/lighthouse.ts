/**
 * `npm run lighthouse`: performance and accessibility scores of the key pages on a mobile profile,
 * with the local Chromium (/usr/bin/chromium, or CHROMIUM_PATH) driven through playwright-core and
 * the Chrome DevTools Protocol — Lighthouse itself (13.x) needs Node 22 and pulls in Puppeteer and
 * Sentry, so this script measures what it measures in the same way:
 *
 * - Mobile profile: a 412 × 823 touch screen at 1.75× (Lighthouse's Moto G Power), CPU slowed 4×
 *   (Emulation.setCPUThrottlingRate) and "slow 4G" (Network.emulateNetworkConditions: 562.5 ms
 *   latency, 1.47 Mbit/s down, 675 kbit/s up — Lighthouse's DevTools-throttling values), cold cache,
 *   a new browser context per page.
 * - Metrics from the page's own performance entries: First Contentful Paint, Largest Contentful
 *   Paint, Total Blocking Time (long tasks after FCP, until 5 s after the load event) and
 *   Cumulative Layout Shift (largest session window). The performance score uses Lighthouse 10+'s
 *   log-normal curves for mobile and its weights (FCP 10, LCP 25, TBT 30, CLS 25), renormalised
 *   without Speed Index (which needs filmstrip analysis) — so it approximates, not reproduces,
 *   Lighthouse's number.
 * - Accessibility: axe-core (WCAG 2.0–2.2 A and AA rules), scored as the share of applicable rules
 *   that pass (Lighthouse weights its audits 1–10; here every rule weighs the same); violations
 *   are listed.
 * - Also: bytes transferred and requests per page, and any request to another origin.
 *
 * Without an address it starts the app itself (embedded database in a temporary folder, demo data);
 * `npm run lighthouse -- http://127.0.0.1:3000` measures a running instance instead. The table is
 * printed and written to bench/results/lighthouse-<date>.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/areas/accounts/demo-users.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CPU_SLOWDOWN = 4;
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
};

/** Lighthouse 10+ mobile scoring: (p10, median) of each metric's log-normal curve, and weights. */
const CURVES = {
  fcp: { p10: 1800, median: 3000, weight: 10 },
  lcp: { p10: 2500, median: 4000, weight: 25 },
  tbt: { p10: 200, median: 600, weight: 30 },
  cls: { p10: 0.1, median: 0.25, weight: 25 },
} as const;

function erf(x: number): number {
  // Abramowitz and Stegun 7.1.26, as Lighthouse uses.
  const sign = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - y * Math.exp(-a * a));
}

/** Lighthouse's getLogNormalScore. */
export function logNormalScore({ p10, median }: { p10: number; median: number }, value: number): number {
  if (value <= 0) return 1;
  const INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232;
  const xLogRatio = Math.log(Math.max(Number.MIN_VALUE, value / median));
  const p10LogRatio = -Math.log(Math.max(Number.MIN_VALUE, p10 / median));
  const complementaryPercentile = (1 - erf((xLogRatio * INVERSE_ERFC_ONE_FIFTH) / p10LogRatio)) / 2;
  if (value <= p10) return Math.max(0.9, Math.min(1, complementaryPercentile));
  if (value <= median) return Math.max(0.5, Math.min(0.8999999999999999, complementaryPercentile));
  return Math.max(0, Math.min(0.49999999999999994, complementaryPercentile));
}

interface Metrics {
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
}

function performanceScore(m: Metrics): number {
  let sum = 0;
  let weights = 0;
  for (const key of Object.keys(CURVES) as (keyof typeof CURVES)[]) {
    sum += logNormalScore(CURVES[key], m[key]) * CURVES[key].weight;
    weights += CURVES[key].weight;
  }
  return Math.round((sum / weights) * 100);
}

/** Collects paint, LCP, layout-shift and long-task entries from the first byte on. */
const OBSERVER = `(() => {
  const lh = (window.__lh = { lcp: 0, shifts: [], long: [] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) lh.lcp = Math.max(lh.lcp, e.renderTime || e.loadTime || e.startTime); }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) lh.shifts.push([e.startTime, e.value]); }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) lh.long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch (e) { lh.error = String(e); }
})();`;

interface PageResult {
  path: string;
  who: string;
  score: number;
  metrics: Metrics;
  bytes: number;
  requests: number;
  foreign: string[];
  a11y: number;
  violations: string[];
}

async function measure(browser: Browser, base: string, path: string, who: string, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<PageResult> {
  const context = await browser.newContext({ ...MOBILE, ...(storageState ? { storageState } : {}) });
  await context.addInitScript(OBSERVER);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  const foreign: string[] = [];
  const origin = new URL(base).origin;
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => {
    requests++;
    const url = e.request.url;
    if (!url.startsWith('data:') && new URL(url).origin !== origin) foreign.push(url);
  });
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  await page.goto(base + path, { waitUntil: 'load', timeout: 120_000 });
  // Long tasks after the load count until the main thread has been quiet (TBT's window ends at TTI).
  await page.waitForTimeout(5000);
  const raw = await page.evaluate(() => {
    const lh = (window as unknown as { __lh: { lcp: number; shifts: [number, number][]; long: [number, number][]; error?: string } }).__lh;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    return { ...lh, fcp };
  });
  if (raw.error) throw new Error(`performance observers: ${raw.error}`);
  const tbt = raw.long.filter(([start]) => start >= raw.fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  // CLS: the largest session window (shifts less than 1 s apart, at most 5 s long).
  let cls = 0;
  let windowSum = 0;
  let windowStart = -Infinity;
  let last = -Infinity;
  for (const [start, value] of raw.shifts) {
    if (start - last > 1000 || start - windowStart > 5000) {
      windowSum = 0;
      windowStart = start;
    }
    windowSum += value;
    last = start;
    cls = Math.max(cls, windowSum);
  }
  const metrics = { fcp: raw.fcp, lcp: raw.lcp || raw.fcp, tbt, cls };
  // Accessibility without throttling (it does not depend on it).
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const applicable = axe.passes.length + axe.violations.length;
  const a11y = applicable ? Math.round((axe.passes.length / applicable) * 100) : 100;
  await context.close();
  return {
    path,
    who,
    score: performanceScore(metrics),
    metrics,
    bytes,
    requests,
    foreign,
    a11y,
    violations: axe.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}, ${v.nodes.length}×)`),
  };
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

async function startApp(): Promise<{ base: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'apmbc-lighthouse-'));
  const port = String(3400 + Math.floor(Math.random() * 500));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...withoutDatabaseUrl(process.env), PORT: port, DATA_DIR: dir, DEMO_MODE: 'true', LOG_LEVEL: 'warn', SESSION_SECRET: 'lighthouse-secret-lighthouse-secret-0000', JOBS_ENABLED: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 900 || child.exitCode !== null) throw new Error('the app did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, child, dir };
}

/** The first link in `html` matching `re` (group 1), e.g. a published report from the list. */
function firstLink(html: string, re: RegExp): string | undefined {
  return re.exec(html)?.[1];
}

async function main() {
  const given = process.argv[2];
  const started = given ? undefined : await startApp();
  const base = given ?? started!.base;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  const results: PageResult[] = [];
  try {
    const list = await (await fetch(`${base}/en/reports`)).text();
    const report = firstLink(list, /href="\/en(\/reports\/[0-9a-f-]{36})"/);
    const publicPages = ['/', '/states', '/states/sn', '/reports', ...(report ? [report] : []), '/data', '/login'];
    for (const locale of ['en', 'ar']) for (const p of publicPages) results.push(await measure(browser, base, `/${locale}${p === '/' ? '/' : p}`, 'anonymous'));

    // A preparer's pages: the dashboard, a draft's task list and its heaviest form.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/en/login`);
    await page.fill('input[name="email"]', 'preparer.sn@demo.example.org');
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/en/login"] button[type="submit"]')]);
    if (!page.url().includes('/login')) {
      const state = await context.storageState();
      await page.goto(`${base}/en/my`);
      const draft = firstLink(await page.content(), /href="\/en(\/reports\/[0-9a-f-]{36})\/edit"/);
      const privatePages = ['/my', ...(draft ? [`${draft}/edit`, `${draft}/forms/C`, `${draft}/forms/J`] : [])];
      for (const p of privatePages) results.push(await measure(browser, base, `/en${p}`, 'preparer (SN)', state));
    } else {
      console.warn('Could not sign in as the demo preparer: private pages not measured.');
    }
    await context.close();
  } finally {
    await browser.close();
    if (started) {
      started.child.kill('SIGTERM');
      await new Promise((r) => started.child.once('exit', r));
      rmSync(started.dir, { recursive: true, force: true });
    }
  }

  const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;
  const now = new Date();
  const lines = [
    `## Mobile profile, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Chromium via playwright-core, 412 × 823 at 1.75×, CPU ${CPU_SLOWDOWN}× slower, slow 4G (562.5 ms, 1.47 Mbit/s), cold cache; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.`,
    'Performance: Lighthouse 10+ mobile curves and weights without Speed Index; accessibility: share of applicable axe rules (WCAG 2.0–2.2 A/AA) that pass.',
    '',
    '| page | who | performance | FCP | LCP | TBT | CLS | transferred | requests | other origins | accessibility | axe violations |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '{id}')} | ${r.who} | ${r.score} | ${ms(r.metrics.fcp)} | ${ms(r.metrics.lcp)} | ${Math.round(r.metrics.tbt)} ms | ${r.metrics.cls.toFixed(3)} | ${(r.bytes / 1024).toFixed(1)} KB | ${r.requests} | ${r.foreign.length} | ${r.a11y} | ${r.violations.join(', ') || 'none'} |`,
    ),
  ];
  const out = lines.join('\n');
  console.log(`\n${out}`);
  const foreign = results.flatMap((r) => r.foreign.map((u) => `${r.path}: ${u}`));
  if (foreign.length) console.log(`\nRequests to other origins:\n${foreign.join('\n')}`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, `bench/results/lighthouse-${now.toISOString().slice(0, 10)}.md`);
  if (existsSync(file)) appendFileSync(file, `\n${out}\n`);
  else writeFileSync(file, `# Page scores ${now.toISOString().slice(0, 10)}\n\n${out}\n`);
  console.log(`\nwritten to ${file}`);
  process.exit(foreign.length ? 1 : 0);
}

await main();
