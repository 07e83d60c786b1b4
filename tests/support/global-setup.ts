/** Builds the migrated, reference-seeded template database once per test run. */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { ensureClientBundle } from '../../src/platform/http/assets.ts';
import { seedAll } from '../../src/seed.ts';
import { randomBytes } from 'node:crypto';
import { adminQuery, serverUrl, withDatabaseName } from './db.ts';

export default async function setup(project: TestProject) {
  await ensureClientBundle();
  const url = serverUrl();
  if (url) {
    // A name of its own per run, so two runs on one server never drop each other's template.
    const TEMPLATE_DB_NAME = `apmbc_tpl_${randomBytes(5).toString('hex')}`;
    await adminQuery(`create database ${TEMPLATE_DB_NAME}`);
    const database = await openDatabase({ url: withDatabaseName(url, TEMPLATE_DB_NAME), poolSize: 2 });
    await runMigrations(database);
    await seedAll(database, { demo: false });
    await database.close();
    project.provide('templatePath', '');
    project.provide('templateDbName', TEMPLATE_DB_NAME);
    return async () => {
      await adminQuery(`drop database if exists ${TEMPLATE_DB_NAME} with (force)`);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'apmbc-test-'));
  const pglite = await PGlite.create();
  const database = await openDatabase({ pglite });
  await runMigrations(database);
  await seedAll(database, { demo: false });
  const dump = await pglite.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('templatePath', file);
  project.provide('templateDbName', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templatePath: string;
    templateDbName: string;
  }
}
