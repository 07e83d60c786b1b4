/**
 * The coverage dashboard through the real app: figures on hand-made reports equal hand counts
 * (only the latest submitted version counts, drafts never, the reviewer's decision wins), CSV
 * downloads, the year switch, who may see it, and bad input answered with a clear 4xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { agentFor, person, type Person } from './indicators-support.ts';
import { yearCoverage, coverageTrend, coverageTrendCounts, figureByKey, summariseYear } from '../../../src/areas/analysis/coverage/index.ts';
import { decideIndicator } from '../../../src/areas/analysis/index.ts';

let t: TestApp;
let committee: Person;
let isu: Person;
let admin: Person;
let stateUser: Person;

type V = Partial<Record<string, 'yes' | 'no' | 'unknown'>>;

/** A report submitted `versions` times (0: a draft), with indicator values analysed on version `analysedOn`. */
async function report(iso2: string, year: number, values: V, opts: { kind?: 'annual' | 'initial'; versions?: number; analysedOn?: number; decisions?: V } = {}) {
  const id = randomUUID();
  const versions = opts.versions ?? 1;
  await t.database.query(
    `insert into reports (id, state_iso2, kind, year, period_start, period_end, due_date, status, format_version, language, current_version_no, submitted_at)
     values ($1, $2, $3, $4, make_date($4, 1, 1), make_date($4, 12, 31), make_date($4 + 1, 4, 30), $5, '2023', 'en', $6, $7)`,
    [id, iso2, opts.kind ?? 'annual', year, versions ? 'submitted' : 'draft', versions, versions ? new Date(`${year + 1}-04-01T00:00:00Z`) : null],
  );
  for (let v = 1; v <= versions; v++) {
    await t.database.query(
      `insert into report_versions (report_id, version_no, format_version, language, visibility, snapshot, submitted_at) values ($1, $2, '2023', 'en', 'public', '{"forms":{}}', now())`,
      [id, v],
    );
  }
  const ids = (await t.database.query<{ id: string }>('select id from analysis_indicators where active')).map((r) => r.id);
  for (const indicatorId of ids) {
    await t.database.query(
      `insert into analysis_report_indicators (report_id, indicator_id, version_no, auto_value, auto_source, decision, decision_note) values ($1, $2, $3, $4, 'none', $5, $6)`,
      [id, indicatorId, opts.analysedOn ?? Math.max(1, versions), values[indicatorId] ?? 'no', opts.decisions?.[indicatorId] ?? null, opts.decisions?.[indicatorId] ? 'hand-made' : null],
    );
  }
  return id;
}

const R: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  committee = await person(t, { role: 'committee_member', committeeId: 'cooperation-assistance' });
  isu = await person(t, { role: 'isu_staff' });
  admin = await person(t, { role: 'admin' });
  stateUser = await person(t, { role: 'state_preparer', stateIso2: 'SN' });
  // 2023, by hand:
  R.sn = await report('SN', 2023, { 'ca.needs': 'yes', 'gd.integrated': 'yes' }); // C&A + G&D, qualitative; affected, africa
  R.jp = await report('JP', 2023, { 'ca.assistance_provided': 'yes', 'gd.integrated': 'unknown' }); // C&A, no G&D, quantitative; donor
  R.no = await report('NO', 2023, { 'gd.disaggregated': 'yes' }); // no C&A; disaggregated data only (not G&D in C&A)
  R.co = await report('CO', 2023, { 'ca.national_platform': 'yes' }, { decisions: { 'ca.national_platform': 'no' } }); // the reviewer says no: no C&A
  R.iq = await report('IQ', 2023, { 'ca.needs': 'yes' }, { versions: 2, analysedOn: 1 }); // latest version not analysed yet
  R.kh = await report('KH', 2023, { 'ca.needs': 'yes', 'gd.integrated': 'yes' }, { versions: 0 }); // a draft: never counts
  R.tj = await report('TJ', 2023, { 'ca.resource_plan': 'yes', 'gd.disaggregated': 'yes' }, { kind: 'initial' }); // C&A, quantitative (disaggregated data) but no G&D in C&A
  // 2022: one report, nothing on cooperation but a reviewer says there is.
  R.sn22 = await report('SN', 2022, {}, { decisions: { 'ca.needs': 'yes' } });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const sorted = (xs: string[]) => [...xs].sort();

describe('figures of a year', () => {
  it('equal the hand counts', async () => {
    const c = await yearCoverage(t.database.db, 2023);
    expect(sorted(c.reports.reportIds)).toEqual(sorted([R.sn!, R.jp!, R.no!, R.co!, R.iq!, R.tj!]));
    expect(c.reports.count).toBe(6);
    expect(c.notAnalysed.reportIds).toEqual([R.iq]);
    expect(c.analysed.count).toBe(5);
    expect(sorted(c.withCooperation.reportIds)).toEqual(sorted([R.sn!, R.jp!, R.tj!]));
    expect(sorted(c.withoutCooperation.reportIds)).toEqual(sorted([R.no!, R.co!]));
    // Gender and diversity in C&A: disaggregated data alone (NO, TJ) do not count.
    expect(c.withGender.reportIds).toEqual([R.sn]);
    expect(c.withCooperationAndGender.reportIds).toEqual([R.sn]);
    expect(sorted(c.withCooperationNoGender.reportIds)).toEqual(sorted([R.jp!, R.tj!]));
    expect(sorted(c.quantitative.reportIds)).toEqual(sorted([R.jp!, R.tj!]));
    expect(c.qualitative.reportIds).toEqual([R.sn]);
    const region = (k: string) => c.byRegion.find((g) => g.key === k)!;
    expect([region('africa').reports.count, region('africa').withCooperation.count, region('africa').withCooperationAndGender.count]).toEqual([1, 1, 1]);
    expect([region('asia_pacific').reports.count, region('asia_pacific').withCooperation.count, region('asia_pacific').withCooperationAndGender.count]).toEqual([2, 2, 0]);
    expect([region('americas').reports.count, region('americas').withCooperation.count]).toEqual([1, 0]);
    expect([region('middle_east').reports.count, region('middle_east').notAnalysed.count]).toEqual([1, 1]);
    expect([region('europe').reports.count, region('europe').withoutCooperation.count]).toEqual([1, 1]);
    const type = (k: string) => c.byStateType.find((g) => g.key === k)!;
    expect(sorted(type('affected').reports.reportIds)).toEqual(sorted([R.sn!, R.co!, R.iq!, R.tj!]));
    expect(sorted(type('affected').withCooperation.reportIds)).toEqual(sorted([R.sn!, R.tj!]));
    expect(type('donor').reports.reportIds).toEqual([R.jp]);
    expect(type('donor').withCooperationNoGender.reportIds).toEqual([R.jp]);
    expect(type('other').reports.reportIds).toEqual([R.no]);
    expect(c.byIndicator.find((i) => i.indicatorId === 'ca.national_platform')!.yes.count).toBe(0);
    expect(c.byIndicator.find((i) => i.indicatorId === 'gd.disaggregated')!.yes.count).toBe(2);
    expect(sorted(figureByKey(c, 'region.asia_pacific.withCooperationNoGender')!.reportIds)).toEqual(sorted([R.jp!, R.tj!]));
    expect(figureByKey(c, 'indicator.ca.needs')!.reportIds).toEqual([R.sn]);
    expect(figureByKey(c, 'region.nowhere.reports')).toBeUndefined();
    expect(figureByKey(c, 'constructor')).toBeUndefined();
  });

  it('counts the across-years trend the same way', async () => {
    const trend = await coverageTrend(t.database.db, 2021, 2023);
    expect(trend.map((p) => [p.year, p.reports.count, p.withCooperation.count, p.withCooperationAndGender.count, p.quantitative.count, p.notAnalysed.count])).toEqual([
      [2021, 0, 0, 0, 0, 0],
      [2022, 1, 1, 0, 0, 0],
      [2023, 6, 3, 1, 2, 1],
    ]);
    // The counts-only trend (the dashboard's) says the same.
    const counts = await coverageTrendCounts(t.database.db, 2021, 2023);
    const keys = ['reports', 'analysed', 'notAnalysed', 'withoutCooperation', 'withCooperation', 'withCooperationAndGender', 'withCooperationNoGender', 'quantitative', 'qualitative'] as const;
    expect(counts.map((p) => keys.map((k) => p[k].count))).toEqual(trend.map((p) => keys.map((k) => p[k].count)));
    const year = await yearCoverage(t.database.db, 2023);
    expect(sorted(trend[2]!.withCooperationNoGender.reportIds)).toEqual(sorted(year.withCooperationNoGender.reportIds));
    expect(sorted(trend[2]!.qualitative.reportIds)).toEqual(sorted(year.qualitative.reportIds));
  });

  it('follows a reviewer who overrides an indicator, and only the active indicators', async () => {
    const [row] = await t.database.query<{ version: number }>(`select version from analysis_report_indicators where report_id = $1 and indicator_id = 'gd.integrated'`, [R.jp]);
    await decideIndicator(t.database, committee.actor, committee.principal, { reportId: R.jp!, indicatorId: 'gd.integrated', decision: 'yes', note: 'Paragraph 4 describes mixed teams.', expectedVersion: row!.version });
    const c = await yearCoverage(t.database.db, 2023);
    expect(c.withCooperationNoGender.reportIds).toEqual([R.tj]);
    expect(c.withCooperationAndGender.count).toBe(2);
    const [row2] = await t.database.query<{ version: number }>(`select version from analysis_report_indicators where report_id = $1 and indicator_id = 'gd.integrated'`, [R.jp]);
    await decideIndicator(t.database, committee.actor, committee.principal, { reportId: R.jp!, indicatorId: 'gd.integrated', decision: null, expectedVersion: row2!.version });
    expect(sorted((await yearCoverage(t.database.db, 2023)).withCooperationNoGender.reportIds)).toEqual(sorted([R.jp!, R.tj!]));
  });

  it('is pure arithmetic over the report rows (summariseYear)', () => {
    const c = summariseYear(
      2030,
      [
        { reportId: 'a', stateIso2: 'AA', kind: 'annual', year: 2030, region: 'africa', affected: false, analysedCount: 2, yesIds: ['x.q'] },
        { reportId: 'b', stateIso2: 'BB', kind: 'annual', year: 2030, region: 'atlantis', affected: true, analysedCount: 0, yesIds: [] },
      ],
      [
        { id: 'x.q', group: 'cooperation', quantitative: true },
        { id: 'g', group: 'gender', quantitative: false },
      ],
    );
    expect([c.reports.count, c.withCooperation.count, c.quantitative.count, c.notAnalysed.count]).toEqual([2, 1, 1, 1]);
    // A region the list does not know is shown, not dropped.
    expect(c.byRegion.map((g) => g.key)).toContain('atlantis');
  });
});

describe('the dashboard page', () => {
  it('shows the hand-counted figures, each linking to its reports', async () => {
    const a = await agentFor(t, committee);
    const res = await a.get('/en/analysis/coverage?year=2023');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1>Coverage of cooperation and assistance, 2023</h1>');
    expect(res.body).toMatch(/<a href="\/en\/analysis\/coverage\/reports\?year=2023&amp;figure=withCooperation">3<\/a>/);
    expect(res.body).toMatch(/<a href="\/en\/analysis\/coverage\/reports\?year=2023&amp;figure=reports">6<\/a>/);
    expect(res.body).toMatch(/figure=withCooperationAndGender">1<\/a>/);
    expect(res.body).toContain('33% of the reports with C&amp;A information');
    // Every chart: an SVG image with a title and description, a table with a caption, a CSV link.
    for (const id of ['cooperation', 'gender', 'quantitative', 'regions', 'state_types', 'indicators', 'trend']) {
      expect(res.body).toContain(`aria-labelledby="chart-${id}-title chart-${id}-desc"`);
      expect(res.body).toContain(`/en/analysis/coverage.csv?year=2023&amp;chart=${id}`);
    }
    expect(res.body.match(/role="img"/g)!.length).toBeGreaterThanOrEqual(7);
    expect(res.body.match(/<caption/g)!.length).toBeGreaterThanOrEqual(7);
    expect(res.body).toContain('How we count');
    // One of the 2023 reports has not been analysed on its latest version: the page says so.
    expect(res.body).toContain('1 report has not been analysed on its latest version yet: it is counted in the total only.');
  });

  it('lists the reports behind a figure', async () => {
    const a = await agentFor(t, committee);
    const res = await a.get('/en/analysis/coverage/reports?year=2023&figure=region.asia_pacific.withCooperation');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`/en/analysis/reports/${R.jp}`);
    expect(res.body).toContain(`/en/analysis/reports/${R.tj}`);
    expect(res.body).not.toContain(`/en/analysis/reports/${R.sn}`);
    expect(res.body).toContain('2 reports are counted in this figure.');
    // Without a figure: every report of the year.
    const all = await a.get('/en/analysis/coverage/reports?year=2023');
    expect(all.status).toBe(200);
    expect(all.body).toContain('6 reports are counted in this figure.');
  });

  it('switches year with a plain GET form', async () => {
    const a = await agentFor(t, committee);
    const page = await a.get('/en/analysis/coverage?year=2023');
    expect(page.body).toMatch(/<form method="get" action="\/en\/analysis\/coverage"/);
    const res = await a.get('/en/analysis/coverage?year=2022');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Coverage of cooperation and assistance, 2022');
    expect(res.body).toMatch(/figure=reports">1<\/a>/);
    expect(res.body).toMatch(/figure=withCooperation">1<\/a>/);
    // A year without reports is answered, with zeros.
    const empty = await a.get('/en/analysis/coverage?year=2001');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('No report has been submitted for 2001 yet');
    // Arabic-Indic digits typed in the address are read as a year.
    const arabic = await a.get(`/ar/analysis/coverage?year=${encodeURIComponent('٢٠٢٣')}`);
    expect(arabic.status).toBe(200);
    expect(arabic.body).toContain('dir="rtl"');
  });

  it('downloads each chart as CSV (UTF-8 with BOM, same numbers)', async () => {
    const a = await agentFor(t, isu);
    const res = await a.get('/en/analysis/coverage.csv?year=2023&chart=regions');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain('coverage-regions-2023-en.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('key,Region,C&A and gender & diversity,"C&A, nothing on gender & diversity",No C&A information,Not analysed yet,Reports,C&A and gender & diversity (%),"C&A, nothing on gender & diversity (%)",No C&A information (%),Not analysed yet (%)');
    expect(lines).toContain('asia_pacific,Asia and the Pacific,0,2,0,0,2,0.0,100.0,0.0,0.0');
    expect(lines).toContain('middle_east,Middle East,0,0,0,1,1,0.0,0.0,0.0,100.0');
    const trend = await a.get('/en/analysis/coverage.csv?year=2023&chart=trend');
    expect(trend.body).toContain('2023,2023,1,2,2,1,6,');
    const fr = await a.get('/fr/analysis/coverage.csv?year=2023&chart=cooperation');
    expect(fr.body).toContain('reports,Rapports de 2023,3,2,1,6,');
  });

  it('is for committee members, ISU and administrators only', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/en/analysis/coverage?year=2023' });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/en/login?returnTo=');
    const anonCsv = await t.app.inject({ method: 'GET', url: '/en/analysis/coverage.csv?year=2023&chart=trend' });
    expect(anonCsv.statusCode).toBe(303);
    const s = await agentFor(t, stateUser);
    expect((await s.get('/en/analysis/coverage?year=2023')).status).toBe(403);
    expect((await s.get('/en/analysis/coverage.csv?year=2023&chart=trend')).status).toBe(403);
    expect((await s.get('/en/analysis/coverage/reports?year=2023&figure=reports')).status).toBe(403);
    for (const p of [isu, admin]) expect((await (await agentFor(t, p)).get('/en/analysis/coverage?year=2023')).status).toBe(200);
    const nav = await (await agentFor(t, committee)).get('/en/analysis/coverage');
    expect(nav.body).toContain('href="/en/analysis/coverage"');
  });

  it('answers bad input with a clear 4xx, never a 500', async () => {
    const a = await agentFor(t, committee);
    const bad = await a.get('/en/analysis/coverage?year=abcd');
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Enter a year of four digits between 1997 and 2100');
    // A year typed with Arabic-Indic digits is read as the same year, not refused.
    const arabicDigits = await a.get(`/ar/analysis/coverage?year=${encodeURIComponent('٢٠٢٣')}`);
    expect(arabicDigits.status).toBe(200);
    expect(arabicDigits.body).toContain('/ar/analysis/coverage/reports?year=2023&amp;figure=reports');
    expect((await a.get('/en/analysis/coverage?year=1800')).status).toBe(422);
    expect((await a.get('/en/analysis/coverage?year=20231')).status).toBe(422);
    expect((await a.get('/en/analysis/coverage?year=2023&year=2022')).status).toBe(422);
    expect((await a.get('/en/analysis/coverage.csv?year=2023&chart=nope')).status).toBe(400);
    expect((await a.get('/en/analysis/coverage.csv?year=x&chart=trend')).status).toBe(400);
    expect((await a.get('/en/analysis/coverage.csv?year=2023')).status).toBe(400);
    expect((await a.get('/en/analysis/coverage/reports?year=2023&figure=')).status).toBe(400);
    expect((await a.get('/en/analysis/coverage/reports?year=2023&figure=a&figure=b')).status).toBe(400);
    expect((await a.get('/en/analysis/coverage/reports?year=2023&figure=region.nowhere.reports')).status).toBe(404);
    expect((await a.get(`/en/analysis/coverage/reports?year=2023&figure=${'x'.repeat(500)}`)).status).toBe(400);
  });
});
