/**
 * The background analysis: the poller on the shared job runner analyses a newly submitted report
 * version without anyone asking, once, and again when a corrected version arrives; and the demo
 * seed analyses every submitted demo report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { JobRunner } from '../../../src/platform/jobs/runner.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { reportIndicators } from '../../../src/areas/analysis/schema.ts';
import { ANALYSIS_TASK, INDICATOR_IDS, listIndicatorValues, scheduleAnalysisTasks, seedDemoAnalysis } from '../../../src/areas/analysis/index.ts';
import { reportsTable } from '../../../src/areas/reporting/index.ts';
import { seedDemoReports } from '../../../src/areas/reporting/index.ts';
import { correctedReport, person, sampleFormJ, submittedReport, type Person } from './indicators-support.ts';

let t: TestApp;
let who: { preparer: Person; approver: Person; isu: Person };

beforeAll(async () => {
  t = await createTestApp();
  const [preparer, approver, isu] = await Promise.all([person(t, { role: 'state_preparer', stateIso2: 'TJ' }), person(t, { role: 'state_approver', stateIso2: 'TJ' }), person(t, { role: 'isu_staff' })]);
  who = { preparer, approver, isu };
}, 60_000);
afterAll(async () => t.close());

describe('the background analysis', () => {
  it('analyses a newly submitted version on the next round, once, and a corrected version again', async () => {
    let clock = 1_000_000;
    const runner = new JobRunner({ database: t.database });
    scheduleAnalysisTasks(runner, { database: t.database }, { pollMs: 10_000, now: () => clock });
    await runner.tick();
    const reportId = await submittedReport(t, who, { year: 2024, formJ: sampleFormJ(2024) });
    // Within the poll interval nothing runs; after it, the new version is analysed.
    clock += 5_000;
    await runner.tick();
    expect(await t.database.db.select().from(reportIndicators).where(eq(reportIndicators.reportId, reportId))).toEqual([]);
    clock += 10_000;
    await runner.tick();
    const rows = await t.database.db.select().from(reportIndicators).where(eq(reportIndicators.reportId, reportId));
    expect(rows.map((r) => r.indicatorId).sort()).toEqual([...INDICATOR_IDS].sort());
    expect(rows.every((r) => r.versionNo === 1)).toBe(true);
    clock += 10_000;
    await runner.tick();
    const events = () => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'analysis.report.analysed'), eq(auditEvents.entityId, reportId)));
    expect(await events()).toHaveLength(1);
    expect((await events())[0]!.actorLabel).toBe(`job:${ANALYSIS_TASK}`);

    await correctedReport(t, who, reportId, { ...sampleFormJ(2024), gender: { integrated: true, narrative: null } });
    clock += 10_000;
    await runner.tick();
    const after = await t.database.db.select().from(reportIndicators).where(eq(reportIndicators.reportId, reportId));
    expect(after.every((r) => r.versionNo === 2)).toBe(true);
    expect(after.find((r) => r.indicatorId === 'gd.integrated')).toMatchObject({ autoValue: 'yes', autoSource: 'structured' });
    expect(await events()).toHaveLength(2);
  });
});

describe('the demo seed', () => {
  it('analyses every submitted demo report, each labelled demo in its audit event', async () => {
    await seedDemoReports(t.database);
    const analysed = await seedDemoAnalysis(t.database);
    const submitted = await t.database.db.select({ id: reportsTable.id }).from(reportsTable).where(and(eq(reportsTable.isDemo, true), gt(reportsTable.currentVersionNo, 0)));
    expect(analysed).toBe(submitted.length);
    const values = await listIndicatorValues(t.database.db);
    const demoIds = new Set(submitted.map((r) => r.id));
    expect(new Set(values.filter((v) => demoIds.has(v.reportId)).map((v) => v.reportId)).size).toBe(submitted.length);
    const [{ n }] = (await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'analysis.report.analysed'), eq(auditEvents.actorLabel, 'seed'), sql`${auditEvents.summary}->>'demo' = 'true'`))) as [{ n: number }];
    expect(n).toBe(submitted.length);
    expect(await seedDemoAnalysis(t.database)).toBe(0);
    // Senegal set up its national platform after the June 2023 individualised-approach meeting.
    const sn = (year: number, id: string) => values.find((v) => v.stateIso2 === 'SN' && v.year === year && v.indicatorId === id)?.value;
    expect(sn(2022, 'ca.national_platform')).toBe('no');
    expect(sn(2023, 'ca.national_platform')).toBe('yes');
    expect(sn(2023, 'ca.individualised_approach')).toBe('yes');
    // Donors report assistance provided; their reports receive none.
    const jp = values.filter((v) => v.stateIso2 === 'JP' && v.year === 2023);
    expect(jp.find((v) => v.indicatorId === 'ca.assistance_provided')?.value).toBe('yes');
    expect(jp.find((v) => v.indicatorId === 'ca.assistance_received')?.value).toBe('no');
  });
});
