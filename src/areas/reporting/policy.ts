/**
 * Who may see and do what with Article 7 reports — the only place these rules are decided.
 *  - A State's preparers and approvers prepare its reports; only an approver submits.
 *  - ISU staff and administrators review: acknowledge, return for clarification, publish.
 *  - Committee members read submitted reports (not drafts).
 *  - The public reads published public reports; signed-in users also read restricted ones
 *    (every account belongs to a State Party, a committee of States Parties or the ISU).
 */
import { AppError, forbidden } from '../../platform/errors.ts';
import { isCommitteeMember, isStaff, isStateUser, type Principal } from '../accounts/index.ts';
import { isEditable, type ReportStatus } from './report.ts';

type User = Principal | undefined;
interface ReportLike {
  stateIso2: string;
  status: ReportStatus;
  visibility: 'public' | 'restricted';
  publishedVersionNo: number | null;
  currentVersionNo: number;
}

export const isOwnState = (u: User, stateIso2: string) => isStateUser(u) && u!.stateIso2 === stateIso2;

export function canCreateReport(u: User, stateIso2: string): boolean {
  return isOwnState(u, stateIso2);
}

/** The working copy (drafts, returned reports, comments): the State's own users and ISU. */
export function canViewWorkingCopy(u: User, r: ReportLike): boolean {
  return isOwnState(u, r.stateIso2) || isStaff(u);
}

export function canEditReport(u: User, r: ReportLike): boolean {
  return isOwnState(u, r.stateIso2) && isEditable(r.status);
}

export function canSubmitReport(u: User, r: ReportLike): boolean {
  return u?.role === 'state_approver' && u.stateIso2 === r.stateIso2 && isEditable(r.status);
}

export function canStartCorrection(u: User, r: ReportLike): boolean {
  return isOwnState(u, r.stateIso2) && (r.status === 'acknowledged' || r.status === 'published');
}

export function canReview(u: User): boolean {
  return isStaff(u);
}

/** Submitted versions (not the working copy) of a report. */
export function canViewSubmitted(u: User, r: ReportLike): boolean {
  if (r.currentVersionNo === 0) return false;
  return isOwnState(u, r.stateIso2) || isStaff(u) || isCommitteeMember(u);
}

/**
 * The published version: public reports for everyone, restricted ones for signed-in users.
 * `visibility` on the report is that of its published version (set at publication).
 */
export function canViewPublished(u: User, r: ReportLike): boolean {
  if (r.publishedVersionNo === null) return false;
  return r.visibility === 'public' || !!u;
}

interface VersionLike {
  publishedAt: Date | null;
  visibility: 'public' | 'restricted';
}

/**
 * One submitted version: every version for those who read submitted reports; otherwise only
 * versions that were published, and a restricted one only for signed-in users — a later public
 * version never opens an earlier restricted one to the public.
 */
export function canViewVersion(u: User, r: ReportLike, v: VersionLike): boolean {
  if (canViewSubmitted(u, r)) return true;
  return v.publishedAt !== null && (v.visibility === 'public' || !!u);
}

export function visibleVersions<V extends VersionLike>(u: User, r: ReportLike, versions: V[]): V[] {
  return versions.filter((v) => canViewVersion(u, r, v));
}

/**
 * An attached file: the working copy's readers see every file; other readers only the files of a
 * version they may read (a file added to a correction in progress stays private until that
 * correction is submitted and visible to them). Versions list their attachments; for versions
 * from before they did, a file counts if it existed when the version was submitted (to the second).
 */
export function canViewAttachment(u: User, r: ReportLike, attachment: { id: string; createdAt: Date }, versions: (VersionLike & { submittedAt: Date; snapshot: unknown })[]): boolean {
  if (canViewWorkingCopy(u, r)) return true;
  return visibleVersions(u, r, versions).some((v) => {
    const listed = (v.snapshot as { attachments?: unknown } | null)?.attachments;
    if (Array.isArray(listed)) return listed.includes(attachment.id);
    return Math.floor(attachment.createdAt.getTime() / 1000) * 1000 <= v.submittedAt.getTime();
  });
}

export function canComment(u: User, r: ReportLike): boolean {
  return isStaff(u) || (isOwnState(u, r.stateIso2) && r.currentVersionNo > 0);
}

export function canSeeStateDashboard(u: User): boolean {
  return isStateUser(u);
}

export function assertCan(allowed: boolean, code = 'forbidden'): void {
  if (!allowed) throw forbidden(code);
}

export function assertSignedIn(u: User): Principal {
  if (!u) throw new AppError('unauthenticated', 'unauthenticated');
  return u;
}
