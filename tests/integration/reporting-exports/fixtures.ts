/**
 * A report with answers in every form, built through the reporting commands as a State would:
 * created by a preparer, each form saved as JSON and completed, submitted by an approver.
 */
import type { TestApp } from '../../support/app.ts';
import { createUser } from '../../support/app.ts';
import { loadPrincipal, type Principal } from '../../../src/areas/accounts/index.ts';
import { createReport, saveForm, submitReport, acknowledgeReport, publishReport } from '../../../src/areas/reporting/reports-commands.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import type { Actor } from '../../../src/platform/audit/audit.ts';

export const ARABIC_NARRATIVE = 'أزالت الهيئة الوطنية ألغاماً من ١٢ منطقة في إقليم زيغينشور خلال عام 2023، بدعم من UNICEF.';
export const CHINESE_NARRATIVE = '国家排雷中心在2023年完成了三个雷区的清除工作，并向受害者提供了援助。';
export const RUSSIAN_NARRATIVE = 'Национальный центр провёл просветительские занятия о минной опасности в 14 деревнях.';
/** Typst metacharacters: must come out of the PDF as plain text. */
export const INJECTION = 'Note: #set page(width: 2cm) ] $x^2$ *bold* _under_ <label> @ref \\ back\\slash #emph[x]';
export const FORMULA = '=HYPERLINK("http://evil.example","click")';

const people = (base: number) => ({
  female_child: base,
  female_adult: base + 1,
  female_unknown: 0,
  male_child: base + 2,
  male_adult: base + 3,
  male_unknown: 1,
  unknown_child: 0,
  unknown_adult: 0,
  unknown_unknown: 2,
  disability_female: 1,
  disability_male: 2,
  disability_unknown: 0,
});

/** JSON bodies for every form of the 2023 format. */
export function fullValues(): Record<string, Record<string, Record<string, unknown>>> {
  return {
    cover: {
      contacts: {
        people: [
          { _id: 'c1', organisation: 'Centre national d’action antimines au Sénégal (CNAMS)', name: 'Aïssatou Diop', position: 'Directrice', phone: '+221 33 000 00 00', email: 'focal@example.org' },
          { _id: 'c2', organisation: 'وزارة الخارجية', name: 'ليلى حسن', position: null, phone: null, email: null },
        ],
      },
      general: { language: 'fr', remarks: INJECTION },
    },
    A: {
      measures: {
        list: [
          { _id: 'a1', kind: 'law', title: 'Loi n° 99-57 portant interdiction des mines antipersonnel', adoptedOn: '1999-08-20', status: 'in_force', description: 'Sanctions pénales.\n\nDeuxième paragraphe.' },
          { _id: 'a2', kind: 'other', title: FORMULA, adoptedOn: null, status: 'in_preparation', description: null },
        ],
        narrative: ARABIC_NARRATIVE,
      },
    },
    B: {
      stockpile: { stocks: [{ _id: 'b1', mineType: 'PMN', quantity: 120, lotNumbers: 'L-1/2', notes: '-5 units pending verification' }] },
      discovered: { stocks: [{ _id: 'b2', mineType: 'M14', quantity: 7, lotNumbers: null, discoveredOn: '2023-06-14', place: 'Bignona', notes: null }] },
    },
    C: {
      hazards: {
        areas: [
          { _id: 'h1', region: 'Ziguinchor', kind: 'cha', areaCount: 8, sizeSqm: 900000, contamination: ['conventional', 'improvised'], mineType: 'PMN-2', estimatedMines: 300, emplaced: '1990s', notes: '@mention in notes' },
          { _id: 'h2', region: 'Sédhiou', kind: 'sha', areaCount: 4, sizeSqm: 350000, contamination: ['conventional'], mineType: null, estimatedMines: null, emplaced: null, notes: null },
        ],
      },
      release: {
        byRegion: [{ _id: 'r1', region: 'Ziguinchor', cancelledSqm: 10000, reducedSqm: 2500, clearedSqm: 45000, minesDestroyed: 37 }],
        methodology: CHINESE_NARRATIVE,
      },
      plan: { hasPlan: true, planSummary: 'Plan 2021–2026, mis à jour chaque année.' },
    },
    D: {
      retained: { holdings: [{ _id: 'd1', institution: 'École de déminage', mineType: 'PMN', quantity: 100, lotNumbers: null, notes: null }] },
      transferredTraining: { transfers: [] },
      transferredDestruction: { transfers: [] },
      use: { heldLastYear: 120, consumed: 20, intendedPurpose: 'Formation des démineurs et essais de détecteurs.', actualUse: '+20 mines used in training' },
    },
    E: { facilities: { list: [{ _id: 'e1', facility: 'Usine X', action: 'decommission', status: 'completed', notes: null }], neverProduced: false } },
    F: { programmes: { list: [{ _id: 'f1', programme: 'art5', methods: 'Manuelle et mécanique', sites: 'Ziguinchor', safetyStandards: 'NILAM', environmentalStandards: 'IMAS 07.13', status: 'En cours' }] } },
    G: {
      stockpile: { destroyed: [{ _id: 'g1', mineType: 'PMN', quantity: 20, lotNumbers: null, notes: null }] },
      minedAreas: { destroyed: [{ _id: 'g2', mineType: 'PMN-2', quantity: 37, notes: 'Clearance' }] },
      discovered: { destroyed: [] },
    },
    H: {
      produced: { types: [] },
      possessed: { types: [{ _id: 'k1', designation: 'PMN', dimensions: '112 × 56 mm', fusing: 'Pressure', explosiveType: 'TNT', explosiveGrams: 240.5, metalGrams: 12, photo: null, notes: null }] },
    },
    I: {
      warnings: { areas: [{ _id: 'i1', area: 'Goudomp', measures: ['marking', 'risk_education'], notes: '\tTabbed note' }] },
      riskEducation: { beneficiaries: people(10), narrative: RUSSIAN_NARRATIVE },
    },
    J: {
      victims: { casualties: people(1), survivors: people(3), narrative: 'Assistance aux victimes : soins, prothèses.' },
      received: {
        assistance: [{ _id: 'j1', partner: 'Japan', amount: { amount: 250000.5, currency: 'USD' }, year: 2023, sector: 'clearance', southSouth: false, inKind: null }],
        nationalResources: { amount: 1200000, currency: 'XOF' },
      },
      provided: { assistance: [] },
      cooperation: { resourcePlan: true, resourcePlanSummary: 'Plan de mobilisation.', nationalPlatform: true, platformLastMet: '2023-11-02', platformDescription: 'Réunion annuelle.', needs: 'Détecteurs.', narrative: 'Coopération régionale.' },
      gender: { integrated: true, narrative: 'Des équipes mixtes.' },
      other: { narrative: null },
    },
  };
}

export interface BuiltReport {
  reportId: string;
  preparer: Principal;
  approver: Principal;
  preparerEmail: string;
  approverEmail: string;
}

function actorOf(p: Principal): Actor {
  return { userId: p.id, label: p.email };
}

export async function principal(t: TestApp, id: string): Promise<Principal> {
  const p = await loadPrincipal(t.database.db, id, { demoMode: false });
  if (!p) throw new Error('no principal');
  return p;
}

/** Saves every form (as JSON, completed) into an editable report. */
export async function fillReport(t: TestApp, reportId: string, p: Principal, values = fullValues()) {
  for (const [formId, body] of Object.entries(values)) {
    const row = await repo.findForm(t.database.db, reportId, formId);
    const res = await saveForm(t.deps, actorOf(p), p, { reportId, formId, expectedVersion: row!.version, body, json: true, completed: true });
    if (res.kind !== 'saved') throw new Error(`form ${formId}: ${res.kind} ${JSON.stringify(res.kind === 'invalid' ? res.parsed.issues : '')}`);
    if (res.form.status !== 'complete') throw new Error(`form ${formId} not complete: ${JSON.stringify(res.issues)}`);
  }
}

/** Creates, fills and submits a report; publishes it when asked. */
export async function buildReport(
  t: TestApp,
  opts: { state?: string; year?: number; visibility?: 'public' | 'restricted'; publish?: boolean; values?: ReturnType<typeof fullValues> } = {},
): Promise<BuiltReport> {
  const state = opts.state ?? 'SN';
  const [prepRow, apprRow, isuRow] = await Promise.all([
    createUser(t.database, { role: 'state_preparer', stateIso2: state }),
    createUser(t.database, { role: 'state_approver', stateIso2: state }),
    createUser(t.database, { role: 'isu_staff' }),
  ]);
  const preparer = await principal(t, prepRow.id);
  const approver = await principal(t, apprRow.id);
  const report = await createReport(t.deps, actorOf(preparer), preparer, { stateIso2: state, kind: 'annual', year: opts.year ?? 2023, startFromPrevious: false });
  await fillReport(t, report.id, preparer, opts.values);
  const fresh = await repo.findReport(t.database.db, report.id);
  await submitReport(t.deps, actorOf(approver), approver, { reportId: report.id, expectedVersion: fresh!.version, visibility: opts.visibility ?? 'public', declaration: true, explanations: {} });
  if (opts.publish) {
    const isu = await principal(t, isuRow.id);
    let r = await repo.findReport(t.database.db, report.id);
    r = await acknowledgeReport(t.deps, actorOf(isu), isu, report.id, r!.version);
    await publishReport(t.deps, actorOf(isu), isu, report.id, r.version);
  }
  return { reportId: report.id, preparer, approver, preparerEmail: prepRow.email, approverEmail: apprRow.email };
}
