/**
 * The command-line interface, called in-process with an argv array on the test database (PGlite,
 * or the PostgreSQL server when TEST_DATABASE_URL is set), and once for real as a child process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { runCli } from '../../../src/cli.ts';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { sha256Hex } from '../../../src/platform/auth/crypto.ts';
import { verifyPassword } from '../../../src/platform/auth/passwords.ts';
import { createSession, countUserSessions } from '../../../src/platform/auth/sessions.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { apiTokens, users, userTokens } from '../../../src/areas/accounts/schema.ts';
import { authenticateApiToken } from '../../../src/areas/accounts/index.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { createUser } from '../../support/app.ts';

let testDb: TestDatabase;
let database: Database;
let dir: string;

const ENV = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123', BASE_URL: 'https://reports.example.org', DEMO_MODE: 'false' };

async function cli(args: string[], db: Database = database) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: ENV, database: db, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

async function findUser(email: string) {
  const [u] = await database.db.select().from(users).where(eq(users.email, email));
  return u;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  dir = mkdtempSync(join(tmpdir(), 'apmbc-cli-test-'));
});
afterAll(async () => {
  await testDb.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI usage', () => {
  it('prints help and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['migrate', 'seed-demo', 'create-user', 'reset-password', 'create-token', 'backup', 'restore']) expect(r.stdout).toContain(c);
    expect((await cli(['create-user', '--help'])).code).toBe(0);
  });

  it('rejects bad arguments with exit code 2, a clear message and no stack trace', async () => {
    for (const args of [[], ['bogus'], ['create-user', '--email', 'a@b.org'], ['create-user', '--emial', 'a@b.org'], ['backup'], ['reset-password', 'positional']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).toContain('npm run cli -- help');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await cli(['create-user', '--email', 'a@b.org'])).stderr).toContain('missing --name, --role');
  });

  it('reports invalid values as failures (exit 1) with the option named', async () => {
    let r = await cli(['create-user', '--email', 'not-an-address', '--name', 'X', '--role', 'admin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--email: not a valid e-mail address');
    r = await cli(['create-user', '--email', 'x@example.org', '--name', 'X', '--role', 'emperor']);
    expect(r.stderr).toContain('--role: one of state_preparer');
    r = await cli(['create-user', '--email', 'x@example.org', '--name', 'X', '--role', 'state_preparer']);
    expect(r.stderr).toContain('--state: required for the role state_preparer');
    r = await cli(['create-user', '--email', 'x@example.org', '--name', 'X', '--role', 'state_preparer', '--state', 'QQ']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('There is no State with the code "QQ"');
    r = await cli(['create-user', '--email', 'x@example.org', '--name', 'X', '--role', 'admin', '--password', 'short']);
    expect(r.stderr).toContain('--password: at least 12 characters');
    r = await cli(['create-token', '--email', 'x@example.org', '--name', 'ci', '--days', '9999']);
    expect(r.stderr).toContain('--days: at most 366 days');
    expect(await findUser('x@example.org')).toBeUndefined();
  });

  it('runs for real as `node --import tsx src/cli.ts`', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run cli -- <command> [options]');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'create-user', '--nope'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--nope'");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('CLI account commands', () => {
  it('migrate reports the migrations applied', async () => {
    const r = await cli(['migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Database migrated: \d+ migrations applied in total\./);
  });

  it('create-user with a password creates an account that can sign in, audited as cli', async () => {
    const r = await cli(['create-user', '--email', 'focal.sn@example.org', '--name', 'Aminata Diop', '--role', 'state_approver', '--state', 'sn', '--locale', 'fr', '--password', 'a good long passphrase']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Created state_approver focal.sn@example.org');
    const u = (await findUser('focal.sn@example.org'))!;
    expect(u).toMatchObject({ role: 'state_approver', stateIso2: 'SN', locale: 'fr', name: 'Aminata Diop' });
    expect(await verifyPassword(u.passwordHash, 'a good long passphrase')).toBe(true);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'accounts.user.created')));
    expect(event).toMatchObject({ actorLabel: 'cli', actorUserId: null, entityType: 'user' });
    expect(JSON.stringify(event!.summary)).not.toContain('passphrase');

    const again = await cli(['create-user', '--email', 'FOCAL.SN@example.org', '--name', 'Other', '--role', 'admin', '--password', 'another long passphrase']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('create-user without a password prints a one-time invitation link valid 7 days', async () => {
    const r = await cli(['create-user', '--email', 'member@example.org', '--name', 'لجنة عضو', '--role', 'committee_member', '--committee', 'cooperation-assistance', '--locale', 'ar']);
    expect(r.code, r.stderr).toBe(0);
    const link = /https:\/\/reports\.example\.org\/ar\/invitation\/([A-Za-z0-9_-]{43})/.exec(r.stdout);
    expect(link).not.toBeNull();
    const u = (await findUser('member@example.org'))!;
    expect(u.passwordHash).toBeNull();
    const [token] = await database.db.select().from(userTokens).where(eq(userTokens.userId, u.id));
    expect(token).toMatchObject({ purpose: 'invitation', tokenHash: sha256Hex(link![1]!), usedAt: null });
    const days = (token!.expiresAt.getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'accounts.user.invited')));
    expect(event!.actorLabel).toBe('cli');
    expect(JSON.stringify(event)).not.toContain(link![1]!);
  });

  it('reset-password sets a password, ends sessions and clears a lockout', async () => {
    const u = await createUser(database, { role: 'isu_staff', email: 'locked.out@example.org' });
    await database.db.update(users).set({ failedLogins: 4, lockedUntil: new Date(Date.now() + 600_000) }).where(eq(users.id, u.id));
    await createSession(database.db, u.id, { idleMs: 3600_000, maxMs: 7200_000 }, { secondFactorDone: true });
    await createSession(database.db, u.id, { idleMs: 3600_000, maxMs: 7200_000 }, { secondFactorDone: true });
    const r = await cli(['reset-password', '--email', 'Locked.Out@example.org', '--password', 'a brand new passphrase']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 session(s) ended');
    const after = (await findUser('locked.out@example.org'))!;
    expect(after.failedLogins).toBe(0);
    expect(after.lockedUntil).toBeNull();
    expect(await verifyPassword(after.passwordHash, 'a brand new passphrase')).toBe(true);
    expect(await countUserSessions(database.db, u.id)).toBe(0);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'accounts.user.password_reset')));
    expect(event!.actorLabel).toBe('cli');
  });

  it('reset-password without a password prints a one-time link; unknown addresses fail', async () => {
    const u = await createUser(database, { role: 'admin', email: 'forgetful@example.org', locale: 'es' });
    const r = await cli(['reset-password', '--email', 'forgetful@example.org']);
    expect(r.code, r.stderr).toBe(0);
    const link = /https:\/\/reports\.example\.org\/es\/password\/reset\/([A-Za-z0-9_-]{43})/.exec(r.stdout);
    expect(link).not.toBeNull();
    const [token] = await database.db.select().from(userTokens).where(and(eq(userTokens.userId, u.id), eq(userTokens.purpose, 'password_reset')));
    expect(token!.tokenHash).toBe(sha256Hex(link![1]!));
    const missing = await cli(['reset-password', '--email', 'nobody@example.org']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: No user has the e-mail address nobody@example.org\n');
  });

  it('create-token prints apmbc_<prefix>_<secret> once, stores its prefix and SHA-256, and the API accepts it', async () => {
    const u = await createUser(database, { role: 'state_preparer', stateIso2: 'IQ', email: 'api.user@example.org' });
    const r = await cli(['create-token', '--email', 'api.user@example.org', '--name', 'Nightly export', '--days', '30']);
    expect(r.code, r.stderr).toBe(0);
    const token = /^(apmbc_([0-9a-f]{8})_[0-9a-f]{64})$/m.exec(r.stdout);
    expect(token).not.toBeNull();
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.userId, u.id));
    expect(row).toMatchObject({ name: 'Nightly export', prefix: token![2], tokenHash: sha256Hex(token![1]!), revokedAt: null });
    const days = (row!.expiresAt!.getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const principal = await authenticateApiToken(database, token![1]!, { demoMode: false });
    expect(principal?.id).toBe(u.id);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row!.id), eq(auditEvents.action, 'accounts.api_token.created')));
    expect(event!.actorLabel).toBe('cli');
    expect(JSON.stringify(event)).not.toContain(token![1]!.slice(15));
  });

  it('seed-demo adds the demo accounts and lists their sign-ins', async () => {
    const r = await cli(['seed-demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('admin@demo.example.org');
    expect(r.stdout).toContain('DEMO_MODE is off');
    expect((await findUser('admin@demo.example.org'))!.isDemo).toBe(true);
  });
});

describe('CLI backup and restore', () => {
  it('backs up, refuses to overwrite, restores into an empty database and refuses a non-empty one', async () => {
    const file = join(dir, 'cli-backup.jsonl.gz');
    let r = await cli(['backup', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backup written to .*cli-backup\.jsonl\.gz: \d+ tables, \d+ rows\./);
    expect(existsSync(file)).toBe(true);
    r = await cli(['backup', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exists');

    const blank = await openDatabase({ pglite: await PGlite.create() });
    try {
      r = await cli(['restore', '--in', file], blank);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Backup restored: \d+ tables, \d+ rows/);
      const rows = await blank.query<{ email: string }>("select email from users where email = 'focal.sn@example.org'");
      expect(rows).toHaveLength(1);
    } finally {
      await blank.close();
    }
    r = await cli(['restore', '--in', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The database is not empty');
    r = await cli(['restore', '--in', join(dir, 'missing.gz')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No file at');
  }, 120_000);
});
