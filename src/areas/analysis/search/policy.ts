/**
 * Who may search the reports' narratives — the only place these rules are decided.
 *  - Committee members, ISU staff and administrators (the analysis' users) search every submitted
 *    version's narratives, restricted and unpublished ones included.
 *  - Nobody else uses the committee's search page; everyone, signed in or not, may use the public
 *    search, which only ever shows the published version of public reports.
 *  - ISU staff and administrators index every report again (committee members do not).
 */
import { isStaff, type Principal } from '../../accounts/index.ts';
import { canUseAnalysis } from '../policy.ts';

type User = Principal | undefined;

export function canSearchNarratives(u: User): boolean {
  return canUseAnalysis(u);
}

/** Indexing every submitted report again (after a change of configuration, or to repair the index). */
export function canReindexSearch(u: User): boolean {
  return isStaff(u);
}

/** The public search: anyone, signed in or not — it only ever shows published public reports. */
export function canSearchPublished(_u: User): boolean {
  return true;
}

/** Which documents a search by this user may show: all of them, or public published versions only. */
export function searchScope(u: User): 'all' | 'public' {
  return canSearchNarratives(u) ? 'all' : 'public';
}
