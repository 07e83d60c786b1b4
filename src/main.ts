/** Composition root: config → database (migrated, seeded) → application → HTTP server. */
import { loadConfig } from './config.ts';
import { openDatabase } from './platform/db/client.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { ensureClientBundle } from './platform/http/assets.ts';
import { buildApp } from './app.ts';
import { seedAll } from './seed.ts';
import { createBackgroundJobs } from './platform/jobs/platform-jobs.ts';
import { warmUpPdf } from './platform/exports/typst.ts';
import { scheduleComplianceTasks } from './areas/compliance/index.ts';
import { scheduleAnalysisTasks } from './areas/analysis/index.ts';
import { scheduleCirculationTasks } from './areas/questionnaires/index.ts';

const config = loadConfig();
await ensureClientBundle();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
await runMigrations(database);
const seeded = await seedAll(database, { demo: config.demoMode });

const { app, deps } = await buildApp({ config, database });
await app.listen({ port: config.port, host: config.host });

// Background jobs (e-mail delivery, scheduled tasks) in this instance unless JOBS_ENABLED=false.
const jobs = createBackgroundJobs({ config, database, log: app.log.child({ component: 'jobs' }) });
// Areas' scheduled tasks on the same runner: Article 7 reminders (daily).
scheduleComplianceTasks(jobs.runner, deps);
// Every newly submitted report version is analysed (indicators) within seconds.
scheduleAnalysisTasks(jobs.runner, deps, { log: app.log.child({ component: 'analysis' }) });
// Questionnaire reminders to invitees who have not answered (daily).
scheduleCirculationTasks(jobs.runner, deps);
jobs.startIfEnabled();
// Load the PDF fonts now rather than on the first download.
warmUpPdf();

const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
console.log(`\nAPMBC Transparency & Cooperation Platform\n  ${config.baseUrl}  (database: ${where})`);
if (config.demoMode && seeded.demoLogins.length) {
  console.log('\nDemo sign-ins (demo data, not real people):');
  for (const l of seeded.demoLogins) console.log(`  ${l.role.padEnd(17)} ${l.email.padEnd(38)} ${l.password}`);
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  try {
    // Stop taking new work and wait for the job in progress, while in-flight requests finish.
    await Promise.all([jobs.stop(), app.close()]);
    await database.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
