/**
 * Browser runs: the migrated template of every run, plus a demo-seeded one built once, so each
 * browser test file loads the demo database (about 1.5 s) instead of seeding it again (about 5 s).
 * The demo data is relative to the run's start (e.g. the open questionnaire's dates), the same for
 * every file of the run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/client.ts';
import { seedAll } from '../../src/seed.ts';
import setupTemplate from './global-setup.ts';

export default async function setup(project: TestProject) {
  delete process.env.TEST_DATABASE_URL;
  const teardown = await setupTemplate(project);
  const templatePath = project.getProvidedContext().templatePath;
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(templatePath)]) });
  const database = await openDatabase({ pglite });
  await seedAll(database, { demo: true });
  const dump = await pglite.dumpDataDir('none');
  const file = join(dirname(templatePath), 'demo-template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('demoTemplatePath', file);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplatePath: string;
  }
}
