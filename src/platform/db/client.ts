/**
 * The one database client: PGlite (PostgreSQL in WebAssembly, files under DATA_DIR) by default,
 * or a PostgreSQL server when a connection URL is given. Both expose the same Drizzle API.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;
/** A handle that is either the database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL (used by migrations, backup/restore and tests). Returns rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(text: string): Promise<void>;
  /** Resolves when the database answers a trivial query within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** Runs fn while holding a PostgreSQL advisory lock (a no-op lock on single-connection PGlite). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the underlying instance (for template dumps in tests). */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /** An existing PGlite instance (tests load it from a migrated template). */
  pglite?: PGlite;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  let client = opts.pglite;
  if (!client) {
    if (opts.dataDir && opts.dataDir !== 'memory://') mkdirSync(opts.dataDir, { recursive: true });
    client = await PGlite.create(opts.dataDir ?? 'memory://');
  }
  return wrapPglite(client);
}

function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async query<T>(text: string, params?: unknown[]) {
      const r = await client.query<T>(text, params as unknown[] | undefined);
      return r.rows;
    },
    async exec(text) {
      await client.exec(text);
    },
    async ping() {
      if (client.closed) return false;
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    withAdvisoryLock(_key, fn) {
      return fn();
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      const r = await pool.query(text, params as unknown[] | undefined);
      return r.rows as T[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        });
        await Promise.race([pool.query('select 1'), timeout]);
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async withAdvisoryLock(key, fn) {
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await conn.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Current database time (use it rather than the app clock for ordering across instances). */
export async function dbNow(db: DbOrTx): Promise<Date> {
  const rows = await db.execute<{ now: Date }>(sql`select now() as now`);
  const first = (rows as unknown as { rows?: { now: Date }[] }).rows?.[0] ?? (rows as unknown as { now: Date }[])[0];
  return new Date(first!.now);
}
