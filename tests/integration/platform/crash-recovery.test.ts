/**
 * The server process is killed (SIGKILL: no shutdown hook, no flush) in the middle of submissions,
 * publications and form saves, then started again.
 *
 * The app runs as a real child process (`node --import tsx src/main.ts`) on the suite's database:
 * the PostgreSQL server when TEST_DATABASE_URL is set, otherwise the embedded default — PGlite in a
 * data folder, which the killed process was writing to. After the kill the database is opened as
 * it was left and every report must be wholly in its old state or wholly in its new one:
 *  - a submission: status, current_version_no, the report's version, exactly one report_versions
 *    row holding a snapshot of every form, one audit event and one receipt e-mail — or none of these;
 *  - a publication: status, published_version_no, the version's published_at and one audit event —
 *    or none;
 *  - saves of a form: its version counts exactly the audit events of its saves, its value is that
 *    of the save with that version;
 * and every request the server had answered (303/200) before it died is in the new state. The
 * restarted server then finishes the work that was cut off (no lock or half-written row is left
 * in the way).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { createSession } from '../../../src/platform/auth/sessions.ts';
import { csrfTokenFor } from '../../../src/platform/http/csrf.ts';
import { createTranslators, loadCatalogues } from '../../../src/platform/i18n/messages.ts';
import { actingAs } from '../../../src/areas/accounts/index.ts';
import { acknowledgeReport, createReport, saveForm, submitReport } from '../../../src/areas/reporting/reports-commands.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { createUser, testConfig } from '../../support/app.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const serverMode = !!process.env.TEST_DATABASE_URL;
const config = testConfig();
const SUBMITS = 8;
const PUBLISHES = 8;
const DRAFTS = 4;

interface Client {
  cookie: string;
  csrf: string;
}
interface Work {
  submits: { reportId: string; version: number; approver: Client; email: string }[];
  publishes: { reportId: string; version: number }[];
  drafts: { reportId: string; preparer: Client }[];
  isu: Client;
}

/** Reports in the three starting states, and signed-in sessions for the people who act on them. */
async function prepare(database: Database): Promise<Work> {
  const deps = { database, translator: createTranslators(loadCatalogues()), config };
  const seed = { userId: null, label: 'crash-test setup' };
  const states = await database.query<{ iso2: string }>(
    `select iso2 from states where withdrawal_effective_date is null and eif_date < '2015-01-01' order by iso2 limit $1`,
    [SUBMITS + PUBLISHES + DRAFTS],
  );
  expect(states).toHaveLength(SUBMITS + PUBLISHES + DRAFTS);
  const session = async (userId: string): Promise<Client> => {
    const { token, session: s } = await createSession(database.db, userId, { idleMs: 3600_000, maxMs: 3600_000 }, { secondFactorDone: true });
    const csrfCookie = `crash${userId.replace(/-/g, '')}`.slice(0, 40);
    return { cookie: `sid=${token}; csrf=${csrfCookie}`, csrf: csrfTokenFor(config.secret, csrfCookie, s.id) };
  };
  const work: Work = { submits: [], publishes: [], drafts: [], isu: await session((await createUser(database, { role: 'isu_staff' })).id) };
  for (const [i, { iso2 }] of states.entries()) {
    const state = actingAs('state_approver', { stateIso2: iso2 });
    const report = await createReport(deps, seed, state, { stateIso2: iso2, kind: 'annual', year: 2023, startFromPrevious: false });
    if (i >= SUBMITS + PUBLISHES) {
      const preparer = await createUser(database, { role: 'state_preparer', stateIso2: iso2 });
      work.drafts.push({ reportId: report.id, preparer: await session(preparer.id) });
      continue;
    }
    // Forms A–I do not apply (as markFormNotApplicable would record, in one statement for speed).
    await database.query(`update report_forms set status = 'not_applicable', version = version + 1 where report_id = $1 and form_id <> 'cover' and form_id <> 'J'`, [report.id]);
    for (const [formId, values] of Object.entries({
      cover: { contacts: { people: [{ _id: 'c1', organisation: `Mine Action Authority ${iso2}`, name: 'Focal Point' }] }, general: { language: 'en' } },
      J: { gender: { narrative: `Narrative of ${iso2}` } },
    })) {
      const r = await saveForm(deps, seed, state, { reportId: report.id, formId, expectedVersion: 1, body: values, json: true, completed: true });
      expect(r.kind).toBe('saved');
    }
    if (i < SUBMITS) {
      const approver = await createUser(database, { role: 'state_approver', stateIso2: iso2 });
      const [row] = await database.query<{ version: number }>('select version from reports where id = $1', [report.id]);
      work.submits.push({ reportId: report.id, version: row!.version, approver: await session(approver.id), email: approver.email });
    } else {
      const [row] = await database.query<{ version: number }>('select version from reports where id = $1', [report.id]);
      const sub = await submitReport(deps, seed, state, { reportId: report.id, expectedVersion: row!.version, visibility: 'public', declaration: true, explanations: {} });
      const ack = await acknowledgeReport(deps, seed, actingAs('isu_staff'), report.id, sub.version);
      work.publishes.push({ reportId: report.id, version: ack.version });
    }
  }
  return work;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** The real server in a child process; resolves once /readyz answers 200. */
async function startServer(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; log: () => string }> {
  let log = '';
  const fullEnv: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), BASE_URL: `http://127.0.0.1:${port}`, SESSION_SECRET: config.secret, LOG_LEVEL: 'warn', DEMO_MODE: 'false', JOBS_ENABLED: 'true', ...env };
  // Vitest sets BASE_URL=/ for Vite: the app's own BASE_URL is set above.
  for (const k of ['TEST_DATABASE_URL', 'DATABASE_URL', 'DATA_DIR']) if (!fullEnv[k]) delete fullEnv[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 40_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return { child, log: () => log };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

type Outcome = 'answered' | 'refused' | 'cut';
async function post(base: string, client: Client, path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ outcome: Outcome; status?: number; body?: string }> {
  try {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: client.cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ _csrf: client.csrf, ...form }),
    });
    const body = await res.text();
    return { outcome: res.status === 303 || res.status === 200 ? 'answered' : 'refused', status: res.status, body };
  } catch {
    return { outcome: 'cut' };
  }
}

interface Fired {
  submitted: Map<string, Outcome>;
  published: Map<string, Outcome>;
  /** Per draft: texts of the saves the server confirmed, by form version; the one in flight at the kill. */
  saves: Map<string, { confirmed: Map<number, string>; inFlight?: string; lastVersion: number }>;
}

/** Fires submissions, publications and saves at once; kills the server once a third of them are answered. */
async function fireAndKill(base: string, work: Work, child: ChildProcess): Promise<Fired> {
  const fired: Fired = { submitted: new Map(), published: new Map(), saves: new Map() };
  const total = work.submits.length + work.publishes.length;
  let answered = 0;
  let killed = false;
  let killing: Promise<void> | undefined;
  const settle = (map: Map<string, Outcome>, id: string) => (r: { outcome: Outcome; status?: number; body?: string }) => {
    map.set(id, r.outcome);
    if (r.outcome === 'refused') throw new Error(`${id}: unexpected ${r.status}: ${r.body?.slice(0, 300)}`);
    if (r.outcome === 'answered' && ++answered >= total / 3 && !killed) {
      killed = true;
      killing = kill(child, 'SIGKILL');
    }
  };
  const saveLoops = work.drafts.map(async (d, i) => {
    const state = { confirmed: new Map<number, string>(), lastVersion: 1 } as Fired['saves'] extends Map<string, infer V> ? V : never;
    fired.saves.set(d.reportId, state);
    for (let n = 0; !killed || state.inFlight; n++) {
      const text = `Save ${n} of draft ${i}`;
      state.inFlight = text;
      const r = await post(base, d.preparer, `/en/reports/${d.reportId}/forms/J`, { _version: String(state.lastVersion), _action: 'save', 's.gender.narrative': text }, { 'x-autosave': '1', accept: 'application/json' });
      if (r.outcome === 'cut') return;
      if (r.outcome === 'refused') throw new Error(`save: unexpected ${r.status}: ${r.body?.slice(0, 300)}`);
      state.lastVersion = (JSON.parse(r.body!) as { version: number }).version;
      state.confirmed.set(state.lastVersion, text);
      state.inFlight = undefined;
    }
  });
  const actions: Promise<void>[] = [];
  for (let i = 0; i < Math.max(work.submits.length, work.publishes.length); i++) {
    const s = work.submits[i];
    if (s) actions.push(post(base, s.approver, `/en/reports/${s.reportId}/submit`, { _version: String(s.version), visibility: 'public', declaration: 'on' }).then(settle(fired.submitted, s.reportId)));
    const p = work.publishes[i];
    if (p) actions.push(post(base, work.isu, `/en/reports/${p.reportId}/publish`, { _version: String(p.version) }).then(settle(fired.published, p.reportId)));
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(actions);
  if (!killed) {
    killed = true;
    killing = kill(child, 'SIGKILL');
  }
  await killing;
  await Promise.all(saveLoops);
  return fired;
}

const count = async (database: Database, sql: string, params: unknown[]) => Number((await database.query<{ n: string | number }>(sql, params))[0]!.n);

/** Every report is wholly old or wholly new; what the server confirmed is new. Returns the reports still to do. */
async function verify(database: Database, work: Work, fired: Fired) {
  const todo = { submits: [] as Work['submits'], publishes: [] as Work['publishes'], newState: 0 };
  for (const s of work.submits) {
    const [r] = await database.query<{ status: string; current_version_no: number; version: number }>('select status, current_version_no, version from reports where id = $1', [s.reportId]);
    const versions = await database.query<{ version_no: number; snapshot: { forms: Record<string, { status: string }> } }>('select version_no, snapshot from report_versions where report_id = $1', [s.reportId]);
    const audits = await count(database, `select count(*) as n from audit_events where entity_id = $1 and action = 'reporting.report.submitted'`, [s.reportId]);
    const receipts = await count(database, `select count(*) as n from outbox_emails where kind = 'report_receipt' and to_address = $1`, [s.email]);
    if (r!.status === 'submitted') {
      todo.newState++;
      expect({ r, versions: versions.map((v) => v.version_no), audits, receipts }).toEqual({ r: { status: 'submitted', current_version_no: 1, version: s.version + 1 }, versions: [1], audits: 1, receipts: 1 });
      const forms = await database.query<{ form_id: string; status: string }>('select form_id, status from report_forms where report_id = $1', [s.reportId]);
      expect(Object.keys(versions[0]!.snapshot.forms).sort()).toEqual(forms.map((f) => f.form_id).sort());
      for (const f of forms) expect(versions[0]!.snapshot.forms[f.form_id]!.status).toBe(f.status);
    } else {
      expect(fired.submitted.get(s.reportId), `submission of ${s.reportId} was confirmed but is not stored`).not.toBe('answered');
      expect({ r, versions: versions.length, audits, receipts }).toEqual({ r: { status: 'draft', current_version_no: 0, version: s.version }, versions: 0, audits: 0, receipts: 0 });
      todo.submits.push(s);
    }
  }
  for (const p of work.publishes) {
    const [r] = await database.query<{ status: string; published_version_no: number | null; version: number }>('select status, published_version_no, version from reports where id = $1', [p.reportId]);
    const [v] = await database.query<{ published_at: Date | null }>('select published_at from report_versions where report_id = $1 and version_no = 1', [p.reportId]);
    const audits = await count(database, `select count(*) as n from audit_events where entity_id = $1 and action = 'reporting.report.published'`, [p.reportId]);
    if (r!.status === 'published') {
      todo.newState++;
      expect({ r, published: v!.published_at !== null, audits }).toEqual({ r: { status: 'published', published_version_no: 1, version: p.version + 1 }, published: true, audits: 1 });
    } else {
      expect(fired.published.get(p.reportId), `publication of ${p.reportId} was confirmed but is not stored`).not.toBe('answered');
      expect({ r, published: v!.published_at !== null, audits }).toEqual({ r: { status: 'acknowledged', published_version_no: null, version: p.version }, published: false, audits: 0 });
      todo.publishes.push(p);
    }
  }
  for (const d of work.drafts) {
    const [f] = await database.query<{ version: number; values: { gender?: { narrative?: string } } }>(`select version, values from report_forms where report_id = $1 and form_id = 'J'`, [d.reportId]);
    const saves = await database.query<{ version: number }>(`select (summary->>'version')::int as version from audit_events where entity_id = $1 and action = 'reporting.form.saved' order by id`, [d.reportId]);
    const state = fired.saves.get(d.reportId)!;
    // One audit event per stored save, numbered 2, 3, … up to the form's version.
    expect(saves.map((s) => s.version)).toEqual(Array.from({ length: f!.version - 1 }, (_, i) => i + 2));
    expect(f!.version, 'a confirmed save was lost').toBeGreaterThanOrEqual(state.lastVersion);
    expect(f!.version).toBeLessThanOrEqual(state.lastVersion + 1);
    const text = f!.version === state.lastVersion ? state.confirmed.get(f!.version) : state.inFlight;
    if (f!.version > 1) expect(f!.values.gender?.narrative).toBe(text);
  }
  // No version row beyond what its report points at (no half-written submission anywhere).
  expect(await count(database, 'select count(*) as n from report_versions v join reports r on r.id = v.report_id where v.version_no > r.current_version_no', [])).toBe(0);
  return todo;
}

/** The restarted server finishes what the kill cut off. */
async function finish(base: string, work: Work, todo: Awaited<ReturnType<typeof verify>>) {
  for (const s of todo.submits) {
    const r = await post(base, s.approver, `/en/reports/${s.reportId}/submit`, { _version: String(s.version), visibility: 'public', declaration: 'on' });
    expect(r.status, r.body?.slice(0, 300)).toBe(303);
  }
  for (const p of todo.publishes) {
    const r = await post(base, work.isu, `/en/reports/${p.reportId}/publish`, { _version: String(p.version) });
    expect(r.status, r.body?.slice(0, 300)).toBe(303);
  }
  for (const d of work.drafts) {
    const page = await fetch(`${base}/en/reports/${d.reportId}/forms/J`, { headers: { cookie: d.preparer.cookie } });
    const html = await page.text();
    const version = /name="_version" value="(\d+)"/.exec(html)![1]!;
    const r = await post(base, d.preparer, `/en/reports/${d.reportId}/forms/J`, { _version: version, _action: 'save', 's.gender.narrative': 'After the restart' });
    expect(r.status).toBe(303);
  }
}

/** After the restart: all done, each exactly once. */
async function verifyFinished(database: Database, work: Work) {
  const ids = [...work.submits.map((s) => s.reportId), ...work.publishes.map((p) => p.reportId)];
  const rows = await database.query<{ id: string; status: string; versions: string | number; submitted: string | number; published: string | number }>(
    `select r.id, r.status,
       (select count(*) from report_versions v where v.report_id = r.id) as versions,
       (select count(*) from audit_events a where a.entity_id = r.id::text and a.action = 'reporting.report.submitted') as submitted,
       (select count(*) from audit_events a where a.entity_id = r.id::text and a.action = 'reporting.report.published') as published
     from reports r where r.id = any($1)`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, { status: r.status, versions: Number(r.versions), submitted: Number(r.submitted), published: Number(r.published) }]));
  for (const s of work.submits) expect(byId.get(s.reportId)).toEqual({ status: 'submitted', versions: 1, submitted: 1, published: 0 });
  for (const p of work.publishes) expect(byId.get(p.reportId)).toEqual({ status: 'published', versions: 1, submitted: 1, published: 1 });
  for (const d of work.drafts) {
    const [f] = await database.query<{ values: { gender?: { narrative?: string } } }>(`select values from report_forms where report_id = $1 and form_id = 'J'`, [d.reportId]);
    expect(f!.values.gender?.narrative).toBe('After the restart');
  }
}

describe.runIf(serverMode)('SIGKILL of the server on PostgreSQL', () => {
  let testDb: TestDatabase;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    if (child) await kill(child, 'SIGKILL');
    await testDb.drop();
  });

  it('leaves every report wholly old or wholly new, keeps what it confirmed, and restarts to finish the rest', async () => {
    const work = await prepare(testDb.database);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const url = new URL(testDb.url!);
    url.searchParams.set('application_name', 'apmbc-crash-test');
    const env = { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '10' };
    const first = await startServer(env, port);
    child = first.child;
    const fired = await fireAndKill(base, work, child);
    // Requests were in flight when the process died (their connections were cut).
    expect([...fired.submitted.values(), ...fired.published.values()].filter((o) => o === 'cut').length).toBeGreaterThan(0);
    // The killed process's backends end when PostgreSQL notices the closed sockets: each of their
    // transactions is committed by then or rolled back.
    for (let i = 0; i < 200; i++) {
      if ((await count(testDb.database, `select count(*) as n from pg_stat_activity where application_name = 'apmbc-crash-test'`, [])) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const todo = await verify(testDb.database, work, fired);
    // Some work was cut off and some was done: the kill really happened mid-flight.
    expect(todo.newState).toBeGreaterThan(0);
    expect(todo.submits.length + todo.publishes.length).toBeGreaterThan(0);
    const second = await startServer(env, port);
    child = second.child;
    await finish(base, work, todo);
    await kill(child, 'SIGTERM');
    child = undefined;
    await verifyFinished(testDb.database, work);
  }, 120_000);
});

describe.runIf(!serverMode)('SIGKILL of the server on the embedded database (PGlite data folder)', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apmbc-crash-'));
  });
  afterAll(async () => {
    if (child) await kill(child, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const openDir = async () => openDatabase({ pglite: await PGlite.create({ dataDir: dir }) });

  it('leaves every report wholly old or wholly new, keeps what it confirmed, and restarts to finish the rest', async () => {
    // The data folder starts as the migrated, seeded template.
    const template = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([readFileSync(inject('templatePath'))]) });
    let database = await openDatabase({ pglite: template });
    const work = await prepare(database);
    await database.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { DATA_DIR: dir, DATABASE_URL: '' };
    const first = await startServer(env, port);
    child = first.child;
    const fired = await fireAndKill(base, work, child);
    // Requests were in flight when the process died (their connections were cut).
    expect([...fired.submitted.values(), ...fired.published.values()].filter((o) => o === 'cut').length).toBeGreaterThan(0);
    child = undefined;

    // The folder as the killed process left it, opened (and recovered) by PGlite.
    database = await openDir();
    const todo = await verify(database, work, fired);
    expect(todo.newState).toBeGreaterThan(0);
    expect(todo.submits.length + todo.publishes.length).toBeGreaterThan(0);
    await database.close();

    const second = await startServer(env, port);
    child = second.child;
    await finish(base, work, todo);
    await kill(child, 'SIGTERM');
    child = undefined;
    database = await openDir();
    await verifyFinished(database, work);
    await database.close();
  }, 120_000);
});
