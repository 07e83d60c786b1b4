/**
 * Test databases: PGlite loaded from a migrated, reference-seeded template (fast), or — when
 * TEST_DATABASE_URL is set — a fresh database on the PostgreSQL server cloned from a template
 * database. Every test file gets its own.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';


export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  database: Database;
  /** Connection URL (server mode only), e.g. for a second app instance. */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = serverUrl();
  if (url) {
    const name = `apmbc_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name} template ${inject('templateDbName')}`);
    const dbUrl = withDatabaseName(url, name);
    const database = await openDatabase({ url: dbUrl, poolSize: 5 });
    return {
      database,
      url: dbUrl,
      async drop() {
        await database.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const dumpPath = inject('templatePath');
  if (!dumpPath) throw new Error('No template database: tests/support/global-setup.ts did not run');
  const blob = new Blob([readFileSync(dumpPath)]);
  const pglite = await PGlite.create({ loadDataDir: blob });
  const database = await openDatabase({ pglite });
  return { database, drop: () => database.close() };
}

/** A PGlite database loaded from the run's demo-seeded template (browser runs, see global-setup-browser.ts). */
export async function createDemoTestDatabase(): Promise<TestDatabase> {
  const dumpPath = inject('demoTemplatePath');
  if (!dumpPath) throw new Error('No demo template: the browser config runs tests/support/global-setup-browser.ts');
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(dumpPath)]) });
  const database = await openDatabase({ pglite });
  return { database, drop: () => database.close() };
}
