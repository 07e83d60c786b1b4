/**
 * Reminders: the schedule ISU edits (audited), and the e-mails to the focal points of States that
 * have not submitted a report due — in each recipient's language, queued exactly once however many
 * times and on however many app instances the evaluation runs, visible in the outbox.
 *
 * On the demo reports (src/areas/reporting/demo-reports.ts), the annual report for 2024 is due on
 * 30 April 2025; of the demo States only Iraq has not submitted it (a draft); every other State
 * without a demo report has not either, but only the States given users here have anyone to write to.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.ts';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { JobRunner } from '../../../src/platform/jobs/runner.ts';
import type { AppDeps } from '../../../src/platform/deps.ts';
import { seedDemoReports } from '../../../src/areas/reporting/index.ts';
import { scheduleComplianceTasks, seedReminderRules, sendDueReminders, REMINDERS_TASK } from '../../../src/areas/compliance/index.ts';
import { createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { agentFrom, signedIn } from '../accounts/helpers.ts';

let t: TestApp;
let appB: FastifyInstance;
let depsB: AppDeps;
let databaseB: Database;
const SYSTEM = { userId: null, label: 'test' };
const emails = {
  iqPreparer: 'preparer.iq@reminders.example.org',
  iqApprover: 'approver.iq@reminders.example.org',
  aoPreparer: 'preparer.ao@reminders.example.org',
  snPreparer: 'preparer.sn@reminders.example.org',
  iqDisabled: 'former.iq@reminders.example.org',
};

interface OutboxRow {
  to_address: string;
  subject: string;
  text_body: string;
  locale: string;
  dedupe_key: string;
  kind: string;
}

const reminders = () => t.database.query<OutboxRow>(`select to_address, subject, text_body, locale, dedupe_key, kind from outbox_emails where kind = 'reminder' order by dedupe_key`);
const keys = async () => (await reminders()).map((r) => r.dedupe_key);

async function setRules(offsets: number[]) {
  await t.database.query(`delete from compliance_reminder_rules`);
  for (const o of offsets) await t.database.query(`insert into compliance_reminder_rules (offset_days) values ($1)`, [o]);
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoReports(t.database);
  databaseB = t.databaseUrl ? await openDatabase({ url: t.databaseUrl, poolSize: 5 }) : t.database;
  ({ app: appB, deps: depsB } = await buildApp({ config: t.config, database: databaseB, pseudoLocale: true, logger: false }));
  await appB.ready();
  await createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ', email: emails.iqPreparer, name: 'Preparer Iraq', locale: 'ar' });
  await createUser(t.database, { role: 'state_approver', stateIso2: 'IQ', email: emails.iqApprover, name: 'Approver Iraq', locale: 'en' });
  await createUser(t.database, { role: 'state_preparer', stateIso2: 'AO', email: emails.aoPreparer, name: 'Preparer Angola', locale: 'es' });
  await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', email: emails.snPreparer, name: 'Preparer Senegal', locale: 'fr' });
  const former = await createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ', email: emails.iqDisabled, name: 'Former Iraq', locale: 'en' });
  await t.database.query(`update users set disabled_at = now() where id = $1`, [former.id]);
  await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance', email: 'committee@reminders.example.org' });
}, 120_000);
afterAll(async () => {
  await appB?.close();
  if (databaseB && databaseB !== t.database) await databaseB.close();
  await t?.close();
});

describe('the default schedule', () => {
  it('is seeded once: 60, 30 and 7 days before the due date, 7 days after', async () => {
    expect(await seedReminderRules(t.database.db)).toBe(0);
    const rows = await t.database.query<{ offset_days: number; enabled: boolean }>(`select offset_days, enabled from compliance_reminder_rules order by offset_days`);
    expect(rows.map((r) => [r.offset_days, r.enabled])).toEqual([
      [-60, true],
      [-30, true],
      [-7, true],
      [7, true],
    ]);
  });
});

describe('sending the reminders due', () => {
  it("writes to each focal point of the States that have not submitted, in the recipient's language, once", async () => {
    // 25 April 2025: "7 days before" (23 April) is the latest step whose day has come.
    const first = await sendDueReminders(t.deps, SYSTEM, { today: '2025-04-25', trigger: 'schedule' });
    expect(first.queued).toBe(3);
    expect(first.alreadyQueued).toBe(0);
    expect(first.withoutContacts).not.toContain('IQ');
    expect(first.withoutContacts).toContain('BR');
    expect(await keys()).toEqual([
      `reminder:AO:annual:2024:-7:${emails.aoPreparer}`,
      `reminder:IQ:annual:2024:-7:${emails.iqApprover}`,
      `reminder:IQ:annual:2024:-7:${emails.iqPreparer}`,
    ]);
    const rows = await reminders();
    const ar = rows.find((r) => r.to_address === emails.iqPreparer)!;
    expect(ar.locale).toBe('ar');
    expect(ar.subject).toBe('تذكير: تقرير العراق بموجب المادة 7 مستحق في 30 أبريل 2025');
    expect(ar.text_body).toContain('السيد(ة) Preparer Iraq');
    expect(ar.text_body).toContain('أي بعد 5 أيام');
    expect(ar.text_body).toContain('/ar/my');
    const en = rows.find((r) => r.to_address === emails.iqApprover)!;
    expect(en.subject).toBe("Reminder: Article 7 report of Iraq due on April 30, 2025");
    expect(en.text_body).toContain('annual Article 7 transparency report covering 2024 of Iraq is due on April 30, 2025, in 5 days.');
    const es = rows.find((r) => r.to_address === emails.aoPreparer)!;
    expect(es.subject).toBe('Recordatorio: informe de Angola en virtud del artículo 7, con plazo el 30 de abril de 2025');
    // Senegal submitted (28 April 2025): nothing; the disabled account gets nothing.
    expect(rows.some((r) => r.to_address === emails.snPreparer || r.to_address === emails.iqDisabled)).toBe(false);

    const again = await sendDueReminders(t.deps, SYSTEM, { today: '2025-04-25', trigger: 'schedule' });
    expect(again).toMatchObject({ queued: 0, alreadyQueued: 3 });
    expect((await reminders()).length).toBe(3);
    // The same step on a later day is the same message: still once.
    expect((await sendDueReminders(t.deps, SYSTEM, { today: '2025-04-28', trigger: 'schedule' })).queued).toBe(0);
  });

  it('catches up a missed step, never sends a "before" step after the due date, nor one more than 30 days old', async () => {
    // After the due date, before "7 days after": nothing (the "before" steps are over).
    expect((await sendDueReminders(t.deps, SYSTEM, { today: '2025-05-03', trigger: 'schedule' })).queued).toBe(0);
    // Down on 7 May, back on 12 May: "7 days after" is caught up.
    const after = await sendDueReminders(t.deps, SYSTEM, { today: '2025-05-12', trigger: 'schedule' });
    expect(after.queued).toBe(3);
    expect((await keys()).filter((k) => k.includes(':7:'))).toEqual([
      `reminder:AO:annual:2024:7:${emails.aoPreparer}`,
      `reminder:IQ:annual:2024:7:${emails.iqApprover}`,
      `reminder:IQ:annual:2024:7:${emails.iqPreparer}`,
    ]);
    const overdue = (await reminders()).find((r) => r.dedupe_key === `reminder:IQ:annual:2024:7:${emails.iqApprover}`)!;
    expect(overdue.subject).toBe('Overdue: Article 7 report of Iraq, due on April 30, 2025');
    expect(overdue.text_body).toContain('was due on April 30, 2025, 12 days ago, and has not been received yet.');

    // A schedule of "60 days before" only: never sent once the due date has passed.
    await setRules([-60]);
    try {
      expect((await sendDueReminders(t.deps, SYSTEM, { today: '2025-05-01', trigger: 'schedule' })).due).toBe(0);
      // A step added today for a report due long ago is not sent either (more than 30 days late).
      await setRules([14]);
      expect((await sendDueReminders(t.deps, SYSTEM, { today: '2025-06-20', trigger: 'schedule' })).due).toBe(0);
      expect((await sendDueReminders(t.deps, SYSTEM, { today: '2025-05-20', trigger: 'schedule' })).queued).toBe(3);
    } finally {
      await setRules([-60, -30, -7, 7]);
    }
  });

  it('runs once per day across two app instances: the scheduled task claims its slot once, and concurrent evaluations queue each e-mail once', async () => {
    const before = (await reminders()).length;
    // 1 March 2026: "60 days before" the 2025 reports (due 30 April 2026).
    const now = () => new Date('2026-03-01T07:00:00Z');
    const runners = [new JobRunner({ database: t.database, instanceId: 'a', now }), new JobRunner({ database: databaseB, instanceId: 'b', now })];
    scheduleComplianceTasks(runners[0]!, t.deps);
    scheduleComplianceTasks(runners[1]!, depsB);
    await Promise.all([runners[0]!.tick(), runners[1]!.tick(), runners[0]!.tick(), runners[1]!.tick()]);
    const slots = await t.database.query<{ task: string; slot: string; result: string | null }>(`select task, slot, result from scheduled_runs where task = $1`, [REMINDERS_TASK]);
    expect(slots).toHaveLength(1);
    // Senegal has no report for 2025 yet either.
    expect(slots[0]!.result).toContain('4 e-mails queued');
    const added = (await keys()).filter((k) => k.includes(':2025:-60:'));
    expect(added).toEqual([
      `reminder:AO:annual:2025:-60:${emails.aoPreparer}`,
      `reminder:IQ:annual:2025:-60:${emails.iqApprover}`,
      `reminder:IQ:annual:2025:-60:${emails.iqPreparer}`,
      `reminder:SN:annual:2025:-60:${emails.snPreparer}`,
    ]);

    // A restart the same day: the slot is taken, nothing runs again.
    const restarted = new JobRunner({ database: databaseB, instanceId: 'c', now });
    scheduleComplianceTasks(restarted, depsB);
    expect((await restarted.tick()).tasks).toEqual([]);

    // Both instances evaluating the same day at the same moment (e.g. ISU's "run now" on each).
    const results = await Promise.all([
      sendDueReminders(t.deps, SYSTEM, { today: '2026-04-01', trigger: 'schedule' }),
      sendDueReminders(depsB, SYSTEM, { today: '2026-04-01', trigger: 'schedule' }),
      sendDueReminders(t.deps, SYSTEM, { today: '2026-04-01', trigger: 'schedule' }),
    ]);
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(4);
    expect(results.reduce((n, r) => n + r.alreadyQueued, 0)).toBe(8);
    const all = await keys();
    expect(all.length).toBe(before + 8);
    expect(new Set(all).size).toBe(all.length);
  });

  it('shows the reminders in the outbox and on the reminders page', async () => {
    const { agent } = await signedIn(t, { role: 'isu_staff' });
    const outbox = await agent.get('/en/admin/outbox?kind=reminder');
    expect(outbox.status).toBe(200);
    expect(outbox.body).toContain('Overdue: Article 7 report of Iraq, due on April 30, 2025');
    expect(outbox.body).toContain('Recordatorio: informe de Angola');
    const page = await agent.get('/en/admin/reminders');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<caption class="table__caption">Latest reminders</caption>');
    expect(page.body).toMatch(/href="\/en\/admin\/outbox\/[0-9a-f-]{36}"/);
  });
});

describe('the schedule page (ISU)', () => {
  const auditOf = (action: string) => t.database.query<{ actor_label: string; entity_id: string; summary: Record<string, unknown> }>(`select actor_label, entity_id, summary from audit_events where action = $1 order by id`, [action]);

  it('lists the steps; only ISU staff and administrators open it', async () => {
    const { agent } = await signedIn(t, { role: 'isu_staff' });
    const page = await agent.get('/en/admin/reminders');
    expect(page.body).toContain('<h1>Reminder schedule</h1>');
    for (const text of ['60 days before the due date', '30 days before the due date', '7 days before the due date', '7 days after the due date']) expect(page.body).toContain(text);
    const ar = await agent.get('/ar/admin/reminders');
    expect(ar.body).toContain('قبل الموعد النهائي بـ60 يومًا');
    expect((await agentFrom(t.app).get('/en/admin/reminders')).status).toBe(303);
    const { agent: committee } = await signedIn(t, { role: 'committee_member', committeeId: 'cooperation-assistance' });
    expect((await committee.get('/en/admin/reminders')).status).toBe(403);
    const { agent: preparer } = await signedIn(t, { role: 'state_preparer', stateIso2: 'SN' });
    expect((await preparer.get('/en/admin/reminders')).status).toBe(403);
  });

  it('adds, turns off and on, and removes a step, each audited; refuses duplicates and nonsense with the error on the field', async () => {
    const { agent, user } = await signedIn(t, { role: 'isu_staff' });
    await agent.get('/en/admin/reminders');
    const added = await agent.post('/en/admin/reminders', { offsetDays: '-14' });
    expect(added.status).toBe(303);
    expect(added.location).toBe('/en/admin/reminders?flash=added');
    const [created] = await auditOf('compliance.reminder_rule.created');
    expect(created).toMatchObject({ actor_label: user.email, summary: { offsetDays: -14, enabled: true } });
    const page = await agent.get(added.location!);
    expect(page.body).toContain('The step was added to the schedule.');
    expect(page.body).toContain('14 days before the due date');

    for (const [value, message] of [
      ['-14', 'This step is already in the schedule'],
      ['abc', 'Enter a number of days'],
      ['1.5', 'Enter a whole number of days'],
      ['400', 'Enter a number of days between -365 and 365'],
      ['', 'Enter a number of days'],
    ] as const) {
      const res = await agent.post('/en/admin/reminders', { offsetDays: value });
      expect(res.status, value).toBe(422);
      expect(res.body).toContain('class="error-summary"');
      expect(res.body).toContain(`<a href="#f-offsetDays">${message}</a>`);
      if (value) expect(res.body).toContain(`value="${value}"`);
    }
    // Digits of other scripts.
    expect((await agent.post('/en/admin/reminders', { offsetDays: '٢١' })).status).toBe(303);
    expect((await t.database.query(`select 1 from compliance_reminder_rules where offset_days = 21`)).length).toBe(1);

    const [rule] = await t.database.query<{ id: string }>(`select id from compliance_reminder_rules where offset_days = -14`);
    expect((await agent.post(`/en/admin/reminders/${rule!.id}/disable`)).location).toBe('/en/admin/reminders?flash=disabled');
    expect((await t.database.query<{ enabled: boolean }>(`select enabled from compliance_reminder_rules where id = $1`, [rule!.id]))[0]!.enabled).toBe(false);
    expect((await auditOf('compliance.reminder_rule.disabled')).at(-1)).toMatchObject({ entity_id: rule!.id, summary: { offsetDays: -14 } });
    expect((await agent.post(`/en/admin/reminders/${rule!.id}/enable`)).status).toBe(303);
    expect((await auditOf('compliance.reminder_rule.enabled')).at(-1)).toMatchObject({ entity_id: rule!.id });
    expect((await agent.post(`/en/admin/reminders/${rule!.id}/delete`)).location).toBe('/en/admin/reminders?flash=deleted');
    expect((await auditOf('compliance.reminder_rule.deleted')).at(-1)).toMatchObject({ entity_id: rule!.id, summary: { offsetDays: -14 } });
    expect((await t.database.query(`select 1 from compliance_reminder_rules where id = $1`, [rule!.id])).length).toBe(0);
    // Gone, or never was.
    expect((await agent.post(`/en/admin/reminders/${rule!.id}/enable`)).status).toBe(404);
    expect((await agent.post(`/en/admin/reminders/not-a-uuid/delete`)).status).toBe(404);
    await t.database.query(`delete from compliance_reminder_rules where offset_days = 21`);
  });

  it('refuses other roles, changing nothing', async () => {
    const [rule] = await t.database.query<{ id: string; enabled: boolean }>(`select id, enabled from compliance_reminder_rules where offset_days = -60`);
    const count = async () => Number((await t.database.query<{ n: string }>(`select count(*) as n from audit_events where action like 'compliance.%'`))[0]!.n);
    const audits = await count();
    for (const who of [
      { role: 'committee_member', committeeId: 'cooperation-assistance' },
      { role: 'state_approver', stateIso2: 'IQ' },
    ] as const) {
      const { agent } = await signedIn(t, who);
      await agent.get('/en/');
      expect((await agent.post('/en/admin/reminders', { offsetDays: '3' })).status).toBe(403);
      expect((await agent.post(`/en/admin/reminders/${rule!.id}/disable`)).status).toBe(403);
      expect((await agent.post('/en/admin/reminders/run')).status).toBe(403);
    }
    expect((await t.database.query<{ enabled: boolean }>(`select enabled from compliance_reminder_rules where id = $1`, [rule!.id]))[0]!.enabled).toBe(true);
    expect(await count()).toBe(audits);
  });

  it('"run now" checks the schedule for today and records who ran it', async () => {
    const { agent, user } = await signedIn(t, { role: 'admin' });
    await agent.get('/en/admin/reminders');
    const res = await agent.post('/en/admin/reminders/run');
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/en\/admin\/reminders\?ran=1&due=\d+&queued=\d+&already=\d+$/);
    const page = await agent.get(res.location!);
    expect(page.body).toMatch(/Schedule checked\. Reminders due today for \d+ reports?: \d+ e-mails? queued/);
    const [run] = (await auditOf('compliance.reminders.run')).slice(-1);
    expect(run).toMatchObject({ actor_label: user.email, summary: { trigger: 'manual' } });
  });
});
