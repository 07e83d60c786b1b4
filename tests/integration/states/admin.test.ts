import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
let staff: Agent;
let admin: Agent;
let preparer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const staffUser = await createUser(t.database, { role: 'isu_staff' });
  const adminUser = await createUser(t.database, { role: 'admin' });
  const preparerUser = await createUser(t.database, { role: 'state_preparer', stateIso2: 'KH' });
  staff = new Agent(t.app);
  admin = new Agent(t.app);
  preparer = new Agent(t.app);
  expect((await staff.signIn(staffUser.email)).status).toBe(303);
  expect((await admin.signIn(adminUser.email)).status).toBe(303);
  expect((await preparer.signIn(preparerUser.email)).status).toBe(303);
});
afterAll(async () => t.close());

async function auditEvents(action: string, entityId: string) {
  return t.database.query<{ action: string; entity_id: string; summary: Record<string, unknown>; actor_label: string }>(
    'select action, entity_id, summary, actor_label from audit_events where action = $1 and entity_id = $2 order by id',
    [action, entityId],
  );
}

async function article5Rows(iso2: string) {
  return t.database.query<{ deadline: string; status: string }>("select to_char(deadline, 'YYYY-MM-DD') as deadline, status from article5_deadlines where state_iso2 = $1", [iso2]);
}

describe('access to the States administration', () => {
  it('sends anonymous visitors to sign in and back', async () => {
    const anonymous = new Agent(t.app);
    for (const path of ['/en/admin/states', '/en/admin/states/kh/article5', '/en/admin/states/kh/membership', '/en/admin/states/new']) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.location).toBe(`/en/login?returnTo=${encodeURIComponent(path)}`);
    }
    await anonymous.get('/en/login'); // a page with a form, for a valid CSRF token
    const post = await anonymous.post('/en/admin/states/kh/article5', { deadline: '2031-01-01', status: 'extended' });
    expect(post.status).toBe(303);
    expect(post.location).toContain('/en/login?returnTo=');
    expect(await article5Rows('KH')).toHaveLength(3);
  });

  it('refuses a State preparer with 403, also when posting', async () => {
    for (const path of ['/en/admin/states', '/en/admin/states/kh/article5', '/en/admin/states/kh/membership', '/en/admin/states/new']) {
      expect((await preparer.get(path)).status, path).toBe(403);
    }
    await preparer.get('/en/states/kh');
    const post = await preparer.post('/en/admin/states/kh/article5', { deadline: '2031-01-01', status: 'extended' });
    expect(post.status).toBe(403);
    expect(await article5Rows('KH')).toHaveLength(3);
  });

  it('lets ISU staff record deadlines but not change membership dates or add States', async () => {
    expect((await staff.get('/en/admin/states')).status).toBe(200);
    expect((await staff.get('/en/admin/states/kh/article5')).status).toBe(200);
    expect((await staff.get('/en/admin/states/kh/membership')).status).toBe(403);
    expect((await staff.get('/en/admin/states/new')).status).toBe(403);
    const list = await staff.get('/en/admin/states');
    expect(list.body).toContain('href="/en/admin/states/kh/article5"');
    expect(list.body).not.toContain('href="/en/admin/states/kh/membership"');
    expect(list.body).not.toContain('href="/en/admin/states/new"');
  });

  it('answers 404 for an unknown State', async () => {
    expect((await staff.get('/en/admin/states/zz/article5')).status).toBe(404);
    expect((await admin.get('/en/admin/states/zz/membership')).status).toBe(404);
  });
});

describe('recording an Article 5 deadline', () => {
  it('keeps the input and explains each error when the form is invalid', async () => {
    await staff.get('/en/admin/states/kh/article5');
    const res = await staff.post('/en/admin/states/kh/article5', { deadline: '2031-02-30', status: '', note: 'Decision of the 23MSP <b>', toVerify: 'on' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#f-deadline"');
    expect(res.body).toContain('Enter a real date in the format YYYY-MM-DD');
    expect(res.body).toContain('Choose an option');
    expect(res.body).toContain('value="2031-02-30"');
    expect(res.body).toContain('Decision of the 23MSP &lt;b>');
    expect(res.body).toMatch(/name="toVerify" value="on" checked/);
    expect(await article5Rows('KH')).toHaveLength(3);
  });

  it('adds a row to the history, makes it current and writes an audit event', async () => {
    await staff.get('/en/admin/states/kh/article5');
    const res = await staff.post('/en/admin/states/kh/article5', { deadline: '2032-12-31', status: 'requested', note: 'Request circulated' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/en/admin/states/kh/article5?saved=1');
    const after = await staff.get(res.location!);
    expect(after.body).toContain('The Article 5 deadline was recorded.');

    const rows = await article5Rows('KH');
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.deadline)).toEqual(expect.arrayContaining(['2032-12-31', '2030-12-31', '2025-12-31', '2010-01-01']));

    const api = (await t.app.inject('/api/v1/states/kh')).json<{ article5: { deadline: string; status: string; toVerify: boolean } }>();
    expect(api.article5).toMatchObject({ deadline: '2032-12-31', status: 'requested', toVerify: false });
    const page = await t.app.inject('/en/states/kh');
    const history = page.body.slice(page.body.indexOf('Article 5 deadlines recorded'));
    expect([...history.matchAll(/<td><time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1])).toEqual(['2032-12-31', '2030-12-31', '2025-12-31', '2010-01-01']);

    const events = await auditEvents('states.article5_deadline.recorded', 'KH');
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({ deadline: '2032-12-31', status: 'requested' });
  });
});

describe('editing membership dates', () => {
  async function versionOf(iso2: string): Promise<number> {
    const [row] = await t.database.query<{ version: number }>('select version from states where iso2 = $1', [iso2]);
    return row!.version;
  }

  it('saves with the current version, suggests the computed entry into force, and audits the change', async () => {
    const form = await admin.get('/en/admin/states/to/membership');
    expect(form.status).toBe(200);
    expect(form.body).toContain('Computed from the deposit date: December 1, 2025.');
    const version = await versionOf('TO');
    expect(form.body).toContain(`name="version" value="${version}"`);
    const res = await admin.post('/en/admin/states/to/membership', {
      version: String(version),
      signatureDate: '',
      consentType: 'accession',
      consentDate: '2025-06-25',
      eifDate: '',
      withdrawalNotifiedDate: '',
      withdrawalEffectiveDate: '',
      suspensionNotifiedDate: '',
      note: 'Checked against the depositary notification',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/en/admin/states/to/membership?saved=1');
    expect(await versionOf('TO')).toBe(version + 1);
    const [row] = await t.database.query<{ note: string; eif: string }>("select note, to_char(eif_date, 'YYYY-MM-DD') as eif from states where iso2 = 'TO'");
    expect(row).toEqual({ note: 'Checked against the depositary notification', eif: '2025-12-01' });
    const events = await auditEvents('states.membership.updated', 'TO');
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({ changed: { note: { after: 'Checked against the depositary notification' } } });
  });

  it('refuses dates in an impossible order with clear messages, keeping the input', async () => {
    await admin.get('/en/admin/states/fi/membership');
    const res = await admin.post('/en/admin/states/fi/membership', {
      version: String(await versionOf('FI')),
      signatureDate: '',
      consentType: 'accession',
      consentDate: '2012-01-09',
      eifDate: '2011-12-01',
      withdrawalNotifiedDate: '2025-07-10',
      withdrawalEffectiveDate: '2025-07-01',
      suspensionNotifiedDate: '',
      note: '',
    });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Entry into force must be on or after the deposit date');
    expect(res.body).toContain('The withdrawal must take effect on or after the date it was notified');
    expect(res.body).toContain('value="2011-12-01"');
    const [row] = await t.database.query<{ eif: string }>("select to_char(eif_date, 'YYYY-MM-DD') as eif from states where iso2 = 'FI'");
    expect(row!.eif).toBe('2012-07-01');
  });

  it('shows a conflict with both values instead of overwriting a newer save', async () => {
    // Two administrators open the form for Poland at the same version.
    const first = admin;
    const second = new Agent(t.app);
    const otherAdmin = await createUser(t.database, { role: 'admin' });
    await second.signIn(otherAdmin.email);
    const version = await versionOf('PL');
    await first.get('/en/admin/states/pl/membership');
    await second.get('/en/admin/states/pl/membership');
    const fields = { signatureDate: '1997-12-04', consentType: 'ratification', consentDate: '2012-12-27', eifDate: '', withdrawalNotifiedDate: '2025-08-20', suspensionNotifiedDate: '' };
    const saved = await first.post('/en/admin/states/pl/membership', { ...fields, version: String(version), withdrawalEffectiveDate: '2026-02-20', note: 'First save' });
    expect(saved.status).toBe(303);

    const stale = await second.post('/en/admin/states/pl/membership', { ...fields, version: String(version), withdrawalEffectiveDate: '2026-02-21', note: 'Second save' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Someone else changed these dates first');
    expect(stale.body).toContain('Second save');
    expect(stale.body).toContain('First save');
    expect(stale.body).toContain('<time datetime="2026-02-21">');
    expect(stale.body).toContain('<time datetime="2026-02-20">');
    // The form now carries the newer version, so saving again is a deliberate second step.
    expect(stale.body).toContain(`name="version" value="${version + 1}"`);
    const [row] = await t.database.query<{ note: string; version: number }>("select note, version from states where iso2 = 'PL'");
    expect(row).toEqual({ note: 'First save', version: version + 1 });
    expect(await auditEvents('states.membership.updated', 'PL')).toHaveLength(1);
  });
});

describe('adding a State', () => {
  it('adds a State with its entry into force computed, and audits it', async () => {
    await admin.get('/en/admin/states/new');
    const values = {
      iso2: 'fm',
      iso3: 'fsm',
      nameAr: 'ميكرونيزيا (ولايات - الموحدة)',
      nameZh: '密克罗尼西亚联邦',
      nameEn: 'Micronesia (Federated States of)',
      nameFr: 'Micronésie (États fédérés de)',
      nameRu: 'Микронезия (Федеративные Штаты)',
      nameEs: 'Micronesia (Estados Federados de)',
      region: 'asia_pacific',
      reportingLanguage: 'en',
      signatureDate: '',
      consentType: 'accession',
      consentDate: '2030-01-15',
      eifDate: '',
      note: 'Test accession',
    };
    const res = await admin.post('/en/admin/states/new', values);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/en/admin/states?added=fm');
    expect((await admin.get(res.location!)).body).toContain('Micronesia (Federated States of) was added.');
    const api = (await t.app.inject('/api/v1/states/fm')).json<{ eifDate: string; membershipStatus: string; iso3: string }>();
    expect(api).toMatchObject({ iso3: 'FSM', eifDate: '2030-07-01' });
    expect(await auditEvents('states.state.added', 'FM')).toHaveLength(1);

    await admin.get('/en/admin/states/new');
    const again = await admin.post('/en/admin/states/new', { ...values, iso2: 'FM' });
    expect(again.status).toBe(422);
    expect(again.body).toContain('A State with this code already exists.');
  });

  it('validates codes, names and choices', async () => {
    await admin.get('/en/admin/states/new');
    const res = await admin.post('/en/admin/states/new', { iso2: 'F1', iso3: 'FSMX', nameEn: 'X', region: 'mars', consentType: 'accession', consentDate: '2030-13-01' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('Enter the two-letter code, for example TO');
    expect(res.body).toContain('Enter the three-letter code, for example TON');
    expect(res.body).toContain('Enter the name in this language');
    expect(res.body).toContain('value="F1"');
  });
});
