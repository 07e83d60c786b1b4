/**
 * Command-line administration: `npm run cli -- <command> [options]`.
 *
 * Reads the configuration from the environment like main.ts (DATA_DIR for the embedded database or
 * DATABASE_URL for a PostgreSQL server), opens the database and applies the migrations first —
 * except for `restore`, which prepares a blank database at the backup's own migration level.
 * Exit codes: 0 done, 1 the command failed (message on stderr), 2 wrong usage.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './platform/db/client.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { BackupError, backupDatabase, restoreDatabase } from './platform/db/backup.ts';
import { isAppError } from './platform/errors.ts';
import { createTranslators, loadCatalogues } from './platform/i18n/messages.ts';
import { seedAll } from './seed.ts';
import { CliCommandError, createApiTokenFromCli, createUserFromCli, resetPasswordFromCli, API_TOKEN_DEFAULT_DAYS, INVITATION_DAYS } from './areas/admin/index.ts';

export const USAGE = `APMBC platform administration

Usage: npm run cli -- <command> [options]

Commands:
  migrate                      Apply the database migrations (also done before every other command
                               and at application start).
  seed-demo                    Add the reference data and the demo accounts (not in production).
  create-user --email E --name N --role R [--state XX] [--committee ID] [--locale en] [--password P]
                               Create an account. Roles: state_preparer, state_approver (need --state),
                               committee_member (needs --committee), isu_staff, admin. Without
                               --password, prints a one-time invitation link valid ${INVITATION_DAYS} days.
  reset-password --email E [--password P]
                               Set a new password, or print a one-time link to choose one; ends the
                               person's sessions and clears a sign-in lockout.
  create-token --email E --name N [--days ${API_TOKEN_DEFAULT_DAYS}]
                               Create a personal API token (printed once) for the JSON API.
  backup --out FILE            Write the whole database to FILE (gzipped JSON lines).
  restore --in FILE            Restore a backup into a new, empty database.
  help                         Show this text.

Configuration comes from the environment, as for the application: DATABASE_URL for a PostgreSQL
server, otherwise the embedded database in DATA_DIR (stop the application first: an embedded
database is used by one process at a time). See docs/operations.md.
`;

/** Wrong arguments: exit code 2 and a pointer to the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliIo {
  env?: Record<string, string | undefined>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** An open database to use instead of the configured one (tests); it is left open. */
  database?: Database;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

const COMMANDS: Record<string, { options: OptionSpec; required: string[] }> = {
  migrate: { options: {}, required: [] },
  'seed-demo': { options: {}, required: [] },
  'create-user': {
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, state: { type: 'string' }, committee: { type: 'string' }, locale: { type: 'string' }, password: { type: 'string' } },
    required: ['email', 'name', 'role'],
  },
  'reset-password': { options: { email: { type: 'string' }, password: { type: 'string' } }, required: ['email'] },
  'create-token': { options: { email: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } }, required: ['email', 'name'] },
  backup: { options: { out: { type: 'string' } }, required: ['out'] },
  restore: { options: { in: { type: 'string' } }, required: ['in'] },
};

function parseCommand(argv: string[]): { command: string; values: Record<string, string | undefined> } | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('No command given');
  if (command === 'help' || command === '--help' || command === '-h') return 'help';
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`Unknown command "${command}"`);
  if (rest.includes('--help') || rest.includes('-h')) return 'help';
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: spec.options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
  const values = parsed.values as Record<string, string | undefined>;
  const missing = spec.required.filter((k) => values[k] === undefined || values[k] === '');
  if (missing.length) throw new UsageError(`${command}: missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return { command, values };
}

export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const out = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = io.stderr ?? ((s: string) => void process.stderr.write(s));
  const say = (line = '') => out(`${line}\n`);

  let parsed: ReturnType<typeof parseCommand>;
  try {
    parsed = parseCommand(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`error: ${e.message}\n\nRun "npm run cli -- help" for the commands and their options.\n`);
      return 2;
    }
    throw e;
  }
  if (parsed === 'help') {
    out(USAGE);
    return 0;
  }
  const { command, values } = parsed;

  let config: Config;
  try {
    config = loadConfig(io.env ?? process.env);
  } catch (e) {
    err(`error: ${(e as Error).message}\n`);
    return 1;
  }

  let database = io.database;
  const ownDatabase = !database;
  try {
    if (command === 'restore' && !existsSync(values.in!)) throw new CliCommandError(`No file at ${values.in}`);
    if (command === 'backup' && existsSync(values.out!)) throw new CliCommandError(`${values.out} already exists; choose another file name (a backup never overwrites a file)`);
    database ??= await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    if (command !== 'restore') await runMigrations(database);
    const deps = { database, config };

    switch (command) {
      case 'migrate': {
        const [row] = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
        say(`Database migrated: ${row?.n ?? 0} migrations applied in total.`);
        break;
      }
      case 'seed-demo': {
        if (config.env === 'production') throw new CliCommandError('Demo accounts are never created in production (NODE_ENV=production)');
        const { demoLogins } = await seedAll(database, { demo: true });
        say('Reference data and demo accounts are in place (demo data, not real people):');
        for (const l of demoLogins) say(`  ${l.role.padEnd(17)} ${l.email.padEnd(38)} ${l.password}`);
        if (!config.demoMode) say('Note: DEMO_MODE is off, so demo accounts cannot sign in until it is turned on.');
        break;
      }
      case 'create-user': {
        // Reference data (States, committees) as at application start, so --state and --committee resolve.
        await seedAll(database, { demo: false });
        const r = await createUserFromCli(deps, {
          email: values.email!,
          name: values.name!,
          role: values.role as never,
          state: values.state,
          committee: values.committee,
          locale: (values.locale ?? 'en') as never,
          password: values.password,
        });
        say(`Created ${r.user.role} ${r.user.email} (${r.user.id}).`);
        if (r.invitationLink) {
          say(`Invitation link, valid until ${r.expiresAt!.toISOString()} (shown only this once; send it to the person):`);
          say(r.invitationLink);
        } else say('The account can sign in with the password given.');
        break;
      }
      case 'reset-password': {
        const r = await resetPasswordFromCli(deps, { email: values.email!, password: values.password });
        say(`Password reset for ${r.user.email}: ${r.sessionsEnded} session(s) ended, sign-in lockout cleared.`);
        if (r.resetLink) {
          say(`Link to choose a new password, valid until ${r.expiresAt!.toISOString()} (shown only this once):`);
          say(r.resetLink);
        }
        break;
      }
      case 'create-token': {
        const r = await createApiTokenFromCli(deps, { email: values.email!, name: values.name!, days: values.days ?? API_TOKEN_DEFAULT_DAYS });
        say(`API token "${values.name}" for ${r.user.email}, valid until ${r.expiresAt.toISOString()}. It is shown only this once:`);
        say(r.token);
        break;
      }
      case 'backup': {
        const file = resolve(values.out!);
        const r = await backupDatabase(database, file);
        say(`Backup written to ${r.file}: ${r.tables} tables, ${r.rows} rows.`);
        break;
      }
      case 'restore': {
        const r = await restoreDatabase(database, resolve(values.in!));
        say(`Backup restored: ${r.tables} tables, ${r.rows} rows${r.migratedTo ? ` (database prepared at migration ${r.migratedTo})` : ''}.`);
        say('Start the application to apply any newer migrations.');
        break;
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof CliCommandError || e instanceof BackupError) {
      err(`error: ${e.message}\n`);
      return 1;
    }
    if (isAppError(e)) {
      const tr = createTranslators(loadCatalogues())('en');
      const key = `errors.${e.code}`;
      err(`error: ${tr.has(key) ? tr.t(key) : e.code}\n`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    err(`error: ${message}\n`);
    if (config.logLevel === 'debug' || config.logLevel === 'trace') err(`${(e as Error)?.stack ?? ''}\n`);
    return 1;
  } finally {
    if (ownDatabase && database) await database.close().catch(() => undefined);
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const code = await runCli(process.argv.slice(2));
  process.exit(code);
}
