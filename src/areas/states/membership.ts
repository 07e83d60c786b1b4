/**
 * Membership of the Convention over time, and the deadlines that follow from it. Pure rules on ISO
 * dates (`YYYY-MM-DD`, calendar dates without a time zone): no database, HTTP or view code here.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export const REGIONS = ['africa', 'americas', 'asia_pacific', 'europe', 'middle_east'] as const;
export type Region = (typeof REGIONS)[number];

export const CONSENT_TYPES = ['ratification', 'accession', 'acceptance', 'approval', 'succession'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/** The six official languages; a State reports in one of them. */
export const REPORTING_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type ReportingLanguage = (typeof REPORTING_LANGUAGES)[number];

export const MEMBERSHIP_STATUSES = ['party', 'withdrawing', 'suspension_notified', 'not_yet_in_force', 'signatory_not_party', 'withdrawn'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const ARTICLE5_STATUSES = ['original', 'extended', 'requested', 'completed', 'expired'] as const;
export type Article5Status = (typeof ARTICLE5_STATUSES)[number];

/** How a State stands on Article 5 on a date, for filters: a running deadline, a passed one, done, or none recorded. */
export const ARTICLE5_STANDINGS = ['has_deadline', 'expired', 'completed', 'none'] as const;
export type Article5Standing = (typeof ARTICLE5_STANDINGS)[number];

/** The Convention entered into force on 1 March 1999 (Article 17(1)). */
export const CONVENTION_EIF: IsoDate = '1999-03-01';
/** Initial Article 7 report: at the latest 180 days after entry into force for the State. */
export const INITIAL_REPORT_DAYS = 180;
/** Article 5: destroy all anti-personnel mines in mined areas within 10 years of entry into force. */
export const ARTICLE5_YEARS = 10;
/** Article 20: a withdrawal takes effect six months after the depositary receives the instrument. */
export const WITHDRAWAL_MONTHS = 6;

export interface MembershipDates {
  signatureDate: IsoDate | null;
  consentDate: IsoDate;
  eifDate: IsoDate;
  withdrawalNotifiedDate: IsoDate | null;
  withdrawalEffectiveDate: IsoDate | null;
  suspensionNotifiedDate: IsoDate | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's date in UTC. */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** ISO dates sort as strings; these read better in rules. */
export const isBefore = (a: IsoDate, b: IsoDate) => a < b;
export const isOnOrAfter = (a: IsoDate, b: IsoDate) => a >= b;

/**
 * Entry into force for a State (Article 17(2)): the first day of the sixth month after the month in
 * which it deposited its instrument — but never before the Convention itself entered into force.
 * Deposit in December 2017 → 1 June 2018; deposit in September 1998 → 1 March 1999.
 */
export function eifFromDeposit(deposit: IsoDate): IsoDate {
  const [y, m] = parts(deposit);
  const first = addMonths(format(y, m, 1), 6);
  return first < CONVENTION_EIF ? CONVENTION_EIF : first;
}

/** Effective date of a withdrawal notified on `notified` (Article 20(3)), leaving aside the armed-conflict clause. */
export function withdrawalEffectiveFrom(notified: IsoDate): IsoDate {
  return addMonths(notified, WITHDRAWAL_MONTHS);
}

/** Party from its entry into force until the day its withdrawal takes effect (that day excluded). */
export function isPartyOn(state: Pick<MembershipDates, 'eifDate' | 'withdrawalEffectiveDate'>, date: IsoDate): boolean {
  if (date < state.eifDate) return false;
  return !state.withdrawalEffectiveDate || date < state.withdrawalEffectiveDate;
}

/**
 * Where a State stands on a date. While it is a party, a withdrawal notified but not yet effective
 * makes it `withdrawing`, and a notified suspension `suspension_notified` (both still parties).
 * Before its entry into force: `signatory_not_party` when it had signed and not yet deposited its
 * instrument, otherwise `not_yet_in_force` (the Convention is not, or not yet, in force for it).
 */
export function membershipStatus(state: MembershipDates, date: IsoDate): MembershipStatus {
  if (state.withdrawalEffectiveDate && date >= state.withdrawalEffectiveDate) return 'withdrawn';
  if (date >= state.eifDate) {
    if (state.withdrawalNotifiedDate && date >= state.withdrawalNotifiedDate) return 'withdrawing';
    if (state.suspensionNotifiedDate && date >= state.suspensionNotifiedDate) return 'suspension_notified';
    return 'party';
  }
  if (state.signatureDate && date >= state.signatureDate && date < state.consentDate) return 'signatory_not_party';
  return 'not_yet_in_force';
}

/** The statuses in which a State counts as a State Party. */
export function countsAsParty(status: MembershipStatus): boolean {
  return status === 'party' || status === 'withdrawing' || status === 'suspension_notified';
}

/** The initial Article 7 report is due 180 days after entry into force. */
export function initialReportDueDate(eifDate: IsoDate): IsoDate {
  return addDays(eifDate, INITIAL_REPORT_DAYS);
}

/** The original Article 5 deadline: ten years after entry into force. */
export function article5OriginalDeadline(eifDate: IsoDate): IsoDate {
  return addYears(eifDate, ARTICLE5_YEARS);
}

/** How a State's current Article 5 deadline stands on a date (a deadline in the past that is not completed has expired). */
export function article5Standing(current: { deadline: IsoDate; status: Article5Status } | null | undefined, date: IsoDate): Article5Standing {
  if (!current) return 'none';
  if (current.status === 'completed') return 'completed';
  if (current.status === 'expired' || current.deadline < date) return 'expired';
  return 'has_deadline';
}

export interface DateRuleViolation {
  field: keyof MembershipDates;
  /** Message key of the rule broken. */
  code: string;
}

/**
 * Ordering rules for a State's membership dates: signature before consent, entry into force on or
 * after consent, a withdrawal takes effect only after it was notified, and is notified after consent.
 */
export function checkMembershipDates(d: MembershipDates): DateRuleViolation[] {
  const out: DateRuleViolation[] = [];
  if (d.signatureDate && d.signatureDate > d.consentDate) out.push({ field: 'signatureDate', code: 'states.rules.signature_after_consent' });
  if (d.eifDate < d.consentDate) out.push({ field: 'eifDate', code: 'states.rules.eif_before_consent' });
  if (d.withdrawalNotifiedDate && d.withdrawalNotifiedDate < d.consentDate) out.push({ field: 'withdrawalNotifiedDate', code: 'states.rules.withdrawal_before_consent' });
  if (d.withdrawalEffectiveDate && !d.withdrawalNotifiedDate) out.push({ field: 'withdrawalNotifiedDate', code: 'states.rules.withdrawal_effective_without_notice' });
  if (d.withdrawalEffectiveDate && d.withdrawalNotifiedDate && d.withdrawalEffectiveDate < d.withdrawalNotifiedDate) {
    out.push({ field: 'withdrawalEffectiveDate', code: 'states.rules.withdrawal_effective_before_notice' });
  }
  if (d.suspensionNotifiedDate && d.suspensionNotifiedDate < d.consentDate) out.push({ field: 'suspensionNotifiedDate', code: 'states.rules.suspension_before_consent' });
  return out;
}
