/**
 * Article 7 reports: obligations derived from a State's entry into force, and the report status
 * machine. Pure rules, no database or HTTP.
 */
import type { FormStatus, ReportStatus } from './schema.ts';

export type { FormStatus, ReportStatus } from './schema.ts';

export interface MembershipDates {
  eifDate: string;
  withdrawalEffectiveDate?: string | null;
}

export interface Obligation {
  kind: 'initial' | 'annual';
  /** Annual: the calendar year covered. Initial: the year of entry into force. */
  year: number;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Initial report: due at the latest 180 days after entry into force for the State. */
export function initialObligation(m: MembershipDates): Obligation {
  return { kind: 'initial', year: Number(m.eifDate.slice(0, 4)), periodStart: m.eifDate, periodEnd: m.eifDate, dueDate: addDays(m.eifDate, 180) };
}

/** Annual report for calendar year `year`: due 30 April of the following year. */
export function annualObligation(year: number): Obligation {
  return { kind: 'annual', year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, dueDate: `${year + 1}-04-30` };
}

/**
 * Every obligation of a State up to (and including) the annual report due in `untilYear`+1: the
 * initial report, then one annual report per calendar year in which the State was a party, the
 * first one being the first whose due date falls after the initial report's. None falls due once a
 * withdrawal has taken effect: a State that is no longer a party owes nothing, so a withdrawal
 * effective in December ends with the report on the year before (the same rule as compliance,
 * which counts a State for year Y only if it is a party on 30 April Y+1).
 */
export function obligationsOf(m: MembershipDates, untilYear: number): Obligation[] {
  const initial = initialObligation(m);
  const out: Obligation[] = [initial];
  const eifYear = Number(m.eifDate.slice(0, 4));
  for (let y = eifYear; y <= untilYear; y++) {
    const o = annualObligation(y);
    if (o.dueDate <= initial.dueDate) continue;
    if (m.withdrawalEffectiveDate && m.withdrawalEffectiveDate <= o.dueDate) break;
    out.push(o);
  }
  return out;
}

/** Days late (positive) or early (negative) of a submission against its due date. */
export function daysLate(dueDate: string, submittedAt: Date): number {
  const due = Date.parse(`${dueDate}T23:59:59Z`);
  return Math.ceil((submittedAt.getTime() - due) / 86_400_000) || 0;
}

export type ReportAction = 'edit' | 'submit' | 'acknowledge' | 'return' | 'publish' | 'start_correction';

const TRANSITIONS: Record<ReportAction, { from: ReportStatus[]; to: ReportStatus }> = {
  edit: { from: ['draft', 'returned'], to: 'draft' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  acknowledge: { from: ['submitted'], to: 'acknowledged' },
  return: { from: ['submitted', 'acknowledged'], to: 'returned' },
  publish: { from: ['acknowledged'], to: 'published' },
  start_correction: { from: ['acknowledged', 'published'], to: 'draft' },
};

export function canTransition(status: ReportStatus, action: ReportAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

export function nextStatus(status: ReportStatus, action: ReportAction): ReportStatus {
  if (!canTransition(status, action)) throw new Error(`cannot ${action} a ${status} report`);
  return action === 'edit' ? status : TRANSITIONS[action].to;
}

export function isEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Statuses a form may be marked with by the State. */
export const STATE_FORM_STATUSES: FormStatus[] = ['not_started', 'in_progress', 'complete', 'unchanged', 'not_applicable'];

/** A form counts as done for submission when complete, unchanged or not applicable. */
export function isFormDone(status: FormStatus): boolean {
  return status === 'complete' || status === 'unchanged' || status === 'not_applicable';
}
