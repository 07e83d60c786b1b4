/**
 * The audit-log pages: who may see them, every filter, keyset pagination, escaping of what users
 * typed, the CSV export (BOM, formula neutralisation) and the append-only guarantee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../src/platform/audit/audit.ts';
import { auditEvents } from '../../../src/platform/audit/schema.ts';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
let isu: Agent;
let admin: Agent;
let isuUser: Awaited<ReturnType<typeof createUser>>;
let preparerUser: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  t = await createTestApp();
  isuUser = await createUser(t.database, { role: 'isu_staff', email: 'isu.audit@test.example.org', name: 'ISU Auditor' });
  const adminUser = await createUser(t.database, { role: 'admin', email: 'admin.audit@test.example.org' });
  preparerUser = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', email: 'preparer.audit@test.example.org' });
  isu = new Agent(t.app);
  await isu.signIn(isuUser.email);
  admin = new Agent(t.app);
  await admin.signIn(adminUser.email);

  const db = t.database.db;
  const asIsu = { userId: isuUser.id, label: isuUser.email, ip: '192.0.2.10', requestId: 'req-isu-1' };
  await recordAudit(db, asIsu, { action: 'reporting.report.published', entityType: 'report', entityId: 'rep-sn-2026', summary: { year: 2026, state: 'SN' } });
  await recordAudit(db, asIsu, { action: 'reporting.report.returned', entityType: 'report', entityId: 'rep-iq-2026', summary: { reason: 'بيانات ناقصة في النموذج C' } });
  await recordAudit(db, { userId: preparerUser.id, label: preparerUser.email }, {
    action: 'accounts.user.updated',
    entityType: 'user',
    entityId: preparerUser.id,
    summary: { changed: { name: { before: 'Aminata', after: 'Aminata Diop' } }, note: '<script>alert("x")</script>' },
  });
  await db.insert(auditEvents).values([
    { at: new Date('2025-01-15T10:00:00Z'), actorLabel: 'system', action: 'dates.event.old', entityType: 'date-test', entityId: 'jan' },
    { at: new Date('2025-02-15T10:00:00Z'), actorLabel: 'system', action: 'dates.event.mid', entityType: 'date-test', entityId: 'feb' },
    { at: new Date('2025-03-15T10:00:00Z'), actorLabel: 'system', action: 'dates.event.new', entityType: 'date-test', entityId: 'mar' },
  ]);
});
afterAll(async () => t.close());

function rowCount(body: string): number {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return (tbody.match(/<tr>/g) ?? []).length;
}

describe('audit log: access', () => {
  it('sends anonymous visitors to sign in and back', async () => {
    const res = await new Agent(t.app).get('/en/admin/audit?action=reporting.');
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/en/login?returnTo=${encodeURIComponent('/en/admin/audit?action=reporting.')}`);
    const csv = await new Agent(t.app).get('/en/admin/audit.csv');
    expect(csv.status).toBe(303);
    expect(csv.location).toContain('/en/login?returnTo=');
  });

  it('refuses States and committee members with 403, and shows them no menu entry', async () => {
    for (const u of [preparerUser, await createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance' })]) {
      const agent = new Agent(t.app);
      await agent.signIn(u.email);
      expect((await agent.get('/en/admin/audit')).status).toBe(403);
      expect((await agent.get('/en/admin/audit.csv')).status).toBe(403);
      const home = await agent.get('/en/');
      expect(home.body).not.toContain('href="/en/admin/audit"');
      expect(home.body).not.toContain('href="/en/admin/outbox"');
    }
  });

  it('lets ISU staff and administrators in, with both entries in the menu', async () => {
    for (const agent of [isu, admin]) {
      const res = await agent.get('/en/admin/audit');
      expect(res.status).toBe(200);
      expect(res.body).toContain('<h1>Audit log</h1>');
      expect(res.body).toContain('href="/en/admin/audit"');
      expect(res.body).toContain('href="/en/admin/outbox"');
    }
  });

  it('is translated, right-to-left in Arabic, and complete in the pseudo-locale', async () => {
    const ar = await isu.get('/ar/admin/audit');
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('سجل التدقيق');
    const qps = await isu.get('/qps/admin/audit');
    expect(qps.status).toBe(200);
    const main = /<main[\s\S]*<\/main>/.exec(qps.body)![0];
    // Every interface string in the page comes from the catalogue (wrapped in ⟦ ⟧ in the pseudo-locale).
    for (const label of ['Search', 'Action starts with', 'Done by', 'Older events', 'Download these events']) expect(main).not.toContain(`>${label}`);
    expect(main).toContain('⟦');
  });
});

describe('audit log: browsing', () => {
  it('lists events newest first with time, actor, action, record, details, IP and request id', async () => {
    const res = await isu.get('/en/admin/audit');
    const body = res.body;
    expect(body.indexOf('accounts.user.updated')).toBeLessThan(body.indexOf('reporting.report.published'));
    expect(body).toContain('192.0.2.10');
    expect(body).toContain('req-isu-1');
    expect(body).toContain('rep-sn-2026');
    expect(body).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T/);
    // The change summary reads as before → after.
    expect(body).toContain('Aminata</bdi> → <bdi>Aminata Diop');
  });

  it('escapes what users typed', async () => {
    const res = await isu.get('/en/admin/audit?entityType=user');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
  });

  it('filters by action prefix, record, actor, free text and dates', async () => {
    let res = await isu.get('/en/admin/audit?action=reporting.');
    expect(rowCount(res.body)).toBe(2);
    expect(res.body).not.toContain('accounts.user.updated');

    res = await isu.get('/en/admin/audit?entityType=report&entityId=rep-iq-2026');
    expect(rowCount(res.body)).toBe(1);
    expect(res.body).toContain('بيانات ناقصة');

    res = await isu.get(`/en/admin/audit?actor=${encodeURIComponent(preparerUser.email.toUpperCase())}`);
    expect(rowCount(res.body)).toBeGreaterThanOrEqual(1);
    expect(res.body).toContain('accounts.user.updated');
    expect(res.body).not.toContain('reporting.report.published');

    res = await isu.get(`/en/admin/audit?actor=${isuUser.id}&action=reporting.`);
    expect(rowCount(res.body)).toBe(2);

    res = await isu.get(`/en/admin/audit?q=${encodeURIComponent('ناقصة')}`);
    expect(rowCount(res.body)).toBe(1);

    res = await isu.get('/en/admin/audit?entityType=date-test&from=2025-02-01&to=2025-02-28');
    expect(rowCount(res.body)).toBe(1);
    expect(res.body).toContain('dates.event.mid');
    res = await isu.get('/en/admin/audit?entityType=date-test&from=2025-02-15');
    expect(rowCount(res.body)).toBe(2);
    // Arabic-Indic digits are accepted in dates.
    res = await isu.get(`/en/admin/audit?entityType=date-test&to=${encodeURIComponent('٢٠٢٥-٠١-٣١')}`);
    expect(rowCount(res.body)).toBe(1);
    expect(res.body).toContain('dates.event.old');
  });

  it('explains filters it cannot use, keeping what was typed', async () => {
    let res = await isu.get('/en/admin/audit?from=2025-02-30&action=reporting.');
    expect(res.status).toBe(422);
    expect(res.body).toContain('error-summary');
    expect(res.body).toContain('Enter a real date');
    expect(res.body).toContain('value="reporting."');
    res = await isu.get('/en/admin/audit?from=2025-03-01&to=2025-02-01');
    expect(res.status).toBe(422);
    expect(res.body).toContain('The end date must be');
    res = await isu.get('/en/admin/audit?actor=nobody%40example.org');
    expect(res.status).toBe(422);
    expect(res.body).toContain('No account has this e-mail address');
    res = await isu.get('/en/admin/audit?before=abc&q=' + 'x'.repeat(300));
    expect(res.status).toBe(422);
    res = await isu.get('/en/admin/audit?q=a&q=b');
    expect(res.status).toBe(422);
  });

  it('pages through older events with a keyset link and back to the newest', async () => {
    await t.database.db.insert(auditEvents).values(Array.from({ length: 60 }, (_, i) => ({ actorLabel: 'system', action: 'paging.event.made', entityType: 'paging', entityId: `p${i}` })));
    const first = await isu.get('/en/admin/audit?entityType=paging');
    expect(rowCount(first.body)).toBe(50);
    const older = /<a href="([^"]+)" rel="next">Older events<\/a>/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    expect(older).toMatch(/^\/en\/admin\/audit\?entityType=paging&before=\d+$/);
    const second = await isu.get(older!);
    expect(rowCount(second.body)).toBe(10);
    expect(second.body).not.toContain('rel="next"');
    expect(second.body).toContain('href="/en/admin/audit?entityType=paging">Newest events');
    // No event appears on both pages.
    const ids = (b: string) => new Set([...b.matchAll(/<bdi>(p\d+)<\/bdi>/g)].map((m) => m[1]));
    const overlap = [...ids(first.body)].filter((id) => ids(second.body).has(id));
    expect(overlap).toEqual([]);
  });
});

describe('audit log: CSV export', () => {
  it('exports the filtered events as UTF-8 CSV with a BOM and formula cells neutralised', async () => {
    const db = t.database.db;
    for (const [label, entityId] of [
      ['=HYPERLINK("http://evil.example","click")', '+1+1'],
      ['-2+3', '@SUM(A1)'],
      ['\tTabbed', '\rCarriage'],
    ] as const) {
      await recordAudit(db, { userId: null, label }, { action: 'csv.test.made', entityType: 'csv', entityId, summary: { text: '=cmd', arabic: 'تقرير' } });
    }
    const res = await isu.get('/en/admin/audit.csv?action=csv.test');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFFid,at,actor,actor_user_id,action,entity_type,entity_id,summary,ip,request_id\r\n')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(res.body).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",,csv.test.made,csv,'+1+1,`);
    expect(res.body).toContain(`,'-2+3,,csv.test.made,csv,'@SUM(A1),`);
    expect(res.body).toContain(`,'\tTabbed,,csv.test.made,csv,"'\rCarriage",`);
    expect(res.body).toContain('تقرير');
    // No cell starts with a formula character.
    for (const line of lines.slice(1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
  });

  it('exports only what the filter selects, and refuses a bad filter', async () => {
    const res = await isu.get('/en/admin/audit.csv?entityType=date-test&from=2025-02-01');
    expect(res.body.slice(1).trim().split('\r\n')).toHaveLength(3);
    expect((await isu.get('/en/admin/audit.csv?from=yesterday')).status).toBe(422);
  });
});

describe('audit log: append-only', () => {
  it('offers no route that changes or deletes events', () => {
    const writes = t.app.routeList.filter((r) => r.url.startsWith('/:locale/admin/audit') && r.method !== 'GET' && r.method !== 'HEAD');
    expect(writes).toEqual([]);
  });

  it('is protected by the database: UPDATE, DELETE and TRUNCATE fail', async () => {
    const db = t.database.db;
    for (const statement of [
      "update audit_events set action = 'tampered' where action = 'reporting.report.published'",
      "delete from audit_events where action = 'reporting.report.published'",
      'truncate audit_events',
    ]) {
      await expect(t.database.query(statement)).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('append-only') });
    }
    const res = (await db.execute(sql`select count(*)::int as n from audit_events where action = 'reporting.report.published'`)) as unknown as { rows: { n: number }[] };
    expect(res.rows[0]!.n).toBe(1);
  });
});
