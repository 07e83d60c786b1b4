/**
 * Who may search the reports' narratives — the only place these rules are decided.
 *  - Committee members, ISU staff and administrators (the analysis' users) search every submitted
 *    version's narratives, restricted and unpublished ones included.
 *  - Nobody else uses the committee's search page.
 */
import type { Principal } from '../../accounts/index.ts';
import { canUseAnalysis } from '../policy.ts';

type User = Principal | undefined;

export function canSearchNarratives(u: User): boolean {
  return canUseAnalysis(u);
}

/** Which documents a search by this user may show: all of them, or public published versions only. */
export function searchScope(u: User): 'all' | 'public' {
  return canSearchNarratives(u) ? 'all' : 'public';
}
