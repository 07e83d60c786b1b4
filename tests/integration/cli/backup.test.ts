/**
 * Backup and restore round trip: every table (discovered from the catalogue) and the migration
 * journal come back identical, compared row by row as PostgreSQL prints them; sequences continue
 * after the restored ids; restore refuses a non-empty database and damaged files. Runs on PGlite,
 * and on the PostgreSQL server when TEST_DATABASE_URL is set (then also server → PGlite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { backupDatabase, readBackupHeader, restoreDatabase } from '../../../src/platform/db/backup.ts';
import { MIGRATIONS_FOLDER } from '../../../src/platform/db/migrate.ts';
import { recordAudit } from '../../../src/platform/audit/audit.ts';
import { enqueueEmail } from '../../../src/platform/mail/outbox.ts';
import { enqueueJob } from '../../../src/platform/jobs/runner.ts';
import { createSession } from '../../../src/platform/auth/sessions.ts';
import { storedFiles } from '../../../src/platform/files/schema.ts';
import { scheduledRuns } from '../../../src/platform/jobs/schema.ts';
import { apiTokens, userTokens, totpRecoveryCodes } from '../../../src/areas/accounts/schema.ts';
import { createUser } from '../../support/app.ts';
import { adminQuery, createTestDatabase, serverUrl, withDatabaseName, type TestDatabase } from '../../support/db.ts';

let source: TestDatabase;
let dir: string;
let backupFile: string;
const cleanups: (() => Promise<void>)[] = [];

/** A new, blank database of the kind under test (or of the kind asked). */
async function blankDatabase(kind: 'pglite' | 'postgres' = serverUrl() ? 'postgres' : 'pglite'): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase({ pglite: await PGlite.create() });
    cleanups.push(() => database.close());
    return database;
  }
  const name = `apmbc_r_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const database = await openDatabase({ url: withDatabaseName(serverUrl()!, name), poolSize: 3 });
  cleanups.push(async () => {
    await database.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  });
  return database;
}

/** Every row of every table, as PostgreSQL prints it, in a fixed order. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const res = await tx.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`);
    const names = ((res as unknown as { rows: { name: string }[] }).rows ?? []).map((r) => r.name);
    const out: Record<string, string[]> = {};
    for (const name of [...names.map((n) => `public."${n}"`), 'drizzle.__drizzle_migrations']) {
      const r = await tx.execute(sql.raw(`select t::text as r from ${name} t order by 1`));
      out[name] = ((r as unknown as { rows: { r: string }[] }).rows ?? []).map((x) => x.r);
    }
    return out;
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'apmbc-backup-test-'));
  backupFile = join(dir, 'backup.jsonl.gz');
  source = await createTestDatabase();
  const db = source.database.db;
  const admin = await createUser(source.database, { role: 'admin', name: 'مديرة المنصة', email: 'admin@backup.example.org' });
  const preparer = await createUser(source.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Aminata Diop', locale: 'fr' });
  await createSession(db, admin.id, { idleMs: 3600_000, maxMs: 7200_000 }, { secondFactorDone: true, ip: '192.0.2.1', userAgent: 'test' });
  await createSession(db, preparer.id, { idleMs: 3600_000, maxMs: 7200_000 }, { secondFactorDone: false });
  for (let i = 0; i < 5; i++) {
    await recordAudit(db, { userId: admin.id, label: admin.email, ip: '192.0.2.1', requestId: `req-${i}` }, {
      action: 'accounts.user.updated',
      entityType: 'user',
      entityId: preparer.id,
      summary: { changed: { name: { before: 'A', after: 'أمينة' } }, n: i, list: [1, 'two', null, true] },
    });
  }
  // jsonb that JSON alone would not keep exactly, and a JSON null.
  await db.execute(sql`insert into audit_events (actor_label, action, entity_type, summary) values ('cli', 'test.precision.kept', 'test', '{"amount": 1.50, "big": 123456789012345678901234567890, "tiny": 0.0000001}'::jsonb)`);
  await db.execute(sql`insert into audit_events (actor_label, action, entity_type, summary) values ('system', 'test.null.kept', 'test', 'null'::jsonb)`);
  await enqueueEmail(db, { to: 'a@example.org', toName: 'ليلى', subject: 'تذكير', text: 'نص الرسالة\nسطر ثان', html: '<p>x</p>', locale: 'ar', kind: 'reminder', dedupeKey: 'r:1' });
  await enqueueEmail(db, { to: 'b@example.org', subject: '提醒', text: '正文', locale: 'zh', kind: 'receipt' });
  const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const big = randomBytes(200_000);
  await db.insert(storedFiles).values([
    { filename: 'bytes.bin', contentType: 'application/octet-stream', size: allBytes.length, sha256: 'x', data: allBytes, createdBy: admin.id },
    { filename: 'تقرير.pdf', contentType: 'application/pdf', size: big.length, sha256: 'y', data: big },
  ]);
  await enqueueJob(db, 'test.queue', { state: 'SN', year: 2026, nested: { a: [1, 2] } }, { dedupeKey: 'job:1', runAt: new Date('2026-04-30T00:00:00.123Z') });
  await enqueueJob(db, 'test.queue', {});
  await db.insert(scheduledRuns).values({ task: 'auth.purge_expired_sessions', slot: '2026-01-01T00:00:00.000Z', instance: 'i', result: 'ok', finishedAt: new Date() });
  await db.insert(apiTokens).values({ userId: preparer.id, name: 'Script', prefix: 'abcd1234', tokenHash: 'f'.repeat(64), expiresAt: new Date('2027-01-01T00:00:00Z') });
  await db.insert(userTokens).values({ userId: preparer.id, purpose: 'invitation', tokenHash: 'e'.repeat(64), expiresAt: new Date(Date.now() + 86400_000), createdBy: admin.id });
  await db.insert(totpRecoveryCodes).values({ userId: admin.id, codeHash: 'd'.repeat(64) });
  await backupDatabase(source.database, backupFile);
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await source.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', { timeout: 120_000 }, () => {
  it('writes a gzipped JSON-lines file with a header, every table and an end line', async () => {
    const header = await readBackupHeader(backupFile);
    expect(header.format).toBe('apmbc-backup');
    expect(header.formatVersion).toBe(1);
    expect(header.migrations.length).toBeGreaterThanOrEqual(2);
    expect(header.migrations[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const tables = lines.filter((l) => !Array.isArray(l) && typeof l.table === 'string').map((l) => l.table);
    for (const t of ['users', 'sessions', 'audit_events', 'outbox_emails', 'stored_files', 'jobs', 'scheduled_runs', 'states', 'api_tokens', '__drizzle_migrations']) expect(tables).toContain(t);
    // Parents before children.
    expect(tables.indexOf('states')).toBeLessThan(tables.indexOf('users'));
    expect(tables.indexOf('users')).toBeLessThan(tables.indexOf('api_tokens'));
    expect(lines.at(-1)).toMatchObject({ done: true });
    // Values: timestamps as ISO strings, bytea as base64, jsonb as JSON.
    const text = gunzipSync(readFileSync(backupFile)).toString('utf8');
    expect(text).toContain('"2026-04-30T00:00:00.123000Z"');
    expect(text).toContain(Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('base64'));
    expect(text).toMatch(/\[\{[^\]]*"nested":\{"a":\[1,2\]\}[^\]]*\}\]/);
  });

  it('restores into a blank database with every table identical, and sequences continuing', async () => {
    const before = await snapshot(source.database);
    const target = await blankDatabase();
    const summary = await restoreDatabase(target, backupFile);
    expect(summary.rows).toBeGreaterThan(100);
    const after = await snapshot(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(before['public."stored_files"']!.length).toBe(2);
    // The events this test wrote, and those of the seeds (their number grows as areas seed reference data).
    expect(before['public."audit_events"']!.length).toBeGreaterThanOrEqual(7);

    const [maxRow] = ((await target.db.execute(sql`select max(id)::int as m from audit_events`)) as unknown as { rows: { m: number }[] }).rows;
    await recordAudit(target.db, { userId: null, label: 'cli' }, { action: 'test.after.restored', entityType: 'test' });
    const [newRow] = ((await target.db.execute(sql`select max(id)::int as m from audit_events`)) as unknown as { rows: { m: number }[] }).rows;
    expect(newRow!.m).toBe(maxRow!.m + 1);
  });

  it('refuses to restore into a database that has rows', async () => {
    await expect(restoreDatabase(source.database, backupFile)).rejects.toThrow(/not empty/);
  });

  it('refuses a damaged or cut-short file before writing anything', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const target = await blankDatabase();
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/incomplete|damaged/);
    const notGzip = join(dir, 'plain.txt');
    writeFileSync(notGzip, 'hello');
    await expect(restoreDatabase(target, notGzip)).rejects.toThrow(/cannot be read|not a backup/);
    // Nothing was created in the target by the failed attempts.
    const res = (await target.db.execute(sql`select to_regclass('public.users')::text as t`)) as unknown as { rows: { t: string | null }[] };
    expect(res.rows[0]!.t).toBeNull();
  });

  it('refuses a backup from a newer version of the platform', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!) as { migrations: { hash: string; createdAt: string }[] };
    header.migrations.push({ hash: 'a'.repeat(64), createdAt: '9999999999999' });
    const newer = join(dir, 'newer.jsonl.gz');
    writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(restoreDatabase(await blankDatabase(), newer)).rejects.toThrow(/another version|newer/);
  });

  it('restores an older backup at its own migration level, leaving later migrations to the upgrade', async () => {
    // A newer platform version: the same migrations plus one more.
    const newer = join(dir, 'migrations-newer');
    cpSync(MIGRATIONS_FOLDER, newer, { recursive: true });
    const journalPath = join(newer, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string; when: number }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_later_change', when: last.when + 1000 });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(newer, '9999_later_change.sql'), 'ALTER TABLE "users" ADD COLUMN "later_column" text;');
    const target = await blankDatabase();
    const summary = await restoreDatabase(target, backupFile, { migrationsFolder: newer });
    const header = await readBackupHeader(backupFile);
    expect(summary.migratedTo).toBe(header.migrations.length);
    const res = (await target.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: { n: number }[] };
    expect(res.rows[0]!.n).toBe(header.migrations.length);
    const col = (await target.db.execute(sql`select count(*)::int as n from information_schema.columns where table_name = 'users' and column_name = 'later_column'`)) as unknown as { rows: { n: number }[] };
    expect(col.rows[0]!.n).toBe(0);
  });

  it.runIf(!!serverUrl())('moves a server backup into an embedded PGlite database unchanged', async () => {
    const before = await snapshot(source.database);
    const target = await blankDatabase('pglite');
    await restoreDatabase(target, backupFile);
    const after = await snapshot(target);
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
  });
});
