/**
 * Read models of meetings: who may read each one (its policy facts), the list and the calendar of a
 * reader (filtered by the policy, so nothing of a meeting they may not read is ever loaded into a
 * page), and the follow-up actions due.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { Principal } from '../../accounts/index.ts';
import { canViewMeeting, type MeetingFacts } from '../policy.ts';
import * as repo from './meetings-repository.ts';

/** The policy facts of one meeting. */
export async function meetingFacts(db: DbOrTx, m: repo.MeetingRow): Promise<MeetingFacts> {
  return (await factsOf(db, [m])).get(m.id)!;
}

/** The policy facts of several meetings, read with one query. */
export async function factsOf(db: DbOrTx, rows: repo.MeetingRow[]): Promise<Map<string, MeetingFacts>> {
  const participants = await repo.listParticipants(
    db,
    rows.filter((r) => r.confidentiality === 'participants').map((r) => r.id),
  );
  const out = new Map<string, MeetingFacts>();
  for (const m of rows) {
    const mine = participants.filter((p) => p.meetingId === m.id);
    out.set(m.id, {
      confidentiality: m.confidentiality,
      committeeIds: m.committeeIds,
      participantUserIds: mine.flatMap((p) => (p.userId ? [p.userId] : [])),
      participantStates: mine.flatMap((p) => (p.stateIso2 ? [p.stateIso2] : [])),
    });
  }
  return out;
}

/** The meetings of a filter that `user` may read. */
export async function listReadableMeetings(db: DbOrTx, user: Principal | undefined, filter: repo.MeetingFilter = {}): Promise<repo.MeetingRow[]> {
  const rows = await repo.listMeetings(db, filter);
  const facts = await factsOf(db, rows);
  return rows.filter((m) => canViewMeeting(user, facts.get(m.id)!));
}

/** A meeting `user` may read, or undefined (unknown, or hidden from them — `hidden` tells which). */
export async function findReadableMeeting(db: DbOrTx, user: Principal | undefined, id: string): Promise<{ meeting?: repo.MeetingRow; hidden: boolean }> {
  const m = await repo.findMeeting(db, id);
  if (!m) return { hidden: false };
  if (!canViewMeeting(user, await meetingFacts(db, m))) return { hidden: true };
  return { meeting: m, hidden: false };
}

export interface DueAction extends repo.ActionWithOwner {
  meeting: repo.MeetingRow;
}

/** Follow-up actions and commitments still open, due before `to`, of meetings `user` may read. */
export async function listDueActions(db: DbOrTx, user: Principal | undefined, f: { to: string; from?: string | undefined }): Promise<DueAction[]> {
  const actions = await repo.listActionsDue(db, f);
  if (!actions.length) return [];
  const ids = [...new Set(actions.map((a) => a.meetingId))];
  const meetings = (await Promise.all(ids.map((id) => repo.findMeeting(db, id)))).filter((m): m is repo.MeetingRow => !!m);
  const facts = await factsOf(db, meetings);
  const readable = new Map(meetings.filter((m) => canViewMeeting(user, facts.get(m.id)!)).map((m) => [m.id, m]));
  return actions.flatMap((a) => (readable.has(a.meetingId) ? [{ ...a, meeting: readable.get(a.meetingId)! }] : []));
}
