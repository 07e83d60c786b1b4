/**
 * The individualised approach as the Committee follows it (domain §5.4): a State's expression of
 * interest → preparation of a profile (contamination, plans, costs, needs, victim assistance),
 * prefilled from its latest submitted Article 7 report → the meeting with its partners → a summary
 * with follow-up commitments → a final report published on the State's public page → closed.
 *
 * Pure rules only: which step may follow which, what publishing needs, and how a report's snapshot
 * becomes the profile's figures and texts. No database, HTTP or view code.
 */
import type { IaProfile, IndividualisedApproachStatus, Texts } from '../schema.ts';
import { IA_STATUSES } from '../schema.ts';

export { IA_STATUSES };
export type IaStatus = IndividualisedApproachStatus;

/** The profile's texts, in the order the page shows them. */
export const PROFILE_SECTIONS = ['contamination', 'plans', 'costs', 'needs', 'victim_assistance', 'gender'] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/** The steps a record moves through in order (closed may follow any of them). */
const ORDER: IaStatus[] = ['interest', 'preparation', 'meeting', 'summary', 'published'];

export interface IaFacts {
  status: IaStatus;
  meetingId: string | null;
  finalReport: Texts;
  publishedAt: Date | null;
}

/** Languages in which a text has been written (non-blank). */
export function writtenLanguages(texts: Texts | null | undefined): string[] {
  if (!texts) return [];
  return Object.entries(texts)
    .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
    .map(([k]) => k);
}

/**
 * Why a record cannot move to `to` (a message key under `errors.`), or undefined when it may.
 * Forward one step at a time or back one step to correct; publishing is its own command.
 */
export function transitionProblem(r: IaFacts, to: IaStatus): string | undefined {
  if (r.status === to) return 'engagement.individualised.same_status';
  if (to === 'published') return publishProblem(r);
  if (to === 'closed') return undefined;
  if (r.status === 'closed') return to === reopenTarget(r) ? undefined : 'engagement.individualised.transition_invalid';
  if (r.status === 'published') return 'engagement.individualised.withdraw_first';
  const from = ORDER.indexOf(r.status);
  const target = ORDER.indexOf(to);
  if (Math.abs(from - target) !== 1) return 'engagement.individualised.transition_invalid';
  if (to === 'meeting' && !r.meetingId) return 'engagement.individualised.meeting_required';
  return undefined;
}

/** Why a record cannot be published (a message key), or undefined. */
export function publishProblem(r: IaFacts): string | undefined {
  if (r.status === 'published') return 'engagement.individualised.already_published';
  if (r.status !== 'summary') return 'engagement.individualised.publish_from_summary';
  if (writtenLanguages(r.finalReport).length === 0) return 'engagement.individualised.final_report_missing';
  return undefined;
}

/** Where a closed record goes when it is reopened: back to its publication, or to the start. */
export function reopenTarget(r: Pick<IaFacts, 'publishedAt'>): IaStatus {
  return r.publishedAt ? 'published' : 'interest';
}

/** The steps a user may choose from the record's page (publishing and withdrawal have their own buttons). */
export function nextSteps(r: IaFacts): IaStatus[] {
  return IA_STATUSES.filter((s) => s !== 'published' && transitionProblem(r, s) === undefined);
}

/** Whether the final report is readable by the public. */
export function isPublic(r: Pick<IaFacts, 'publishedAt' | 'finalReport'>): boolean {
  return r.publishedAt !== null && writtenLanguages(r.finalReport).length > 0;
}

/* ---------------------------------------------------------------- prefill from a report */

/**
 * Figures the profile takes from a report, with the form they come from. Region figures are kept
 * as `region:<name>:<figure>` keys and shown as a table.
 */
export const FIGURE_SOURCES: Record<string, 'C' | 'J' | 'article5'> = {
  sha_count: 'C',
  sha_sqm: 'C',
  cha_count: 'C',
  cha_sqm: 'C',
  cancelled_sqm: 'C',
  reduced_sqm: 'C',
  cleared_sqm: 'C',
  mines_destroyed: 'C',
  completion_plan: 'C',
  article5_deadline: 'article5',
  national_resources: 'J',
  assistance_received_rows: 'J',
  resource_plan: 'J',
  casualties: 'J',
  survivors: 'J',
  national_platform: 'J',
};
export const FIGURE_KEYS = Object.keys(FIGURE_SOURCES);
export const REGION_FIGURES = ['sha_count', 'sha_sqm', 'cha_count', 'cha_sqm'] as const;

type Values = Record<string, Record<string, unknown> | undefined>;
type SnapshotLike = { forms: Record<string, { status: string; values: unknown } | undefined> };

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v.filter((r) => r && typeof r === 'object') as Record<string, unknown>[]) : []);

function formValues(s: SnapshotLike, id: string): Values | undefined {
  const f = s.forms[id];
  if (!f || f.status === 'not_applicable' || !f.values || typeof f.values !== 'object') return undefined;
  return f.values as Values;
}

/** Sum of the numeric cells of a people answer (without the disability cells, which overlap). */
export function peopleTotal(v: unknown): number | undefined {
  if (!v || typeof v !== 'object') return undefined;
  let total = 0;
  let any = false;
  for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
    if (k.startsWith('disability_') || typeof n !== 'number') continue;
    total += n;
    any = true;
  }
  return any ? total : undefined;
}

/** A key region figures are stored under; region names are user text, so `:` inside is kept. */
export const regionKey = (region: string, figure: string) => `region:${region}:${figure}`;

/** Reads region figures back: region name → figure → value, in the order written. */
export function regionFigures(figures: Record<string, number | string> | undefined): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [k, v] of Object.entries(figures ?? {})) {
    if (!k.startsWith('region:') || typeof v !== 'number') continue;
    const i = k.lastIndexOf(':');
    const region = k.slice('region:'.length, i);
    const figure = k.slice(i + 1);
    const row = out.get(region) ?? {};
    row[figure] = v;
    out.set(region, row);
  }
  return out;
}

/**
 * The profile a report gives: its figures (Form C contamination and land release, Form J
 * resources, assistance, victims and platform) and its narratives for the profile's texts.
 * `article5Deadline` comes from the States area (the deadline in force).
 */
export function profileFromReport(snapshot: SnapshotLike, article5Deadline: string | null): { figures: Record<string, number | string>; sections: Partial<Record<ProfileSection, string>> } {
  const figures: Record<string, number | string> = {};
  const sections: Partial<Record<ProfileSection, string>> = {};
  const C = formValues(snapshot, 'C');
  if (C) {
    const totals = { sha_count: 0, sha_sqm: 0, cha_count: 0, cha_sqm: 0 };
    let anyArea = false;
    for (const a of rows(C.hazards?.areas)) {
      const kind = a.kind === 'sha' || a.kind === 'cha' ? a.kind : undefined;
      const region = str(a.region).slice(0, 200);
      if (!kind || !region) continue;
      anyArea = true;
      const count = num(a.areaCount) ?? 0;
      const sqm = num(a.sizeSqm) ?? 0;
      totals[`${kind}_count`] += count;
      totals[`${kind}_sqm`] += sqm;
      for (const [f, v] of [
        [`${kind}_count`, count],
        [`${kind}_sqm`, sqm],
      ] as const) {
        const key = regionKey(region, f);
        figures[key] = ((figures[key] as number | undefined) ?? 0) + v;
      }
    }
    if (anyArea) Object.assign(figures, totals);
    const release = rows(C.release?.byRegion);
    if (release.length) {
      const sum = (k: string) => release.reduce((s, r) => s + (num(r[k]) ?? 0), 0);
      figures.cancelled_sqm = sum('cancelledSqm');
      figures.reduced_sqm = sum('reducedSqm');
      figures.cleared_sqm = sum('clearedSqm');
      figures.mines_destroyed = sum('minesDestroyed');
    }
    if (C.plan?.hasPlan === true || C.plan?.hasPlan === false) figures.completion_plan = C.plan.hasPlan ? 'yes' : 'no';
    if (str(C.release?.methodology)) sections.contamination = str(C.release?.methodology);
    if (str(C.plan?.planSummary)) sections.plans = str(C.plan?.planSummary);
  }
  if (article5Deadline) figures.article5_deadline = article5Deadline;
  const J = formValues(snapshot, 'J');
  if (J) {
    const nat = J.received?.nationalResources as { amount?: unknown; currency?: unknown } | undefined;
    if (nat && num(nat.amount) !== undefined) figures.national_resources = `${nat.amount} ${str(nat.currency)}`.trim();
    const received = rows(J.received?.assistance);
    if (J.received) figures.assistance_received_rows = received.length;
    const coop = J.cooperation ?? {};
    if (coop.resourcePlan === true || coop.resourcePlan === false) figures.resource_plan = coop.resourcePlan ? 'yes' : 'no';
    if (coop.nationalPlatform === true || coop.nationalPlatform === false) figures.national_platform = coop.nationalPlatform ? 'yes' : 'no';
    const casualties = peopleTotal(J.victims?.casualties);
    if (casualties !== undefined) figures.casualties = casualties;
    const survivors = peopleTotal(J.victims?.survivors);
    if (survivors !== undefined) figures.survivors = survivors;
    if (str(coop.resourcePlanSummary)) sections.costs = str(coop.resourcePlanSummary);
    if (str(coop.needs)) sections.needs = str(coop.needs);
    if (str(J.victims?.narrative)) sections.victim_assistance = str(J.victims?.narrative);
    if (str(J.gender?.narrative)) sections.gender = str(J.gender?.narrative);
  }
  return { figures, sections };
}

/**
 * The profile after a (re)fill from a report: figures and source replaced; each text replaced when
 * `replaceTexts` is set or when it is still empty, so what the user wrote is kept unless asked.
 */
export function refilledProfile(current: IaProfile, source: NonNullable<IaProfile['source']>, fill: ReturnType<typeof profileFromReport>, replaceTexts: boolean): IaProfile {
  const sections: Record<string, string> = { ...current.sections };
  for (const s of PROFILE_SECTIONS) {
    const fresh = fill.sections[s];
    if (fresh === undefined) continue;
    if (replaceTexts || !sections[s]?.trim()) sections[s] = fresh;
  }
  return { source, sections, figures: fill.figures };
}

/** Whether `candidate` is a newer report version than the profile's source. */
export function isNewerSource(current: IaProfile['source'], candidate: { reportId: string; year: number; versionNo: number } | undefined): boolean {
  if (!candidate) return false;
  if (!current) return true;
  if (candidate.year !== current.year) return candidate.year > current.year;
  if (candidate.reportId !== current.reportId) return true;
  return candidate.versionNo > current.versionNo;
}
