/**
 * Indicators of Article 7 reports through the real app: the seeded definitions and term lists,
 * the analysis of a submitted report (structured answers and narratives, negations), reviewers'
 * decisions (confirm, override with a note, withdraw; optimistic versions; audited in the same
 * transaction) kept across re-analysis and new versions, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type Agent, type TestApp } from '../../support/app.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { analysisIndicators, detectorTerms, reportIndicators } from '../../../src/areas/analysis/schema.ts';
import { analysePendingReports, INDICATOR_IDS, seedAnalysisReference } from '../../../src/areas/analysis/index.ts';
import { createReport } from '../../../src/areas/reporting/reports-commands.ts';
import { agentFor, correctedReport, person, sampleFormJ, submittedReport, type Person } from './indicators-support.ts';

let t: TestApp;
let preparer: Person;
let approver: Person;
let isu: Person;
let committee: Person;
let isuAgent: Agent;
let committeeAgent: Agent;
let preparerAgent: Agent;
let reportId = '';
const YEAR = 2024;
const JOB: { userId: null; label: string } = { userId: null, label: 'job:test' };

const rowOf = async (indicatorId: string) => {
  const [row] = await t.database.db.select().from(reportIndicators).where(and(eq(reportIndicators.reportId, reportId), eq(reportIndicators.indicatorId, indicatorId)));
  return row!;
};
const audits = (action: string) => t.database.db.select().from(auditEvents).where(like(auditEvents.action, action));
const versionIn = (html: string, indicatorId: string) => {
  const form = html.split(`/indicators/${indicatorId}"`)[1] ?? '';
  return /name="version" value="(\d+)"/.exec(form)![1]!;
};

beforeAll(async () => {
  t = await createTestApp();
  [preparer, approver, isu, committee] = await Promise.all([
    person(t, { role: 'state_preparer', stateIso2: 'SN' }),
    person(t, { role: 'state_approver', stateIso2: 'SN' }),
    person(t, { role: 'isu_staff' }),
    person(t, { role: 'committee_member', committeeId: 'cooperation-assistance' }),
  ]);
  [isuAgent, committeeAgent, preparerAgent] = await Promise.all([agentFor(t, isu), agentFor(t, committee), agentFor(t, preparer)]);
  reportId = await submittedReport(t, { preparer, approver }, { year: YEAR, formJ: sampleFormJ(YEAR) });
}, 120_000);
afterAll(async () => t.close());

describe('reference data', () => {
  it('has every indicator with titles in the six languages, and seeded terms in each language', async () => {
    const rows = await t.database.db.select().from(analysisIndicators);
    expect(rows.map((r) => r.id).sort()).toEqual([...INDICATOR_IDS].sort());
    for (const r of rows) for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) expect(r.title[l], `${r.id} ${l}`).toBeTruthy();
    const terms = await t.database.db.select().from(detectorTerms);
    for (const id of INDICATOR_IDS) {
      for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) expect(terms.some((x) => x.indicatorId === id && x.locale === l && x.kind === 'term'), `${id} ${l}`).toBe(true);
    }
  });

  it('seeds again without changing anything', async () => {
    const before = (await audits('analysis.%')).length;
    expect(await seedAnalysisReference(t.database.db)).toEqual({ indicators: 0, terms: 0 });
    expect((await audits('analysis.%')).length).toBe(before);
  });
});

describe('analysis of a submitted report', () => {
  it('analyses the submitted version once, from the structured answers and the narratives', async () => {
    const { analysed } = await analysePendingReports(t.database, JOB);
    expect(analysed.map((a) => a.reportId)).toEqual([reportId]);
    expect(analysed[0]!.values).toEqual({
      'ca.resource_plan': 'yes',
      'ca.needs': 'yes',
      'ca.national_resources': 'yes',
      'ca.individualised_approach': 'yes',
      'ca.assistance_received': 'yes',
      'ca.assistance_provided': 'no',
      'ca.south_south': 'yes',
      'ca.national_platform': 'no',
      'ca.development_links': 'unknown',
      'gd.integrated': 'yes',
      'gd.disaggregated': 'yes',
    });
    expect((await analysePendingReports(t.database, JOB)).analysed).toEqual([]);
  });

  it('stores where each value comes from, with the evidence', async () => {
    const plan = await rowOf('ca.resource_plan');
    expect(plan.autoSource).toBe('both');
    expect(plan.versionNo).toBe(1);
    expect(plan.evidence[0]).toMatchObject({ source: 'structured', formId: 'J', path: 'cooperation.resourcePlan', snippet: 'yes' });
    const hit = plan.evidence.find((e) => e.source === 'narrative')!;
    expect(hit).toMatchObject({ formId: 'J', path: 'cooperation.resourcePlanSummary', locale: 'en', negated: false });
    expect(hit.snippet.slice(hit.start, hit.end).toLowerCase()).toBe('resource mobilisation plan');

    const gender = await rowOf('gd.integrated');
    expect(gender.autoSource).toBe('narrative');

    const platform = await rowOf('ca.national_platform');
    expect(platform.autoSource).toBe('structured');
    const negated = platform.evidence.find((e) => e.source === 'narrative')!;
    expect(negated.negated).toBe(true);
    expect(negated.snippet.slice(negated.start, negated.end)).toBe('national platform');

    const received = await rowOf('ca.assistance_received');
    expect(received.evidence.filter((e) => e.source === 'structured').map((e) => e.path)).toEqual(['received.assistance.0', 'received.assistance.1']);
    expect((await rowOf('ca.development_links')).autoSource).toBe('none');
  });

  it('records the analysis in the audit log', async () => {
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'analysis.report.analysed'), eq(auditEvents.entityId, reportId)));
    expect(event).toMatchObject({ actorLabel: 'job:test', entityType: 'report' });
    expect(event!.summary).toMatchObject({ state: 'SN', year: YEAR, version: 1, trigger: 'automatic' });
  });
});

describe('the reviewer pages', () => {
  it('lists the reports of a year with a summary per indicator', async () => {
    const res = await committeeAgent.get(`/en/analysis/reports?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Senegal');
    expect(res.body).toContain(`/en/analysis/reports/${reportId}`);
    expect(res.body).toContain('Resource mobilisation plan');
    const filtered = await committeeAgent.get(`/en/analysis/reports?year=${YEAR}&indicator=ca.national_platform&value=yes`);
    expect(filtered.body).not.toContain(`/en/analysis/reports/${reportId}"`);
    const bad = await committeeAgent.get(`/en/analysis/reports?year=abc&value=maybe`);
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('error-summary');
  });

  it('shows each indicator with its evidence highlighted, in English and Arabic', async () => {
    const res = await committeeAgent.get(`/en/analysis/reports/${reportId}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<mark>resource mobilisation plan</mark>');
    expect(res.body).toContain('<mark>national platform</mark>');
    expect(res.body).toContain('Negated, not counted');
    expect(res.body).toContain('European Union');
    const ar = await committeeAgent.get(`/ar/analysis/reports/${reportId}`);
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('خطة لحشد الموارد');
  });
});

describe('reviewer decisions', () => {
  it('confirms an indicator, audited with the decision', async () => {
    const page = await committeeAgent.get(`/en/analysis/reports/${reportId}`);
    const res = await committeeAgent.post(`/en/analysis/reports/${reportId}/indicators/ca.resource_plan`, { version: versionIn(page.body, 'ca.resource_plan'), 'decision.ca.resource_plan': 'yes', 'note.ca.resource_plan': '' });
    expect(res.status).toBe(303);
    expect(res.location).toContain('decided=ca.resource_plan&outcome=confirmed');
    const row = await rowOf('ca.resource_plan');
    expect(row).toMatchObject({ decision: 'yes', decidedBy: committee.id });
    const [event] = await audits('analysis.indicator.confirmed');
    expect(event).toMatchObject({ actorUserId: committee.id, entityType: 'report_indicator', entityId: `${reportId}:ca.resource_plan` });
    const after = await committeeAgent.get(res.location!);
    expect(after.body).toContain('confirms the automatic value');
  });

  it('asks for a note to override, then overrides, audited with the note', async () => {
    const page = await isuAgent.get(`/en/analysis/reports/${reportId}`);
    const version = versionIn(page.body, 'ca.national_platform');
    const missing = await isuAgent.post(`/en/analysis/reports/${reportId}/indicators/ca.national_platform`, { version, 'decision.ca.national_platform': 'yes', 'note.ca.national_platform': ' ' });
    expect(missing.status).toBe(422);
    expect(missing.body).toContain('Say in a note why you override the automatic value');
    expect((await rowOf('ca.national_platform')).decision).toBeNull();
    const none = await isuAgent.post(`/en/analysis/reports/${reportId}/indicators/ca.national_platform`, { version });
    expect(none.status).toBe(422);
    expect(none.body).toContain('Choose yes or no');
    const ok = await isuAgent.post(`/en/analysis/reports/${reportId}/indicators/ca.national_platform`, { version, 'decision.ca.national_platform': 'yes', 'note.ca.national_platform': 'The platform was set up in December (annex 2).' });
    expect(ok.status).toBe(303);
    expect((await rowOf('ca.national_platform'))).toMatchObject({ decision: 'yes', decisionNote: 'The platform was set up in December (annex 2).', autoValue: 'no' });
    const [event] = await audits('analysis.indicator.overridden');
    expect(event!.summary).toMatchObject({ indicator: 'ca.national_platform', autoValue: 'no', decision: 'yes', note: 'The platform was set up in December (annex 2).' });
    const shown = await isuAgent.get(`/en/analysis/reports/${reportId}`);
    expect(shown.body).toContain('The analysis found “No”; the reviewer decided “Yes”.');
  });

  it('refuses a decision made on a stale page, changing nothing', async () => {
    const before = await rowOf('ca.national_platform');
    const res = await committeeAgent.post(`/en/analysis/reports/${reportId}/indicators/ca.national_platform`, { version: String(before.version - 1), 'decision.ca.national_platform': 'no', 'note.ca.national_platform': '' });
    expect(res.status).toBe(409);
    expect(res.body).toContain('Someone changed this indicator first');
    expect(await rowOf('ca.national_platform')).toEqual(before);
  });

  it('keeps the decisions when ISU analyses the report again', async () => {
    const page = await isuAgent.get(`/en/analysis/reports/${reportId}`);
    expect(page.body).toContain(`/en/analysis/reports/${reportId}/analyse`);
    const res = await isuAgent.post(`/en/analysis/reports/${reportId}/analyse`);
    expect(res.status).toBe(303);
    expect(await rowOf('ca.national_platform')).toMatchObject({ decision: 'yes', autoValue: 'no', decisionNote: 'The platform was set up in December (annex 2).' });
    expect((await rowOf('ca.resource_plan')).decision).toBe('yes');
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'analysis.report.analysed'), eq(auditEvents.actorUserId, isu.id)));
    expect(event!.summary).toMatchObject({ trigger: 'manual', changed: [] });
  });

  it('keeps the decisions when a corrected version is submitted and analysed', async () => {
    const j = sampleFormJ(YEAR);
    const corrected = { ...j, cooperation: { ...j.cooperation, nationalPlatform: true, narrative: 'The national platform met in December with donors and operators.' }, gender: { integrated: false, narrative: null } };
    await correctedReport(t, { preparer, approver, isu }, reportId, corrected);
    const { analysed } = await analysePendingReports(t.database, JOB);
    expect(analysed.map((a) => [a.reportId, a.versionNo])).toEqual([[reportId, 2]]);
    expect(analysed[0]!.changed.sort()).toEqual(['ca.individualised_approach', 'ca.national_platform', 'gd.integrated']);
    const platform = await rowOf('ca.national_platform');
    expect(platform).toMatchObject({ versionNo: 2, autoValue: 'yes', autoSource: 'both', decision: 'yes', decidedBy: isu.id });
    expect(await rowOf('gd.integrated')).toMatchObject({ autoValue: 'no', autoSource: 'structured', decision: null });
    expect((await rowOf('ca.resource_plan')).decision).toBe('yes');
    const page = await committeeAgent.get(`/en/analysis/reports/${reportId}`);
    expect(page.body).toContain('Version 2');
  });

  it('withdraws a decision', async () => {
    const page = await isuAgent.get(`/en/analysis/reports/${reportId}`);
    const res = await isuAgent.post(`/en/analysis/reports/${reportId}/indicators/ca.resource_plan`, { version: versionIn(page.body, 'ca.resource_plan'), 'decision.ca.resource_plan': 'clear' });
    expect(res.status).toBe(303);
    expect(await rowOf('ca.resource_plan')).toMatchObject({ decision: null, decisionNote: null, decidedBy: null, decidedAt: null });
    expect(await audits('analysis.indicator.cleared')).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('sends anonymous visitors to sign in', async () => {
    const anon = new (await import('../../support/app.ts')).Agent(t.app);
    for (const path of ['/en/analysis/reports', `/en/analysis/reports/${reportId}`, '/en/analysis/terms']) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(303);
      expect(res.location).toContain('/en/login?returnTo=');
    }
  });

  it('refuses State users, and their decisions change nothing', async () => {
    for (const path of ['/en/analysis/reports', `/en/analysis/reports/${reportId}`, '/en/analysis/terms']) expect((await preparerAgent.get(path)).status, path).toBe(403);
    const before = await rowOf('gd.integrated');
    const res = await preparerAgent.post(`/en/analysis/reports/${reportId}/indicators/gd.integrated`, { version: String(before.version), 'decision.gd.integrated': 'yes', 'note.gd.integrated': 'mine' });
    expect(res.status).toBe(403);
    expect(await rowOf('gd.integrated')).toEqual(before);
  });

  it('lets committee members decide but not analyse again or edit the term lists', async () => {
    expect((await committeeAgent.post(`/en/analysis/reports/${reportId}/analyse`)).status).toBe(403);
    expect((await committeeAgent.post('/en/analysis/reports/analyse', { year: String(YEAR) })).status).toBe(403);
    const terms = await committeeAgent.get('/en/analysis/terms');
    expect(terms.status).toBe(200);
    expect(terms.body).not.toContain('Add a term or a negation cue');
    expect((await committeeAgent.post('/en/analysis/terms', { indicatorId: 'ca.national_platform', locale: 'en', kind: 'term', phrase: 'donor round table' })).status).toBe(403);
    const page = await committeeAgent.get(`/en/analysis/reports/${reportId}`);
    expect(page.body).not.toContain(`${reportId}/analyse`);
    expect(page.body).toContain('Save decision');
  });

  it('answers 404 for unknown reports and indicators and for reports never submitted', async () => {
    expect((await committeeAgent.get('/en/analysis/reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await committeeAgent.get('/en/analysis/reports/not-a-uuid')).status).toBe(404);
    const draft = await createReport(t.deps, preparer.actor, preparer.principal, { stateIso2: 'SN', kind: 'annual', year: 2023, startFromPrevious: false });
    expect((await committeeAgent.get(`/en/analysis/reports/${draft.id}`)).status).toBe(404);
    const page = await committeeAgent.get(`/en/analysis/reports/${reportId}`);
    const res = await committeeAgent.post(`/en/analysis/reports/${reportId}/indicators/ca.unknown`, { version: '1', 'decision.ca.unknown': 'yes' });
    expect(res.status).toBe(404);
    void page;
  });
});

describe('the detector term lists', () => {
  it('lets ISU add a term, audited, refuse duplicates and unusable phrases, and use it in the next analysis', async () => {
    await isuAgent.get('/en/analysis/terms?indicator=ca.development_links&lang=en');
    const add = await isuAgent.post('/en/analysis/terms', { indicatorId: 'ca.development_links', locale: 'en', kind: 'term', phrase: 'clearance and survey', note: 'Test term' });
    expect(add.status).toBe(303);
    expect(add.location).toContain('saved=added');
    const [added] = await audits('analysis.detector_term.added');
    expect(added!.summary).toMatchObject({ indicator: 'ca.development_links', locale: 'en', kind: 'term', phrase: 'clearance and survey' });
    const dup = await isuAgent.post('/en/analysis/terms', { indicatorId: 'ca.development_links', locale: 'en', kind: 'term', phrase: 'clearance and survey' });
    expect(dup.status).toBe(422);
    expect(dup.body).toContain('This term is already in the list');
    const unusable = await isuAgent.post('/en/analysis/terms', { indicatorId: 'ca.development_links', locale: 'en', kind: 'term', phrase: '*** ~' });
    expect(unusable.status).toBe(422);
    expect((await isuAgent.post('/en/analysis/terms', { indicatorId: 'nope', locale: 'xx', kind: 'maybe', phrase: '' })).status).toBe(422);

    await isuAgent.post(`/en/analysis/reports/${reportId}/analyse`);
    expect((await rowOf('ca.development_links')).autoValue).toBe('unknown');
    const [term] = await t.database.db.select().from(detectorTerms).where(eq(detectorTerms.phrase, 'clearance and survey'));
    const edit = await isuAgent.get(`/en/analysis/terms?edit=${term!.id}`);
    expect(edit.body).toContain('Change a term');
    const changed = await isuAgent.post(`/en/analysis/terms/${term!.id}`, { editPhrase: 'survey and clearance', editKind: 'term', editNote: '' });
    expect(changed.status).toBe(303);
    expect(await audits('analysis.detector_term.updated')).toHaveLength(1);
    await isuAgent.post(`/en/analysis/reports/${reportId}/analyse`);
    expect((await rowOf('ca.development_links')).autoValue).toBe('yes');

    const removed = await isuAgent.post(`/en/analysis/terms/${term!.id}/delete`);
    expect(removed.status).toBe(303);
    expect(await audits('analysis.detector_term.removed')).toHaveLength(1);
    expect(await t.database.db.select().from(detectorTerms).where(eq(detectorTerms.id, term!.id))).toEqual([]);
    expect((await isuAgent.post(`/en/analysis/terms/${term!.id}/delete`)).status).toBe(404);
  });

  it('lets reviewers try the detector on a text, negations shown', async () => {
    await committeeAgent.get('/en/analysis/terms');
    const res = await committeeAgent.post('/en/analysis/terms/try', { sample: 'لا توجد منصة وطنية حتى الآن. 我国尚未建立国家排雷行动平台。 Women, girls, boys and men are consulted.' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<mark>منصة وطنية</mark>');
    expect(res.body).toContain('Negated by “لا”, not counted');
    expect(res.body).toContain('<mark>排雷行动平台</mark>');
    expect(res.body).toContain('<mark>Women, girls, boys and men</mark>');
    const empty = await committeeAgent.post('/en/analysis/terms/try', { sample: '   ' });
    expect(empty.status).toBe(422);
  });
});
