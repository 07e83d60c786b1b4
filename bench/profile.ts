/**
 * Where does a page's time go? Starts the app under `node --cpu-prof` against an existing database
 * (the one `npm run bench` prepares), loads one URL with autocannon, stops the app and prints the
 * functions and files with the most self time, and the share of the process that was idle.
 *
 *   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/apmbc_bench \
 *     node --import tsx bench/profile.ts /en/reports/<id> [seconds] [accept-encoding]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const path = process.argv[2] ?? '/en/';
const seconds = Number(process.argv[3] ?? 8);
const encoding = process.argv[4] ?? 'gzip, deflate, br';
const dbUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/apmbc_bench';
const dir = mkdtempSync(join(tmpdir(), 'apmbc-prof-'));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', 'src/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: '3310', DATABASE_URL: dbUrl, SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-000', LOG_LEVEL: 'warn', DEMO_MODE: 'true', JOBS_ENABLED: 'false' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = 'http://127.0.0.1:3310';
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/readyz`)).ok) break;
  } catch {
    /* not yet */
  }
  if (i > 300) throw new Error('app did not start');
  await new Promise((r) => setTimeout(r, 200));
}
const headers = encoding === 'none' ? {} : { 'accept-encoding': encoding };
await autocannon({ url: base + path, connections: 20, duration: 2, headers }); // warm-up
const r = await autocannon({ url: base + path, connections: 20, duration: seconds, headers });
console.log(`${path}: ${r.requests.average} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.throughput.average / r.requests.average)} bytes/response, non-2xx ${r.non2xx}`);
child.kill('SIGINT');
await new Promise((res) => child.once('exit', res));

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const short = n.callFrame.url.replace(/^file:\/\//, '').replace(ROOT, '').replace(/.*node_modules\//, 'nm/');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${short}:${n.callFrame.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const pkg = short.startsWith('nm/') ? short.split('/').slice(0, short.startsWith('nm/@') ? 3 : 2).join('/') : short || n.callFrame.functionName;
  files.set(pkg, (files.get(pkg) ?? 0) + us);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(`\nSelf time by file/package (of ${(total / 1e6).toFixed(1)} s sampled):\n${top(files, 25)}`);
console.log(`\nSelf time by function:\n${top(fn, 40)}`);
console.log(`\nprofile: ${join(dir, file)}`);
