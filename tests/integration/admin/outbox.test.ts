/**
 * The e-mail outbox pages: access, filters, reading one message (escaped, in a <pre dir="auto">),
 * and retrying a failed one through a command with its audit event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { enqueueEmail } from '../../../src/platform/mail/outbox.ts';
import { outboxEmails } from '../../../src/platform/mail/schema.ts';
import { findOutboxEmail } from '../../../src/platform/mail/outbox-repository.ts';
import { createMailDelivery } from '../../../src/platform/mail/delivery.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
let admin: Agent;
let isu: Agent;
let adminEmail: string;
let failedId: string;
let sentId: string;
let storedId: string;

beforeAll(async () => {
  t = await createTestApp();
  const adminUser = await createUser(t.database, { role: 'admin' });
  adminEmail = adminUser.email;
  admin = new Agent(t.app);
  await admin.signIn(adminUser.email);
  const isuUser = await createUser(t.database, { role: 'isu_staff' });
  isu = new Agent(t.app);
  await isu.signIn(isuUser.email);

  const db = t.database.db;
  failedId = (await enqueueEmail(db, { to: 'layla@example.org', toName: 'ليلى', subject: 'دعوة إلى المنصة', text: 'مرحباً <b>ليلى</b> & أهلاً\nالسطر الثاني', locale: 'ar', kind: 'invitation' }))!;
  await db.update(outboxEmails).set({ status: 'failed', attempts: 8, lastError: '550 Mailbox unavailable <x@example.org>' }).where(eq(outboxEmails.id, failedId));
  sentId = (await enqueueEmail(db, { to: 'jean@example.org', subject: 'Rappel : rapport au titre de l’article 7', text: 'Bonjour', locale: 'fr', kind: 'reminder' }))!;
  await db.update(outboxEmails).set({ status: 'sent', attempts: 1, sentAt: new Date() }).where(eq(outboxEmails.id, sentId));
  storedId = (await enqueueEmail(db, { to: 'chen@example.org', subject: '密码重置', text: '您好', locale: 'zh', kind: 'password_reset' }))!;
  await db.update(outboxEmails).set({ status: 'stored' }).where(eq(outboxEmails.id, storedId));
});
afterAll(async () => t.close());

describe('outbox: access', () => {
  it('sends anonymous visitors to sign in', async () => {
    const res = await new Agent(t.app).get(`/en/admin/outbox/${failedId}`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/en/login?returnTo=${encodeURIComponent(`/en/admin/outbox/${failedId}`)}`);
  });

  it('refuses States and committee members', async () => {
    for (const u of [
      await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance' }),
      await createUser(t.database, { role: 'state_approver', stateIso2: 'IQ' }),
    ]) {
      const agent = new Agent(t.app);
      await agent.signIn(u.email);
      expect((await agent.get('/en/admin/outbox')).status).toBe(403);
      expect((await agent.get(`/en/admin/outbox/${failedId}`)).status).toBe(403);
      await agent.get('/en/');
      expect((await agent.post(`/en/admin/outbox/${failedId}/retry`)).status).toBe(403);
    }
    expect((await findOutboxEmail(t.database.db, failedId))!.status).toBe('failed');
  });
});

describe('outbox: list and message', () => {
  it('lists every e-mail with recipient, subject, kind, language, status, attempts and last error', async () => {
    const res = await isu.get('/en/admin/outbox');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1>E-mail outbox</h1>');
    expect(res.body).toContain('<bdi>ليلى</bdi>');
    expect(res.body).toContain('dir="auto">دعوة إلى المنصة</a>');
    expect(res.body).toContain('<span lang="ar">العربية</span>');
    expect(res.body).toContain('<code dir="ltr">invitation</code>');
    expect(res.body).toContain('550 Mailbox unavailable &lt;x@example.org>');
    expect(res.body).toContain('>Failed<');
    expect(res.body).toContain('>Stored, not sent<');
  });

  it('filters by status and kind, and rejects values it does not know', async () => {
    let res = await isu.get('/en/admin/outbox?status=failed');
    expect(res.body).toContain('دعوة إلى المنصة');
    expect(res.body).not.toContain('Rappel');
    res = await isu.get('/en/admin/outbox?kind=reminder');
    expect(res.body).toContain('Rappel');
    expect(res.body).not.toContain('密码重置');
    res = await isu.get('/en/admin/outbox?status=exploded');
    expect(res.status).toBe(422);
    expect(res.body).toContain('error-summary');
    res = await isu.get('/en/admin/outbox?page=-1');
    expect(res.status).toBe(422);
  });

  it('shows one message with its text escaped in a <pre dir="auto">', async () => {
    const res = await isu.get(`/en/admin/outbox/${failedId}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<pre class="email-body" dir="auto">مرحباً &lt;b>ليلى&lt;/b> &amp; أهلاً\nالسطر الثاني</pre>');
    expect(res.body).toContain('Send again');
    const sent = await isu.get(`/en/admin/outbox/${sentId}`);
    expect(sent.body).not.toContain('Send again');
  });

  it('answers 404 for unknown or malformed ids', async () => {
    expect((await isu.get('/en/admin/outbox/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await isu.get('/en/admin/outbox/not-a-uuid')).status).toBe(404);
    expect((await isu.post('/en/admin/outbox/not-a-uuid/retry')).status).toBe(404);
  });
});

describe('outbox: retry', () => {
  it('puts a failed message back in the queue, records admin.email.retried and confirms it', async () => {
    await admin.get(`/en/admin/outbox/${failedId}`);
    const res = await admin.post(`/en/admin/outbox/${failedId}/retry`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/en/admin/outbox/${failedId}?retried=1`);
    const page = await admin.get(res.location!);
    expect(page.body).toContain('The message is back in the queue');
    const row = (await findOutboxEmail(t.database.db, failedId))!;
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(0);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'admin.email.retried'), eq(auditEvents.entityId, failedId)));
    expect(event).toMatchObject({ actorLabel: adminEmail, entityType: 'outbox_email' });
    expect(event!.summary).toMatchObject({ previousStatus: 'failed', previousAttempts: 8, to: 'layla@example.org' });
    expect(event!.requestId).toBeTruthy();

    // The delivery job takes it again (no SMTP here: it is stored).
    await createMailDelivery({ database: t.database, mailFrom: 'x@example.org' }).deliver();
    expect((await findOutboxEmail(t.database.db, failedId))!.status).toBe('stored');
  });

  it('refuses to resend a message that was sent, and a form without its CSRF token', async () => {
    await isu.get(`/en/admin/outbox/${sentId}`);
    const res = await isu.post(`/en/admin/outbox/${sentId}/retry`);
    expect(res.status).toBe(409);
    expect(res.body).toContain('Only a message that failed');
    expect((await findOutboxEmail(t.database.db, sentId))!.status).toBe('sent');
    const forged = await isu.post(`/en/admin/outbox/${storedId}/retry`, { _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect((await findOutboxEmail(t.database.db, storedId))!.status).toBe('stored');
  });
});
