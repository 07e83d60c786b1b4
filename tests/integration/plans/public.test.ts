/**
 * The public pages of the action plans: the list, a plan with its sections, actions (anchors) and
 * indicators, one action with "where it is asked", the short links from report fields, the flags
 * for data still to verify or complete, and the action links on the report form and report pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { seedDemoReports } from '../../../src/areas/reporting/index.ts';
import { actionLinks } from '../../../src/areas/plans/index.ts';

let t: TestApp;
let anon: Agent;

beforeAll(async () => {
  t = await createTestApp();
  anon = new Agent(t.app);
});
afterAll(async () => t.close());

/** Occurrences of `needle` in `s`. */
const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('the list of action plans', () => {
  it('shows both plans with their periods and number of actions, in English and Arabic', async () => {
    const en = await anon.get('/en/plans');
    expect(en.status).toBe(200);
    expect(en.body).toContain('<h1>Action plans</h1>');
    expect(en.body).toContain('href="/en/plans/oslo-2019"');
    expect(en.body).toContain('Oslo Action Plan 2020–2024');
    expect(en.body).toContain('Siem Reap–Angkor Action Plan 2025–2029');
    expect(en.body).toContain('50 actions');
    expect(en.body).toContain('10 actions');
    expect(en.body).toContain('2020–2024');
    const ar = await anon.get('/ar/plans');
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('خطة عمل أوسلو 2020-2024');
    expect(ar.body).toContain('href="/ar/plans/oslo-2019"');
  });

  it('appears in the main menu for everyone', async () => {
    const home = await anon.get('/en/');
    expect(home.body).toContain('href="/en/plans"');
  });
});

describe('one plan', () => {
  it('lists the sections and the 50 actions with an anchor each, their indicators, and says the texts are to verify', async () => {
    const res = await anon.get('/en/plans/oslo-2019');
    expect(res.status).toBe(200);
    for (const n of [1, 17, 23, 42, 47, 50]) expect(res.body).toContain(`id="OAP-${n}"`);
    expect(count(res.body, 'href="/en/plans/oslo-2019/actions/OAP-')).toBe(50);
    expect(res.body).toContain('Section VIII');
    expect(res.body).toContain('International cooperation and assistance');
    expect(res.body).toContain('Set up an inclusive national platform for dialogue on mine action');
    expect(res.body).toContain('Share of affected States Parties with a functioning national platform');
    expect(res.body).toContain('To verify against the official text');
    expect(res.body).toContain('href="#section-VIII"');
    expect(res.body).toContain('id="section-VIII"');
    expect(res.body).toContain('href="/api/v1/action-plans/oslo-2019"');
  });

  it('shows the Siem Reap–Angkor plan as being completed, without invented actions', async () => {
    const res = await anon.get('/en/plans/siem-reap-angkor-2024');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Being completed by the ISU');
    expect(count(res.body, 'href="/en/plans/siem-reap-angkor-2024/actions/SRAAP-')).toBe(10);
    expect(res.body).toContain('id="SRAAP-30"');
    expect(res.body).toContain('id="SRAAP-39"');
    expect(res.body).not.toContain('id="SRAAP-29"');
    expect(res.body).not.toContain('id="SRAAP-40"');
    expect(res.body).toContain('Victim assistance — title to be completed by the ISU');
    expect(res.body).toContain('No action has been recorded in this section yet.');
  });

  it('is in the page’s language, right to left in Arabic', async () => {
    const ar = await anon.get('/ar/plans/oslo-2019');
    expect(ar.body).toContain('lang="ar" dir="rtl"');
    expect(ar.body).toContain('إنشاء منصة وطنية شاملة للحوار بشأن الأعمال المتعلقة بالألغام');
    expect(ar.body).toContain('القسم VIII');
    const zh = await anon.get('/zh/plans/oslo-2019');
    expect(zh.body).toContain('建立包容性的排雷行动国家对话平台');
  });

  it('answers 404 for an unknown or malformed plan', async () => {
    expect((await anon.get('/en/plans/no-such-plan')).status).toBe(404);
    expect((await anon.get('/en/plans/OSLO%20PLAN')).status).toBe(404);
    expect((await anon.get(`/en/plans/${'x'.repeat(100)}`)).status).toBe(404);
  });
});

describe('one action', () => {
  it('shows its indicators and the Article 7 fields that ask for it, with their translated labels and form', async () => {
    const res = await anon.get('/en/plans/oslo-2019/actions/OAP-42');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Action 42');
    expect(res.body).toContain('Prepare resource mobilisation plans and make needs known through the Convention');
    expect(res.body).toContain('OAP-42.1');
    expect(res.body).toContain('OAP-42.3');
    expect(res.body).toContain('Share of States');
    expect(res.body).toContain('Where it is asked');
    expect(res.body).toContain('Article 7 report forms (format 2023)');
    // Form J's cooperation fields that link to OAP-42, by reference and translated label.
    expect(res.body).toContain('<code>J.cooperation.resourcePlan</code>');
    expect(res.body).toContain('<code>J.cooperation.needs</code>');
    expect(res.body).toContain('<code>J.received.nationalResources</code>');
    expect(res.body).not.toContain('<code>J.gender.integrated</code>');
    expect(res.body).not.toContain('reporting.f.J');
    // Previous and next actions.
    expect(res.body).toContain('href="/en/plans/oslo-2019/actions/OAP-41"');
    expect(res.body).toContain('href="/en/plans/oslo-2019/actions/OAP-43"');
  });

  it('lists table columns that link to an action, in Arabic too', async () => {
    const en = await anon.get('/en/plans/oslo-2019/actions/OAP-27');
    expect(en.body).toContain('<code>C.release.byRegion.cancelledSqm</code>');
    const ar = await anon.get('/ar/plans/oslo-2019/actions/OAP-47');
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('<code>J.gender.integrated</code>');
    expect(ar.body).toContain('استمارات التقارير بموجب المادة 7');
    expect(ar.body).toContain('مراعاة المنظور الجنساني والاحتياجات المتنوعة في التعاون والمساعدة');
  });

  it('says when nothing links to an action yet', async () => {
    const res = await anon.get('/en/plans/oslo-2019/actions/OAP-10');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Nothing links to this action yet.');
  });

  it('answers 404 for an unknown action, a malformed id or an action of another plan', async () => {
    expect((await anon.get('/en/plans/oslo-2019/actions/OAP-51')).status).toBe(404);
    expect((await anon.get('/en/plans/oslo-2019/actions/SRAAP-30')).status).toBe(404);
    expect((await anon.get('/en/plans/oslo-2019/actions/42')).status).toBe(404);
    expect((await anon.get('/en/plans/oslo-2019/actions/OAP-0042x')).status).toBe(404);
    expect((await anon.get('/en/plans/siem-reap-angkor-2024/actions/OAP-42')).status).toBe(404);
  });

  it('is reached from a bare action id (the links on report fields)', async () => {
    const res = await anon.get('/fr/plans/actions/OAP-45');
    expect(res.status).toBe(302);
    expect(res.location).toBe('/fr/plans/oslo-2019/actions/OAP-45');
    const lower = await anon.get('/en/plans/actions/sraap-31');
    expect(lower.location).toBe('/en/plans/siem-reap-angkor-2024/actions/SRAAP-31');
    expect((await anon.get('/en/plans/actions/OAP-99')).status).toBe(404);
    expect((await anon.get('/en/plans/actions/not-an-id')).status).toBe(404);
  });
});

describe('other areas linking to actions', () => {
  it('lists what another area contributes under "where it is asked", grouped under its own heading', async () => {
    actionLinks(t.deps).provide((req, action) =>
      action.id === 'OAP-45' ? [{ group: req.tr.locale === 'en' ? 'Questionnaires' : 'Q', context: '2024 questionnaire on national platforms', label: 'Does your platform meet every year?', href: '/en/plans', code: 'Q7' }] : [],
    );
    const res = await anon.get('/en/plans/oslo-2019/actions/OAP-45');
    expect(res.body).toContain('Article 7 report forms (format 2023)');
    expect(res.body).toContain('<caption class="table__caption">Questionnaires</caption>');
    expect(res.body).toContain('<a href="/en/plans">Does your platform meet every year?</a>');
    expect(res.body).toContain('<code>Q7</code>');
    // Other actions are not affected, and another app has its own registry.
    expect((await anon.get('/en/plans/oslo-2019/actions/OAP-44')).body).not.toContain('Questionnaires');
    const other = await createTestApp();
    try {
      expect((await new Agent(other.app).get('/en/plans/oslo-2019/actions/OAP-45')).body).not.toContain('Questionnaires');
    } finally {
      await other.close();
    }
  });
});

describe('action links on the report pages', () => {
  it('shows the linked actions under the hint of a form field, as links to the action page', async () => {
    const user = await createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' });
    const preparer = new Agent(t.app);
    expect((await preparer.signIn(user.email)).status).toBe(303);
    const created = await preparer.post('/en/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
    expect(created.status).toBe(303);
    const id = /reports\/([0-9a-f-]{36})\/edit/.exec(created.location!)![1]!;
    const form = await preparer.get(`/en/reports/${id}/forms/J`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('href="/en/plans/actions/OAP-42"');
    expect(form.body).toContain('href="/en/plans/actions/OAP-45"');
    expect(form.body).toContain('Oslo Action Plan:');
    // Inside the field's hint, which the input's aria-describedby names.
    expect(form.body).toMatch(/id="f-s-cooperation-resourcePlan-hint">[^]*?href="\/en\/plans\/actions\/OAP-42"/);
    const ar = await preparer.get(`/ar/reports/${id}/forms/J`);
    expect(ar.body).toContain('خطة عمل أوسلو:');
    expect(ar.body).toContain('href="/ar/plans/actions/OAP-47"');
    // A column of a repeating table (Form C, land released) links too.
    const c = await preparer.get(`/en/reports/${id}/forms/C`);
    expect(c.body).toContain('href="/en/plans/actions/OAP-27"');
  });

  it('shows them on a published report too', async () => {
    await seedDemoReports(t.database);
    const [published] = await t.database.query<{ id: string }>("select id::text as id from reports where status = 'published' and visibility = 'public' order by year desc limit 1");
    const res = await anon.get(`/en/reports/${published!.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('href="/en/plans/actions/OAP-42"');
    // …and every such link leads to the action's page.
    const redirect = await anon.get('/en/plans/actions/OAP-42');
    expect((await anon.get(redirect.location!)).status).toBe(200);
  });
});
