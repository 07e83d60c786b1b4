/**
 * Outbox delivery through a real SMTP server (smtp-server on 127.0.0.1): Arabic arrives intact,
 * temporary refusals are retried with backoff, permanent ones fail, and without SMTP messages are
 * stored, not sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../src/platform/db/client.ts';
import { enqueueEmail } from '../../../src/platform/mail/outbox.ts';
import { createMailDelivery } from '../../../src/platform/mail/delivery.ts';
import { findOutboxEmail } from '../../../src/platform/mail/outbox-repository.ts';
import { outboxEmails } from '../../../src/platform/mail/schema.ts';
import { createBackgroundJobs } from '../../../src/platform/jobs/platform-jobs.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { parseMessage, startSmtpSink, type SmtpSink } from './smtp-sink.ts';

let testDb: TestDatabase;
let database: Database;
let sink: SmtpSink;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await testDb.drop();
});
beforeEach(async () => {
  // Each test sees only its own messages.
  await database.db.update(outboxEmails).set({ status: 'sent' }).where(sql`${outboxEmails.status} <> 'sent'`);
  sink.messages.length = 0;
  sink.refuse.clear();
});

const ARABIC_SUBJECT = 'تذكير: تقرير المادة 7 لعام 2026 مستحق في 30 نيسان/أبريل';
const ARABIC_BODY = 'السيدة ليلى،\n\nنود تذكيركم بأن تقرير الشفافية بموجب المادة 7 مستحق.\nRapport — 2026 ✓\n\nمع خالص التحية';

describe('e-mail delivery through SMTP', () => {
  it('sends a queued Arabic message with subject, body and names intact, and marks it sent', async () => {
    const id = (await enqueueEmail(database.db, { to: 'layla@example.org', toName: 'ليلى', subject: ARABIC_SUBJECT, text: ARABIC_BODY, locale: 'ar', kind: 'reminder' }))!;
    const delivery = createMailDelivery({ database, smtpUrl: sink.url, mailFrom: 'APMBC Platform <no-reply@example.org>' });
    const report = await delivery.deliver();
    delivery.close();
    expect(report).toMatchObject({ sent: 1, failed: 0, retried: 0 });
    expect(sink.messages).toHaveLength(1);
    const msg = sink.messages[0]!;
    expect(msg.to).toEqual(['layla@example.org']);
    expect(msg.from).toBe('no-reply@example.org');
    const parsed = parseMessage(msg.raw);
    expect(parsed.subject).toBe(ARABIC_SUBJECT);
    expect(parsed.text).toBe(ARABIC_BODY);
    expect(parsed.headers['content-language']).toBe('ar');
    expect(parsed.headers['auto-submitted']).toBe('auto-generated');
    expect(parsed.headers['x-outbox-id']).toBe(id);
    expect(parsed.headers.to).toContain('layla@example.org');

    const row = (await findOutboxEmail(database.db, id))!;
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.lastError).toBeNull();
  });

  it('sends the HTML alternative when there is one', async () => {
    await enqueueEmail(database.db, { to: 'chen@example.org', subject: '第7条报告', text: '您好', html: '<p dir="auto">您好</p>', locale: 'zh', kind: 'receipt' });
    const delivery = createMailDelivery({ database, smtpUrl: sink.url, mailFrom: 'no-reply@example.org' });
    await delivery.deliver();
    delivery.close();
    const parsed = parseMessage(sink.messages[0]!.raw);
    expect(parsed.subject).toBe('第7条报告');
    expect(parsed.text).toBe('您好');
    expect(parsed.html).toContain('<p dir="auto">您好</p>');
  });

  it('retries a temporary refusal with backoff and fails after the last attempt', async () => {
    sink.refuse.set('busy@example.org', 451);
    const id = (await enqueueEmail(database.db, { to: 'busy@example.org', subject: 'S', text: 'T', locale: 'en', kind: 'test' }))!;
    const delivery = createMailDelivery({ database, smtpUrl: sink.url, mailFrom: 'no-reply@example.org', maxAttempts: 2, backoff: () => 120_000 });
    expect(await delivery.deliver()).toMatchObject({ sent: 0, retried: 1 });
    let row = (await findOutboxEmail(database.db, id))!;
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('451');
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 100_000);
    // Not due yet: nothing happens.
    expect(await delivery.deliver()).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    await database.db.update(outboxEmails).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(outboxEmails.id, id));
    expect(await delivery.deliver()).toMatchObject({ failed: 1 });
    delivery.close();
    row = (await findOutboxEmail(database.db, id))!;
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(2);
    expect(sink.messages).toHaveLength(0);
  });

  it('fails at once on a permanent refusal (5xx)', async () => {
    sink.refuse.set('nobody@example.org', 550);
    const id = (await enqueueEmail(database.db, { to: 'nobody@example.org', subject: 'S', text: 'T', locale: 'en', kind: 'test' }))!;
    const delivery = createMailDelivery({ database, smtpUrl: sink.url, mailFrom: 'no-reply@example.org' });
    expect(await delivery.deliver()).toMatchObject({ failed: 1 });
    delivery.close();
    const row = (await findOutboxEmail(database.db, id))!;
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('550');
  });

  it('keeps a message queued when the SMTP server cannot be reached', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const id = (await enqueueEmail(database.db, { to: 'x@example.org', subject: 'S', text: 'T', locale: 'en', kind: 'test' }))!;
    const delivery = createMailDelivery({ database, smtpUrl: `smtp://user:secret-password@127.0.0.1:${closed.port}`, mailFrom: 'no-reply@example.org' });
    expect(await delivery.deliver()).toMatchObject({ retried: 1 });
    delivery.close();
    const row = (await findOutboxEmail(database.db, id))!;
    expect(row.status).toBe('queued');
    expect(row.lastError).toBeTruthy();
    expect(row.lastError).not.toContain('secret-password');
  });

  it('without SMTP, marks due messages stored: visible in the outbox, never sent', async () => {
    const id = (await enqueueEmail(database.db, { to: 'y@example.org', subject: 'Invitation', text: 'Bienvenue', locale: 'fr', kind: 'invitation' }))!;
    const delivery = createMailDelivery({ database, smtpUrl: undefined, mailFrom: 'no-reply@example.org' });
    expect(await delivery.deliver()).toMatchObject({ stored: 1, sent: 0 });
    const row = (await findOutboxEmail(database.db, id))!;
    expect(row.status).toBe('stored');
    expect(row.sentAt).toBeNull();
    expect(sink.messages).toHaveLength(0);
  });

  it('is delivered by the background job runner', async () => {
    const id = (await enqueueEmail(database.db, { to: 'runner@example.org', subject: 'Через очередь', text: 'Здравствуйте', locale: 'ru', kind: 'test' }))!;
    const background = createBackgroundJobs({ config: { smtpUrl: sink.url, mailFrom: 'no-reply@example.org', jobsEnabled: true }, database });
    await background.runner.tick();
    await background.stop();
    expect((await findOutboxEmail(database.db, id))!.status).toBe('sent');
    expect(parseMessage(sink.messages[0]!.raw).subject).toBe('Через очередь');
  });
});
