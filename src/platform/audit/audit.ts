/**
 * Audit events are written by commands inside their own transaction, so a state change and its
 * audit record commit or roll back together.
 */
import { and, desc, eq, gte, lte, lt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditEvents } from './schema.ts';

/** Who is acting, and from where; built by the HTTP layer, the CLI or a job. */
export interface Actor {
  userId: string | null;
  /** Human-readable: e-mail for users, `cli`, `system`, `job:<name>`. */
  label: string;
  ip?: string | null | undefined;
  requestId?: string | null | undefined;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown>;
}

const SECRET_KEYS = /pass(word)?|secret|token|hash|code/i;

/** Removes anything that looks like a secret from a summary before it is stored. */
export function scrubSummary(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrubSummary(v, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrubSummary(v, depth + 1);
    return out;
  }
  if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}

export async function recordAudit(tx: DbOrTx, actor: Actor, event: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    summary: scrubSummary(event.summary ?? {}) as Record<string, unknown>,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  });
}

/** Before/after summary of the fields that changed. */
export function diffSummary<T extends Record<string, unknown>>(before: Partial<T>, after: Partial<T>): Record<string, unknown> {
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key];
    const a = after[key];
    if (JSON.stringify(b) !== JSON.stringify(a)) changed[key] = { before: b ?? null, after: a ?? null };
  }
  return { changed };
}

export interface AuditFilter {
  q?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  /** Exact actor label, e.g. `cli`, `system`, `job:reminders`. */
  actorLabel?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset pagination: events with id below this. */
  beforeId?: number | undefined;
  limit?: number;
}

export async function listAuditEvents(db: DbOrTx, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.action) where.push(ilike(auditEvents.action, `${escapeLike(f.action)}%`));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.actorUserId) where.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.actorLabel) where.push(eq(auditEvents.actorLabel, f.actorLabel));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  if (f.beforeId) where.push(lt(auditEvents.id, f.beforeId));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(auditEvents.actorLabel, like), ilike(auditEvents.entityId, like), ilike(auditEvents.action, like), sql`${auditEvents.summary}::text ilike ${like}`)!);
  }
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), nextBeforeId: rows.length > limit ? rows[limit - 1]!.id : undefined };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
