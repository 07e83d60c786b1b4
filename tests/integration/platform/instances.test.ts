/**
 * Several app instances on one database, and concurrent edits of one form.
 *
 * Instance A is the test app; instance B is a second `buildApp` on the same database — on the
 * PostgreSQL server with a connection pool of its own (as two processes behind a load balancer
 * would be), on PGlite sharing the one embedded database (the embedded mode runs one process; this
 * still proves that nothing a user needs lives in an instance's memory). A browser is modelled by
 * one cookie jar whose requests alternate between the instances.
 *
 * Proves: a session opened on one instance works (and ends) on the other, CSRF tokens from either
 * are accepted by both; a file uploaded through one downloads byte-identical from the other; queued
 * jobs, scheduled slots and the e-mail outbox run exactly once with a runner on each instance; and
 * the same form saved at the same moment from two sessions — on one instance or across the two —
 * has exactly one winner, the other gets the 409 conflict page showing both values, and nothing is
 * silently lost (the stored value, the form version and the audit trail agree round after round).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.ts';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { withTransaction } from '../../../src/platform/db/transaction.ts';
import { enqueueJob } from '../../../src/platform/jobs/runner.ts';
import { createBackgroundJobs, type BackgroundJobs } from '../../../src/platform/jobs/platform-jobs.ts';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { startSmtpSink, type SmtpSink } from '../admin/smtp-sink.ts';

let t: TestApp;
let appB: FastifyInstance;
let databaseB: Database;
let reportId = '';
const users: Record<'prep1' | 'prep2' | 'approver', { email: string; id: string }> = {} as never;

function versionOf(html: string): string {
  const m = /name="_version" value="(\d+)"/.exec(html);
  if (!m) throw new Error('no _version in page');
  return m[1]!;
}

/** The same browser (one cookie jar) talking to instance A and instance B. */
function browser(): { a: Agent; b: Agent } {
  const a = new Agent(t.app);
  const b = new Agent(appB);
  b.cookies = a.cookies;
  return { a, b };
}

/** The "saved by your colleague" halves of a conflict page (one per field in conflict). */
function theirSide(html: string): string {
  return html
    .split('class="conflict__side"')
    .filter((_, i) => i % 2 === 1)
    .join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  databaseB = t.databaseUrl ? await openDatabase({ url: t.databaseUrl, poolSize: 5 }) : t.database;
  ({ app: appB } = await buildApp({ config: t.config, database: databaseB, pseudoLocale: true, logger: false }));
  await appB.ready();
  const [p1, p2, ap] = await Promise.all([
    createUser(t.database, { role: 'state_preparer', stateIso2: 'TD', name: 'Prep One' }),
    createUser(t.database, { role: 'state_preparer', stateIso2: 'TD', name: 'Prep Two' }),
    createUser(t.database, { role: 'state_approver', stateIso2: 'TD', name: 'Approver' }),
  ]);
  users.prep1 = p1;
  users.prep2 = p2;
  users.approver = ap;
  const { a } = browser();
  await a.signIn(p1.email);
  const res = await a.post('/en/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
  reportId = /reports\/([0-9a-f-]{36})/.exec(res.location!)![1]!;
});
afterAll(async () => {
  await appB.close();
  if (databaseB !== t.database) await databaseB.close();
  await t.close();
});

describe('two instances on one database', () => {
  it('accepts a session opened on A at B, takes CSRF tokens from either, and ends it everywhere', async () => {
    const { a, b } = browser();
    expect((await a.signIn(users.prep2.email)).status).toBe(303);
    const onB = await b.get('/en/my');
    expect(onB.status).toBe(200);
    expect(onB.body).toContain('Prep Two');
    // A form page rendered by B, posted to A, and the other way round.
    const pageB = await b.get(`/en/reports/${reportId}/forms/I`);
    const savedOnA = await a.post(`/en/reports/${reportId}/forms/I`, { _csrf: b.lastCsrf!, _version: versionOf(pageB.body), _action: 'save', 's.riskEducation.narrative': 'Sessions in schools.' });
    expect(savedOnA.status).toBe(303);
    const pageA = await a.get(`/en/reports/${reportId}/forms/I`);
    expect(pageA.body).toContain('Sessions in schools.');
    const savedOnB = await b.post(`/en/reports/${reportId}/forms/I`, { _csrf: a.lastCsrf!, _version: versionOf(pageA.body), _action: 'save', 's.riskEducation.narrative': 'Sessions in schools and markets.' });
    expect(savedOnB.status).toBe(303);
    expect((await a.get(`/en/reports/${reportId}/forms/I`)).body).toContain('Sessions in schools and markets.');
    // Signing out on B ends the session on A too.
    const sid = a.cookies.get('sid')!;
    const home = await b.get('/en/');
    expect((await b.post('/en/logout', { _csrf: b.lastCsrf! })).status).toBe(303);
    expect(home.status).toBe(200);
    const after = await t.app.inject({ url: '/en/my', headers: { cookie: `sid=${sid}` } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toContain('/en/login');
  });

  it('serves a file uploaded through A from B, byte for byte', async () => {
    const { a, b } = browser();
    await a.signIn(users.prep1.email);
    const page = await a.get(`/en/reports/${reportId}/attachments`);
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251))]);
    const boundary = '----apmbcInstances';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${a.lastCsrf}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="map.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(page.status).toBe(200);
    const cookie = [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const up = await t.app.inject({ method: 'POST', url: `/en/reports/${reportId}/attachments`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
    expect(up.statusCode).toBe(303);
    const list = await b.get(`/en/reports/${reportId}/attachments`);
    const id = /attachments\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    const file = await appB.inject({ url: `/en/reports/${reportId}/attachments/${id}`, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('runs every queued job, scheduled slot and e-mail exactly once with a runner on each instance', async () => {
    const sink: SmtpSink = await startSmtpSink();
    const jobsOf = (database: Database): BackgroundJobs => createBackgroundJobs({ config: { smtpUrl: sink.url, mailFrom: 'APMBC <no-reply@test.example.org>', jobsEnabled: true }, database });
    const runners = [jobsOf(t.database), jobsOf(databaseB)];
    const handled: { id: number; by: number }[] = [];
    const slots: number[] = [];
    runners.forEach((r, by) => {
      r.runner.register('test.instances', async (_payload, ctx) => {
        handled.push({ id: ctx.job.id, by });
        await new Promise((res) => setTimeout(res, 2));
      });
      r.runner.schedule('test.instances.daily', '00:00', async () => {
        slots.push(by);
      });
    });
    try {
      // Jobs and e-mails are queued by the commands of either instance.
      const ids: number[] = [];
      for (let i = 0; i < 20; i++) ids.push((await withTransaction((i % 2 ? databaseB : t.database).db, (tx) => enqueueJob(tx, 'test.instances', { n: i })))!);
      // ISU comments on the draft, through either instance: each tells the State's three users.
      const isu = await createUser(t.database, { role: 'isu_staff', name: 'ISU Officer' });
      const { a, b } = browser();
      await a.signIn(isu.email);
      for (let i = 0; i < 6; i++) expect((await (i % 2 ? b : a).post(`/en/reports/${reportId}/forms/J/comments`, { body: `Question ${i} from the ISU` })).status).toBe(303);
      const queued = await t.database.query<{ id: string }>(`select id from outbox_emails where kind = 'report_comment'`);
      expect(queued).toHaveLength(18);

      await Promise.all([runners[0]!.runner.drain(), runners[1]!.runner.drain(), runners[0]!.runner.drain(), runners[1]!.runner.drain()]);
      await Promise.all(runners.map((r) => r.runner.drain()));

      expect(handled.map((h) => h.id).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
      expect(slots).toHaveLength(1);
      const sent = sink.messages.flatMap((m) => m.to).sort();
      const expected = [users.prep1.email, users.prep2.email, users.approver.email].flatMap((e) => Array<string>(6).fill(e.toLowerCase())).sort();
      expect(sent).toEqual(expected);
      const statuses = await t.database.query<{ status: string; n: string | number }>(`select status, count(*) as n from outbox_emails where kind = 'report_comment' group by status`);
      expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', 18]]);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await sink.close();
    }
  });
});

describe('the same form saved at the same moment from two sessions', () => {
  const ROUNDS = 15;

  async function formJ() {
    const [row] = await t.database.query<{ values: { gender?: { narrative?: string } }; version: number }>(`select values, version from report_forms where report_id = $1 and form_id = 'J'`, [reportId]);
    return row!;
  }
  const savedEvents = async () =>
    Number((await t.database.query<{ n: string | number }>(`select count(*) as n from audit_events where entity_id = $1 and action = 'reporting.form.saved' and summary->>'form' = 'J'`, [reportId]))[0]!.n);

  async function rounds(label: string, one: Agent, two: Agent, autosave: boolean) {
    for (let round = 0; round < ROUNDS; round++) {
      // Both open the form at the same version, then both save at once.
      const [p1, p2] = await Promise.all([one.get(`/en/reports/${reportId}/forms/J`), two.get(`/en/reports/${reportId}/forms/J`)]);
      const v = versionOf(p1.body);
      expect(versionOf(p2.body)).toBe(v);
      const before = await formJ();
      const events = await savedEvents();
      const texts = [`${label} round ${round} first writer`, `${label} round ${round} second writer`];
      const headers: Record<string, string> = autosave ? { 'x-autosave': '1', accept: 'application/json' } : {};
      const results = await Promise.all([one, two].map((agent, i) => agent.post(`/en/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': texts[i]! }, headers)));
      const winners = results.map((r, i) => ({ r, i })).filter(({ r }) => r.status === (autosave ? 200 : 303));
      const losers = results.map((r, i) => ({ r, i })).filter(({ r }) => r.status === 409);
      expect(winners, `${label} round ${round}: ${results.map((r) => r.status).join(', ')}`).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const won = texts[winners[0]!.i]!;
      const lost = texts[losers[0]!.i]!;
      const after = await formJ();
      expect(after.values.gender?.narrative).toBe(won);
      expect(after.version).toBe(before.version + 1);
      expect(await savedEvents()).toBe(events + 1);
      if (autosave) {
        expect(losers[0]!.r.json()).toEqual({ status: 'conflict' });
      } else {
        // The conflict page shows the value saved first under "theirs", and keeps the loser's own.
        const page = losers[0]!.r.body;
        expect(page).toContain(lost);
        expect(theirSide(page), `${label} round ${round}: the conflict page must show the winning value`).toContain(won);
        expect(versionOf(page)).toBe(String(after.version));
      }
    }
  }

  it('on one instance: exactly one wins each round, the other sees the conflict page with both values', async () => {
    const one = new Agent(t.app);
    const two = new Agent(t.app);
    await one.signIn(users.prep1.email);
    await two.signIn(users.prep2.email);
    await rounds('same instance', one, two, false);
  });

  it('across two instances: the same, for form posts and for autosaves', async () => {
    const one = new Agent(t.app);
    const two = new Agent(appB);
    await one.signIn(users.prep1.email);
    await two.signIn(users.prep2.email);
    await rounds('across instances', one, two, false);
    await rounds('autosave across instances', one, two, true);
  });

  it('lets the loser keep their text through the conflict page, losing nothing', async () => {
    const one = new Agent(t.app);
    const two = new Agent(appB);
    await one.signIn(users.prep1.email);
    await two.signIn(users.prep2.email);
    const [p1, p2] = await Promise.all([one.get(`/en/reports/${reportId}/forms/J`), two.get(`/en/reports/${reportId}/forms/J`)]);
    const v = versionOf(p1.body);
    expect(versionOf(p2.body)).toBe(v);
    const results = await Promise.all([
      one.post(`/en/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': 'Kept by the first writer' }),
      two.post(`/en/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': 'Kept by the second writer' }),
    ]);
    const loserIndex = results.findIndex((r) => r.status === 409);
    expect(loserIndex).toBeGreaterThanOrEqual(0);
    const loser = [one, two][loserIndex]!;
    const page = results[loserIndex]!.body;
    const mine = loserIndex === 0 ? 'Kept by the first writer' : 'Kept by the second writer';
    const resolved = await loser.post(`/en/reports/${reportId}/forms/J/resolve`, { _version: versionOf(page), 's.gender.narrative': mine, 'keep.gender.narrative': 'mine' });
    expect(resolved.status).toBe(303);
    expect((await formJ()).values.gender?.narrative).toBe(mine);
  });
});
