/** Read models of the individualised approach for other pages (the State's public page). */
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { Texts } from '../schema.ts';
import { isPublic, writtenLanguages } from './individualised.ts';
import * as repo from './individualised-repository.ts';

export interface PublishedIaReport {
  id: string;
  stateIso2: string;
  publishedAt: Date;
  /** The day of the meeting (the meeting's own details may be confidential: only its date is shown). */
  meetingOn: Date | null;
  interestOn: string;
  languages: string[];
  finalReport: Texts;
  isDemo: boolean;
}

/**
 * A State's individualised-approach final reports that are public, newest first; public path
 * `/{locale}/states/{iso2 lower case}/individualised-approach/{id}`.
 */
export async function publishedIndividualisedApproachReports(db: DbOrTx, iso2: string): Promise<PublishedIaReport[]> {
  if (!/^[A-Za-z]{2}$/.test(iso2)) return [];
  const rows = (await repo.listPublished(db, iso2.toUpperCase())).filter(isPublic);
  const out: PublishedIaReport[] = [];
  for (const r of rows) {
    const meeting = r.meetingId ? await repo.findMeeting(db, r.meetingId) : undefined;
    out.push({ id: r.id, stateIso2: r.stateIso2, publishedAt: r.publishedAt!, meetingOn: meeting?.startsAt ?? null, interestOn: r.interestOn, languages: writtenLanguages(r.finalReport), finalReport: r.finalReport, isDemo: r.isDemo });
  }
  return out;
}

/** One public final report of a State, or undefined (unknown, another State's, or not published). */
export async function findPublishedReport(db: DbOrTx, iso2: string, id: string): Promise<PublishedIaReport | undefined> {
  const row = await repo.findRecord(db, id);
  if (!row || row.stateIso2 !== iso2.toUpperCase() || !isPublic(row)) return undefined;
  const meeting = row.meetingId ? await repo.findMeeting(db, row.meetingId) : undefined;
  return { id: row.id, stateIso2: row.stateIso2, publishedAt: row.publishedAt!, meetingOn: meeting?.startsAt ?? null, interestOn: row.interestOn, languages: writtenLanguages(row.finalReport), finalReport: row.finalReport, isDemo: row.isDemo };
}

/** A record as an evidence link shows it (State and step), or undefined when it does not exist. */
export async function findIndividualisedApproachForLink(db: DbOrTx, id: string): Promise<{ id: string; stateIso2: string; status: string; interestOn: string } | undefined> {
  const row = await repo.findRecord(db, id);
  return row ? { id: row.id, stateIso2: row.stateIso2, status: row.status, interestOn: row.interestOn } : undefined;
}
