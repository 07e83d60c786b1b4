/**
 * Shared by the authorisation sweep and the security tests: the real app with its log captured,
 * one signed-in agent and one personal API token per role (and users of another State), reports
 * driven to any status through the real commands, a fingerprint of the whole database, and
 * requests that carry a request id so each answer can be matched with what the server logged.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../../src/app.ts';
import type { Config } from '../../../src/config.ts';
import type { Database } from '../../../src/platform/db/client.ts';
import type { AppDeps } from '../../../src/platform/deps.ts';
import type { Actor } from '../../../src/platform/audit/audit.ts';
import { sha256Hex } from '../../../src/platform/auth/crypto.ts';
import { apiTokens, type Role } from '../../../src/areas/accounts/schema.ts';
import { loadPrincipal, type Principal } from '../../../src/areas/accounts/index.ts';
import {
  acknowledgeReport,
  createReport,
  markFormNotApplicable,
  publishReport,
  returnForClarification,
  saveForm,
  startCorrection,
  submitReport,
} from '../../../src/areas/reporting/reports-commands.ts';
import { addAttachment } from '../../../src/areas/reporting/attachments-commands.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import type { ReportRow } from '../../../src/areas/reporting/reports-repository.ts';
import { Agent, createUser, testConfig, type TestApp } from '../../support/app.ts';
import { createTestDatabase } from '../../support/db.ts';

export type LogEntry = { level: number; msg?: string; reqId?: string; denied?: { code: string; method: string; url: string; userId: string | null; role: string | null; state: string | null } } & Record<string, unknown>;

export interface LoggedApp extends TestApp {
  /** Every line the server logged at warn level and above, parsed. */
  logs: LogEntry[];
}

/** The real app (CSRF, rate limits and every check on), logging warnings into `logs`. */
export async function createLoggedApp(overrides: Record<string, string> = {}): Promise<LoggedApp> {
  const testDb = await createTestDatabase();
  const config: Config = testConfig(overrides);
  const logs: LogEntry[] = [];
  const stream = {
    write(line: string) {
      try {
        logs.push(JSON.parse(line) as LogEntry);
      } catch {
        logs.push({ level: 0, msg: line });
      }
    },
  };
  const { app, deps } = await buildApp({ config, database: testDb.database, pseudoLocale: true, logger: { level: 'warn', stream } });
  await app.ready();
  return {
    app,
    deps,
    database: testDb.database,
    config,
    databaseUrl: testDb.url,
    logs,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

let ipCounter = 0;
/** An Agent whose requests come from their own client address (per-address rate limits stay on). */
export function agentAt(app: FastifyInstance, ip = `10.77.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`): Agent & { ip: string } {
  const wrapped = { inject: (opts: InjectOptions) => app.inject({ ...opts, remoteAddress: ip }) } as unknown as FastifyInstance;
  return Object.assign(new Agent(wrapped), { ip });
}

export async function createApiToken(database: Database, userId: string, opts: { expiresAt?: Date; revokedAt?: Date } = {}): Promise<string> {
  const prefix = randomBytes(4).toString('hex');
  const token = `apmbc_${prefix}_${randomBytes(32).toString('hex')}`;
  await database.db.insert(apiTokens).values({ userId, name: 'sweep', prefix, tokenHash: sha256Hex(token), expiresAt: opts.expiresAt ?? null, revokedAt: opts.revokedAt ?? null });
  return token;
}

export interface Person {
  id: string;
  email: string;
  name: string;
  principal: Principal;
  actor: Actor;
  token: string;
  /** Signed in through the real form (undefined for people who only act through commands). */
  agent?: Agent & { ip: string };
}

export async function person(t: TestApp, u: { role: Role; stateIso2?: string; committeeId?: string; name?: string }, opts: { signIn?: boolean } = {}): Promise<Person> {
  const row = await createUser(t.database, u);
  const principal = (await loadPrincipal(t.database.db, row.id, { demoMode: false }))!;
  const p: Person = { id: row.id, email: row.email, name: row.name, principal, actor: { userId: row.id, label: row.email }, token: await createApiToken(t.database, row.id) };
  if (opts.signIn !== false) {
    const agent = agentAt(t.app);
    const res = await agent.signIn(row.email);
    if (res.status !== 303) throw new Error(`${u.role} could not sign in (${res.status})`);
    p.agent = agent;
  }
  return p;
}

/* ---------- Reports through the real commands ---------- */

export interface Cast {
  preparer: Person;
  approver: Person;
  isu: Person;
}

export const coverValues = (marker: string) => ({
  contacts: { people: [{ organisation: marker, name: `Focal point ${marker}` }] },
  general: { language: 'en', remarks: `Remarks ${marker}` },
});

export type Stage = 'draft' | 'ready' | 'submitted' | 'returned' | 'acknowledged' | 'published';

/**
 * A State's annual report for `year`, its cover page carrying `marker`, driven to `upTo`:
 * draft (cover saved, not complete), ready (every form done, not submitted), submitted, returned
 * (with an ISU comment carrying the marker), acknowledged or published.
 */
export async function driveReport(t: TestApp, cast: Cast, o: { year: number; upTo: Stage; marker: string; visibility?: 'public' | 'restricted' }): Promise<ReportRow> {
  const deps = t.deps;
  const report = await createReport(deps, cast.preparer.actor, cast.preparer.principal, { stateIso2: cast.preparer.principal.stateIso2!, kind: 'annual', year: o.year, startFromPrevious: false });
  const forms = await repo.listForms(t.database.db, report.id);
  const cover = forms.find((f) => f.formId === 'cover')!;
  const saved = await saveForm(deps, cast.preparer.actor, cast.preparer.principal, { reportId: report.id, formId: 'cover', expectedVersion: cover.version, body: coverValues(o.marker), json: true, completed: o.upTo !== 'draft' });
  if (saved.kind !== 'saved') throw new Error(`cover not saved: ${saved.kind}`);
  if (o.upTo === 'draft') return (await repo.findReport(t.database.db, report.id))!;
  for (const f of forms) if (f.formId !== 'cover') await markFormNotApplicable(deps, cast.preparer.actor, cast.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version });
  const ready = (await repo.findReport(t.database.db, report.id))!;
  if (o.upTo === 'ready') return ready;
  let row = await submitReport(deps, cast.approver.actor, cast.approver.principal, { reportId: report.id, expectedVersion: ready.version, visibility: o.visibility ?? 'public', declaration: true, explanations: {} });
  if (o.upTo === 'submitted') return row;
  if (o.upTo === 'returned') return returnForClarification(deps, cast.isu.actor, cast.isu.principal, { reportId: report.id, expectedVersion: row.version, comments: [{ formId: 'cover', body: `Clarify ${o.marker}-COMMENT` }] });
  row = await acknowledgeReport(deps, cast.isu.actor, cast.isu.principal, report.id, row.version);
  if (o.upTo === 'acknowledged') return row;
  return publishReport(deps, cast.isu.actor, cast.isu.principal, report.id, row.version);
}

/**
 * Starts a correction of an acknowledged or published report and saves the cover with `marker`;
 * with `upTo` submitted/acknowledged/published, the correction goes that far (with `visibility`).
 */
export async function correctReport(t: TestApp, cast: Cast, reportId: string, o: { marker: string; upTo: 'draft' | 'submitted' | 'published'; visibility?: 'public' | 'restricted' }): Promise<ReportRow> {
  const deps = t.deps;
  const before = (await repo.findReport(t.database.db, reportId))!;
  await startCorrection(deps, cast.preparer.actor, cast.preparer.principal, reportId, before.version);
  const cover = (await repo.findForm(t.database.db, reportId, 'cover'))!;
  const saved = await saveForm(deps, cast.preparer.actor, cast.preparer.principal, { reportId, formId: 'cover', expectedVersion: cover.version, body: coverValues(o.marker), json: true, completed: true });
  if (saved.kind !== 'saved') throw new Error(`cover not saved: ${saved.kind}`);
  let row = (await repo.findReport(t.database.db, reportId))!;
  if (o.upTo === 'draft') return row;
  row = await submitReport(deps, cast.approver.actor, cast.approver.principal, { reportId, expectedVersion: row.version, visibility: o.visibility ?? 'public', declaration: true, explanations: {}, reason: `Correction ${o.marker}` });
  if (o.upTo === 'submitted') return row;
  row = await acknowledgeReport(deps, cast.isu.actor, cast.isu.principal, reportId, row.version);
  return publishReport(deps, cast.isu.actor, cast.isu.principal, reportId, row.version);
}

export const PDF_BYTES = (marker: string) => Buffer.from(`%PDF-1.4\n% ${marker}\n%%EOF\n`);

export async function attach(t: TestApp, cast: Cast, reportId: string, filename: string): Promise<string> {
  const row = await addAttachment(t.deps, cast.preparer.actor, cast.preparer.principal, { reportId, filename, data: PDF_BYTES(filename), description: `Annex ${filename}` });
  return row.id;
}

/* ---------- The database as a whole ---------- */

/**
 * A fingerprint of every table: equal fingerprints mean nothing was written. Sessions are left
 * out (reading a page slides a session's expiry), as is the "last used" time of API tokens.
 */
export async function databaseFingerprinter(database: Database): Promise<() => Promise<string>> {
  const tables = (await database.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)).map((r) => r.name);
  const parts = tables
    .filter((name) => name !== 'sessions')
    .map((name) => {
      const row = name === 'api_tokens' ? `(to_jsonb(t) - 'last_used_at')::text` : 't::text';
      return `select '${name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h from "${name}" t`;
    });
  const query = `select string_agg(name || '=' || h, ' ' order by name) as fp from (${parts.join(' union all ')}) x`;
  return async () => (await database.query<{ fp: string }>(query))[0]!.fp;
}

/** The tables whose fingerprints differ. */
export function changedTables(before: string, after: string): string[] {
  const map = (fp: string) => new Map(fp.split(' ').map((p) => p.split('=') as [string, string]));
  const a = map(before);
  const b = map(after);
  return [...b].filter(([k, v]) => a.get(k) !== v).map(([k]) => k);
}

let reqCounter = 0;
export const newRequestId = () => `sweep-${process.pid}-${++reqCounter}-${randomBytes(3).toString('hex')}`;
