/**
 * What every benchmark that needs the PostgreSQL server shares: the server's address from the
 * environment (BENCH_DATABASE_URL, or TEST_DATABASE_URL), the address of a database of the
 * benchmark's own on it, administrative statements (create/drop that database), the session
 * secret of the app under measurement, and percentiles.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-000';

export interface BenchServer {
  /** The server's address as given (a database the user may create databases from). */
  adminUrl: string;
  /** The same server, the benchmark's own database. */
  dbUrl: string;
  /** Runs one administrative statement (e.g. `create database …`) on the server. */
  admin(sql: string): Promise<void>;
}

/** The benchmark's database `dbName` on the server; exits with a hint when no server is given. */
export function benchServer(dbName: string): BenchServer {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres');
    process.exit(2);
  }
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return {
    adminUrl,
    dbUrl: u.toString(),
    async admin(sql: string) {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    },
  };
}

/** The p-th percentile of sorted numbers (nearest rank), NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Appends a section (Markdown) to today's bench/results/<date>.md, created with its title if new; returns the file. */
export function appendDailyResults(markdown: string): string {
  const date = new Date().toISOString().slice(0, 10);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${date}.md`);
  if (!existsSync(file)) writeFileSync(file, `# Benchmarks ${date}\n`);
  appendFileSync(file, `\n${markdown.replace(/^\n+/, '')}\n`);
  return file;
}
