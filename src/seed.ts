/** Seeds reference data (always, idempotent) and demo data (demo mode only). */
import type { Database } from './platform/db/client.ts';
import { seedStates } from './areas/states/index.ts';
import { seedDemoReports, seedMineTypes } from './areas/reporting/index.ts';
import { seedDemoUsers } from './areas/accounts/demo-users.ts';
import { seedActionPlans } from './areas/plans/index.ts';
import { seedReminderRules } from './areas/compliance/index.ts';
import { seedAnalysisReference, seedDemoAnalysis } from './areas/analysis/index.ts';
import { reindexAllSearchDocuments } from './areas/analysis/search/index.ts';
import { seedLetterTemplates } from './areas/analysis/followups/index.ts';
import { seedDemoEngagement } from './areas/engagement/index.ts';
import { seedDemoQuestionnaires } from './areas/questionnaires/demo/index.ts';

export async function seedAll(database: Database, opts: { demo: boolean }) {
  await seedStates(database.db);
  await seedMineTypes(database.db);
  await seedActionPlans(database.db);
  await seedReminderRules(database.db);
  await seedAnalysisReference(database.db);
  await seedLetterTemplates(database.db);
  const demoLogins = opts.demo ? await seedDemoUsers(database.db) : [];
  if (opts.demo) await seedDemoReports(database);
  // Demo questionnaires (a closed 2023 survey with answers, an open follow-up), after the demo users and reports.
  if (opts.demo) await seedDemoQuestionnaires(database);
  // Demo mode: the seeded reports are analysed now, so the indicator pages have something to show.
  if (opts.demo) await seedDemoAnalysis(database);
  // …and indexed for the committee's search.
  if (opts.demo) await reindexAllSearchDocuments(database, { userId: null, label: 'seed' });
  // The Committee's 2023 work plan and gender & diversity action plan.
  if (opts.demo) await seedDemoEngagement(database);
  return { demoLogins };
}
