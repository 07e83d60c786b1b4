/**
 * Evidence links as readers see them: each target re-read for its current title and address, and
 * marked missing when it no longer exists (a deleted meeting, a report id that never was).
 */
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { reportsTable } from '../reporting/index.ts';
import { stateNamesByIso2, localized } from '../states/index.ts';
import { listFollowUps } from '../analysis/index.ts';
import { findQuestionnaire } from '../questionnaires/index.ts';
import { meetings, workPlanItems, workPlans } from './schema.ts';
import type { EvidenceLinkRow } from './work-plans-repository.ts';
import { textIn } from './texts.ts';
import type { Principal } from '../accounts/index.ts';
import { canViewMeeting } from './policy.ts';
import { factsOf } from './meetings/index.ts';
import { findIndividualisedApproachForLink } from './individualised/index.ts';


export interface ResolvedLink {
  id: string;
  type: EvidenceLinkRow['targetType'];
  /** What to show: the target's current title in the reader's language, or the stored label. */
  title: string;
  /** The message key of the kind of target, e.g. "engagement.links.type.report". */
  typeKey: string;
  href: string | null;
  /** The target no longer exists (or never did). */
  missing: boolean;
  external: boolean;
}

/**
 * Resolves links for one reader, in their language. A meeting the reader may not read keeps its
 * place but shows `hiddenTitle` and no address (its title would leak what is confidential).
 */
export async function resolveLinks(db: DbOrTx, links: EvidenceLinkRow[], reader: { locale: string; user: Principal | undefined; hiddenTitle: string }): Promise<ResolvedLink[]> {
  const { locale } = reader;
  if (!links.length) return [];
  const names = await stateNamesByIso2(db);
  const stateName = (iso2: string) => (names.get(iso2) ? localized(names.get(iso2)!, locale) : iso2);
  const reportIds = links.filter((l) => l.targetType === 'report').map((l) => l.targetRef);
  const reports = reportIds.length ? await db.select({ id: reportsTable.id, stateIso2: reportsTable.stateIso2, year: reportsTable.year, kind: reportsTable.kind }).from(reportsTable).where(inArray(reportsTable.id, reportIds)) : [];
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const out: ResolvedLink[] = [];
  for (const l of links) {
    const base = { id: l.id, type: l.targetType, typeKey: `engagement.links.type.${l.targetType}`, external: false };
    switch (l.targetType) {
      case 'report': {
        const r = reportById.get(l.targetRef);
        out.push({ ...base, title: r ? `${stateName(r.stateIso2)} · ${r.year}` : l.label ?? l.targetRef, href: r ? `/${locale}/reports/${r.id}` : null, missing: !r });
        break;
      }
      case 'follow_up': {
        const [year, iso2] = l.targetRef.split('/') as [string, string];
        const found = (await listFollowUps(db, { year: Number(year), stateIso2: iso2 })).length > 0;
        out.push({ ...base, title: `${stateName(iso2)} · ${year}`, href: found ? `/${locale}/analysis/follow-ups/${year}/${iso2.toLowerCase()}` : null, missing: !found });
        break;
      }
      case 'questionnaire': {
        const q = await findQuestionnaire(db, l.targetRef);
        out.push({ ...base, title: q ? textIn(q.title, locale) : l.label ?? l.targetRef, href: q ? `/${locale}/questionnaires/${q.id}` : null, missing: !q });
        break;
      }
      case 'meeting': {
        const [m] = await db.select().from(meetings).where(eq(meetings.id, l.targetRef));
        if (m && !canViewMeeting(reader.user, (await factsOf(db, [m])).get(m.id)!)) out.push({ ...base, title: reader.hiddenTitle, href: null, missing: false });
        else out.push({ ...base, title: m ? textIn(m.title, locale) : l.label ?? l.targetRef, href: m ? `/${locale}/meetings/${m.id}` : null, missing: !m });
        break;
      }
      case 'plan_item': {
        const [i] = await db.select({ id: workPlanItems.id, planId: workPlanItems.planId, title: workPlanItems.title, position: workPlanItems.position, year: workPlans.year }).from(workPlanItems).innerJoin(workPlans, eq(workPlans.id, workPlanItems.planId)).where(eq(workPlanItems.id, l.targetRef));
        out.push({ ...base, title: i ? `${i.year} · ${i.position}. ${textIn(i.title, locale)}` : l.label ?? l.targetRef, href: i ? `/${locale}/work-plans/${i.planId}/items/${i.id}` : null, missing: !i });
        break;
      }
      case 'paper':
        out.push({ ...base, title: l.targetRef, href: `/${locale}/analysis/papers/${l.targetRef}`, missing: false });
        break;
      case 'url':
        out.push({ ...base, title: l.label ?? l.targetRef, href: l.targetRef, missing: false, external: true });
        break;
      case 'individualised_approach': {
        const ia = await findIndividualisedApproachForLink(db, l.targetRef);
        out.push({ ...base, title: ia ? `${stateName(ia.stateIso2)} · ${ia.interestOn.slice(0, 4)}` : l.label ?? l.targetRef, href: ia ? `/${locale}/individualised-approach/${ia.id}` : null, missing: !ia });
        break;
      }
    }
  }
  return out;
}
