/**
 * ISU editing of the action plans: who may, every text in six languages, validation that keeps the
 * input, optimistic concurrency (a stale version is a 409 with both versions and nothing lost),
 * adding and reordering sections, actions and indicators, the translation status, and an audit
 * event written with every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
let isu: Agent;
let admin: Agent;
let preparer: Agent;
let committee: Agent;
let isuEmail = '';

beforeAll(async () => {
  t = await createTestApp();
  const [i, a, p, c] = await Promise.all([
    createUser(t.database, { role: 'isu_staff', name: 'ISU Editor' }),
    createUser(t.database, { role: 'admin' }),
    createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' }),
    createUser(t.database, { role: 'committee_member', committeeId: 'cooperation-assistance' }),
  ]);
  isuEmail = i.email;
  [isu, admin, preparer, committee] = [new Agent(t.app), new Agent(t.app), new Agent(t.app), new Agent(t.app)];
  expect((await isu.signIn(i.email)).status).toBe(303);
  expect((await admin.signIn(a.email)).status).toBe(303);
  expect((await preparer.signIn(p.email)).status).toBe(303);
  expect((await committee.signIn(c.email)).status).toBe(303);
});
afterAll(async () => t.close());

const texts = (prefix: string, v: Partial<Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string>>) =>
  Object.fromEntries(['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => [`${prefix}.${l}`, v[l as keyof typeof v] ?? '']));

async function action(id: string) {
  const [row] = await t.database.query<{ title: Record<string, string>; summary: Record<string, string> | null; themes: string[]; version: number; section_id: string; sort_order: number; updated_by: string | null }>(
    'select title, summary, themes, version, section_id, sort_order, updated_by from plan_actions where id = $1',
    [id],
  );
  return row!;
}

async function audits(action: string, entityId: string) {
  return t.database.query<{ actor_label: string; summary: Record<string, unknown> }>('select actor_label, summary from audit_events where action = $1 and entity_id = $2 order by id', [action, entityId]);
}

/** The current form values of an action as the edit page would post them. */
async function actionForm(id: string, changes: Record<string, string | string[]> = {}) {
  const a = await action(id);
  return { version: String(a.version), sectionId: a.section_id, ...texts('title', a.title), ...texts('summary', a.summary ?? {}), themes: a.themes, ...changes };
}

const ADMIN_PAGES = [
  '/en/admin/plans',
  '/en/admin/plans/oslo-2019',
  '/en/admin/plans/oslo-2019/edit',
  '/en/admin/plans/oslo-2019/translations',
  '/en/admin/plans/oslo-2019/sections/new',
  '/en/admin/plans/oslo-2019/sections/oslo-2019.VIII',
  '/en/admin/plans/oslo-2019/actions/new',
  '/en/admin/plans/oslo-2019/actions/OAP-45',
  '/en/admin/plans/oslo-2019/actions/OAP-45/indicators/new',
  '/en/admin/plans/oslo-2019/actions/OAP-45/indicators/OAP-45.1',
];

describe('who may edit', () => {
  it('sends anonymous visitors to sign in, also when posting, and changes nothing', async () => {
    const anon = new Agent(t.app);
    for (const path of ADMIN_PAGES) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(303);
      expect(res.location).toBe(`/en/login?returnTo=${encodeURIComponent(path)}`);
    }
    await anon.get('/en/login');
    const before = await action('OAP-45');
    const post = await anon.post('/en/admin/plans/oslo-2019/actions/OAP-45', await actionForm('OAP-45', { 'title.en': 'Hijacked' }));
    expect(post.status).toBe(303);
    expect(post.location).toContain('/en/login?returnTo=');
    expect((await action('OAP-45')).version).toBe(before.version);
  });

  it('refuses State users and committee members with 403, pages and posts alike', async () => {
    for (const agent of [preparer, committee]) {
      for (const path of ADMIN_PAGES) expect((await agent.get(path)).status, path).toBe(403);
      await agent.get('/en/plans');
      await agent.get('/en/account');
      const post = await agent.post('/en/admin/plans/oslo-2019/actions/OAP-45', await actionForm('OAP-45', { 'title.en': 'Not allowed' }));
      expect(post.status).toBe(403);
      const move = await agent.post('/en/admin/plans/oslo-2019/actions/OAP-45/move', { version: String((await action('OAP-45')).version), direction: 'up' });
      expect(move.status).toBe(403);
    }
    expect((await action('OAP-45')).title.en).toBe('Set up an inclusive national platform for dialogue on mine action');
    // No menu entry or edit link for them.
    const page = await preparer.get('/en/plans/oslo-2019');
    expect(page.body).not.toContain('/en/admin/plans');
  });

  it('lets ISU staff and administrators open every editing page, with a menu entry', async () => {
    for (const agent of [isu, admin]) for (const path of ADMIN_PAGES) expect((await agent.get(path)).status, path).toBe(200);
    const home = await isu.get('/en/');
    expect(home.body).toContain('href="/en/admin/plans"');
    const publicPage = await isu.get('/en/plans/oslo-2019/actions/OAP-45');
    expect(publicPage.body).toContain('href="/en/admin/plans/oslo-2019/actions/OAP-45"');
  });

  it('answers 404 for unknown plans, sections, actions and indicators', async () => {
    for (const path of [
      '/en/admin/plans/nope',
      '/en/admin/plans/oslo-2019/sections/oslo-2019.XX',
      '/en/admin/plans/oslo-2019/sections/siem-reap-angkor-2024.1',
      '/en/admin/plans/oslo-2019/actions/OAP-77',
      '/en/admin/plans/oslo-2019/actions/SRAAP-30',
      '/en/admin/plans/oslo-2019/actions/OAP-45/indicators/OAP-45.9',
      '/en/admin/plans/oslo-2019/actions/OAP-45/indicators/OAP-42.1',
    ]) {
      expect((await isu.get(path)).status, path).toBe(404);
    }
  });
});

describe('editing an action in six languages', () => {
  it('shows the six languages side by side, each input in its language and direction', async () => {
    const res = await isu.get('/en/admin/plans/oslo-2019/actions/OAP-45');
    expect(res.body).toContain('name="title.ar"');
    expect(res.body).toMatch(/id="f-title-ar" name="title.ar" lang="ar" dir="rtl"/);
    expect(res.body).toMatch(/id="f-title-zh" name="title.zh" lang="zh" dir="ltr"/);
    expect(res.body).toContain('value="إنشاء منصة وطنية شاملة للحوار بشأن الأعمال المتعلقة بالألغام"');
    expect(res.body).toContain('name="version"');
    expect(res.body).toContain('name="themes" value="to-verify" checked');
  });

  it('saves the titles, summary and themes, records who and audits the change in the same transaction', async () => {
    const before = await action('OAP-45');
    await isu.get('/en/admin/plans/oslo-2019/actions/OAP-45');
    const res = await isu.post(
      '/en/admin/plans/oslo-2019/actions/OAP-45',
      await actionForm('OAP-45', { 'title.en': 'Hold a national mine action platform', 'title.ar': 'عقد منصة وطنية للأعمال المتعلقة بالألغام', themes: ['cooperation', 'gender'] }),
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe('/en/admin/plans/oslo-2019/actions/OAP-45?saved=1');
    const after = await action('OAP-45');
    expect(after.title.en).toBe('Hold a national mine action platform');
    expect(after.title.ar).toBe('عقد منصة وطنية للأعمال المتعلقة بالألغام');
    expect(after.title.fr).toBe(before.title.fr);
    expect(after.themes).toEqual(['gender', 'cooperation']);
    expect(after.version).toBe(before.version + 1);
    expect(after.updated_by).not.toBeNull();
    const events = await audits('plans.action.updated', 'OAP-45');
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_label).toBe(isuEmail);
    const changed = events[0]!.summary.changed as Record<string, { before: unknown; after: unknown }>;
    expect(Object.keys(changed).sort()).toEqual(['themes', 'title']);
    expect((changed.title!.after as Record<string, string>).en).toBe('Hold a national mine action platform');
    // The public pages show it at once, in English and Arabic; the to-verify flag is gone for it.
    const en = await new Agent(t.app).get('/en/plans/oslo-2019/actions/OAP-45');
    expect(en.body).toContain('Hold a national mine action platform');
    expect(en.body).not.toContain('This action’s wording is the platform’s own reconstruction');
    const ar = await new Agent(t.app).get('/ar/plans/oslo-2019#OAP-45');
    expect(ar.body).toContain('عقد منصة وطنية للأعمال المتعلقة بالألغام');
    const saved = await isu.get(res.location!);
    expect(saved.body).toContain('The action has been saved.');
  });

  it('keeps the input and explains each error when the form is invalid, saving nothing', async () => {
    const before = await action('OAP-46');
    await isu.get('/en/admin/plans/oslo-2019/actions/OAP-46');
    const res = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-46', await actionForm('OAP-46', { 'title.en': '   ', 'title.fr': 'x'.repeat(301), 'title.ar': 'نص <b>محفوظ</b>', themes: ['cooperation', 'bogus'] }));
    expect(res.status).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#f-title-en"');
    expect(res.body).toContain('Enter the title in English');
    expect(res.body).toContain('This text is too long');
    expect(res.body).toContain('Choose themes from the list');
    expect(res.body).toContain('value="نص &lt;b>محفوظ&lt;/b>"');
    expect(res.body).toContain('href="#f-themes"');
    expect(res.body).not.toContain('<b>محفوظ</b>');
    expect((await action('OAP-46')).version).toBe(before.version);
  });

  it('moves an action to another section, at its end', async () => {
    await isu.get('/en/admin/plans/oslo-2019/actions/OAP-50');
    const res = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-50', await actionForm('OAP-50', { sectionId: 'oslo-2019.VIII' }));
    expect(res.status).toBe(303);
    const a = await action('OAP-50');
    expect(a.section_id).toBe('oslo-2019.VIII');
    expect(a.sort_order).toBeGreaterThan((await action('OAP-47')).sort_order);
    // And back again.
    await isu.post('/en/admin/plans/oslo-2019/actions/OAP-50', await actionForm('OAP-50', { sectionId: 'oslo-2019.IX' }));
    expect((await action('OAP-50')).section_id).toBe('oslo-2019.IX');
    // A section of another plan is refused.
    const bad = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-50', await actionForm('OAP-50', { sectionId: 'siem-reap-angkor-2024.6' }));
    expect(bad.status).toBe(422);
    expect((await action('OAP-50')).section_id).toBe('oslo-2019.IX');
  });
});

describe('two people editing the same action', () => {
  it('refuses the stale save with both versions shown, keeps the second editor’s text in the form and saves nothing', async () => {
    const other = new Agent(t.app);
    const otherUser = await createUser(t.database, { role: 'isu_staff', name: 'Second Editor' });
    expect((await other.signIn(otherUser.email)).status).toBe(303);
    // Both open the page at the same version.
    await isu.get('/en/admin/plans/oslo-2019/actions/OAP-44');
    await other.get('/en/admin/plans/oslo-2019/actions/OAP-44');
    const opened = await actionForm('OAP-44');
    const first = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-44', { ...opened, 'title.en': 'First editor’s title' });
    expect(first.status).toBe(303);
    const afterFirst = await action('OAP-44');
    const stale = await other.post('/en/admin/plans/oslo-2019/actions/OAP-44', { ...opened, 'title.en': 'Second editor’s title', 'title.es': 'Título del segundo' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Someone saved this since you opened it');
    // Both versions side by side, and the form keeps the second editor's text with the new version.
    expect(stale.body).toContain('First editor’s title');
    expect(stale.body).toContain('value="Second editor’s title"');
    expect(stale.body).toContain('value="Título del segundo"');
    expect(stale.body).toContain(`name="version" value="${afterFirst.version}"`);
    expect((await action('OAP-44')).title.en).toBe('First editor’s title');
    expect(await audits('plans.action.updated', 'OAP-44')).toHaveLength(1);
    // Saving again from the conflict page is deliberate, and goes through.
    const again = await other.post('/en/admin/plans/oslo-2019/actions/OAP-44', { ...opened, version: String(afterFirst.version), 'title.en': 'Second editor’s title' });
    expect(again.status).toBe(303);
    expect((await action('OAP-44')).title.en).toBe('Second editor’s title');
  });
});

describe('sections', () => {
  it('adds a section at the end, refuses a number already used, and edits its title', async () => {
    await isu.get('/en/admin/plans/oslo-2019/sections/new');
    const dup = await isu.post('/en/admin/plans/oslo-2019/sections/new', { number: 'VIII', ...texts('title', { en: 'Duplicate' }) });
    expect(dup.status).toBe(422);
    expect(dup.body).toContain('This plan already has a section with this number');
    expect(dup.body).toContain('value="Duplicate"');
    const res = await isu.post('/en/admin/plans/oslo-2019/sections/new', { number: 'X', ...texts('title', { en: 'Implementation support', fr: 'Appui à l’application' }) });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/en/admin/plans/oslo-2019?added=1');
    const [row] = await t.database.query<{ id: string; sort_order: number; title: Record<string, string> }>("select id, sort_order, title from action_plan_sections where plan_id = 'oslo-2019' and number = 'X'");
    expect(row!.id).toBe('oslo-2019.X');
    expect(row!.title.ar).toBe('');
    expect(await audits('plans.section.added', 'oslo-2019.X')).toHaveLength(1);
    const page = await new Agent(t.app).get('/en/plans/oslo-2019');
    expect(page.body.indexOf('Implementation support')).toBeGreaterThan(page.body.indexOf('Measures to ensure compliance'));
    // Edit it (stale version refused first).
    await isu.get('/en/admin/plans/oslo-2019/sections/oslo-2019.X');
    const stale = await isu.post('/en/admin/plans/oslo-2019/sections/oslo-2019.X', { version: '0', number: 'X', ...texts('title', { en: 'Support to implementation' }) });
    expect(stale.status).toBe(409);
    const ok = await isu.post('/en/admin/plans/oslo-2019/sections/oslo-2019.X', { version: '1', number: 'X', ...texts('title', { en: 'Support to implementation', ar: 'دعم التنفيذ' }) });
    expect(ok.status).toBe(303);
    expect(await audits('plans.section.updated', 'oslo-2019.X')).toHaveLength(1);
  });

  it('reorders sections with move up and down, refusing a stale order', async () => {
    const order = async () => (await t.database.query<{ id: string }>("select id from action_plan_sections where plan_id = 'oslo-2019' order by sort_order, number")).map((r) => r.id);
    const before = await order();
    expect(before.slice(-2)).toEqual(['oslo-2019.IX', 'oslo-2019.X']);
    const [x] = await t.database.query<{ version: number }>("select version from action_plan_sections where id = 'oslo-2019.X'");
    await isu.get('/en/admin/plans/oslo-2019');
    const up = await isu.post('/en/admin/plans/oslo-2019/sections/oslo-2019.X/move', { version: String(x!.version), direction: 'up' });
    expect(up.status).toBe(303);
    expect((await order()).slice(-2)).toEqual(['oslo-2019.X', 'oslo-2019.IX']);
    const stale = await isu.post('/en/admin/plans/oslo-2019/sections/oslo-2019.X/move', { version: String(x!.version), direction: 'down' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('The order has changed');
    expect((await order()).slice(-2)).toEqual(['oslo-2019.X', 'oslo-2019.IX']);
    expect(await audits('plans.section.moved', 'oslo-2019.X')).toHaveLength(1);
  });
});

describe('adding and reordering actions and indicators', () => {
  it('adds an action with a new number, refusing one already used', async () => {
    await isu.get('/en/admin/plans/siem-reap-angkor-2024/actions/new?section=siem-reap-angkor-2024.7');
    const dup = await isu.post('/en/admin/plans/siem-reap-angkor-2024/actions/new', { number: '30', sectionId: 'siem-reap-angkor-2024.7', ...texts('title', { en: 'Duplicate' }), ...texts('summary', {}) });
    expect(dup.status).toBe(422);
    expect(dup.body).toContain('This plan already has an action with this number');
    const res = await isu.post('/en/admin/plans/siem-reap-angkor-2024/actions/new', {
      number: '٤٢',
      sectionId: 'siem-reap-angkor-2024.7',
      ...texts('title', { en: 'A cooperation action entered by the ISU', ar: 'إجراء تعاون أدخلته الوحدة' }),
      ...texts('summary', {}),
      themes: ['cooperation'],
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/en/admin/plans/siem-reap-angkor-2024/actions/SRAAP-42?added=1');
    const a = await action('SRAAP-42');
    expect(a.title.ar).toBe('إجراء تعاون أدخلته الوحدة');
    expect(a.summary).toBeNull();
    expect(await audits('plans.action.added', 'SRAAP-42')).toHaveLength(1);
    expect((await new Agent(t.app).get('/en/plans/siem-reap-angkor-2024/actions/SRAAP-42')).status).toBe(200);
  });

  it('moves an action up within its section', async () => {
    const a43 = await action('OAP-43');
    await isu.get('/en/admin/plans/oslo-2019');
    const res = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-43/move', { version: String(a43.version), direction: 'up' });
    expect(res.status).toBe(303);
    expect((await action('OAP-43')).sort_order).toBeLessThan((await action('OAP-42')).sort_order);
    const page = await new Agent(t.app).get('/en/plans/oslo-2019');
    expect(page.body.indexOf('id="OAP-43"')).toBeLessThan(page.body.indexOf('id="OAP-42"'));
    expect(await audits('plans.action.moved', 'OAP-43')).toHaveLength(1);
    // Moving the first action up changes nothing and records nothing.
    const first = await action('OAP-1');
    await isu.post('/en/admin/plans/oslo-2019/actions/OAP-1/move', { version: String(first.version), direction: 'up' });
    expect((await action('OAP-1')).version).toBe(first.version);
    expect(await audits('plans.action.moved', 'OAP-1')).toHaveLength(0);
  });

  it('lets only one of two simultaneous moves of the same action through', async () => {
    const other = new Agent(t.app);
    const otherUser = await createUser(t.database, { role: 'admin' });
    expect((await other.signIn(otherUser.email)).status).toBe(303);
    await other.get('/en/admin/plans/oslo-2019');
    await isu.get('/en/admin/plans/oslo-2019');
    const v = String((await action('OAP-36')).version);
    const answers = await Promise.all([
      isu.post('/en/admin/plans/oslo-2019/actions/OAP-36/move', { version: v, direction: 'down' }),
      other.post('/en/admin/plans/oslo-2019/actions/OAP-36/move', { version: v, direction: 'down' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 409]);
    // Moved exactly one place: now between 37 and 38.
    const order = (await t.database.query<{ id: string }>("select id from plan_actions where section_id = 'oslo-2019.VII' order by sort_order, number")).map((r) => r.id);
    expect(order.slice(2, 6)).toEqual(['OAP-35', 'OAP-37', 'OAP-36', 'OAP-38']);
    expect(await audits('plans.action.moved', 'OAP-36')).toHaveLength(1);
  });

  it('adds, edits and reorders indicators', async () => {
    await isu.get('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/new');
    const bad = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/new', { ...texts('title', { fr: 'Sans anglais' }), measure: 'percent' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('value="Sans anglais"');
    const res = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/new', { ...texts('title', { en: 'Number of joint programmes with development partners' }), measure: 'count' });
    expect(res.status).toBe(303);
    const rows = await t.database.query<{ id: string; sort_order: number; version: number; measure: string }>("select id, sort_order, version, measure from plan_action_indicators where action_id = 'OAP-46' order by sort_order");
    expect(rows.map((r) => r.id)).toEqual(['OAP-46.1', 'OAP-46.2']);
    expect(rows[1]!.measure).toBe('count');
    expect(await audits('plans.indicator.added', 'OAP-46.2')).toHaveLength(1);
    // Edit it, then a stale edit.
    await isu.get('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/OAP-46.2');
    const edit = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/OAP-46.2', { version: '1', ...texts('title', { en: 'Joint programmes', ru: 'Совместные программы' }), measure: '' });
    expect(edit.status).toBe(303);
    const stale = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/OAP-46.2', { version: '1', ...texts('title', { en: 'Lost?' }), measure: 'share' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('value="Lost?"');
    const [ind] = await t.database.query<{ title: Record<string, string>; measure: string | null }>("select title, measure from plan_action_indicators where id = 'OAP-46.2'");
    expect(ind!.title.en).toBe('Joint programmes');
    expect(ind!.measure).toBeNull();
    // Move the new one up.
    const [v] = await t.database.query<{ version: number }>("select version from plan_action_indicators where id = 'OAP-46.2'");
    const move = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/OAP-46.2/move', { version: String(v!.version), direction: 'up' });
    expect(move.status).toBe(303);
    const order = await t.database.query<{ id: string }>("select id from plan_action_indicators where action_id = 'OAP-46' order by sort_order");
    expect(order.map((r) => r.id)).toEqual(['OAP-46.2', 'OAP-46.1']);
    const staleMove = await isu.post('/en/admin/plans/oslo-2019/actions/OAP-46/indicators/OAP-46.2/move', { version: String(v!.version), direction: 'down' });
    expect(staleMove.status).toBe(409);
    expect(staleMove.body).toContain('The order has changed');
  });
});

describe('the plan’s own texts', () => {
  it('edits the titles, place and period; refuses a period that ends before it starts; audits', async () => {
    const [p] = await t.database.query<{ version: number; title: Record<string, string>; adopted_at: Record<string, string> }>("select version, title, adopted_at from action_plans where id = 'oslo-2019'");
    await isu.get('/en/admin/plans/oslo-2019/edit');
    const base = { version: String(p!.version), ...texts('title', p!.title), ...texts('adoptedAt', p!.adopted_at), adoptedOn: '2019-11-29', periodStart: '2020', periodEnd: '2024' };
    const bad = await isu.post('/en/admin/plans/oslo-2019/edit', { ...base, periodEnd: '2019', adoptedOn: '2019-02-30' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('The last year must not be before the first');
    expect(bad.body).toContain('Enter a real date as YYYY-MM-DD');
    const ok = await isu.post('/en/admin/plans/oslo-2019/edit', { ...base, 'title.zh': '奥斯陆行动计划（2020—2024年）' });
    expect(ok.status).toBe(303);
    expect((await new Agent(t.app).get('/zh/plans')).body).toContain('奥斯陆行动计划（2020—2024年）');
    expect(await audits('plans.plan.updated', 'oslo-2019')).toHaveLength(1);
    const stale = await isu.post('/en/admin/plans/oslo-2019/edit', { ...base, 'title.en': 'Stale title' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('value="Stale title"');
  });
});

describe('translation status', () => {
  it('lists the texts missing a language, by language, with links to correct them', async () => {
    // Section X was added with English, French and Arabic only.
    const res = await isu.get('/en/admin/plans/oslo-2019/translations');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Missing texts by language');
    expect(res.body).toContain('href="/en/admin/plans/oslo-2019/sections/oslo-2019.X"');
    expect(res.body).toContain('Support to implementation');
    const zh = await isu.get('/en/admin/plans/oslo-2019/translations?language=zh');
    expect(zh.body).toContain('missing in Chinese');
    expect(zh.body).toContain('href="/en/admin/plans/oslo-2019/sections/oslo-2019.X"');
    const ar = await isu.get('/en/admin/plans/oslo-2019/translations?language=ar');
    expect(ar.body).not.toContain('href="/en/admin/plans/oslo-2019/sections/oslo-2019.X"');
    // The list of plans counts the incomplete texts.
    const list = await isu.get('/en/admin/plans');
    expect(list.body).toMatch(/\d+ texts? incomplete/);
    // A public page shows the English text, marked as English, where Chinese is missing.
    const page = await new Agent(t.app).get('/zh/plans/oslo-2019');
    expect(page.body).toContain('<bdi lang="en" dir="ltr">Support to implementation</bdi>');
  });
});
