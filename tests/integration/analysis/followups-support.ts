/**
 * Reports for the follow-up tests, built through the reporting area's real commands: a State's
 * annual report with a given cover page (language of submission, contacts) and Form J, submitted
 * and analysed; and reviewer decisions that make the values what a test needs.
 */
import { eq, sql } from 'drizzle-orm';
import { createReport, markFormNotApplicable, saveForm, submitReport } from '../../../src/areas/reporting/reports-commands.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import { decideIndicator, seedDemoAnalysis } from '../../../src/areas/analysis/index.ts';
import { reportIndicators } from '../../../src/areas/analysis/schema.ts';
import { users } from '../../../src/areas/accounts/schema.ts';
import type { TestApp } from '../../support/app.ts';
import { person, sampleFormJ, type Person } from './indicators-support.ts';

export { person, sampleFormJ, type Person };

export interface StateTeam {
  iso2: string;
  preparer: Person;
  approver: Person;
}

export async function stateTeam(t: TestApp, iso2: string): Promise<StateTeam> {
  const [preparer, approver] = await Promise.all([person(t, { role: 'state_preparer', stateIso2: iso2 }), person(t, { role: 'state_approver', stateIso2: iso2 })]);
  return { iso2, preparer, approver };
}

export type CoverPerson = { organisation: string; name: string; email?: string };

/** Creates, fills, submits and analyses a State's annual report; returns its id. */
export async function analysedReport(t: TestApp, team: StateTeam, o: { year: number; language: string; people: CoverPerson[]; formJ?: Record<string, unknown> }): Promise<string> {
  const deps = t.deps;
  const who = team;
  const report = await createReport(deps, who.preparer.actor, who.preparer.principal, { stateIso2: team.iso2, kind: 'annual', year: o.year, startFromPrevious: false });
  for (const f of await repo.listForms(t.database.db, report.id)) {
    if (f.formId === 'cover' || f.formId === 'J') {
      const body = f.formId === 'cover' ? { contacts: { people: o.people }, general: { language: o.language, remarks: 'Test report.' } } : (o.formJ ?? sampleFormJ(o.year));
      const saved = await saveForm(deps, who.preparer.actor, who.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version, body, json: true, completed: true });
      if (saved.kind !== 'saved' || saved.form.status !== 'complete') throw new Error(`form ${f.formId} not saved: ${JSON.stringify(saved.kind === 'invalid' ? saved.parsed.issues : saved.kind === 'saved' ? saved.issues : saved.kind)}`);
    } else {
      await markFormNotApplicable(deps, who.preparer.actor, who.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version });
    }
  }
  const ready = (await repo.findReport(t.database.db, report.id))!;
  await submitReport(deps, who.approver.actor, who.approver.principal, { reportId: report.id, expectedVersion: ready.version, visibility: 'public', declaration: true, explanations: {} });
  await seedDemoAnalysis(t.database);
  return report.id;
}

/** A reviewer's decisions on some indicators of a report (the decision wins over the analysis). */
export async function decide(t: TestApp, reviewer: Person, reportId: string, decisions: Record<string, 'yes' | 'no'>): Promise<void> {
  for (const [indicatorId, decision] of Object.entries(decisions)) {
    const [row] = await t.database.db.select().from(reportIndicators).where(sql`${reportIndicators.reportId} = ${reportId} and ${reportIndicators.indicatorId} = ${indicatorId}`);
    if (!row) throw new Error(`${indicatorId} not analysed`);
    await decideIndicator(t.database, reviewer.actor, reviewer.principal, { reportId, indicatorId, decision, note: 'Checked by the test reviewer.', expectedVersion: row.version });
  }
}

/** The State's users stop being focal points (their accounts are disabled). */
export async function disableUsers(t: TestApp, team: StateTeam): Promise<void> {
  for (const p of [team.preparer, team.approver]) await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, p.id));
}
