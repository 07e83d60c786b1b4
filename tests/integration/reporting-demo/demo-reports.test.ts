import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { seedDemoReports } from '../../../src/areas/reporting/demo-reports.ts';
import { checkReport, type ReportSnapshot } from '../../../src/areas/reporting/reports-commands.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import type { ReportFormRow, ReportRow } from '../../../src/areas/reporting/reports-repository.ts';
import type { FormValues } from '../../../src/platform/forms/definition.ts';
import { sumColumn } from '../../../src/platform/forms/validate.ts';

let t: TestApp;
let first: { reports: number };
let second: { reports: number };
let countsAfterFirst: Record<string, number>;
let countsAfterSecond: Record<string, number>;
let reports: ReportRow[];
let seedMs = 0;
let seedCpuMs = 0;

const TABLES = ['reports', 'report_forms', 'report_versions', 'review_comments'];

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await t.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
  out.audit = Number((await t.database.query<{ n: string }>(`select count(*) as n from audit_events where action = 'reporting.report.seeded'`))[0]!.n);
  return out;
}

async function allVersions() {
  const out: { report: ReportRow; versionNo: number; reason: string | null; snapshot: ReportSnapshot; publishedAt: Date | null }[] = [];
  for (const report of reports) {
    for (const v of await repo.listVersions(t.database.db, report.id)) out.push({ report, versionNo: v.versionNo, reason: v.reason, snapshot: v.snapshot as unknown as ReportSnapshot, publishedAt: v.publishedAt });
  }
  return out;
}

/** A form in a report's latest submitted version. */
async function latestForm(report: ReportRow, formId: string) {
  const v = await repo.findVersion(t.database.db, report.id, report.currentVersionNo);
  return (v?.snapshot as unknown as ReportSnapshot | undefined)?.forms[formId];
}

/** The values of a form in a report's latest submitted version. */
async function latestValues(report: ReportRow, formId: string): Promise<FormValues | undefined> {
  return (await latestForm(report, formId))?.values;
}

const find = (state: string, year: number) => reports.find((r) => r.stateIso2 === state && r.year === year);

beforeAll(async () => {
  t = await createTestApp();
  const started = performance.now();
  const cpu = process.cpuUsage();
  first = await seedDemoReports(t.database);
  seedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  seedCpuMs = (used.user + used.system) / 1000;
  countsAfterFirst = await counts();
  second = await seedDemoReports(t.database);
  countsAfterSecond = await counts();
  const ids = await t.database.query<{ id: string }>(`select id from reports order by state_iso2, year`);
  reports = await Promise.all(ids.map(async (r) => (await repo.findReport(t.database.db, r.id))!));
});
afterAll(async () => t.close());

describe('demo Article 7 reports', () => {
  it('seeds once: a second run creates nothing and changes no count', () => {
    console.info(`demo reports seeded in ${Math.round(seedMs)} ms wall, ${Math.round(seedCpuMs)} ms CPU (${t.database.kind})`);
    expect(first.reports).toBeGreaterThanOrEqual(18);
    expect(second.reports).toBe(0);
    expect(countsAfterSecond).toEqual(countsAfterFirst);
    expect(countsAfterFirst.reports).toBe(first.reports);
    expect(countsAfterFirst.audit).toBe(first.reports);
  });

  it('covers at least six States, three years and five languages, all labelled demo', () => {
    expect(new Set(reports.map((r) => r.stateIso2)).size).toBeGreaterThanOrEqual(6);
    expect([...new Set(reports.map((r) => r.year))].sort()).toEqual([2022, 2023, 2024]);
    expect(new Set(reports.map((r) => r.language))).toEqual(new Set(['fr', 'ar', 'en', 'es', 'ru']));
    expect(reports.every((r) => r.isDemo && r.kind === 'annual')).toBe(true);
  });

  it('has every status, and a published correction with its reason', async () => {
    expect(new Set(reports.map((r) => r.status))).toEqual(new Set(['draft', 'submitted', 'returned', 'acknowledged', 'published']));
    const corrected = reports.filter((r) => r.status === 'published' && r.currentVersionNo === 2 && r.publishedVersionNo === 2);
    expect(corrected.length).toBeGreaterThanOrEqual(1);
    for (const r of corrected) {
      const versions = await repo.listVersions(t.database.db, r.id);
      expect(versions.map((v) => v.versionNo)).toEqual([1, 2]);
      expect(versions[0]!.publishedAt).not.toBeNull();
      expect(versions[1]!.reason?.length).toBeGreaterThan(20);
      expect(versions[1]!.submittedAt.getTime()).toBeGreaterThan(versions[0]!.publishedAt!.getTime());
    }
  });

  it('leaves the 2025 reports of Senegal and Iraq to the demo accounts, with something to start from', async () => {
    for (const state of ['SN', 'IQ']) {
      expect(find(state, 2025)).toBeUndefined();
      expect(reports.some((r) => r.stateIso2 === state && r.status === 'published')).toBe(true);
    }
    expect(find('SN', 2024)?.status).toBe('returned');
    expect(find('IQ', 2024)?.status).toBe('draft');
    const forms = await repo.listForms(t.database.db, find('IQ', 2024)!.id);
    expect(forms.map((f) => f.status)).toEqual(expect.arrayContaining(['complete', 'in_progress', 'not_applicable']));

    // A demo preparer of Senegal starts the 2025 report from the last one.
    const preparer = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'SN preparer' });
    const agent = new Agent(t.app);
    await agent.signIn(preparer.email);
    await agent.get('/en/my');
    const res = await agent.post('/en/reports', { kind: 'annual', year: '2025', startFrom: 'previous' });
    expect(res.status).toBe(303);
    const id = /reports\/([0-9a-f-]{36})\/edit/.exec(res.location!)![1]!;
    const carried = (await repo.listForms(t.database.db, id)).find((f) => f.formId === 'C')!;
    expect(carried.status).toBe('in_progress');
    expect(JSON.stringify(carried.values)).toContain('Ziguinchor');
  });

  it('returned Senegal 2024 on Form C with an ISU comment, followed by the State’s answer', async () => {
    const comments = await repo.listComments(t.database.db, find('SN', 2024)!.id);
    expect(comments.map((c) => [c.authorSide, c.formId])).toEqual([
      ['isu', 'C'],
      ['state', 'C'],
    ]);
    expect(comments[1]!.createdAt.getTime()).toBeGreaterThan(comments[0]!.createdAt.getTime());
    // The State's approver sees the thread on the returned report and can work on it.
    const approver = await createUser(t.database, { role: 'state_approver', stateIso2: 'SN', name: 'SN approver' });
    const agent = new Agent(t.app);
    await agent.signIn(approver.email);
    const tasks = await agent.get(`/fr/reports/${find('SN', 2024)!.id}/edit`);
    expect(tasks.status).toBe(200);
    expect(tasks.body).toContain('Bignona');
  });

  it('puts the submitted reports in the ISU review queue', async () => {
    const isu = await createUser(t.database, { role: 'isu_staff' });
    const agent = new Agent(t.app);
    await agent.signIn(isu.email);
    const queue = await agent.get('/en/review');
    expect(queue.status).toBe(200);
    const submitted = reports.filter((x) => x.status === 'submitted');
    expect(submitted.length).toBeGreaterThanOrEqual(1);
    for (const r of submitted) expect(queue.body).toContain(r.id);
  });

  it('validates every submitted version without errors, and every warning is explained', async () => {
    const versions = await allVersions();
    expect(versions.length).toBeGreaterThanOrEqual(reports.filter((r) => r.currentVersionNo > 0).length);
    let warnings = 0;
    for (const v of versions) {
      const rows: ReportFormRow[] = Object.entries(v.snapshot.forms).map(([formId, f]) => ({
        reportId: v.report.id,
        formId,
        status: f.status,
        unchangedSinceYear: f.unchangedSinceYear,
        values: f.values,
        explanations: f.explanations,
        version: 1,
        updatedAt: new Date(),
        updatedBy: null,
      }));
      const check = await checkReport(t.database.db, v.report, rows);
      const label = `${v.report.stateIso2} ${v.report.year} v${v.versionNo}`;
      expect(check.unfinished, label).toEqual([]);
      expect(check.errors, label).toEqual([]);
      for (const w of check.warnings) {
        warnings++;
        expect(v.snapshot.forms[w.formId]?.explanations[w.path], `${label} ${w.formId}:${w.path}`).toMatch(/\S{10,}/);
      }
    }
    expect(warnings).toBeGreaterThanOrEqual(1);
  });

  it('keeps the figures consistent from year to year', async () => {
    const areaTotal = (c: FormValues, newlyRecorded: boolean) =>
      ((c.hazards?.areas as Record<string, unknown>[]) ?? []).filter((r) => !!r.notes === newlyRecorded).reduce((s, r) => s + ((r.sizeSqm as number | null) ?? 0), 0);
    const released = (c: FormValues) => sumColumn(c, 'release', 'byRegion', 'cancelledSqm') + sumColumn(c, 'release', 'byRegion', 'reducedSqm') + sumColumn(c, 'release', 'byRegion', 'clearedSqm');
    let pairs = 0;
    for (const r of reports.filter((x) => x.currentVersionNo > 0)) {
      const prev = find(r.stateIso2, r.year - 1);
      const c = await latestValues(r, 'C');
      // A form marked unchanged repeats an earlier year's values: its balance was checked that year.
      const dForm = await latestForm(r, 'D');
      const d = dForm?.status === 'complete' ? dForm.values : undefined;
      const g = await latestValues(r, 'G');
      if (c?.release && g) {
        // Mines destroyed in mined areas (Form G) are those reported with the land release (Form C).
        expect(sumColumn(g, 'minedAreas', 'destroyed', 'quantity'), `${r.stateIso2} ${r.year} G`).toBe(sumColumn(c, 'release', 'byRegion', 'minesDestroyed'));
      }
      if (d?.use) {
        const held = sumColumn(d, 'retained', 'holdings', 'quantity');
        expect(held, `${r.stateIso2} ${r.year} D`).toBe((d.use.heldLastYear as number) - (d.use.consumed as number));
      }
      if (!prev || prev.currentVersionNo === 0) continue;
      const pc = await latestValues(prev, 'C');
      const pd = await latestValues(prev, 'D');
      if (c?.release && pc?.hazards) {
        // Baseline areas shrink by exactly what was released; newly recorded areas are kept apart.
        expect(areaTotal(c, false), `${r.stateIso2} ${r.year} C`).toBe(areaTotal(pc, false) - released(c));
        expect(released(c)).toBeLessThanOrEqual(areaTotal(pc, false) + areaTotal(pc, true));
        pairs++;
      }
      if (d?.use && pd?.retained) expect(d.use.heldLastYear, `${r.stateIso2} ${r.year} D balance`).toBe(sumColumn(pd, 'retained', 'holdings', 'quantity'));
    }
    expect(pairs).toBeGreaterThanOrEqual(8);
  });

  it('includes a State with cooperation and assistance information but no gender and diversity narrative, and others with one', async () => {
    const withoutGender: string[] = [];
    const withGender: string[] = [];
    for (const r of reports.filter((x) => x.publishedVersionNo !== null)) {
      const j = await latestValues(r, 'J');
      if (!j) continue;
      const ca = ((j.received?.assistance as unknown[]) ?? []).length + ((j.provided?.assistance as unknown[]) ?? []).length > 0;
      if (!ca) continue;
      (j.gender?.narrative ? withGender : withoutGender).push(r.stateIso2);
    }
    expect(withoutGender.length).toBeGreaterThanOrEqual(1);
    expect(new Set(withGender).size).toBeGreaterThanOrEqual(3);
  });

  it('lists the published reports on /en/reports and shows each one as a demo report', async () => {
    const published = reports.filter((r) => r.publishedVersionNo !== null);
    expect(published.length).toBeGreaterThanOrEqual(12);
    const anon = new Agent(t.app);
    const list = await anon.get('/en/reports');
    expect(list.status).toBe(200);
    for (const r of published) {
      if (r.visibility === 'public') expect(list.body, `${r.stateIso2} ${r.year}`).toContain(r.id);
      else expect(list.body).not.toContain(r.id);
    }
    for (const r of reports.filter((x) => x.publishedVersionNo === null)) expect(list.body).not.toContain(r.id);
    // Restricted ones are listed for signed-in users.
    const member = await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance' });
    const signedIn = new Agent(t.app);
    await signedIn.signIn(member.email);
    const all = await signedIn.get('/en/reports');
    for (const r of published) expect(all.body).toContain(r.id);

    for (const r of published.filter((x) => x.visibility === 'public')) {
      const page = await anon.get(`/${r.stateIso2 === 'IQ' ? 'ar' : 'en'}/reports/${r.id}`);
      expect(page.status, `${r.stateIso2} ${r.year}`).toBe(200);
    }
    const sn = await anon.get(`/en/reports/${find('SN', 2022)!.id}`);
    expect(sn.body).toContain('Demo report');
    expect(sn.body).toContain('Ziguinchor');
  });
});
