/**
 * What the hostile-input sweep posts to, found from the app itself so routes added later are swept
 * without editing a list:
 *
 * - every state-changing route (`app.routeList`: POST/PUT/PATCH/DELETE under `/:locale/…` and
 *   `/api/…`);
 * - for form routes, the forms the app renders: every GET page is read as every role and each
 *   `<form method="post">` gives its action, encoding and fields (with their current values, so a
 *   post can be valid except for the hostile part and reach the command behind the policy);
 * - for API routes, the request-body schemas of the OpenAPI document.
 *
 * Clients keep cookies and the CSRF token like a browser, carry a personal API token for the API,
 * come from a new address for every request (the per-address rate limits stay on, but each request
 * is a different client) and sign in again when a post signed them out.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { apiTokens, userTokens, users, type Role } from '../../../../src/areas/accounts/schema.ts';
import { randomToken, sha256Hex } from '../../../../src/platform/auth/crypto.ts';
import { seedDemoReports } from '../../../../src/areas/reporting/index.ts';
import { CURRENT_FORMAT } from '../../../../src/areas/reporting/formats.ts';
import { buildApp } from '../../../../src/app.ts';
import { TEST_PASSWORD, createUser, testConfig, type TestApp } from '../../../support/app.ts';
import { createTestDatabase } from '../../../support/db.ts';
import { createInvitation } from '../../../support/questionnaires.ts';
import { exampleParams, fillRoute, pageRoutes, routeParams, type ExampleData, type ReportRef } from '../../../support/browser.ts';
import { analysePendingReports } from '../../../../src/areas/analysis/index.ts';
import { encodeAny } from './requests.ts';
import { elements, parseHtml, textOf, type HtmlElement } from '../html.ts';

export type Who = 'anonymous' | 'preparer' | 'approver' | 'other_state' | 'committee' | 'isu' | 'admin';
export const WHO: Who[] = ['anonymous', 'preparer', 'approver', 'other_state', 'committee', 'isu', 'admin'];
/** The roles whose pages are read for forms, and the roles that see the same forms as each. */
export const CRAWLERS: Who[] = ['anonymous', 'approver', 'admin'];
export const PEERS: Record<Who, Who[]> = { anonymous: [], approver: ['preparer'], admin: ['isu'], preparer: [], other_state: [], committee: [], isu: [] };

const USERS: [Exclude<Who, 'anonymous'>, { role: Role; stateIso2?: string; committeeId?: string }][] = [
  ['preparer', { role: 'state_preparer', stateIso2: 'SN' }],
  ['approver', { role: 'state_approver', stateIso2: 'SN' }],
  ['other_state', { role: 'state_preparer', stateIso2: 'IQ' }],
  ['committee', { role: 'committee_member', committeeId: 'cooperation-assistance' }],
  ['isu', { role: 'isu_staff' }],
  ['admin', { role: 'admin' }],
];

export interface Res {
  status: number;
  headers: Record<string, unknown>;
  body: string;
  location: string | undefined;
}

export interface SendOptions {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send the API token (API routes) — on by default for /api/ URLs. */
  bearer?: boolean;
}

let addressCounter = 0;
/** A new client address for every request. */
function nextAddress(): string {
  const n = ++addressCounter;
  return `10.${200 + ((n >> 16) & 31)}.${(n >> 8) & 255}.${n & 255}`;
}

/** A browser-like client of one role (cookies, CSRF token) with a personal API token. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  token: string | undefined;
  email: string | undefined;
  userId: string | undefined;
  private signedOut = false;
  signIns = 0;

  constructor(
    readonly app: FastifyInstance,
    readonly who: Who,
  ) {}

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private remember(headers: Record<string, unknown>) {
    const set = headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [String(set)] : []) {
      const [pair] = String(c).split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) {
        this.cookies.delete(name);
        if (name === 'sid' && this.who !== 'anonymous') this.signedOut = true;
      } else this.cookies.set(name, value);
    }
  }

  private readCsrf(body: string) {
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (m) this.csrf = m[1]!;
  }

  async send(o: SendOptions): Promise<Res> {
    if (this.signedOut) await this.signIn();
    const headers: Record<string, string> = { ...this.cookieHeader(), ...(o.contentType ? { 'content-type': o.contentType } : {}), ...(o.headers ?? {}) };
    if ((o.bearer ?? o.url.startsWith('/api/')) && this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await this.app.inject({ method: o.method as 'POST', url: o.url, headers, remoteAddress: nextAddress(), ...(o.payload !== undefined ? { payload: o.payload } : {}) });
    if (!o.url.startsWith('/api/')) this.remember(res.headers);
    return { status: res.statusCode, headers: res.headers, body: res.body, location: typeof res.headers.location === 'string' ? res.headers.location : undefined };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Res> {
    const res = await this.send({ method: 'GET', url, headers });
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.readCsrf(res.body);
    return res;
  }

  /** Signs in through the real form (again, after a post signed this client out). */
  async signIn(): Promise<void> {
    this.signedOut = false;
    if (!this.email) return;
    this.cookies.clear();
    this.signIns++;
    await this.get('/en/login');
    const form = new URLSearchParams({ _csrf: this.csrf, email: this.email, password: TEST_PASSWORD });
    const res = await this.send({ method: 'POST', url: '/en/login', payload: form.toString(), contentType: 'application/x-www-form-urlencoded' });
    if (res.status !== 303) throw new Error(`${this.who} could not sign in (${res.status})`);
    await this.get('/en/account');
  }
}

/* ---------- Forms the pages render ---------- */

export interface FormField {
  name: string;
  /** input type, or textarea/select/button. */
  kind: string;
  /** The value a browser would send as the form stands (undefined: sent only when chosen). */
  value: string | undefined;
  /** Choices offered (radios, checkboxes, select options, named buttons). */
  options: string[];
}

export interface ScrapedForm {
  action: string;
  enctype: string;
  fields: FormField[];
  /** The page it was read from, to read it again for fresh values (e.g. a new `_version`). */
  page: string;
  who: Who;
}

function attr(e: HtmlElement, name: string): string | undefined {
  return e.attrs[name];
}

/** The post forms of a page, with their fields as a browser would submit them. */
export function scrapeForms(html: string, page: string, who: Who): ScrapedForm[] {
  const out: ScrapedForm[] = [];
  const root = parseHtml(html);
  for (const form of elements(root, 'form')) {
    if ((attr(form, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = (attr(form, 'action') ?? page).split('#')[0]!;
    const byName = new Map<string, FormField>();
    const add = (name: string, kind: string, value: string | undefined, option?: string) => {
      const f = byName.get(name) ?? { name, kind, value: undefined, options: [] };
      if (value !== undefined && f.value === undefined) f.value = value;
      if (option !== undefined && !f.options.includes(option)) f.options.push(option);
      byName.set(name, f);
    };
    for (const e of elements(form)) {
      const name = attr(e, 'name');
      if (!name) continue;
      if (e.tag === 'input') {
        const type = (attr(e, 'type') ?? 'text').toLowerCase();
        const value = attr(e, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
        if (type === 'checkbox' || type === 'radio') add(name, type, 'checked' in e.attrs ? value : undefined, value);
        else if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset') add(name, 'button', undefined, value);
        else add(name, type, value);
      } else if (e.tag === 'textarea') add(name, 'textarea', textOf(e).replace(/^\n/, ''));
      else if (e.tag === 'select') {
        const options = elements(e, 'option');
        const selected = options.find((o) => 'selected' in o.attrs) ?? options[0];
        const valueOf = (o: HtmlElement) => attr(o, 'value') ?? textOf(o);
        add(name, 'select', selected ? valueOf(selected) : undefined);
        for (const o of options) add(name, 'select', undefined, valueOf(o));
      } else if (e.tag === 'button') {
        const type = (attr(e, 'type') ?? 'submit').toLowerCase();
        if (type === 'submit') add(name, 'button', undefined, attr(e, 'value') ?? '');
      }
    }
    out.push({ action, enctype: (attr(form, 'enctype') ?? 'application/x-www-form-urlencoded').toLowerCase(), fields: [...byName.values()], page, who });
  }
  return out;
}

/** The fields a browser sends for a form as it stands. */
export function defaultBody(form: ScrapedForm): Record<string, string> {
  const body: Record<string, string> = {};
  for (const f of form.fields) if (f.value !== undefined && f.kind !== 'file') body[f.name] = f.value;
  return body;
}

/* ---------- Route patterns ---------- */

export interface RouteDef {
  method: string;
  url: string;
}

/** Every state-changing route of the pages and of the API. */
export function mutatingRoutes(app: FastifyInstance): RouteDef[] {
  const seen = new Set<string>();
  const out: RouteDef[] = [];
  for (const r of app.routeList) {
    if (['GET', 'HEAD', 'OPTIONS'].includes(r.method)) continue;
    if (!(r.url.startsWith('/:locale/') || r.url.startsWith('/api/'))) continue;
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, url: r.url });
  }
  return out.sort((a, b) => oneWay(a.url) - oneWay(b.url) || a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/**
 * Actions that leave their example record unusable for the routes swept after them — deleting it,
 * closing a questionnaire (its circulation, translation and version routes then refuse), revoking
 * an invitation or replacing its link, withdrawing a record — are swept last.
 */
function oneWay(url: string): number {
  return /\/(delete|revoke|new-link|withdraw)$|\/circulation\/close$/.test(url) ? 1 : 0;
}

/** A regular expression for a route pattern (parameters match one path segment). */
export function routeRegex(pattern: string): RegExp {
  const src = pattern
    .split('/')
    .map((seg) => seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\?:([A-Za-z0-9_]+)/g, '(?<$1>[^/]+)'))
    .join('/');
  return new RegExp(`^${src}$`);
}

/** The path parameters of `path` under `pattern` (decoded), or undefined when it does not match. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const m = routeRegex(pattern).exec(path);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) {
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** Fills a pattern with parameter values (encoded). */
export function buildPath(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeAny(params[name] ?? name));
}

/* ---------- The app, its data and its clients ---------- */

export interface SweepApp {
  t: TestApp;
  data: ExampleData;
  clients: Map<Who, Client>;
  /** The demo reports by status, Senegal's first. */
  reports: ReportRef[];
  /** Senegal's editable report (returned for clarification in the demo data). */
  draft: ReportRef;
  /** Another State's reports, for tampered ids. */
  otherStateDraft: ReportRef;
  submitted: ReportRef;
  acknowledged: ReportRef;
  published: ReportRef;
  forms: ScrapedForm[];
  pagesRead: number;
  /** What the server logged as errors since the last `takeErrors()` (the cause of a 5xx). */
  takeErrors(): string[];
  close(): Promise<void>;
}

/** The real app (as createTestApp builds it), with its error log kept to explain a 5xx. */
async function startApp(errors: string[]): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = testConfig();
  const stream = { write: (line: string) => void errors.push(line) };
  const { app, deps } = await buildApp({ config, database: testDb.database, pseudoLocale: true, logger: { level: 'error', stream } });
  await app.ready();
  return {
    app,
    deps,
    database: testDb.database,
    config,
    databaseUrl: testDb.url,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

/**
 * Pages whose forms only show for a record in a given state, which the route examples do not
 * point at: a disabled account (enable), a sent follow-up (mark answered), a letter template
 * opened for editing, a year's paper with reports to quote, and a password-reset link of an
 * account that is none of the sweep's clients (so a successful reset signs no client out).
 */
async function recordPages(t: TestApp): Promise<string[]> {
  const db = t.database.db;
  const disabled = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Hostile sweep disabled', email: 'hostile.disabled@test.example.org' });
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
  const resetUser = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Hostile sweep reset', email: 'hostile.reset@test.example.org' });
  const reset = randomToken();
  await db.insert(userTokens).values({ userId: resetUser.id, purpose: 'password_reset', tokenHash: sha256Hex(reset), expiresAt: new Date(Date.now() + 7 * 24 * 3600_000) });
  const year = new Date().getUTCFullYear() - 2;
  await t.database.query(
    `insert into analysis_follow_ups (state_iso2, year, gaps, locale, template_key, subject, body, status, sent_at) values ('SN', $1, '{cooperation_without_gender}', 'fr', 'cooperation_without_gender', 'Suivi (balayage)', 'Lettre envoyée (balayage)', 'sent', now()) on conflict do nothing`,
    [year],
  );
  // The year's paper, saved once with one quoted example (so it can be removed, and marked final).
  await t.database.query(
    `insert into analysis_observation_papers (year, content, examples)
     select $1, '{"en": {"introduction": "Saved by the sweep."}}'::jsonb,
       jsonb_build_array(jsonb_build_object('reportId', r.id::text, 'formId', 'J', 'path', 'gender.narrative', 'quote', 'Quoted by the sweep.'))
     from reports r where r.year = $1 and r.current_version_no > 0 order by r.state_iso2 limit 1
     on conflict do nothing`,
    [year],
  );
  return [`/en/admin/users/${disabled.id}`, `/en/analysis/follow-ups/${year}/SN`, '/en/analysis/follow-ups/templates?key=cooperation_without_gender&lang=en', `/en/analysis/papers/${year}`, `/en/password/reset/${reset}`];
}

export async function startSweepApp(): Promise<SweepApp> {
  const errors: string[] = [];
  const t = await startApp(errors);
  await seedDemoReports(t.database);
  // Indicators of the submitted reports, so the reviewers' decision forms are on their pages.
  await analysePendingReports(t.database, { userId: null, label: 'job:hostile-sweep' });
  const data = await exampleParams(t.database);
  const reports = [...data.reports.filter((r) => r.state === 'SN'), ...data.reports.filter((r) => r.state !== 'SN')];
  const pick = (f: (r: ReportRef) => boolean, what: string) => {
    const r = reports.find(f);
    if (!r) throw new Error(`The demo data has no ${what} report`);
    return r;
  };
  const draft = pick((r) => r.state === 'SN' && (r.status === 'draft' || r.status === 'returned'), 'editable Senegal');
  const otherStateDraft = pick((r) => r.state !== 'SN' && (r.status === 'draft' || r.status === 'returned'), "another State's editable");
  const submitted = pick((r) => r.status === 'submitted', 'submitted');
  const acknowledged = pick((r) => r.status === 'acknowledged', 'acknowledged');
  const published = pick((r) => r.state === 'SN' && r.status === 'published', 'published Senegal');

  const clients = new Map<Who, Client>();
  clients.set('anonymous', new Client(t.app, 'anonymous'));
  for (const [who, u] of USERS) {
    const user = await createUser(t.database, { ...u, name: `Hostile sweep ${who}`, email: `hostile.${who}@test.example.org` });
    const c = new Client(t.app, who);
    c.email = user.email;
    c.userId = user.id;
    const prefix = randomBytes(4).toString('hex');
    c.token = `apmbc_${prefix}_${randomBytes(32).toString('hex')}`;
    await t.database.db.insert(apiTokens).values({ userId: user.id, name: 'hostile sweep', prefix, tokenHash: sha256Hex(c.token) });
    await c.signIn();
    clients.set(who, c);
  }
  // Senegal's approver is invited by account to the example questionnaire (same State and audience
  // as its personal link: one shared response), so the signed-in answering pages show it their forms.
  const approver = clients.get('approver')!;
  await createInvitation(t.database, t.config.secret, data.ids.questionnaire, { audience: 'mine_action_director', stateIso2: 'SN', userId: approver.userId!, email: approver.email!, name: 'Hostile sweep approver' });

  // Every page, as the roles that between them see every form: an administrator (staff pages,
  // review), Senegal's approver (the State's forms, submission) and an anonymous visitor (sign-in,
  // one-time links). The other roles post the same forms with their own token.
  const resolve = data.resolver({ iso2: 'sn' });
  const pages = new Set<string>();
  for (const route of pageRoutes(t.app)) {
    if (/\.(csv|json|xlsx|pdf|docx|zip|ics)$/.test(route)) continue;
    const { path, missing } = fillRoute(route, 'en', resolve);
    if (!missing.length) pages.add(path);
    // The working-copy and review pages once for each report status, and every form of the editable report.
    if (/^\/:locale\/reports\/:id\/(edit|forms|check|review|attachments|import|submitted)\b/.test(route)) {
      for (const r of [draft, submitted, acknowledged, published]) {
        const filled = fillRoute(route, 'en', (p, prev, rt) => (p === 'id' ? r.id : p === 'form' ? 'cover' : resolve(p, prev, rt)));
        if (!filled.missing.length) pages.add(filled.path);
      }
      if (route.includes(':form')) for (const def of CURRENT_FORMAT.forms) pages.add(fillRoute(route, 'en', (p, prev, rt) => (p === 'id' ? draft.id : p === 'form' ? def.id : resolve(p, prev, rt))).path);
    }
  }
  for (const page of await recordPages(t)) pages.add(page);
  const forms: ScrapedForm[] = [];
  let pagesRead = 0;
  for (const who of CRAWLERS) {
    const c = clients.get(who)!;
    for (const page of pages) {
      const res = await c.get(page);
      pagesRead++;
      if (res.status !== 200 || !String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
      forms.push(...scrapeForms(res.body, page, who));
    }
  }
  // The conflict page (and its resolve form) is only ever an answer to a stale save: make one.
  {
    const page = `/en/reports/${draft.id}/forms/J`;
    const approver = clients.get('approver')!;
    const stale = /name="_version" value="(\d+)"/.exec((await approver.get(page)).body)?.[1] ?? '0';
    const save = (c: Client, version: string, text: string) =>
      c.send({ method: 'POST', url: page, contentType: 'application/x-www-form-urlencoded', payload: new URLSearchParams({ _csrf: c.csrf, _version: version, _action: 'save', 's.gender.narrative': text }).toString() });
    await clients.get('preparer')!.get(page);
    await save(clients.get('preparer')!, stale, 'Saved first by the sweep.');
    const conflict = await save(approver, stale, 'Saved second by the sweep.');
    if (conflict.status !== 409) throw new Error(`The sweep expected a conflict page, got ${conflict.status}`);
    forms.push(...scrapeForms(conflict.body, page, 'approver'));
  }
  errors.length = 0;
  return { t, data, clients, reports, draft, otherStateDraft, submitted, acknowledged, published, forms, pagesRead, takeErrors: () => errors.splice(0), close: () => t.close() };
}

/* ---------- The OpenAPI document ---------- */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
};

export interface ApiOperation {
  method: string;
  /** The OpenAPI path with its literal parts (e.g. `/api/v1/reports/{id}/forms/A`). */
  docPath: string;
  body: JsonSchema | undefined;
}

/** The documented operations of the API, by method and path. */
export function apiOperations(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const [docPath, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) out.push({ method: method.toUpperCase(), docPath, body: op.requestBody?.content?.['application/json']?.schema });
  }
  return out;
}

/** Whether an OpenAPI path is served by a route pattern (`{x}` against `:x`, literals against parameters too). */
export function docPathMatches(pattern: string, docPath: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = docPath.split('/');
  if (a.length !== b.length) return undefined;
  const literal: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const d = b[i]!;
    if (p.startsWith(':')) {
      if (!/^\{.+\}$/.test(d)) literal[p.slice(1)] = d;
    } else if (p !== d) return undefined;
  }
  return literal;
}
