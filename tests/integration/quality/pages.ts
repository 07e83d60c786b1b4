/**
 * Shared by the quality sweeps: the real app on a test database, agents for an anonymous visitor,
 * an administrator and a State preparer, and every GET page from app.routeList with its
 * parameters filled from example records (tests/support/browser.ts).
 */
import { sql } from 'drizzle-orm';
import { LOCALES } from '../../../src/platform/i18n/locales.ts';
import { Agent, createTestApp, createUser, type AgentResponse, type TestApp } from '../../support/app.ts';
import { exampleParams, fillRoute, hasParams, pageRoutes, type ExampleData } from '../../support/browser.ts';

export { LOCALES };

export interface QualityApp {
  t: TestApp;
  data: ExampleData;
  anonymous: Agent;
  admin: Agent;
  statePreparer: Agent;
  adminName: string;
  close(): Promise<void>;
}

export async function startQualityApp(overrides: Record<string, string> = {}): Promise<QualityApp> {
  const t = await createTestApp(overrides);
  const data = await exampleParams(t.database);
  const adminName = 'Quality Sweep Administrator';
  const admin = await createUser(t.database, { role: 'admin', name: adminName, email: 'quality.admin@test.example.org' });
  const preparer = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Quality Sweep Preparer', email: 'quality.preparer@test.example.org' });
  const adminAgent = new Agent(t.app);
  const signedIn = await adminAgent.signIn(admin.email);
  if (signedIn.status !== 303) throw new Error(`The administrator could not sign in (${signedIn.status})`);
  const preparerAgent = new Agent(t.app);
  if ((await preparerAgent.signIn(preparer.email)).status !== 303) throw new Error('The State preparer could not sign in');
  return { t, data, anonymous: new Agent(t.app), admin: adminAgent, statePreparer: preparerAgent, adminName, close: () => t.close() };
}

export interface PageTarget {
  route: string;
  path: string;
}

/** Routes that answer a file rather than a page. */
export const DOWNLOAD = /\.(csv|json|xlsx|pdf|docx|zip|ics)$/;

/** GET pages without parameters (other than the locale), for one locale. */
export function parameterlessPages(q: QualityApp, locale: string): PageTarget[] {
  return pageRoutes(q.t.app)
    .filter((r) => !hasParams(r) && !DOWNLOAD.test(r))
    .map((route) => ({ route, path: fillRoute(route, locale, () => undefined).path }));
}

/** Every GET page whose parameters can be filled, for one locale; the others in `unfillable`. */
export function allPages(q: QualityApp, locale: string): { pages: PageTarget[]; unfillable: string[] } {
  const resolve = q.data.resolver();
  const pages: PageTarget[] = [];
  const unfillable: string[] = [];
  for (const route of pageRoutes(q.t.app)) {
    if (DOWNLOAD.test(route)) continue;
    const { path, missing } = fillRoute(route, locale, resolve);
    if (missing.length) unfillable.push(route);
    else pages.push({ route, path });
  }
  return { pages, unfillable };
}

export function isHtml(res: AgentResponse): boolean {
  return String(res.headers['content-type'] ?? '').startsWith('text/html');
}

export function isRedirect(res: AgentResponse): boolean {
  return res.status >= 300 && res.status < 400;
}

/**
 * Every string stored in the tables whose content pages show as data (names, e-mail addresses,
 * State and committee names in every language, e-mail subjects, audit actions…): text that comes
 * from these is user or reference data, not an interface string.
 */
export async function dataStrings(q: QualityApp): Promise<string[]> {
  const tables = ['users', 'states', 'committees', 'outbox_emails', 'audit_events', 'api_tokens', 'mine_types', 'reports', 'review_comments', 'stored_files', 'report_attachments', 'article5_deadlines', 'membership_events', 'analysis_indicators', 'analysis_detector_terms',
    // Questionnaires and the Committee's engagement records (titles and texts per language, names, places).
    'questionnaires', 'questionnaire_versions', 'questionnaire_invitations', 'questionnaire_responses', 'meetings', 'meeting_participants', 'meeting_documents', 'meeting_actions',
    'engagement_evidence_links', 'work_plans', 'work_plan_items', 'individualised_approaches', 'national_platforms', 'national_platform_members', 'committee_papers'];
  const found = new Set<string>();
  const collect = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.trim().length >= 2 && v.length <= 500) found.add(v.trim());
    } else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const table of tables) {
    try {
      const r = (await q.t.database.db.execute(sql.raw(`select row_to_json(t) as row from ${table} t limit 5000`))) as unknown as { rows?: { row: unknown }[] } | { row: unknown }[];
      const rows = Array.isArray(r) ? r : (r.rows ?? []);
      for (const { row } of rows) collect(typeof row === 'string' ? JSON.parse(row) : row);
    } catch {
      // A table another area has not created (yet).
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}
