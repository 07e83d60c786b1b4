/**
 * Compliance per reporting year on the seeded demo reports, with expectations counted by hand from
 * src/areas/reporting/demo-reports.ts (first submissions, version 1):
 *
 *   year  on time                          late                                  not submitted (demo States)
 *   2022  SN 04-26, IQ 04-30 13:15, KH,    BA 2023-05-10 (10 days),              —
 *         CO, JP 04-24, NO 04-27           TJ 2023-06-14 (45 days)
 *   2023  SN, IQ 04-25 (corrected in July:  TJ 2024-05-20 (20 days)               —
 *         still on time), KH, CO 04-30
 *         17:05, BA 04-30 11:55, JP, NO
 *   2024  SN, KH, CO, BA 04-17, JP,        TJ 2025-07-02 (63 days)               IQ (a draft in progress)
 *         NO 2025-04-30 07:50
 *
 * 164 States were parties on 30 April 2023, 2024 and 2025 (the reference data's 164 States Parties
 * of 2023; the Marshall Islands and Tonga joined in 2025, and the five withdrawals took effect
 * from December 2025); every State without a demo report owes each of those years and has not
 * submitted. For 2025 (due 30 April 2026): 164 + the Marshall Islands (in force 1 September 2025,
 * initial report due 28 February 2026, so it owes 2025) − Estonia, Latvia, Lithuania, Finland and
 * Poland (withdrawals effective by then) = 160; Tonga (in force 1 December 2025) owes its initial
 * report first (due 30 May 2026) and no 2025 report; Ukraine (suspension notified) is counted.
 */
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { seedDemoReports } from '../../../src/areas/reporting/index.ts';
import { complianceOfYear, stateComplianceHistory } from '../../../src/areas/compliance/compliance-queries.ts';
import { mapRenderCount } from '../../../src/areas/compliance/world-map.tsx';
import { agentFrom, signedIn } from '../accounts/helpers.ts';

let t: TestApp;
const TODAY = '2026-11-29';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoReports(t.database);
}, 120_000);
afterAll(async () => t?.close());

const byStatus = (rows: { iso2: string; status: string }[], status: string) =>
  rows
    .filter((r) => r.status === status)
    .map((r) => r.iso2)
    .sort();

/** The <a> of a State on the map: its link, <title> and <path>. */
function shape(html: string, iso2: string): { title: string; fill: string } | undefined {
  const m = new RegExp(`<a href="/[a-z]+/compliance/states/${iso2}"><title>([^<]*)</title><path d="[^"]+" fill="([^"]+)"`).exec(html);
  return m ? { title: m[1]!, fill: m[2]! } : undefined;
}

describe('compliance per year (queries)', () => {
  it('2022: six on time, Bosnia and Herzegovina 10 days late, Tajikistan 45 days late, the rest not submitted', async () => {
    const y = await complianceOfYear(t.database.db, { year: 2022, locale: 'en', today: TODAY });
    expect(byStatus(y.rows, 'on_time')).toEqual(['CO', 'IQ', 'JP', 'KH', 'NO', 'SN']);
    expect(byStatus(y.rows, 'late')).toEqual(['BA', 'TJ']);
    expect(y.rows.find((r) => r.iso2 === 'BA')!.daysLate).toBe(10);
    expect(y.rows.find((r) => r.iso2 === 'TJ')!.daysLate).toBe(45);
    expect(y.summary).toMatchObject({ counted: 164, onTime: 6, late: 2, notSubmitted: 156, pending: 0 });
    expect(y.summary.onTimeRate).toBeCloseTo(6 / 164);
    expect(y.summary.meanDaysLate).toBe(27.5);
    expect(y.dueDate).toBe('2023-04-30');
  });

  it('2023: a submission on 30 April at 17:05 UTC is on time; a later correction does not change the first submission', async () => {
    const y = await complianceOfYear(t.database.db, { year: 2023, locale: 'en', today: TODAY });
    expect(byStatus(y.rows, 'on_time')).toEqual(['BA', 'CO', 'IQ', 'JP', 'KH', 'NO', 'SN']);
    expect(byStatus(y.rows, 'late')).toEqual(['TJ']);
    expect(y.rows.find((r) => r.iso2 === 'TJ')!.daysLate).toBe(20);
    expect(y.rows.find((r) => r.iso2 === 'IQ')!.firstSubmittedAt!.toISOString()).toBe('2024-04-25T10:50:00.000Z');
    expect(y.summary).toMatchObject({ counted: 164, onTime: 7, late: 1, notSubmitted: 156 });
  });

  it('2024: Iraq has a draft only (not submitted), Tajikistan is 63 days late; the internal view sees the draft', async () => {
    const y = await complianceOfYear(t.database.db, { year: 2024, locale: 'en', today: TODAY, internal: true });
    expect(byStatus(y.rows, 'on_time')).toEqual(['BA', 'CO', 'JP', 'KH', 'NO', 'SN']);
    expect(byStatus(y.rows, 'late')).toEqual(['TJ']);
    expect(y.rows.find((r) => r.iso2 === 'TJ')!.daysLate).toBe(63);
    expect(y.rows.find((r) => r.iso2 === 'IQ')!.status).toBe('not_submitted');
    expect(y.summary).toMatchObject({ counted: 164, onTime: 6, late: 1, notSubmitted: 157 });
    expect([...y.internal!.drafts.keys()]).toEqual(['IQ']);
  });

  it('2025: withdrawals, a suspension, and the new States Parties; the initial report owed, then overdue', async () => {
    const y = await complianceOfYear(t.database.db, { year: 2025, locale: 'en', today: TODAY });
    expect(byStatus(y.rows, 'not_party').filter((c) => ['EE', 'FI', 'LT', 'LV', 'PL'].includes(c))).toEqual(['EE', 'FI', 'LT', 'LV', 'PL']);
    expect(y.rows.find((r) => r.iso2 === 'TO')!.status).toBe('not_required');
    expect(y.rows.find((r) => r.iso2 === 'MH')!.status).toBe('not_submitted');
    expect(y.rows.find((r) => r.iso2 === 'UA')).toMatchObject({ status: 'not_submitted', membership: 'suspension_notified' });
    expect(y.summary).toMatchObject({ counted: 160, onTime: 0, late: 0, notSubmitted: 160 });
    // The 2025 cycle (1 May 2025 – 30 April 2026): the Marshall Islands' initial report, due 28 February 2026.
    expect(y.initial.map((r) => [r.iso2, r.dueDate, r.status])).toEqual([['MH', '2026-02-28', 'not_submitted']]);
    const before = await complianceOfYear(t.database.db, { year: 2025, locale: 'en', today: '2026-01-15' });
    expect(before.initial.map((r) => [r.iso2, r.status])).toEqual([['MH', 'pending']]);
    expect(before.summary).toMatchObject({ counted: 160, pending: 160, notSubmitted: 0 });
    // Tonga's initial report (due 30 May 2026) is in the 2026 cycle.
    const y2026 = await complianceOfYear(t.database.db, { year: 2026, locale: 'en', today: TODAY });
    expect(y2026.initial.map((r) => [r.iso2, r.dueDate, r.status])).toEqual([['TO', '2026-05-30', 'not_submitted']]);
  });

  it("a State's history: newest first, with its lateness", async () => {
    const h = await stateComplianceHistory(t.database.db, 'tj', { locale: 'en', today: TODAY });
    expect(h.rows.map((r) => [r.year, r.status, r.daysLate])).toEqual([
      [2026, 'pending', 0],
      [2025, 'not_submitted', 0],
      [2024, 'late', 63],
      [2023, 'late', 20],
      [2022, 'late', 45],
    ]);
    expect(h.counts).toEqual({ counted: 5, onTime: 0, late: 3, notSubmitted: 1, pending: 1 });
  });
});

describe('the public compliance page', () => {
  it('colours each State on the map by its status, links it to its page, and puts the table right under the map', async () => {
    const res = await agentFrom(t.app).get('/en/compliance?year=2022');
    expect(res.status).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Reporting compliance: reports for 2022</h1>');
    // The map: a named group with a description.
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="cmap-title"[^>]*aria-describedby="cmap-desc"/);
    expect(html).toContain('<title id="cmap-title">World map of the annual Article 7 reports for 2022</title>');
    expect(html).toContain('6 on time, 2 late, 156 not submitted (States that owe the report: 164)');
    expect(shape(html, 'sn')).toEqual({ title: 'Senegal: On time', fill: '#00703c' });
    expect(shape(html, 'tj')).toEqual({ title: 'Tajikistan: Late by 45 days', fill: 'url(#cmap-late)' });
    expect(shape(html, 'ba')).toEqual({ title: 'Bosnia and Herzegovina: Late by 10 days', fill: 'url(#cmap-late)' });
    expect(shape(html, 'ao')).toEqual({ title: 'Angola: Not submitted', fill: 'url(#cmap-not_submitted)' });
    // Patterns, not colour alone, and outlines on States that owe the report.
    expect(html).toMatch(/<pattern id="cmap-late"[^>]*>.*?<\/pattern>/);
    expect(html).toMatch(/<pattern id="cmap-not_submitted"[^>]*>.*?<\/pattern>/);
    // A country that never joined is drawn, named, not linked.
    expect(html).toMatch(/<path d="[^"]+" fill="#dedfe0"><title>United States: not a State Party<\/title><\/path>/);
    // The legend, then the table alternative, right under the map.
    const svgEnd = html.indexOf('</svg>', html.indexOf('cmap-title'));
    const legend = html.indexOf('aria-label="Legend of the map"');
    const table = html.indexOf('id="compliance-table"');
    expect(svgEnd).toBeGreaterThan(0);
    expect(legend).toBeGreaterThan(svgEnd);
    expect(table).toBeGreaterThan(legend);
    const between = html.slice(svgEnd, table);
    expect(between).not.toMatch(/<h2|<table/);
    const row = /<tr><td><a href="\/en\/compliance\/states\/tj">Tajikistan<\/a><\/td><td><strong class="tag tag--yellow">Late by 45 days<\/strong><\/td><td><time datetime="2023-06-14T11:00:00Z">[^<]+<\/time><\/td><td class="num">45<\/td><\/tr>/;
    expect(html).toMatch(row);
    expect(html).toContain('<a href="#compliance-table">');
  });

  it('switches year with a plain GET form, in any digits; an unknown year is a 404', async () => {
    const agent = agentFrom(t.app);
    const page = await agent.get('/en/compliance?year=2024');
    expect(page.body).toMatch(/<form method="get" action="\/en\/compliance" class="filters"/);
    expect(page.body).toMatch(/<option value="2024" selected>/);
    expect(shape(page.body, 'iq')).toEqual({ title: 'Iraq: Not submitted', fill: 'url(#cmap-not_submitted)' });
    const arabicDigits = await agent.get(`/en/compliance?year=${encodeURIComponent('٢٠٢٣')}`);
    expect(arabicDigits.status).toBe(200);
    expect(arabicDigits.body).toContain('reports for 2023');
    for (const bad of ['1998', '2100', 'abc', '20233', '-1']) expect((await agent.get(`/en/compliance?year=${bad}`)).status, bad).toBe(404);
  });

  it('in Arabic: right to left, Arabic names and statuses on the map', async () => {
    const res = await agentFrom(t.app).get('/ar/compliance?year=2022');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(shape(res.body, 'tj')!.title).toBe('طاجيكستان: متأخر بمقدار 45 يومًا');
    expect(res.body).toContain('href="/ar/compliance/states/sn"');
  });

  it('draws each map once per year, language and set of statuses, then serves it from memory', async () => {
    const agent = agentFrom(t.app);
    await agent.get('/fr/compliance?year=2023');
    const after = mapRenderCount();
    // A signed-in reader is rendered for (not from the page cache), but the map comes from memory.
    const { agent: committee } = await signedIn(t, { role: 'committee_member', committeeId: 'cooperation-assistance' });
    await committee.get('/fr/compliance?year=2023');
    await committee.get('/fr/compliance?year=2023');
    expect(mapRenderCount()).toBe(after);
    await committee.get('/es/compliance?year=2023');
    expect(mapRenderCount()).toBe(after + 1);
  });

  it('weighs less than 60 KB compressed with its stylesheet and script, in every language', async () => {
    const sizes: string[] = [];
    for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const res = await t.app.inject({ url: `/${locale}/compliance?year=2024`, headers: { 'accept-encoding': 'br' } });
      const html = res.headers['content-encoding'] === 'br' ? res.rawPayload.length : brotliCompressSync(res.rawPayload, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }).length;
      const assets = [...res.body.matchAll(/(?:href|src)="(\/static\/[^"]+\.(?:css|js|svg))"/g)].map((m) => m[1]!);
      let total = html;
      for (const a of assets) total += (await t.app.inject({ url: a, headers: { 'accept-encoding': 'br' } })).rawPayload.length;
      sizes.push(`${locale}: ${(total / 1024).toFixed(1)} KB (HTML ${(html / 1024).toFixed(1)} KB, ${res.rawPayload.length === html ? 'br' : 'raw'})`);
      expect(total, locale).toBeLessThan(60 * 1024);
    }
    console.log(`compliance page weight (year 2024, anonymous):\n  ${sizes.join('\n  ')}`);
  });

  it('downloads the year as CSV', async () => {
    const res = await agentFrom(t.app).get('/en/compliance.csv?year=2022');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('article7-compliance-2022-en.csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('iso2,state,region,report,year,due_date,status,status_label,first_submitted_at,days_late');
    expect(lines).toContain('TJ,Tajikistan,asia_pacific,annual,2022,2023-04-30,late,Late by 45 days,2023-06-14T11:00:00.000Z,45');
    expect(lines).toContain('IQ,Iraq,middle_east,annual,2022,2023-04-30,on_time,On time,2023-04-30T13:15:00.000Z,');
  });
});

describe('trends', () => {
  it('counts and rates per year, as an accessible chart with its table and CSV', async () => {
    const page = await agentFrom(t.app).get('/en/compliance/trends');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="ctrend-title ctrend-desc"/);
    expect(page.body).toContain('<caption class="table__caption">Annual reports by status, 2022 to 2026</caption>');
    expect(page.body).toMatch(/<a href="\/en\/compliance\?year=2023">2023<\/a><\/td><td class="num">164<\/td><td class="num">7<\/td><td class="num">1<\/td><td class="num">156<\/td><td class="num">0<\/td><td class="num">4%<\/td><td class="num">5%<\/td>/);
    const csv = await agentFrom(t.app).get('/en/compliance/trends.csv');
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('year,due_date,states_counted,on_time,late,not_submitted,not_yet_due,on_time_rate,submitted_rate,mean_days_late');
    expect(lines[1]).toBe('2022,2023-04-30,164,6,2,156,0,0.0366,0.0488,27.5');
    expect(lines[3]).toBe('2024,2025-04-30,164,6,1,157,0,0.0366,0.0427,63.0');
  });
});

describe("each State's history", () => {
  it('on the public State page (slot) and on its compliance page', async () => {
    const agent = agentFrom(t.app);
    const state = await agent.get('/en/states/tj');
    expect(state.status).toBe(200);
    expect(state.body).toContain('<h2 id="state-compliance-title">Reporting compliance</h2>');
    expect(state.body).toContain('Late by 63 days');
    expect(state.body).toContain('href="/en/compliance/states/tj"');
    const page = await agent.get('/en/compliance/states/tj');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Reporting compliance: Tajikistan</h1>');
    expect(page.body).toMatch(/Annual report for 2022<\/a><\/td><td><time datetime="2023-04-30">[^<]+<\/time><\/td><td><strong class="tag tag--yellow">Late by 45 days/);
    expect((await agent.get('/en/compliance/states/TJ')).status).toBe(301);
    expect((await agent.get('/en/compliance/states/zz')).status).toBe(404);
    expect((await agent.get('/en/compliance/states/t1')).status).toBe(404);
  });
});

describe('the internal view', () => {
  it('is for committee members and ISU: anonymous readers sign in, States are refused', async () => {
    const anon = await agentFrom(t.app).get('/en/workspace/compliance?year=2024');
    expect(anon.status).toBe(303);
    expect(anon.location).toBe(`/en/login?returnTo=${encodeURIComponent('/en/workspace/compliance?year=2024')}`);
    const { agent: preparer } = await signedIn(t, { role: 'state_preparer', stateIso2: 'SN' });
    expect((await preparer.get('/en/workspace/compliance?year=2024')).status).toBe(403);
    const { agent: isu } = await signedIn(t, { role: 'isu_staff' });
    expect((await isu.get('/en/workspace/compliance?year=2024')).status).toBe(200);
  });

  it('shows drafts in progress and reminders sent, never the content of a draft', async () => {
    const { agent } = await signedIn(t, { role: 'committee_member', committeeId: 'cooperation-assistance' });
    await t.database.query(
      `insert into outbox_emails (to_address, subject, text_body, locale, kind, dedupe_key) values
       ('a@example.org', 's', 't', 'ar', 'reminder', 'reminder:IQ:annual:2024:7:a@example.org'),
       ('b@example.org', 's', 't', 'en', 'reminder', 'reminder:IQ:annual:2024:-7:b@example.org'),
       ('c@example.org', 's', 't', 'en', 'reminder', 'reminder:IQ:annual:2023:-7:c@example.org')`,
    );
    const res = await agent.get('/en/workspace/compliance?year=2024');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Reporting compliance for 2024: internal view');
    const iq = /<tr><td><a href="\/en\/compliance\/states\/iq">Iraq<\/a><\/td>(.*?)<\/tr>/.exec(res.body)![1]!;
    expect(iq).toContain('Not submitted');
    expect(iq).toMatch(/Draft, started on [^<]+2025/);
    expect(iq).toMatch(/2 reminders, the last on/);
    // Nothing of the draft's content.
    const [draft] = await t.database.query<{ values: unknown }>(`select f.values from report_forms f join reports r on r.id = f.report_id where r.state_iso2 = 'IQ' and r.year = 2024 and f.form_id = 'cover'`);
    const texts = JSON.stringify(draft!.values).match(/"[^"]{25,}"/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(res.body).not.toContain(JSON.parse(text) as string);
    // The public view has neither.
    const pub = await agentFrom(t.app).get('/en/compliance?year=2024');
    expect(pub.body).not.toContain('Draft, started on');
    expect(pub.body).not.toContain('reminders, the last on');
  });
});
