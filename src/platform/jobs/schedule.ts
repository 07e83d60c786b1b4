/**
 * When a scheduled task is due. A task runs once per *slot*: the start of the period it belongs to,
 * as an ISO string. Every instance computes the same slot for the same moment, and the database
 * (scheduled_runs' primary key) lets only one of them run it.
 */

/** Every `everyMs` milliseconds (aligned to the Unix epoch), or once a day at `HH:MM` UTC. */
export type ScheduleSpec = number | string;

export interface ParsedSchedule {
  kind: 'every' | 'daily';
  /** Period length (ms) for `every`; minutes after midnight UTC for `daily`. */
  value: number;
}

const DAY_MS = 24 * 3600_000;

export function parseSchedule(spec: ScheduleSpec): ParsedSchedule {
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec) || spec < 1000) throw new Error(`A schedule interval must be a whole number of milliseconds ≥ 1000 (got ${spec})`);
    return { kind: 'every', value: spec };
  }
  const m = /^(?:daily@)?([01]\d|2[0-3]):([0-5]\d)$/.exec(spec.trim());
  if (!m) throw new Error(`A daily schedule is written HH:MM in UTC, e.g. "03:30" (got "${spec}")`);
  return { kind: 'daily', value: Number(m[1]) * 60 + Number(m[2]) };
}

/** The start of the period that contains `now`, as an ISO string (the slot key). */
export function slotFor(spec: ScheduleSpec | ParsedSchedule, now: Date): string {
  const s = typeof spec === 'object' ? spec : parseSchedule(spec);
  const t = now.getTime();
  if (s.kind === 'every') return new Date(Math.floor(t / s.value) * s.value).toISOString();
  const midnight = Math.floor(t / DAY_MS) * DAY_MS;
  let start = midnight + s.value * 60_000;
  if (start > t) start -= DAY_MS;
  return new Date(start).toISOString();
}

/** Exponential backoff: base, 2×base, 4×base … capped. `attempt` counts from 1. */
export function exponentialBackoff(baseMs: number, capMs: number): (attempt: number) => number {
  return (attempt) => Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}
