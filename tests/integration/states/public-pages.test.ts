import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { listStates, findState, membershipStatus } from '../../../src/areas/states/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Freezes "today" for the app (only Date is faked; timers keep running). */
function today(date: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${date}T12:00:00Z`));
}

/** The State names linked from the table, in page order. */
function tableNames(html: string): string[] {
  const tbody = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...tbody.matchAll(/<a href="\/[a-z]{2}\/states\/[a-z]{2}">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

function h1Count(html: string): number {
  return (html.match(/<h1[\s>]/g) ?? []).length;
}

describe('seeded reference data', () => {
  it('counts 164 States Parties on 20 November 2023 and 161 on 1 March 2026', async () => {
    expect(await listStates(t.database.db, { partyOn: '2023-11-20' })).toHaveLength(164);
    expect(await listStates(t.database.db, { partyOn: '2026-03-01' })).toHaveLength(161);
    expect(await listStates(t.database.db)).toHaveLength(166);
  });

  it('has Estonia a party (withdrawing) on 26 December 2025 and withdrawn on 27 December 2025', async () => {
    const estonia = (await findState(t.database.db, 'ee'))!;
    expect(membershipStatus(estonia, '2025-12-26')).toBe('withdrawing');
    expect(membershipStatus(estonia, '2025-12-27')).toBe('withdrawn');
    expect((await listStates(t.database.db, { partyOn: '2025-12-26' })).map((i) => i.state.iso2)).toContain('EE');
    expect((await listStates(t.database.db, { partyOn: '2025-12-27' })).map((i) => i.state.iso2)).not.toContain('EE');
  });
});

describe('the list of States Parties', () => {
  it('lists every State that is or was a party, sorted by name in the page language, with counts', async () => {
    today('2026-03-01');
    const res = await t.app.inject('/en/states');
    expect(res.statusCode).toBe(200);
    expect(h1Count(res.body)).toBe(1);
    const names = tableNames(res.body);
    expect(names).toHaveLength(166);
    expect(names[0]).toBe('Afghanistan');
    expect(res.body).toContain('<caption');
    expect(res.body).toContain('<th scope="col">');
    expect(res.body).toContain('Showing 166 States of 166.');
    // Counts by status on the day: 161 parties (incl. Ukraine, suspension notified), 5 withdrawn.
    expect(res.body).toMatch(/Withdrawn<\/strong><\/dt><dd class="summary-list__value">5 States/);
    expect(res.body).toMatch(/Suspension notified<\/strong><\/dt><dd class="summary-list__value">1 State</);

    const fr = await t.app.inject('/fr/states');
    const frNames = tableNames(fr.body);
    expect(frNames).toEqual([...frNames].sort(new Intl.Collator('fr').compare));
    expect(frNames.indexOf('Afrique du Sud')).toBeGreaterThan(frNames.indexOf('Afghanistan'));
    const ar = await t.app.inject('/ar/states');
    const arNames = tableNames(ar.body);
    expect(arNames).toEqual([...arNames].sort(new Intl.Collator('ar').compare));
  });

  it('filters by region, status and Article 5 standing with a plain GET form', async () => {
    today('2026-03-01');
    const page = await t.app.inject('/en/states');
    expect(page.body).toContain('<form method="get" action="/en/states" class="filters"');

    const middleEast = tableNames((await t.app.inject('/en/states?region=middle_east')).body);
    expect(middleEast).toContain('Iraq');
    expect(middleEast).toContain('State of Palestine');
    expect(middleEast).not.toContain('Senegal');

    const withdrawn = await t.app.inject('/en/states?status=withdrawn');
    expect(tableNames(withdrawn.body).sort()).toEqual(['Estonia', 'Finland', 'Latvia', 'Lithuania', 'Poland']);
    expect(withdrawn.body).toContain('<option value="withdrawn" selected');
    expect(withdrawn.body).toContain('Showing 5 States of 166.');

    const suspended = tableNames((await t.app.inject('/en/states?status=suspension_notified')).body);
    expect(suspended).toEqual(['Ukraine']);

    const expired = tableNames((await t.app.inject('/en/states?article5=expired')).body);
    expect(expired).toContain('Afghanistan');
    expect(expired).toContain('Eritrea');
    expect(expired).not.toContain('Cambodia');

    const running = tableNames((await t.app.inject('/en/states?article5=has_deadline&region=asia_pacific')).body);
    expect(running).toEqual(expect.arrayContaining(['Cambodia', 'Sri Lanka', 'Thailand']));
    expect(running).not.toContain('Japan');
    expect(running).not.toContain('Iraq');

    const none = tableNames((await t.app.inject('/en/states?article5=none')).body);
    expect(none).toContain('Japan');
    expect(none).not.toContain('Cambodia');

    const empty = await t.app.inject('/en/states?region=europe&article5=expired&status=withdrawn');
    expect(empty.body).toContain('No State matches these filters.');
  });

  it('ignores filter values it does not know instead of failing', async () => {
    const res = await t.app.inject('/en/states?region=atlantis&status=%3Cscript%3E&article5[]=x');
    expect(res.statusCode).toBe(200);
    expect(tableNames(res.body)).toHaveLength(166);
  });
});

describe('one State', () => {
  it('shows membership dates, deadlines, committees and an empty reports section in English', async () => {
    const res = await t.app.inject('/en/states/th');
    expect(res.statusCode).toBe(200);
    expect(h1Count(res.body)).toBe(1);
    expect(res.body).toContain('<h1>Thailand</h1>');
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toContain('<time datetime="1998-11-27">November 27, 1998</time> (ratification)');
    expect(res.body).toContain('<time datetime="1999-05-01">May 1, 1999</time>');
    // Initial report: 180 days after entry into force.
    expect(res.body).toContain('<time datetime="1999-10-28">October 28, 1999</time>');
    expect(res.body).toContain('<time datetime="2026-12-31">December 31, 2026</time>');
    expect(res.body).toMatch(/<td>2023<\/td><td>Committee on the Enhancement of Cooperation and Assistance<\/td><td>Chair<\/td>/);
    expect(res.body).toContain('No report of Thailand is published on this platform yet.');
  });

  it('shows the history of Article 5 deadlines, newest first', async () => {
    const res = await t.app.inject('/en/states/kh');
    const history = res.body.slice(res.body.indexOf('Article 5 deadlines recorded'));
    const dates = [...history.matchAll(/<td><time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
    expect(dates).toEqual(['2030-12-31', '2025-12-31', '2010-01-01']);
  });

  it('shows withdrawal and suspension dates', async () => {
    const ee = await t.app.inject('/en/states/ee');
    expect(ee.body).toContain('Withdrawal notified</dt><dd class="summary-list__value"><time datetime="2025-06-27">');
    expect(ee.body).toContain('Withdrawal takes effect</dt><dd class="summary-list__value"><time datetime="2025-12-27">');
    const ua = await t.app.inject('/en/states/ua');
    expect(ua.body).toContain('Suspension notified</dt><dd class="summary-list__value"><time datetime="2025-07-18">');
  });

  it('shows the Arabic name, right to left, in Arabic', async () => {
    const res = await t.app.inject('/ar/states/sn');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('<h1>السنغال</h1>');
    expect(res.body).toContain('الدول الأطراف');
    expect(h1Count(res.body)).toBe(1);
  });

  it('answers 404 for an unknown or malformed code and moves upper-case codes to lower case', async () => {
    expect((await t.app.inject('/en/states/zz')).statusCode).toBe(404);
    expect((await t.app.inject('/en/states/cn')).statusCode).toBe(404);
    expect((await t.app.inject('/en/states/abc')).statusCode).toBe(404);
    expect((await t.app.inject('/en/states/%3Cx')).statusCode).toBe(404);
    const upper = await t.app.inject('/en/states/SN');
    expect(upper.statusCode).toBe(301);
    expect(upper.headers.location).toBe('/en/states/sn');
  });

  it('renders every interface string from the catalogues (pseudo-locale)', async () => {
    const res = await t.app.inject('/qps/states/ua');
    const main = res.body.slice(res.body.indexOf('<main'), res.body.indexOf('</main>'));
    const text = main
      .replace(/<[^>]+>/g, '\n')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    // Everything but data is wrapped in ⟦ ⟧: the State's name, dates, the reference notes and the
    // language name (from Intl.DisplayNames).
    const data = /^(Ukraine|English|[A-Z][a-z]+ \d{1,2}, \d{4}|[\d\s,/().·—-]+)$|suspending|Extension granted/;
    expect(text.filter((s) => !s.includes('⟦') && !s.includes('⟧') && !data.test(s))).toEqual([]);
  });
});

describe('navigation', () => {
  it('offers "States Parties" to everyone and "States (admin)" to ISU staff only', async () => {
    const anonymous = await t.app.inject('/en/');
    expect(anonymous.body).toContain('<a href="/en/states">States Parties</a>');
    expect(anonymous.body).not.toContain('/en/admin/states');

    const preparer = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const p = new Agent(t.app);
    await p.signIn(preparer.email);
    expect((await p.get('/en/')).body).not.toContain('/en/admin/states');

    const staff = await createUser(t.database, { role: 'isu_staff' });
    const s = new Agent(t.app);
    await s.signIn(staff.email);
    const home = await s.get('/en/states');
    expect(home.body).toContain('<a href="/en/admin/states">States (admin)</a>');
    expect(home.body).toContain('<a href="/en/states" aria-current="page">States Parties</a>');
  });
});
