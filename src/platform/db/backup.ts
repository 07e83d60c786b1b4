/**
 * Portable backup and restore of the whole application database, the same on PGlite and on a
 * PostgreSQL server (so a PGlite installation can move to a server and back).
 *
 * The file is gzipped JSON lines:
 *   1. a header: format and version, application version, creation time, database kind and the
 *      migrations applied (hash and timestamp, as drizzle records them);
 *   2. for every table — each table of the `public` schema, discovered from the catalogue so new
 *      tables are included without code changes, in foreign-key order, plus drizzle's migration
 *      journal — a line `{"table", "schema", "columns"}`, one JSON array per row, and a line
 *      `{"end", "rows"}`;
 *   3. a last line `{"done": true, "tables", "rows"}` (a truncated file is refused).
 * Values: SQL NULL is `null`; timestamps are ISO 8601 strings with microseconds (UTC `Z` for
 * timestamptz); dates `YYYY-MM-DD`; bytea base64; booleans and 16/32-bit integers JSON; jsonb a
 * one-element array holding the JSON value (or, when JSON would not keep it exactly — e.g. `1.50` or
 * 20-digit numbers — its PostgreSQL text as a string); everything else PostgreSQL's text form
 * (bigint, numeric, uuid, arrays …), which reads back exactly.
 *
 * The backup reads one consistent snapshot (REPEATABLE READ, READ ONLY). Restore goes only into an
 * empty database: it migrates a blank database to the backup's migration level (or checks that a
 * migrated one is at exactly that level), refuses if any application table has rows, inserts all
 * tables in foreign-key order in one transaction, then sets every sequence to its column's maximum.
 * Later application versions then upgrade the restored database with their own migrations.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database, DbOrTx } from './client.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

export const BACKUP_FORMAT = 'apmbc-backup';
export const BACKUP_FORMAT_VERSION = 1;
const MIGRATIONS_SCHEMA = 'drizzle';
const MIGRATIONS_TABLE = '__drizzle_migrations';
/** Same advisory lock key as runMigrations, so a restore never migrates alongside a starting app. */
const MIGRATION_LOCK_KEY = 72001;

/** A problem an operator can fix (bad file, non-empty database …): shown without a stack trace. */
export class BackupError extends Error {
  override name = 'BackupError';
}

type Kind = 'bytea' | 'timestamptz' | 'timestamp' | 'date' | 'jsonb' | 'bool' | 'int' | 'text';

export interface ColumnInfo {
  name: string;
  /** format_type(), e.g. `timestamp with time zone`, `text[]`, `numeric(10,2)`. */
  type: string;
  kind: Kind;
}

interface TableInfo {
  schema: string;
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables this one references (foreign keys), itself excluded. */
  references: string[];
  identityAlways: boolean;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  database: 'pglite' | 'postgres';
  serverVersion: string;
  migrations: { hash: string; createdAt: string }[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migratedTo: number;
}

// ---------------------------------------------------------------------------------------------
// Catalogue

function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

async function q<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function qualified(t: { schema: string; name: string }): string {
  return `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
}

function kindOf(typname: string, typcategory: string): Kind {
  if (typcategory === 'A') return 'text';
  switch (typname) {
    case 'bytea':
      return 'bytea';
    case 'timestamptz':
      return 'timestamptz';
    case 'timestamp':
      return 'timestamp';
    case 'date':
      return 'date';
    case 'jsonb':
      return 'jsonb';
    case 'bool':
      return 'bool';
    case 'int2':
    case 'int4':
      return 'int';
    default:
      return 'text';
  }
}

/** Every table of the public schema (not partitions), with columns, primary key and references. */
async function describeTables(db: DbOrTx): Promise<TableInfo[]> {
  const tables = await q<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const columns = await q<{ table: string; name: string; type: string; typname: string; typcategory: string; generated: string; identity: string }>(
    db,
    sql`select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               coalesce(bt.typname, t.typname) as typname, coalesce(bt.typcategory, t.typcategory) as typcategory,
               a.attgenerated::text as generated, a.attidentity::text as identity
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_type t on t.oid = a.atttypid
        left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const pks = await q<{ table: string; column: string }>(
    db,
    sql`select tc.relname as "table", a.attname as "column"
        from pg_index i
        join pg_class tc on tc.oid = i.indrelid
        join pg_namespace n on n.oid = tc.relnamespace
        cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = tc.oid and a.attnum = k.attnum
        where i.indisprimary and n.nspname = 'public'
        order by tc.relname, k.ord`,
  );
  const fks = await q<{ table: string; references: string }>(
    db,
    sql`select distinct c.relname as "table", p.relname as "references"
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and pn.nspname = 'public'`,
  );
  return tables.map(({ name }) => {
    const cols = columns.filter((c) => c.table === name);
    return {
      schema: 'public',
      name,
      // Generated columns are computed again on insert; they cannot be written.
      columns: cols.filter((c) => !c.generated).map((c) => ({ name: c.name, type: c.type, kind: kindOf(c.typname, c.typcategory) })),
      primaryKey: pks.filter((p) => p.table === name).map((p) => p.column),
      references: fks.filter((f) => f.table === name && f.references !== name).map((f) => f.references),
      identityAlways: cols.some((c) => c.identity === 'a'),
    };
  });
}

/** Parents before children (Kahn's algorithm, alphabetical among equals; cycles appended last). */
export function foreignKeyOrder<T extends { name: string; references: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: T[] = [];
  let progress = true;
  while (out.length < tables.length && progress) {
    progress = false;
    for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
      if (done.has(t.name)) continue;
      if (t.references.every((r) => done.has(r) || !byName.has(r))) {
        out.push(t);
        done.add(t.name);
        progress = true;
      }
    }
  }
  for (const t of tables) if (!done.has(t.name)) out.push(t);
  return out;
}

async function migrationJournal(db: DbOrTx): Promise<{ hash: string; createdAt: string }[] | undefined> {
  const [exists] = await q<{ reg: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as reg`);
  if (!exists?.reg) return undefined;
  const rows = await q<{ hash: string; created_at: string }>(db, sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`);
  return rows.map((r) => ({ hash: r.hash, createdAt: r.created_at }));
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Values

function selectExpr(c: ColumnInfo, alias: string): string {
  const col = quoteIdent(c.name);
  let expr: string;
  switch (c.kind) {
    case 'bytea':
      expr = `translate(encode(${col}, 'base64'), E'\\n', '')`;
      break;
    case 'timestamptz':
      expr = `case when isfinite(${col}) then to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else ${col}::text end`;
      break;
    case 'timestamp':
      expr = `case when isfinite(${col}) then to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US') else ${col}::text end`;
      break;
    case 'date':
      expr = `case when isfinite(${col}) then to_char(${col}, 'YYYY-MM-DD') else ${col}::text end`;
      break;
    default:
      expr = `${col}::text`;
  }
  return `${expr} as ${quoteIdent(alias)}`;
}

/** True when JSON.parse/stringify would change how PostgreSQL prints this jsonb (e.g. `1.50`). */
function jsonLosesPrecision(text: string): boolean {
  const numbers = text.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? [];
  return numbers.some((n) => String(Number(n)) !== n);
}

function encodeCell(c: ColumnInfo, v: string | null): unknown {
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case 'bool':
      return v === 'true' || v === 't';
    case 'int':
      return Number(v);
    case 'jsonb':
      return jsonLosesPrecision(v) ? v : [JSON.parse(v)];
    default:
      return v;
  }
}

function cellSql(c: ColumnInfo, v: unknown): SQL {
  if (v === null || v === undefined) return sql`null`;
  const type = sql.raw(c.type);
  switch (c.kind) {
    case 'bytea':
      return sql`decode(${String(v)}, 'base64')`;
    case 'jsonb':
      if (Array.isArray(v)) return sql`${JSON.stringify(v[0])}::${type}`;
      return sql`${String(v)}::${type}`;
    case 'bool':
      return sql`${v ? 'true' : 'false'}::${type}`;
    default:
      return sql`${String(v)}::${type}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Backup

const FETCH_ROWS = 500;

export async function backupDatabase(database: Database, outFile: string): Promise<BackupSummary> {
  const partial = `${outFile}.partial`;
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(file);
  let bytes = 0;
  const write = async (obj: unknown) => {
    const line = `${JSON.stringify(obj)}\n`;
    bytes += Buffer.byteLength(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  let tablesWritten = 0;
  let rowsWritten = 0;
  try {
    await database.db.transaction(
      async (tx) => {
        const [version] = await q<{ v: string }>(tx, sql`select current_setting('server_version') as v`);
        const journal = (await migrationJournal(tx)) ?? [];
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          appVersion: appVersion(),
          createdAt: new Date().toISOString(),
          database: database.kind,
          serverVersion: version?.v ?? 'unknown',
          migrations: journal,
        };
        await write(header);

        const tables = foreignKeyOrder(await describeTables(tx));
        const journalTable: TableInfo = {
          schema: MIGRATIONS_SCHEMA,
          name: MIGRATIONS_TABLE,
          columns: [
            { name: 'id', type: 'integer', kind: 'int' },
            { name: 'hash', type: 'text', kind: 'text' },
            { name: 'created_at', type: 'bigint', kind: 'text' },
          ],
          primaryKey: ['id'],
          references: [],
          identityAlways: false,
        };
        for (const t of [...(journal.length ? [journalTable] : []), ...tables]) {
          await write({ table: t.name, schema: t.schema, columns: t.columns });
          const select = t.columns.map((c, i) => selectExpr(c, `c${i}`)).join(', ');
          const order = t.primaryKey.length ? ` order by ${t.primaryKey.map(quoteIdent).join(', ')}` : '';
          await tx.execute(sql.raw(`declare apmbc_backup no scroll cursor for select ${select || 'null'} from ${qualified(t)}${order}`));
          let count = 0;
          for (;;) {
            const batch = rowsOf<Record<string, string | null>>(await tx.execute(sql.raw(`fetch forward ${FETCH_ROWS} from apmbc_backup`)));
            for (const row of batch) await write(t.columns.map((c, i) => encodeCell(c, row[`c${i}`] ?? null)));
            count += batch.length;
            if (batch.length < FETCH_ROWS) break;
          }
          await tx.execute(sql.raw('close apmbc_backup'));
          await write({ end: t.name, rows: count });
          tablesWritten++;
          rowsWritten += count;
        }
        await write({ done: true, tables: tablesWritten, rows: rowsWritten });
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await finished(file);
    renameSync(partial, outFile);
  } catch (e) {
    gzip.destroy();
    file.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
  return { file: outFile, tables: tablesWritten, rows: rowsWritten, bytes };
}

// ---------------------------------------------------------------------------------------------
// Reading a backup

type Line =
  | { kind: 'table'; table: string; schema: string; columns: ColumnInfo[] }
  | { kind: 'row'; values: unknown[] }
  | { kind: 'end'; table: string; rows: number }
  | { kind: 'done'; tables: number; rows: number };

async function* readLines(inFile: string): AsyncGenerator<string> {
  const input = createReadStream(inFile).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) yield line;
  } catch (e) {
    throw new BackupError(`The backup file cannot be read (${(e as Error).message}); it is damaged or not a backup`);
  }
}

function parseLine(text: string, n: number): Line {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new BackupError(`The backup file is damaged (line ${n} is not JSON)`);
  }
  if (Array.isArray(v)) return { kind: 'row', values: v };
  const o = v as Record<string, unknown>;
  if (typeof o.table === 'string' && typeof o.schema === 'string' && Array.isArray(o.columns)) {
    return { kind: 'table', table: o.table, schema: o.schema, columns: o.columns as ColumnInfo[] };
  }
  if (typeof o.end === 'string' && typeof o.rows === 'number') return { kind: 'end', table: o.end, rows: o.rows };
  if (o.done === true) return { kind: 'done', tables: Number(o.tables), rows: Number(o.rows) };
  throw new BackupError(`The backup file is damaged (line ${n} is not understood)`);
}

export async function readBackupHeader(inFile: string): Promise<BackupHeader> {
  for await (const line of readLines(inFile)) {
    let h: BackupHeader;
    try {
      h = JSON.parse(line) as BackupHeader;
    } catch {
      throw new BackupError('This is not a backup made by this platform (no header)');
    }
    if (h.format !== BACKUP_FORMAT) throw new BackupError('This is not a backup made by this platform (unknown format)');
    if (h.formatVersion !== BACKUP_FORMAT_VERSION) throw new BackupError(`This backup uses format version ${h.formatVersion}; this version of the platform reads version ${BACKUP_FORMAT_VERSION}`);
    if (!Array.isArray(h.migrations)) throw new BackupError('The backup header has no migration list');
    return h;
  }
  throw new BackupError('The backup file is empty');
}

/** Reads the whole file once: structure, row widths and the final line, before anything is written. */
async function verifyBackup(inFile: string): Promise<{ tables: { schema: string; table: string; columns: ColumnInfo[]; rows: number }[] }> {
  const tables: { schema: string; table: string; columns: ColumnInfo[]; rows: number }[] = [];
  let current: (typeof tables)[number] | undefined;
  let n = 0;
  let done = false;
  for await (const text of readLines(inFile)) {
    n++;
    if (n === 1) continue; // header, checked by readBackupHeader
    if (done) throw new BackupError('The backup file has data after its end');
    const line = parseLine(text, n);
    if (line.kind === 'table') {
      if (current) throw new BackupError(`The backup file is damaged (table ${current.table} has no end)`);
      current = { schema: line.schema, table: line.table, columns: line.columns, rows: 0 };
    } else if (line.kind === 'row') {
      if (!current) throw new BackupError(`The backup file is damaged (line ${n}: a row outside a table)`);
      if (line.values.length !== current.columns.length) throw new BackupError(`The backup file is damaged (line ${n}: ${line.values.length} values for ${current.columns.length} columns)`);
      current.rows++;
    } else if (line.kind === 'end') {
      if (!current || current.table !== line.table || current.rows !== line.rows) throw new BackupError(`The backup file is damaged (table ${line.table} is incomplete)`);
      tables.push(current);
      current = undefined;
    } else {
      const rows = tables.reduce((s, t) => s + t.rows, 0);
      if (current || line.tables !== tables.length || line.rows !== rows) throw new BackupError('The backup file is damaged (its totals do not match)');
      done = true;
    }
  }
  if (!done) throw new BackupError('The backup file is incomplete (it was cut short)');
  return { tables };
}

// ---------------------------------------------------------------------------------------------
// Restore

function localMigrations(folder: string): { tag: string; hash: string; when: number }[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return journal.entries.map((e) => ({
    tag: e.tag,
    when: e.when,
    hash: createHash('sha256').update(readFileSync(join(folder, `${e.tag}.sql`)).toString()).digest('hex'),
  }));
}

async function migrateWith(database: Database, folder: string): Promise<void> {
  const opts = { migrationsFolder: folder };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  if (database.kind === 'pglite') await migratePglite(database.db as any, opts);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  else await database.withAdvisoryLock(MIGRATION_LOCK_KEY, () => migratePg(database.db as any, opts));
}

/** Brings a blank database to exactly the backup's migration level, or checks a migrated one. */
async function prepareSchema(database: Database, header: BackupHeader, migrationsFolder: string): Promise<number> {
  const wanted = header.migrations.map((m) => m.hash);
  const current = (await migrationJournal(database.db))?.map((m) => m.hash) ?? [];
  if (current.length > 0) {
    if (current.join() === wanted.join()) return 0;
    const newer = wanted.length > current.length && current.every((h, i) => h === wanted[i]);
    throw new BackupError(
      newer
        ? `The backup was made by a newer version of the platform (${wanted.length} migrations; this database has ${current.length}). Upgrade the platform first.`
        : `This database is already at another migration level (${current.length} migrations; the backup has ${wanted.length}). Restore into a new, empty database: the restore command prepares it at the backup's level.`,
    );
  }
  const local = localMigrations(migrationsFolder);
  const known = wanted.every((h, i) => local[i]?.hash === h);
  if (!known) throw new BackupError('The backup was made by another version of the platform whose migrations this version does not have. Restore it with that version, or a newer one.');
  if (wanted.length === 0) throw new BackupError('The backup records no migrations; it cannot be restored');
  if (wanted.length === local.length) {
    await migrateWith(database, migrationsFolder);
    return wanted.length;
  }
  // An older backup: apply only the migrations it was made with; the platform upgrades it at start.
  const dir = mkdtempSync(join(tmpdir(), 'apmbc-migrations-'));
  try {
    mkdirSync(join(dir, 'meta'));
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, wanted.length) }));
    for (const m of local.slice(0, wanted.length)) copyFileSync(join(migrationsFolder, `${m.tag}.sql`), join(dir, `${m.tag}.sql`));
    await migrateWith(database, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return wanted.length;
}

const BATCH_BYTES = 4 * 1024 * 1024;

export async function restoreDatabase(database: Database, inFile: string, opts: { migrationsFolder?: string } = {}): Promise<RestoreSummary> {
  const header = await readBackupHeader(inFile);
  const verified = await verifyBackup(inFile);
  const migratedTo = await prepareSchema(database, header, opts.migrationsFolder ?? MIGRATIONS_FOLDER);

  const targetTables = await describeTables(database.db);
  const target = new Map(targetTables.map((t) => [t.name, t]));
  const nonEmpty: string[] = [];
  for (const t of targetTables) {
    const [row] = await q<{ any: boolean }>(database.db, sql.raw(`select exists (select 1 from ${qualified(t)}) as any`));
    if (row?.any) nonEmpty.push(t.name);
  }
  if (nonEmpty.length) throw new BackupError(`The database is not empty (rows in ${nonEmpty.join(', ')}). Restore only into a new, empty database.`);

  for (const t of verified.tables) {
    if (t.schema !== 'public') continue;
    const tt = target.get(t.table);
    if (!tt) throw new BackupError(`The backup has a table "${t.table}" that this database does not have`);
    for (const c of t.columns) {
      if (!tt.columns.some((x) => x.name === c.name)) throw new BackupError(`The backup has a column "${t.table}.${c.name}" that this database does not have`);
    }
  }

  let rows = 0;
  let tables = 0;
  await database.db.transaction(async (tx) => {
    let current: { info: TableInfo; columns: ColumnInfo[]; skip: boolean } | undefined;
    const inserted = new Set<string>();
    let batch: unknown[][] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const cols = current.columns;
      const values = sql.join(
        batch.map((r) =>
          sql`(${sql.join(
            r.map((v, i) => cellSql(cols[i]!, v)),
            sql`, `,
          )})`,
        ),
        sql`, `,
      );
      const overriding = current.info.identityAlways ? sql.raw(' overriding system value') : sql``;
      await tx.execute(sql`insert into ${sql.raw(qualified(current.info))} (${sql.raw(cols.map((c) => quoteIdent(c.name)).join(', '))})${overriding} values ${values}`);
      rows += batch.length;
      batch = [];
      batchBytes = 0;
    };
    let n = 0;
    for await (const text of readLines(inFile)) {
      n++;
      if (n === 1) continue;
      const line = parseLine(text, n);
      if (line.kind === 'table') {
        const skip = line.schema !== 'public'; // drizzle's journal: written by the migrations above
        const info = skip ? undefined : target.get(line.table)!;
        if (info) {
          const missing = info.references.filter((r) => !inserted.has(r) && verified.tables.some((t) => t.table === r));
          if (missing.length) throw new BackupError(`The backup lists "${line.table}" before ${missing.join(', ')}, which it refers to`);
        }
        current = { info: info ?? ({ schema: line.schema, name: line.table } as TableInfo), columns: line.columns, skip };
      } else if (line.kind === 'row') {
        if (current?.skip) continue;
        const maxParams = Math.max(1, Math.floor(30_000 / Math.max(1, current!.columns.length)));
        batch.push(line.values);
        batchBytes += text.length;
        if (batch.length >= Math.min(500, maxParams) || batchBytes >= BATCH_BYTES) await flush();
      } else if (line.kind === 'end') {
        if (current && !current.skip) {
          await flush();
          inserted.add(current.info.name);
          tables++;
        }
        current = undefined;
      }
    }
    // Sequences (serial / identity columns) continue after the highest restored value.
    for (const t of targetTables) {
      for (const c of t.columns) {
        const [s] = await q<{ seq: string | null }>(tx, sql`select pg_get_serial_sequence(${qualified(t)}, ${c.name}) as seq`);
        if (!s?.seq) continue;
        await tx.execute(
          sql.raw(
            `select setval('${s.seq.replace(/'/g, "''")}', coalesce((select max(${quoteIdent(c.name)}) from ${qualified(t)}), 1), (select max(${quoteIdent(c.name)}) from ${qualified(t)}) is not null)`,
          ),
        );
      }
    }
  });
  return { tables, rows, migratedTo };
}
