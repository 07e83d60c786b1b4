/**
 * Named write use cases of the individualised approach: record a State's expression of interest,
 * correct it, prefill (or refresh) the profile from the State's latest submitted report, edit the
 * profile's texts, link the meeting, write the summary and the final report per language, move the
 * record through its steps, publish the final report and withdraw it. Each runs in one transaction
 * with its audit event and checks the version the user saw (`engagement.stale` when someone saved
 * first: nothing changed).
 */
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { currentArticle5Deadline, findState } from '../../states/index.ts';
import { assertCan, canEditIndividualisedApproach, canViewMeeting } from '../policy.ts';
import type { IaProfile, Texts } from '../schema.ts';
import { profileFromReport, publishProblem, refilledProfile, reopenTarget, transitionProblem, type IaStatus, type ProfileSection } from './individualised.ts';
import * as repo from './individualised-repository.ts';

type Db = Pick<Database, 'db'>;
type User = Principal | undefined;

const stale = () => new AppError('conflict', 'engagement.stale');

/** A refusal tied to one field of the form (message key under `errors.`). */
export class IaRejected extends AppError {
  constructor(
    readonly field: string,
    code: string,
  ) {
    super('validation', code);
  }
}

async function load(tx: Db['db'], id: string, version: number) {
  const row = await repo.findRecord(tx, id, { forUpdate: true });
  if (!row) throw notFound();
  if (row.version !== version) throw stale();
  return row;
}

async function save(tx: Db['db'], row: repo.IaRow, patch: Partial<repo.IaInsert>) {
  const out = await repo.updateIfVersion(tx, row.id, row.version, patch);
  if (!out) throw stale();
  return out;
}

export interface InterestInput {
  stateIso2: string;
  interestOn: string;
  intendedEvent?: string | undefined;
  isDemo?: boolean;
}

async function checkState(db: Db['db'], iso2: string): Promise<string> {
  const state = await findState(db, iso2);
  if (!state) throw new IaRejected('state', 'engagement.individualised.state_unknown');
  return state.iso2;
}

/** A State says it wants an individualised approach: the record starts at "interest". */
export async function recordInterest(database: Db, actor: Actor, user: User, input: InterestInput): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const stateIso2 = await checkState(tx, input.stateIso2);
    const row = await repo.insertRecord(tx, { stateIso2, interestOn: input.interestOn, intendedEvent: input.intendedEvent ?? null, status: 'interest', isDemo: input.isDemo ?? false, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'engagement.individualised_approach.created', entityType: 'individualised_approach', entityId: row.id, summary: { stateIso2, interestOn: input.interestOn } });
    return row;
  });
}

export async function updateInterest(database: Db, actor: Actor, user: User, id: string, version: number, input: InterestInput): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    const stateIso2 = await checkState(tx, input.stateIso2);
    const out = await save(tx, row, { stateIso2, interestOn: input.interestOn, intendedEvent: input.intendedEvent ?? null });
    await recordAudit(tx, actor, {
      action: 'engagement.individualised_approach.interest_updated',
      entityType: 'individualised_approach',
      entityId: id,
      summary: { ...(row.stateIso2 !== stateIso2 ? { stateIso2: { from: row.stateIso2, to: stateIso2 } } : {}), interestOn: input.interestOn },
    });
    return out;
  });
}

/**
 * Fills the profile from the State's latest submitted report (figures with their source; each text
 * replaced when `replaceTexts`, else only where still empty). Refused when the State has none.
 */
export async function prefillProfile(database: Db, actor: Actor, user: User, id: string, version: number, opts: { replaceTexts: boolean; submittedBefore?: Date }): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    const report = await repo.latestSubmittedVersion(tx, row.stateIso2, opts.submittedBefore ? { submittedBefore: opts.submittedBefore } : {});
    if (!report) throw new IaRejected('prefill', 'engagement.individualised.no_report');
    const deadline = await currentArticle5Deadline(tx, row.stateIso2);
    const fill = profileFromReport(report.snapshot as Parameters<typeof profileFromReport>[0], deadline?.deadline ?? null);
    const source = { reportId: report.reportId, year: report.year, versionNo: report.versionNo };
    const profile = refilledProfile(row.profile, source, fill, opts.replaceTexts);
    const out = await save(tx, row, { profile });
    await recordAudit(tx, actor, { action: 'engagement.individualised_approach.profile_prefilled', entityType: 'individualised_approach', entityId: id, summary: { ...source, replaceTexts: opts.replaceTexts } });
    return out;
  });
}

/** Saves the profile's texts as edited (figures and their source are kept). */
export async function saveProfileTexts(database: Db, actor: Actor, user: User, id: string, version: number, sections: Partial<Record<ProfileSection, string>>): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(sections)) if (v) clean[k] = v;
    const profile: IaProfile = { ...row.profile, sections: clean };
    const out = await save(tx, row, { profile });
    const changed = Object.keys({ ...row.profile.sections, ...clean }).filter((k) => (row.profile.sections[k] ?? '') !== (clean[k] ?? ''));
    await recordAudit(tx, actor, { action: 'engagement.individualised_approach.profile_saved', entityType: 'individualised_approach', entityId: id, summary: { changed } });
    return out;
  });
}

/** Links the record to an individualised-approach meeting the user may read, or unlinks it (null). */
export async function linkMeeting(database: Db, actor: Actor, user: User, id: string, version: number, meetingId: string | null): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    if (meetingId) {
      const m = await repo.findMeeting(tx, meetingId);
      if (!m || !canViewMeeting(user, m.facts)) throw new IaRejected('meeting', 'engagement.individualised.meeting_unknown');
      if (m.kind !== 'individualised_approach') throw new IaRejected('meeting', 'engagement.individualised.meeting_kind');
    } else if (row.status !== 'interest' && row.status !== 'preparation' && row.status !== 'closed') {
      throw new IaRejected('meeting', 'engagement.individualised.meeting_needed_now');
    }
    const out = await save(tx, row, { meetingId });
    await recordAudit(tx, actor, { action: meetingId ? 'engagement.individualised_approach.meeting_linked' : 'engagement.individualised_approach.meeting_unlinked', entityType: 'individualised_approach', entityId: id, summary: { meetingId: meetingId ?? row.meetingId } });
    return out;
  });
}

/** Saves the summary or the final report in every language given (an empty text removes that language). */
export async function saveTexts(database: Db, actor: Actor, user: User, id: string, version: number, which: 'summary' | 'finalReport', texts: Texts): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    const clean: Texts = {};
    for (const [k, v] of Object.entries(texts) as [keyof Texts, string | undefined][]) if (v) clean[k] = v;
    if (which === 'finalReport' && row.publishedAt && Object.keys(clean).length === 0) throw new IaRejected('text-en', 'engagement.individualised.published_needs_text');
    const out = await save(tx, row, { [which]: clean });
    const before = row[which] as Record<string, string | undefined>;
    const changed = [...new Set([...Object.keys(before), ...Object.keys(clean)])].filter((k) => (before[k] ?? '') !== ((clean as Record<string, string | undefined>)[k] ?? ''));
    await recordAudit(tx, actor, { action: which === 'summary' ? 'engagement.individualised_approach.summary_saved' : 'engagement.individualised_approach.final_report_saved', entityType: 'individualised_approach', entityId: id, summary: { languages: changed, published: !!row.publishedAt } });
    return out;
  });
}

/** Moves the record to another step (not publication: see publishFinalReport). */
export async function changeStatus(database: Db, actor: Actor, user: User, id: string, version: number, to: IaStatus): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  if (to === 'published') return publishFinalReport(database, actor, user, id, version);
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    const problem = transitionProblem(row, to);
    if (problem) throw new IaRejected('to', problem);
    const out = await save(tx, row, { status: to });
    await recordAudit(tx, actor, { action: 'engagement.individualised_approach.status_changed', entityType: 'individualised_approach', entityId: id, summary: { from: row.status, to } });
    return out;
  });
}

/** Publishes the final report on the State's public page. Needs a final report in some language. */
export async function publishFinalReport(database: Db, actor: Actor, user: User, id: string, version: number, at: Date = new Date()): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    const problem = publishProblem(row);
    if (problem) throw new IaRejected('publish', problem);
    const out = await save(tx, row, { status: 'published', publishedAt: at });
    await recordAudit(tx, actor, { action: 'engagement.individualised_approach.published', entityType: 'individualised_approach', entityId: id, summary: { stateIso2: row.stateIso2, languages: Object.keys(row.finalReport) } });
    return out;
  });
}

/** Takes the final report off the public page; the record goes back to its summary. */
export async function withdrawFinalReport(database: Db, actor: Actor, user: User, id: string, version: number): Promise<repo.IaRow> {
  assertCan(canEditIndividualisedApproach(user));
  return withTransaction(database.db, async (tx) => {
    const row = await load(tx, id, version);
    if (!row.publishedAt) throw new IaRejected('withdraw', 'engagement.individualised.not_published');
    const status: IaStatus = row.status === 'closed' ? 'closed' : 'summary';
    const out = await save(tx, row, { status, publishedAt: null });
    await recordAudit(tx, actor, { action: 'engagement.individualised_approach.withdrawn', entityType: 'individualised_approach', entityId: id, summary: { stateIso2: row.stateIso2, status } });
    return out;
  });
}

export { reopenTarget };
