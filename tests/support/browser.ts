/**
 * The browser test harness, and the page enumeration shared with the quality sweeps.
 *
 * - `startBrowserApp()` runs the real application on a random free port, on a PGlite test database
 *   with the demo data seeded and DEMO_MODE on.
 * - `useBrowser()` wires a test file: app + Debian's Chromium (playwright-core) for the file, and
 *   after every test closes the sessions it opened and fails the test on any unexpected console
 *   error, page error, failed request or failed sub-resource.
 * - `Session.step(name)` saves a screenshot of a journey step under test-results/.
 * - `axeCheck(page)` runs axe (WCAG 2.0/2.1/2.2 A and AA) and fails on serious or critical issues.
 * - `pageRoutes(app)` / `fillRoute(...)` / `exampleParams(database)` enumerate every GET page the
 *   app registers (app.routeList) and fill path parameters from seeded data, so every page an area
 *   adds is swept automatically.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Page, Response } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { users, userTokens, apiTokens } from '../../src/areas/accounts/schema.ts';
import { seedDemoUsers, DEMO_PASSWORD } from '../../src/areas/accounts/demo-users.ts';
import { enqueueEmail } from '../../src/platform/mail/outbox.ts';
import { storeFile } from '../../src/platform/files/files.ts';
import { recordAudit } from '../../src/platform/audit/audit.ts';
import { auditEvents } from '../../src/platform/audit/schema.ts';
import { randomToken, sha256Hex } from '../../src/platform/auth/crypto.ts';
import { createDemoTestDatabase } from './db.ts';
import { testConfig } from './app.ts';
import { createInvitation, createQuestionnaire, createResponse } from './questionnaires.ts';
import { questionnaireResponseFiles, questionnaireResponses } from '../../src/areas/questionnaires/schema.ts';
import {
  evidenceLinks,
  individualisedApproaches,
  meetingActions,
  meetingDocuments,
  meetingParticipants,
  meetings,
  nationalPlatformMembers,
  nationalPlatforms,
  workPlanItems,
  workPlans,
} from '../../src/areas/engagement/schema.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'test-results', 'browser');
export { DEMO_PASSWORD };

export const DEMO = {
  admin: 'admin@demo.example.org',
  isu: 'isu@demo.example.org',
  committee: 'committee@demo.example.org',
  preparerSn: 'preparer.sn@demo.example.org',
  approverSn: 'approver.sn@demo.example.org',
  preparerIq: 'preparer.iq@demo.example.org',
  approverIq: 'approver.iq@demo.example.org',
} as const;

// ---------------------------------------------------------------------------------------------
// The application
// ---------------------------------------------------------------------------------------------

export interface BrowserApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1:<random port>, PGlite loaded with the run's demo data, DEMO_MODE on. */
export async function startBrowserApp(): Promise<BrowserApp> {
  if (process.env.TEST_DATABASE_URL) throw new Error('Browser tests run on PGlite only: unset TEST_DATABASE_URL');
  const testDb = await createDemoTestDatabase();
  const config = testConfig({ DEMO_MODE: 'true' });
  const { app } = await buildApp({ config, database: testDb.database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The app did not bind to a TCP port');
  return {
    app,
    database: testDb.database,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser
// ---------------------------------------------------------------------------------------------

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface SessionOptions {
  /** Used for the screenshot folder. */
  name: string;
  javaScript?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}

/**
 * One browser context and page, with everything that goes wrong in it recorded. Problems are
 * unexpected unless a test said it expects them with `allow()` (e.g. the console line Chromium
 * writes for a 403 or 422 document).
 */
export class Session {
  readonly problems: string[] = [];
  private allowed: RegExp[] = [];
  private stepNo = 0;
  private readonly dir: string;

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
    readonly name: string,
  ) {
    this.dir = join(RESULTS_DIR, slug(name));
    // Screenshots of an earlier run of this journey would mix with this run's.
    rmSync(this.dir, { recursive: true, force: true });
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') this.problem(`console error on ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.problem(`page error on ${page.url()}: ${err.message}`));
    page.on('requestfailed', (req) => {
      const failure = req.failure()?.errorText ?? 'failed';
      // A request cancelled because the page moved on (a navigation replaced by the next one, the
      // favicon of a page left at once) is aborted by design; every real failure has another code
      // (refused, CSP-blocked, DNS, …).
      if (failure === 'net::ERR_ABORTED') return;
      this.problem(`request failed: ${req.method()} ${req.url()} (${failure})`);
    });
    page.on('response', (res: Response) => {
      const req = res.request();
      if (res.status() >= 400 && req.resourceType() !== 'document') this.problem(`sub-resource ${req.method()} ${res.url()} answered ${res.status()}`);
      if (res.status() >= 500) this.problem(`${req.method()} ${res.url()} answered ${res.status()}`);
    });
  }

  /** Marks problems matching `pattern` as expected (for the rest of this session). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /** Chromium logs "Failed to load resource: … status of N" for an error document; expect it. */
  allowErrorDocuments(...statuses: number[]): void {
    this.allow(new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')})\\b`));
  }

  private problem(text: string): void {
    if (!this.allowed.some((re) => re.test(text))) this.problems.push(text);
  }

  url(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }

  /** Navigates to a path of the app and waits for the load event; returns the document response. */
  async goto(path: string): Promise<Response> {
    const res = await this.page.goto(this.url(path), { waitUntil: 'load' });
    if (!res) throw new Error(`No response for ${path}`);
    return res;
  }

  /** The current path (and query) of the page. */
  path(): string {
    const u = new URL(this.page.url());
    return `${u.pathname}${u.search}`;
  }

  /**
   * Screenshot of the current state as test-results/browser/<session>/<nn>-<name>.png: the whole
   * page by default, the window only with `{ fullPage: false }` (long tables take seconds).
   */
  async step(name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    this.stepNo += 1;
    mkdirSync(this.dir, { recursive: true });
    await this.page.screenshot({ path: join(this.dir, `${String(this.stepNo).padStart(2, '0')}-${slug(name)}.png`), fullPage: opts.fullPage ?? true });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

export async function openSession(browser: Browser, baseUrl: string, opts: SessionOptions): Promise<Session> {
  const contextOptions: BrowserContextOptions = {
    javaScriptEnabled: opts.javaScript ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    locale: 'en-GB',
    serviceWorkers: 'block',
  };
  const context = await browser.newContext(contextOptions);
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  return new Session(context, page, baseUrl, opts.name);
}

/**
 * Wires a browser test file: starts the app and Chromium once, and after each test closes the
 * sessions it opened and fails it on unexpected problems.
 */
export function useBrowser() {
  const state: { app?: BrowserApp; browser?: Browser; sessions: Session[] } = { sessions: [] };
  beforeAll(async () => {
    const [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
    state.app = app;
    state.browser = browser;
  });
  afterEach(async () => {
    const sessions = state.sessions.splice(0);
    const problems = sessions.flatMap((s) => s.problems.map((p) => `[${s.name}] ${p}`));
    await Promise.all(sessions.map((s) => s.close()));
    if (problems.length) throw new Error(`Unexpected browser problems:\n  ${problems.join('\n  ')}`);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.close();
  });
  return {
    get app(): BrowserApp {
      if (!state.app) throw new Error('useBrowser(): the app is not started yet');
      return state.app;
    },
    async session(opts: SessionOptions): Promise<Session> {
      if (!state.browser || !state.app) throw new Error('useBrowser(): not started yet');
      const s = await openSession(state.browser, state.app.baseUrl, opts);
      state.sessions.push(s);
      return s;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Journeys' building blocks
// ---------------------------------------------------------------------------------------------

/** Signs in through the real form (works with and without JavaScript). */
export async function signIn(s: Session, locale: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!s.path().startsWith(`/${locale}/login`)) await s.goto(`/${locale}/login`);
  await s.page.fill('#f-email', email);
  await s.page.fill('#f-password', password);
  await Promise.all([s.page.waitForURL((u) => !u.pathname.startsWith(`/${locale}/login`)), s.page.click('main form button[type=submit]')]);
}

/** Clicks and waits until the main frame has navigated (also to the same URL) and loaded. */
export async function clickAndWait(s: Session, selector: string): Promise<void> {
  const navigated = s.page.waitForEvent('framenavigated', { predicate: (f) => f === s.page.mainFrame() });
  await s.page.click(selector);
  await navigated;
  await s.page.waitForLoadState('load');
}

/** Signs out with the header's sign-out button. */
export async function signOut(s: Session): Promise<void> {
  await clickAndWait(s, '.site-header__account form button[type=submit]');
}

/** `<html lang dir>` of the current page. */
export async function htmlLangDir(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  const html = page.locator('html');
  return { lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir') };
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Table rows checked per table body; the rest are rendered by the same template. */
export const AXE_ROWS_PER_TABLE = 20;

/**
 * Serious and critical axe violations on the current page (empty when clean). Long tables are
 * sampled: rows after the first AXE_ROWS_PER_TABLE of each <tbody> are left out, because axe's
 * contrast check costs seconds per hundred cells on a 2-core machine and every row of a table comes
 * from the same markup (the table itself, its caption and headers are always checked).
 */
/**
 * axe's serious and critical violations on the page. `contrast: false` leaves out the colour
 * contrast rule, the slowest by far, for a second scan of the same markup and stylesheet in another
 * language (contrast depends on colours, not on the language of the text).
 */
export async function axeProblems(page: Page, opts: { contrast?: boolean } = {}): Promise<AxeProblem[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const sampled = await page.evaluate((keep) => {
    let n = 0;
    document.querySelectorAll('tbody').forEach((body) => {
      Array.from(body.rows)
        .slice(keep)
        .forEach((row) => {
          row.setAttribute('data-axe-sampled-out', '');
          n++;
        });
    });
    return n;
  }, AXE_ROWS_PER_TABLE);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ['violations'] });
  if (sampled) builder = builder.exclude('[data-axe-sampled-out]');
  if (opts.contrast === false) builder = builder.disableRules(['color-contrast']);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

export function formatAxeProblems(where: string, problems: AxeProblem[]): string {
  return problems.map((p) => `${where}: [${p.impact}] ${p.id}: ${p.help}\n      at ${p.targets.join('\n      at ')}`).join('\n');
}

/** Runs axe on the page and fails with a readable list on serious or critical violations. */
export async function axeCheck(page: Page, label?: string): Promise<void> {
  const problems = await axeProblems(page);
  if (problems.length) throw new Error(`Accessibility violations:\n${formatAxeProblems(label ?? page.url(), problems)}`);
}

// ---------------------------------------------------------------------------------------------
// Every page of the app
// ---------------------------------------------------------------------------------------------

/** Every GET page under `/:locale/` the app registered, as route patterns (e.g. `/:locale/states/:iso2`). */
export function pageRoutes(app: FastifyInstance): string[] {
  const urls = app.routeList.filter((r) => r.method === 'GET' && (r.url === '/:locale' || r.url.startsWith('/:locale/'))).map((r) => r.url);
  return [...new Set(urls)].sort();
}

/** The path parameters of a route pattern, except the locale. */
export function routeParams(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!).filter((p) => p !== 'locale');
}

export function hasParams(url: string): boolean {
  return routeParams(url).length > 0 || url.includes('*');
}

/**
 * A parameter value for a route: `(param, previousSegment, route)` → value or undefined.
 * `previousSegment` is the literal path segment before the parameter (`users` in `/admin/users/:id`).
 */
export type ParamResolver = (param: string, previousSegment: string, route: string) => string | undefined;

/** Fills the parameters of `route` for `locale`; lists those that cannot be filled. */
export function fillRoute(route: string, locale: string, resolve: ParamResolver): { path: string; missing: string[] } {
  const segments = route.split('/');
  const missing: string[] = [];
  const out = segments.map((seg, i) => {
    if (seg === ':locale') return locale;
    if (seg === '*') {
      missing.push('*');
      return seg;
    }
    if (!seg.includes(':')) return seg;
    // A segment may hold one parameter with a literal prefix/suffix, e.g. `:id.csv`.
    return seg.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_m, name: string) => {
      const prev = [...segments.slice(0, i)].reverse().find((s) => s && !s.includes(':')) ?? '';
      const v = resolve(name, prev, route);
      if (v === undefined) {
        missing.push(name);
        return `:${name}`;
      }
      return encodeURIComponent(v);
    });
  });
  return { path: out.join('/') || '/', missing };
}

export interface ReportRef {
  id: string;
  state: string;
  status: string;
  versions: number;
  formId?: string | undefined;
  attachment?: string | undefined;
}

export interface ExampleData {
  ids: {
    adminUser: string;
    stateUser: string;
    outboxEmail: string;
    auditEvent: string;
    apiToken: string;
    followUp: string;
    /** Questionnaires: owned by cooperation-assistance, circulated and open. */
    questionnaire: string;
    questionnaireVersion: string;
    /** A draft (never circulated) questionnaire of the same committee, for the builder's editing pages. */
    draftQuestionnaire: string;
    /** The personal-link invitation (Senegal, mine action director) and the one naming Senegal's demo preparer. */
    questionnaireInvitation: string;
    accountInvitation: string;
    /** The shared response of Senegal's mine action director (submitted) and its file. */
    response: string;
    responseFile: string;
    /** Engagement: a `participants` meeting of cooperation-assistance with Senegal taking part. */
    meeting: string;
    meetingAction: string;
    meetingDocument: string;
    meetingParticipant: string;
    evidenceLink: string;
    workPlan: string;
    workPlanItem: string;
    /** Senegal's individualised approach (published) and national platform member. */
    individualisedApproach: string;
    platformMember: string;
  };
  tokens: { invitation: string; passwordReset: string; questionnaire: string };
  /** The demo reports (empty when the demo data has none). */
  reports: ReportRef[];
  /**
   * The resolver used by the sweeps. iso2 defaults to Senegal; reports are that State's where it
   * has one that suits the page, another State's otherwise (`onlyThatState`: never another's).
   */
  resolver(opts?: { iso2?: string; onlyThatState?: boolean }): ParamResolver;
}

/** Rows of a raw query on either driver; [] when the table does not exist (yet). */
async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  try {
    const r = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
    return Array.isArray(r) ? r : (r.rows ?? []);
  } catch {
    return [];
  }
}

/**
 * Records to point parameterised pages at, created in `database` (demo users are seeded when
 * missing, so this also works on a plain test database): a demo State user, an outbox e-mail, an
 * audit event, an API token, an invitation and a password-reset token; the reports come from
 * the seeded demo data.
 */
export async function exampleParams(database: Database): Promise<ExampleData> {
  const db = database.db;
  await seedDemoUsers(db);
  const idOf = async (email: string) => {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(`No demo user ${email}`);
    return row.id;
  };
  const adminUser = await idOf(DEMO.admin);
  const stateUser = await idOf(DEMO.preparerSn);
  const outboxEmail =
    (await enqueueEmail(db, { to: DEMO.preparerSn, toName: 'Aminata Demo (preparer)', subject: 'Demo reminder', text: 'Demo message for the page sweeps.', locale: 'fr', kind: 'reminder', dedupeKey: 'sweep-example' })) ??
    '00000000-0000-4000-8000-000000000000';
  await recordAudit(db, { userId: adminUser, label: DEMO.admin }, { action: 'accounts.user.updated', entityType: 'user', entityId: stateUser, summary: { example: true } });
  const [audit] = await db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const [token] = await db
    .insert(apiTokens)
    .values({ userId: adminUser, name: 'Sweep example token', prefix: 'sweepexa', tokenHash: sha256Hex(`sweep-api-${Math.random()}`) })
    .returning({ id: apiTokens.id });
  // An invited user without a password, and one-time tokens for the invitation and reset pages.
  const invitedEmail = `invited.${Math.random().toString(36).slice(2, 8)}@test.example.org`;
  const [invited] = await db.insert(users).values({ email: invitedEmail, name: 'Invited Example User', role: 'state_preparer', stateIso2: 'SN', locale: 'en', isDemo: false }).returning({ id: users.id });
  const invitation = randomToken();
  const passwordReset = randomToken();
  const expiresAt = new Date(Date.now() + 7 * 24 * 3600_000);
  await db.insert(userTokens).values([
    { userId: invited!.id, purpose: 'invitation', tokenHash: sha256Hex(invitation), expiresAt, createdBy: adminUser },
    { userId: stateUser, purpose: 'password_reset', tokenHash: sha256Hex(passwordReset), expiresAt },
  ]);
  // A small PDF attached to every draft, so the attachment pages have something to show.
  const drafts = await rows<{ id: string }>(database, sql`select id::text as id from reports where status in ('draft', 'returned')`);
  for (const d of drafts) {
    const file = await storeFile(db, { filename: 'demo-annex.pdf', data: Buffer.from('%PDF-1.4\n% demo annex for the page sweeps\n%%EOF\n'), createdBy: adminUser, accept: ['pdf'], maxBytes: 1024 * 1024 });
    await db.execute(sql`insert into report_attachments (report_id, file_id, description, created_by) values (${d.id}, ${file.id}, ${'Demo annex'}, ${adminUser})`);
  }
  // The demo reports (reporting area), with a form and an attachment of each.
  const reports = await rows<ReportRef>(
    database,
    sql`select r.id::text as id, r.state_iso2 as state, r.status, r.current_version_no as versions,
          (select min(f.form_id) from report_forms f where f.report_id = r.id) as "formId",
          (select min(a.id::text) from report_attachments a where a.report_id = r.id) as attachment
        from reports r order by r.year desc, r.state_iso2`,
  );
  // A reminder step switched off, so the schedule page offers to switch one on.
  await db.execute(sql`insert into compliance_reminder_rules (offset_days, enabled) values (-90, false) on conflict do nothing`);
  // A draft follow-up letter to Senegal about last year's report, for the follow-up pages and posts.
  const [followUp] = await rows<{ id: string }>(
    database,
    sql`insert into analysis_follow_ups (state_iso2, year, gaps, locale, template_key, subject, body)
        values ('SN', ${new Date().getUTCFullYear() - 1}, '{cooperation_without_gender}', 'fr', 'cooperation_without_gender', 'Suivi du rapport (exemple)', 'Lettre d''exemple pour les balayages.')
        on conflict do nothing returning id::text as id`,
  );
  const q = await exampleQuestionnaire(database, adminUser, stateUser);
  const e = await exampleEngagement(database, adminUser);
  const ids = { adminUser, stateUser, outboxEmail, auditEvent: String(audit!.id), apiToken: token!.id, followUp: followUp?.id ?? '00000000-0000-4000-8000-000000000000', ...q.ids, ...e };
  const tokens = { invitation, passwordReset, questionnaire: q.token };
  return {
    ids,
    tokens,
    reports,
    resolver: (opts = {}) => exampleResolver(ids, tokens, reports, opts.iso2 ?? 'sn', opts.onlyThatState ?? false),
  };
}

/** A tiny but real PDF (the demo annexes' kind). */
const EXAMPLE_PDF = Buffer.from('%PDF-1.4\n% example document for the page sweeps\n%%EOF\n');

/**
 * A questionnaire of the Committee on Cooperation and Assistance, circulated and open, with a
 * personal link for Senegal's mine action director, an invitation naming Senegal's demo preparer
 * (same State and audience: they share one response) and that response, submitted, with a file.
 */
async function exampleQuestionnaire(database: Database, adminUser: string, stateUser: string) {
  const db = database.db;
  const secret = testConfig().secret;
  const fixture = await createQuestionnaire(database, { committeeId: 'cooperation-assistance', createdBy: adminUser });
  const link = await createInvitation(database, secret, fixture.questionnaireId, { audience: 'mine_action_director', stateIso2: 'SN', name: 'Example mine action director', locale: 'fr' });
  const named = await createInvitation(database, secret, fixture.questionnaireId, { audience: 'mine_action_director', stateIso2: 'SN', userId: stateUser, email: DEMO.preparerSn, name: 'Aminata Demo (preparer)' });
  const draft = await createQuestionnaire(database, { committeeId: 'cooperation-assistance', createdBy: adminUser, circulated: false, title: { en: 'Example draft questionnaire', fr: 'Questionnaire d’exemple (projet)' } });
  const response = await createResponse(database, fixture, link.invitation, { submitted: true, values: { support: { received: 'no', challenges: 'Example answer for the page sweeps.' } } });
  await db.update(questionnaireResponses).set({ receipt: `Q-SN-${response.id.slice(0, 4).toUpperCase()}` }).where(eq(questionnaireResponses.id, response.id));
  const file = await storeFile(db, { filename: 'example-answer.pdf', data: EXAMPLE_PDF, createdBy: adminUser, accept: ['pdf'], maxBytes: 1024 * 1024 });
  await db.insert(questionnaireResponseFiles).values({ responseId: response.id, fileId: file.id, createdByName: 'Example mine action director' });
  return {
    token: link.token,
    ids: {
      questionnaire: fixture.questionnaireId,
      questionnaireVersion: fixture.versionId,
      draftQuestionnaire: draft.questionnaireId,
      questionnaireInvitation: link.invitation.id,
      accountInvitation: named.invitation.id,
      response: response.id,
      responseFile: file.id,
    },
  };
}

/**
 * Engagement records whose readers are clear from the policy: a `participants` meeting of
 * cooperation-assistance with Senegal taking part (ISU and Senegal's users read it; another State's
 * users and committee members, who are not listed, get "not found") with a follow-up action, an
 * agenda (PDF), a participant and an evidence link; that committee's work plan for this year with an item; Senegal's
 * individualised approach, published; Senegal's national platform with a member.
 */
async function exampleEngagement(database: Database, adminUser: string) {
  const db = database.db;
  const year = new Date().getUTCFullYear();
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const [meeting] = await db
    .insert(meetings)
    .values({
      kind: 'bilateral',
      title: { en: 'Example bilateral meeting with Senegal', fr: 'Réunion bilatérale d’exemple avec le Sénégal' },
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      place: 'Geneva',
      committeeIds: ['cooperation-assistance'],
      confidentiality: 'participants',
      agenda: 'Example agenda for the page sweeps.',
      createdBy: adminUser,
    })
    .returning({ id: meetings.id });
  const [participant] = await db.insert(meetingParticipants).values({ meetingId: meeting!.id, kind: 'state', stateIso2: 'SN', role: 'participant', position: 1 }).returning({ id: meetingParticipants.id });
  const [action] = await db
    .insert(meetingActions)
    .values({ meetingId: meeting!.id, kind: 'follow_up', text: 'Example follow-up: share the updated work plan.', ownerLabel: 'ISU', dueDate: new Date(startsAt.getTime() + 30 * 86_400_000).toISOString().slice(0, 10), actionIds: ['OAP-45'] })
    .returning({ id: meetingActions.id });
  const file = await storeFile(db, { filename: 'example-agenda.pdf', data: EXAMPLE_PDF, createdBy: adminUser, accept: ['pdf'], maxBytes: 1024 * 1024 });
  const [doc] = await db.insert(meetingDocuments).values({ meetingId: meeting!.id, fileId: file.id, title: 'Example agenda', kind: 'agenda', createdBy: adminUser }).returning({ id: meetingDocuments.id });
  const [link] = await db
    .insert(evidenceLinks)
    .values({ sourceType: 'meeting', sourceId: meeting!.id, targetType: 'url', targetRef: 'https://www.apminebanconvention.org/', label: 'Convention website', createdBy: adminUser })
    .returning({ id: evidenceLinks.id });
  await db.insert(workPlans).values({ committeeId: 'cooperation-assistance', year, kind: 'work_plan', intro: { en: 'Example work plan for the page sweeps.' }, createdBy: adminUser }).onConflictDoNothing();
  const [plan] = await db
    .select({ id: workPlans.id })
    .from(workPlans)
    .where(sql`${workPlans.committeeId} = 'cooperation-assistance' and ${workPlans.year} = ${year} and ${workPlans.kind} = 'work_plan'`);
  const [last] = await rows<{ n: number }>(database, sql`select coalesce(max(position), 0)::int as n from work_plan_items where plan_id = ${plan!.id}`);
  const [item] = await db
    .insert(workPlanItems)
    .values({ planId: plan!.id, position: Number(last?.n ?? 0) + 1, title: { en: 'Example item: bilateral meetings with affected States' }, ownerLabel: 'Chair', actionIds: ['OAP-45'] })
    .returning({ id: workPlanItems.id });
  const [ia] = await db
    .insert(individualisedApproaches)
    .values({
      stateIso2: 'SN',
      status: 'published',
      interestOn: `${year - 1}-03-01`,
      intendedEvent: 'Intersessional meetings',
      meetingId: meeting!.id,
      summary: { en: 'Example summary for the page sweeps.' },
      finalReport: { en: 'Example final report for the page sweeps.' },
      publishedAt: new Date(Date.now() - 86_400_000),
      createdBy: adminUser,
    })
    .returning({ id: individualisedApproaches.id });
  await db.insert(nationalPlatforms).values({ stateIso2: 'SN', exists: 'yes', chairedBy: 'National mine action authority', source: 'Example for the page sweeps' }).onConflictDoNothing();
  const [lastMember] = await rows<{ n: number }>(database, sql`select coalesce(max(position), 0)::int as n from national_platform_members where state_iso2 = 'SN'`);
  const [member] = await db.insert(nationalPlatformMembers).values({ stateIso2: 'SN', organisation: 'Example operator', kind: 'operator', women: 3, men: 4, position: Number(lastMember?.n ?? 0) + 1 }).returning({ id: nationalPlatformMembers.id });
  return {
    meeting: meeting!.id,
    meetingAction: action!.id,
    meetingDocument: doc!.id,
    meetingParticipant: participant!.id,
    evidenceLink: link!.id,
    workPlan: plan!.id,
    workPlanItem: item!.id,
    individualisedApproach: ia!.id,
    platformMember: member!.id,
  };
}

/** Example values by parameter name, and for `:id` by the collection it belongs to. */
function exampleResolver(ids: ExampleData['ids'], tokens: ExampleData['tokens'], allReports: ReportRef[], iso2: string, onlyThatState: boolean): ParamResolver {
  const byCollection: Record<string, string> = {
    users: ids.stateUser,
    'focal-points': ids.stateUser,
    outbox: ids.outboxEmail,
    emails: ids.outboxEmail,
    audit: ids.auditEvent,
    events: ids.auditEvent,
    tokens: ids.apiToken,
    'api-tokens': ids.apiToken,
    'follow-ups': ids.followUp,
    questionnaires: ids.questionnaire,
    meetings: ids.meeting,
    'work-plans': ids.workPlan,
    'individualised-approach': ids.individualisedApproach,
  };
  const byName: Record<string, string> = {
    iso2,
    state: iso2,
    stateIso2: iso2,
    userId: ids.stateUser,
    committee: 'cooperation-assistance',
    committeeId: 'cooperation-assistance',
    year: String(new Date().getUTCFullYear() - 1),
    // Action plans (reference data, seeded at every start).
    plan: 'oslo-2019',
    action: 'OAP-45',
    section: 'oslo-2019.VIII',
    indicator: 'OAP-45.1',
    // Questionnaires: the example's section and question, a translation language, an invitation.
    sid: 'support',
    qid: 'received',
    lang: 'fr',
    invitationId: ids.questionnaireInvitation,
    // Engagement: the example meeting's document, participant and evidence link, the plan's item, the platform's member.
    doc: ids.meetingDocument,
    participant: ids.meetingParticipant,
    link: ids.evidenceLink,
    item: ids.workPlanItem,
    member: ids.platformMember,
  };
  const state = iso2.toUpperCase();
  const candidates = onlyThatState ? allReports.filter((r) => r.state === state) : [...allReports.filter((r) => r.state === state), ...allReports.filter((r) => r.state !== state)];
  const first = (f: (r: ReportRef) => boolean) => candidates.find(f) ?? candidates[0];
  /** The report that suits a page: a draft to edit, a submitted one to review, a published one to read. */
  const reportFor = (route: string): ReportRef | undefined => {
    if (/\/(edit|forms|check|attachments|import)\b/.test(route)) return first((r) => r.status === 'draft' || r.status === 'returned');
    if (/\/(review|submitted)\b/.test(route)) return first((r) => r.status === 'submitted' || r.status === 'acknowledged');
    if (/\/compare\b/.test(route)) return first((r) => Number(r.versions) >= 2);
    return first((r) => r.status === 'published');
  };
  return (param, prev, route) => {
    if (param === 'token') {
      if (/\/answer\//.test(route)) return tokens.questionnaire;
      if (/invit/.test(route)) return tokens.invitation;
      if (/reset|password/.test(route)) return tokens.passwordReset;
      return undefined;
    }
    if (param === 'form' || param === 'formId') return reportFor(route)?.formId ?? undefined;
    // The year's bulk download (`/reports/bulk/2025.zip`).
    if (param === 'file' && prev === 'bulk') return `${byName.year}.zip`;
    // A file of the example questionnaire response.
    if (param === 'file' && /\/(answer|respond)\b/.test(route)) return ids.responseFile;
    // A section of the example questionnaire (answering pages); plan sections otherwise.
    if (param === 'section' && /\/(answer|respond)\b/.test(route)) return 'support';
    // A follow-up action of the example meeting; action-plan actions otherwise.
    if (param === 'action' && /\/meetings\//.test(route)) return ids.meetingAction;
    if (param === 'attachment' || param === 'attachmentId') return reportFor(route)?.attachment ?? undefined;
    if (param === 'reportId' || (param === 'id' && prev === 'reports')) return reportFor(route)?.id;
    // The builder edits a draft: a circulated version is frozen (its editing pages answer 409).
    if (param === 'id' && prev === 'questionnaires' && /\/build\b/.test(route)) return ids.draftQuestionnaire;
    if (param === 'id' || param === 'tokenId' || param === 'eventId' || param === 'emailId') return byCollection[prev];
    return byName[param];
  };
}
