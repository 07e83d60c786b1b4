/** Read models of compliance for the pages, the CSV downloads, the State page section and reminders. */
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { findState, listStates, stateName, type IsoDate, type LocalizedText, type Region } from '../states/index.ts';
import {
  annualRow,
  currentReportingYear,
  cycleYearOf,
  initialRow,
  initialRowsOfCycle,
  isCounted,
  ReportLookup,
  reportingCycle,
  summarise,
  yearRange,
  type ObligationRow,
  type ReportFacts,
  type StateFacts,
  type Summary,
} from './compliance.ts';
import { annualObligation } from '../reporting/index.ts';
import {
  selectEarliestAnnualYear,
  selectReminderCounts,
  selectRemindersOfState,
  selectReportFacts,
  type ReminderCount,
  type StateReminderRow,
} from './compliance-repository.ts';

export interface NamedState extends StateFacts {
  names: LocalizedText;
  region: Region;
  name: string;
}

export interface NamedRow extends ObligationRow {
  name: string;
  region: Region;
}

/** What only committee members and ISU see: drafts in progress and reminders sent (never content). */
export interface InternalFacts {
  /** Reports started but never submitted, by State. */
  drafts: Map<string, ReportFacts>;
  /** Reminders queued for the annual report, by State. */
  reminders: Map<string, ReminderCount>;
  /** Reminders queued for the initial report, by State. */
  initialReminders: Map<string, ReminderCount>;
}

export interface YearCompliance {
  year: number;
  range: { first: number; last: number };
  today: IsoDate;
  dueDate: IsoDate;
  cycle: { from: IsoDate; to: IsoDate };
  /** Every State that is or was a party, sorted by name in the page's language. */
  rows: NamedRow[];
  /** Initial reports falling due in the year's cycle. */
  initial: NamedRow[];
  summary: Summary;
  internal?: InternalFacts;
}

async function namedStates(db: DbOrTx, locale: string): Promise<NamedState[]> {
  const items = await listStates(db, { locale });
  return items.map(({ state }) => ({ ...state, name: stateName(state, locale), region: state.region as Region }));
}

/** The years the compliance pages offer (see yearRange). */
export async function complianceYears(db: DbOrTx, today: IsoDate): Promise<{ first: number; last: number; current: number }> {
  const range = yearRange(await selectEarliestAnnualYear(db), today);
  return { ...range, current: currentReportingYear(today) };
}

/** A year outside the offered range is unknown (404). */
export function assertYearInRange(year: number, range: { first: number; last: number }): void {
  if (!Number.isInteger(year) || year < range.first || year > range.last) throw new AppError('not_found', 'compliance.year_unknown');
}

function named(row: ObligationRow, s: NamedState): NamedRow {
  return { ...row, name: s.name, region: s.region };
}

/** Who submitted the annual report for `year` on time, late or not at all, and the initial reports of its cycle. */
export async function complianceOfYear(db: DbOrTx, opts: { year: number; locale: string; today: IsoDate; internal?: boolean }): Promise<YearCompliance> {
  const [states, reports, range] = await Promise.all([namedStates(db, opts.locale), selectReportFacts(db), complianceYears(db, opts.today)]);
  assertYearInRange(opts.year, range);
  const lookup = new ReportLookup(reports);
  const rows = states.map((s) => named(annualRow(s, opts.year, lookup, opts.today), s));
  const byIso2 = new Map(states.map((s) => [s.iso2, s]));
  const initial = initialRowsOfCycle(states, opts.year, lookup, opts.today).map((r) => named(r, byIso2.get(r.iso2)!));
  const out: YearCompliance = {
    year: opts.year,
    range,
    today: opts.today,
    dueDate: annualObligation(opts.year).dueDate,
    cycle: reportingCycle(opts.year),
    rows,
    initial,
    summary: summarise(opts.year, rows),
  };
  if (opts.internal) {
    const drafts = new Map<string, ReportFacts>();
    for (const r of rows) if (r.report && !r.report.firstSubmittedAt) drafts.set(r.iso2, r.report);
    for (const r of initial) if (r.report && !r.report.firstSubmittedAt) drafts.set(`${r.iso2}:initial`, r.report);
    const [annualReminders, initialReminders] = await Promise.all([selectReminderCounts(db, 'annual', opts.year), selectReminderCounts(db, 'initial', null)]);
    out.internal = {
      drafts,
      reminders: new Map(annualReminders.map((r) => [r.iso2, r])),
      initialReminders: new Map(initialReminders.map((r) => [r.iso2, r])),
    };
  }
  return out;
}

export interface Trends {
  range: { first: number; last: number };
  summaries: Summary[];
}

/** Counts and rates per year over the offered range (the current, not yet due, year included). */
export async function complianceTrends(db: DbOrTx, today: IsoDate): Promise<Trends> {
  const [states, reports, range] = await Promise.all([namedStates(db, 'en'), selectReportFacts(db), complianceYears(db, today)]);
  const lookup = new ReportLookup(reports);
  const summaries: Summary[] = [];
  for (let y = range.first; y <= range.last; y++) summaries.push(summarise(y, states.map((s) => annualRow(s, y, lookup, today))));
  return { range, summaries };
}

export interface StateHistoryRow extends ObligationRow {
  /** Reminders queued for this obligation (internal readers only). */
  reminders?: { count: number; lastAt: Date | null } | undefined;
}

export interface StateHistory {
  state: NamedState;
  range: { first: number; last: number };
  today: IsoDate;
  /** Newest first: the annual reports of the offered years the State owed or sent, and its initial report when it falls in them. */
  rows: StateHistoryRow[];
  /** On time, late… over the rows that were owed and are due. */
  counts: { counted: number; onTime: number; late: number; notSubmitted: number; pending: number };
  internal: boolean;
}

/** One State's reporting history (annual reports of the offered years, and its initial report when in range). */
export async function stateComplianceHistory(db: DbOrTx, iso2: string, opts: { locale: string; today: IsoDate; internal?: boolean }): Promise<StateHistory> {
  const found = await findState(db, iso2);
  if (!found) throw new AppError('not_found', 'states.not_found');
  const state: NamedState = { ...found, name: stateName(found, opts.locale), region: found.region as Region };
  const [reports, range, reminders] = await Promise.all([
    selectReportFacts(db, { stateIso2: state.iso2 }),
    complianceYears(db, opts.today),
    opts.internal ? selectRemindersOfState(db, state.iso2) : Promise.resolve([] as StateReminderRow[]),
  ]);
  const lookup = new ReportLookup(reports);
  const rows: StateHistoryRow[] = [];
  for (let y = range.last; y >= range.first; y--) {
    const r = annualRow(state, y, lookup, opts.today);
    if (isCounted(r.status) || r.report) rows.push(r);
  }
  const initial = initialRow(state, lookup, opts.today);
  const initialCycle = cycleYearOf(initial.dueDate);
  if ((initialCycle >= range.first && initialCycle <= range.last && initial.status !== 'not_party') || initial.report) {
    const at = rows.findIndex((r) => r.dueDate < initial.dueDate);
    rows.splice(at === -1 ? rows.length : at, 0, initial);
  }
  if (opts.internal) {
    for (const row of rows) {
      const mine = reminders.filter((m) => m.kind === row.kind && (row.kind === 'initial' || m.year === row.year));
      row.reminders = { count: mine.reduce((n, m) => n + m.count, 0), lastAt: mine.length ? new Date(Math.max(...mine.map((m) => m.lastAt.getTime()))) : null };
    }
  }
  const s = summarise(0, rows);
  return { state, range, today: opts.today, rows, counts: { counted: s.counted, onTime: s.onTime, late: s.late, notSubmitted: s.notSubmitted, pending: s.pending }, internal: !!opts.internal };
}

/** Everything the reminder task needs: the States, their reports (with first submissions). */
export async function reminderFacts(db: DbOrTx): Promise<{ states: NamedState[]; lookup: ReportLookup }> {
  const [states, reports] = await Promise.all([namedStates(db, 'en'), selectReportFacts(db)]);
  return { states, lookup: new ReportLookup(reports) };
}
