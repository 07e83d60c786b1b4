/**
 * Building Article 7 reports for the analysis tests through the reporting area's real commands:
 * a report with a given Form J (every other form not applicable), submitted, and corrected.
 */
import type { Actor } from '../../../src/platform/audit/audit.ts';
import { loadPrincipal, type Principal } from '../../../src/areas/accounts/index.ts';
import { acknowledgeReport, createReport, markFormNotApplicable, saveForm, startCorrection, submitReport } from '../../../src/areas/reporting/reports-commands.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import { Agent, createUser, type TestApp } from '../../support/app.ts';
import type { Role } from '../../../src/areas/accounts/schema.ts';

export interface Person {
  id: string;
  email: string;
  principal: Principal;
  actor: Actor;
}

export async function person(t: TestApp, u: { role: Role; stateIso2?: string; committeeId?: string; name?: string }): Promise<Person> {
  const row = await createUser(t.database, u);
  const principal = (await loadPrincipal(t.database.db, row.id, { demoMode: false }))!;
  return { id: row.id, email: row.email, principal, actor: { userId: row.id, label: row.email } };
}

export async function agentFor(t: TestApp, p: Person): Promise<Agent> {
  const a = new Agent(t.app);
  const res = await a.signIn(p.email);
  if (res.status !== 303) throw new Error(`${p.email} could not sign in (${res.status})`);
  return a;
}

/** A Form J with cooperation, platform, needs and gender answers, and the narratives that go with them. */
export function sampleFormJ(year: number) {
  return {
    victims: {
      casualties: { female_adult: 1, male_adult: 3, male_child: 2, disability_male: 1 },
      survivors: null,
      narrative: 'Three men and two boys were injured by mines during the year; all received emergency care.',
    },
    received: {
      assistance: [
        { partner: 'European Union', amount: { amount: 650000, currency: 'EUR' }, year, sector: 'clearance', southSouth: false, inKind: null },
        { partner: 'Benin (regional training centre)', amount: null, year, sector: 'capacity_building', southSouth: true, inKind: 'Training of two team leaders in quality management.' },
      ],
      nationalResources: { amount: 1000000, currency: 'USD' },
    },
    provided: { assistance: [] },
    cooperation: {
      resourcePlan: true,
      resourcePlanSummary: 'The resource mobilisation plan adopted in March sets out the national contribution and multi-year agreements with partners.',
      nationalPlatform: false,
      needs: 'About USD 4 million is still required to complete survey and clearance of the remaining areas.',
      narrative: 'There is no national platform yet; coordination with donors is bilateral. The State has requested an individualised approach meeting at the intersessional meetings.',
    },
    gender: {
      integrated: null,
      narrative: 'Women make up a third of the survey teams, and women, girls, boys and men are consulted separately when priorities are set.',
    },
    other: { narrative: null },
  };
}

export const cover = (language = 'en') => ({
  contacts: { people: [{ organisation: 'National Mine Action Authority (test)', name: 'Test focal point' }] },
  general: { language, remarks: 'Test report.' },
});

/** Creates, fills and submits a State's annual report; returns its id. */
export async function submittedReport(t: TestApp, who: { preparer: Person; approver: Person }, o: { year: number; formJ: Record<string, unknown>; visibility?: 'public' | 'restricted' }): Promise<string> {
  const deps = t.deps;
  const report = await createReport(deps, who.preparer.actor, who.preparer.principal, { stateIso2: who.preparer.principal.stateIso2!, kind: 'annual', year: o.year, startFromPrevious: false });
  for (const f of await repo.listForms(t.database.db, report.id)) {
    if (f.formId === 'cover' || f.formId === 'J') {
      const saved = await saveForm(deps, who.preparer.actor, who.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version, body: f.formId === 'cover' ? cover() : o.formJ, json: true, completed: true });
      if (saved.kind !== 'saved' || saved.form.status !== 'complete') throw new Error(`form ${f.formId} not saved: ${JSON.stringify(saved.kind === 'invalid' ? saved.parsed.issues : saved.kind === 'saved' ? saved.issues : saved.kind)}`);
    } else {
      await markFormNotApplicable(deps, who.preparer.actor, who.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version });
    }
  }
  const ready = (await repo.findReport(t.database.db, report.id))!;
  await submitReport(deps, who.approver.actor, who.approver.principal, { reportId: report.id, expectedVersion: ready.version, visibility: o.visibility ?? 'public', declaration: true, explanations: {} });
  return report.id;
}

/** ISU acknowledges the report, the State starts a correction, changes Form J and submits version 2. */
export async function correctedReport(t: TestApp, who: { preparer: Person; approver: Person; isu: Person }, reportId: string, formJ: Record<string, unknown>): Promise<void> {
  const deps = t.deps;
  let report = (await repo.findReport(t.database.db, reportId))!;
  report = await acknowledgeReport(deps, who.isu.actor, who.isu.principal, reportId, report.version);
  await startCorrection(deps, who.preparer.actor, who.preparer.principal, reportId, report.version);
  const j = (await repo.findForm(t.database.db, reportId, 'J'))!;
  const saved = await saveForm(deps, who.preparer.actor, who.preparer.principal, { reportId, formId: 'J', expectedVersion: j.version, body: formJ, json: true, completed: true });
  if (saved.kind !== 'saved') throw new Error('J not saved');
  report = (await repo.findReport(t.database.db, reportId))!;
  await submitReport(deps, who.approver.actor, who.approver.principal, { reportId, expectedVersion: report.version, visibility: 'public', declaration: true, explanations: {}, reason: 'Form J corrected' });
}
