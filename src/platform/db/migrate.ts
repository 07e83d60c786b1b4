/**
 * Applies the committed forward-only SQL migrations in ./migrations, identically on PGlite and on
 * a PostgreSQL server. Drizzle records what ran in drizzle.__drizzle_migrations.
 */
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

export async function runMigrations(database: Database): Promise<void> {
  const opts = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === 'pglite') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(database.db as any, opts);
  } else {
    // Several instances may start at once: serialise migrations with an advisory lock.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await database.withAdvisoryLock(72001, () => migratePg(database.db as any, opts));
  }
}
