import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { addComment } from '../../../src/areas/reporting/reports-commands.ts';
import { actingAs } from '../../../src/areas/accounts/index.ts';

let t: TestApp;
let preparer: Agent;
let preparer2: Agent;
let approver: Agent;
let isu: Agent;
let otherState: Agent;
let reportId = '';

function versionOf(html: string): string {
  const m = /name="_version" value="(\d+)"/.exec(html);
  if (!m) throw new Error('no _version in page');
  return m[1]!;
}

beforeAll(async () => {
  t = await createTestApp();
  const users = await Promise.all([
    createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Prep One' }),
    createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Prep Two' }),
    createUser(t.database, { role: 'state_approver', stateIso2: 'SN', name: 'Approver' }),
    createUser(t.database, { role: 'isu_staff', name: 'ISU Officer' }),
    createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ', name: 'Iraq Prep' }),
  ]);
  [preparer, preparer2, approver, isu, otherState] = users.map(() => new Agent(t.app)) as [Agent, Agent, Agent, Agent, Agent];
  await preparer.signIn(users[0]!.email);
  await preparer2.signIn(users[1]!.email);
  await approver.signIn(users[2]!.email);
  await isu.signIn(users[3]!.email);
  await otherState.signIn(users[4]!.email);
});
afterAll(async () => t.close());

describe('Article 7 report from draft to publication', () => {
  it('lists what the State owes and creates the 2023 report', async () => {
    const my = await preparer.get('/en/my');
    expect(my.status).toBe(200);
    expect(my.body).toContain('annual report for 2025');
    const res = await preparer.post('/en/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
    expect(res.status).toBe(303);
    reportId = /reports\/([0-9a-f-]{36})\/edit/.exec(res.location!)![1]!;
    const tasks = await preparer.get(`/en/reports/${reportId}/edit`);
    expect(tasks.body).toContain('Form C: Location of mined areas');
    expect(tasks.body).toContain('Not started');
  });

  it('refuses the report to another State and to the public', async () => {
    expect((await otherState.get(`/en/reports/${reportId}/edit`)).status).toBe(403);
    const anon = new Agent(t.app);
    const res = await anon.get(`/en/reports/${reportId}/edit`);
    expect(res.status).toBe(303);
    expect(res.location).toContain('/en/login?returnTo=');
    expect((await anon.get(`/en/reports/${reportId}`)).status).toBe(404);
  });

  it('saves Form C with Arabic-Indic digits and keeps bad input with a message', async () => {
    const page = await preparer.get(`/ar/reports/${reportId}/forms/C`);
    expect(page.body).toContain('dir="rtl"');
    const v = versionOf(page.body);
    const bad = await preparer.post(`/ar/reports/${reportId}/forms/C`, {
      _version: v,
      _action: 'save',
      's.hazards.areas.0.region': 'Ziguinchor',
      's.hazards.areas.0.kind': 'cha',
      's.hazards.areas.0.areaCount': '١٢',
      's.hazards.areas.0.sizeSqm': 'lots',
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('value="lots"');
    expect(bad.body).toContain('Ziguinchor');
    const ok = await preparer.post(`/ar/reports/${reportId}/forms/C`, {
      _version: v,
      _action: 'complete',
      's.hazards.areas.0.region': 'Ziguinchor',
      's.hazards.areas.0.kind': 'cha',
      's.hazards.areas.0.areaCount': '١٢',
      's.hazards.areas.0.sizeSqm': '١٬٢٥٠٬٠٠٠',
      's.release.byRegion.0.region': 'Ziguinchor',
      's.release.byRegion.0.clearedSqm': '۴۵۰۰۰',
      's.release.byRegion.0.minesDestroyed': '37',
    });
    expect(ok.status).toBe(303);
    const view = await preparer.get(`/en/reports/${reportId}/forms/C`);
    expect(view.body).toContain('value="1250000"');
    expect(view.body).toContain('value="45000"');
    expect(view.body).toContain('Completed');
  });

  it('detects a conflicting edit and lets the later editor choose, losing nothing', async () => {
    const a = await preparer.get(`/en/reports/${reportId}/forms/J`);
    const b = await preparer2.get(`/en/reports/${reportId}/forms/J`);
    const v = versionOf(a.body);
    expect(versionOf(b.body)).toBe(v);
    const first = await preparer.post(`/en/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': 'Women deminers make up a third of teams.' });
    expect(first.status).toBe(303);
    const second = await preparer2.post(`/en/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': 'Risk education sessions are held separately for women and men.' });
    expect(second.status).toBe(409);
    expect(second.body).toContain('Women deminers make up a third of teams.');
    expect(second.body).toContain('Risk education sessions are held separately for women and men.');
    const current = versionOf(second.body);
    const resolved = await preparer2.post(`/en/reports/${reportId}/forms/J/resolve`, {
      _version: current,
      's.gender.narrative': 'Risk education sessions are held separately for women and men.',
      'keep.gender.narrative': 'mine',
    });
    expect(resolved.status).toBe(303);
    const after = await preparer.get(`/en/reports/${reportId}/forms/J`);
    expect(after.body).toContain('Risk education sessions are held separately for women and men.');
  });

  it('does not merge a choice over a save made while the conflict page was open: it asks again', async () => {
    const v = versionOf((await preparer.get(`/en/reports/${reportId}/forms/J`)).body);
    expect(versionOf((await preparer2.get(`/en/reports/${reportId}/forms/J`)).body)).toBe(v);
    await preparer.post(`/en/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': 'First edit.' });
    const conflict = await preparer2.post(`/en/reports/${reportId}/forms/J`, { _version: v, _action: 'save', 's.gender.narrative': 'Second edit.' });
    expect(conflict.status).toBe(409);
    const shown = versionOf(conflict.body);
    // While the second preparer reads the conflict page, the first saves again.
    await preparer.post(`/en/reports/${reportId}/forms/J`, { _version: shown, _action: 'save', 's.gender.narrative': 'Third edit, unseen by the other.' });
    const again = await preparer2.post(`/en/reports/${reportId}/forms/J/resolve`, { _version: shown, 's.gender.narrative': 'Second edit.', 'keep.gender.narrative': 'mine' });
    expect(again.status).toBe(409);
    expect(again.body).toContain('Third edit, unseen by the other.');
    expect(again.body).toContain('Second edit.');
    const stored = await preparer.get(`/en/reports/${reportId}/forms/J`);
    expect(stored.body).toContain('Third edit, unseen by the other.');
    // Chosen against what is now there, it goes through.
    const ok = await preparer2.post(`/en/reports/${reportId}/forms/J/resolve`, { _version: versionOf(again.body), 's.gender.narrative': 'Risk education sessions are held separately for women and men.', 'keep.gender.narrative': 'mine' });
    expect(ok.status).toBe(303);
  });

  it('will not let a preparer submit, and blocks submission until every form is done', async () => {
    const check = await preparer.get(`/en/reports/${reportId}/check`);
    expect(check.body).not.toContain('Submit the report');
    const blocked = await approver.get(`/en/reports/${reportId}/check`);
    expect(blocked.body).toContain('These forms are not finished yet');
  });

  it('submits after check-your-answers, with the declaration', async () => {
    for (const form of ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I']) {
      const page = await preparer.get(`/en/reports/${reportId}/forms/${form}`);
      const r = await preparer.post(`/en/reports/${reportId}/forms/${form}/not-applicable`, { _version: versionOf(page.body) });
      expect(r.status, form).toBe(303);
    }
    for (const [form, fields] of [
      ['cover', { 's.contacts.people.0.organisation': 'CNAMS', 's.contacts.people.0.name': 'Demo Focal Point', 's.general.language': 'fr' }],
      ['J', { 's.gender.narrative': 'Risk education sessions are held separately for women and men.' }],
    ] as const) {
      const page = await preparer.get(`/en/reports/${reportId}/forms/${form}`);
      const r = await preparer.post(`/en/reports/${reportId}/forms/${form}`, { _version: versionOf(page.body), _action: 'complete', ...fields });
      expect(r.status, form).toBe(303);
    }
    const prepCheck = await preparer.get(`/en/reports/${reportId}/check`);
    expect(prepCheck.body).toContain('Only your State');
    expect(prepCheck.body).not.toContain('Submit the report');
    const check = await approver.get(`/en/reports/${reportId}/check`);
    expect(check.body).toContain('Submit the report');
    const noDecl = await approver.post(`/en/reports/${reportId}/submit`, { _version: versionOf(check.body), visibility: 'public' });
    expect(noDecl.status).toBe(422);
    expect(noDecl.body).toContain('Confirm the declaration');
    const ok = await approver.post(`/en/reports/${reportId}/submit`, { _version: versionOf(check.body), visibility: 'public', declaration: 'on' });
    expect(ok.status).toBe(303);
    expect(ok.location).toContain('/submitted');
    const edit = await preparer.post(`/en/reports/${reportId}/forms/J`, { _version: '1', _action: 'save' });
    expect(edit.status).toBe(409);
    const outbox = await t.database.query<{ subject: string }>(`select subject from outbox_emails where kind = 'report_receipt'`);
    expect(outbox).toHaveLength(1);
  });

  it('lets ISU return a form with a comment, the State answer and resubmit a corrected version', async () => {
    const review = await isu.get(`/en/reports/${reportId}/review`);
    expect(review.status).toBe(200);
    const ret = await isu.post(`/en/reports/${reportId}/return`, { _version: versionOf(review.body), 'comment.C': 'Please split the 12 areas by province.' });
    expect(ret.status).toBe(303);
    const tasks = await preparer.get(`/en/reports/${reportId}/edit`);
    expect(tasks.body).toContain('Please split the 12 areas by province.');
    const notices = await t.database.query<{ to_address: string; locale: string }>(`select to_address, locale from outbox_emails where kind = 'report_returned'`);
    expect(notices.length).toBe(3); // the State's two preparers and its approver, not Iraq's preparer
    const reply = await preparer.post(`/en/reports/${reportId}/forms/C/comments`, { body: 'Done: see the two rows now.' });
    expect(reply.status).toBe(303);
    const page = await preparer.get(`/en/reports/${reportId}/forms/C`);
    await preparer.post(`/en/reports/${reportId}/forms/C`, {
      _version: versionOf(page.body),
      _action: 'complete',
      's.hazards.areas.0.region': 'Ziguinchor',
      's.hazards.areas.0.kind': 'cha',
      's.hazards.areas.0.areaCount': '8',
      's.hazards.areas.0.sizeSqm': '900000',
      's.hazards.areas.1.region': 'Sédhiou',
      's.hazards.areas.1.kind': 'sha',
      's.hazards.areas.1.areaCount': '4',
      's.hazards.areas.1.sizeSqm': '350000',
    });
    const check = await approver.get(`/en/reports/${reportId}/check`);
    const resubmit = await approver.post(`/en/reports/${reportId}/submit`, { _version: versionOf(check.body), visibility: 'public', declaration: 'on', reason: 'Areas split by province' });
    expect(resubmit.status).toBe(303);
  });

  it('keeps a comment cleaned whichever door it comes through, not only the page', async () => {
    const isuUser = actingAs('isu_staff');
    const actor = { userId: null, label: 'test', ip: '127.0.0.1', requestId: 'test' };
    await addComment(t.deps, actor, isuUser, { reportId, formId: 'C', body: '  \u202eTwo\u0000 rows\r\nthank you\u200b  ' });
    const rows = await t.database.query<{ body: string }>(`select body from review_comments where report_id = $1 order by created_at desc limit 1`, [reportId]);
    expect(rows[0]!.body).toBe('Two rows\nthank you');
    await expect(addComment(t.deps, actor, isuUser, { reportId, formId: 'C', body: '\u200b\u202e \u0007' })).rejects.toMatchObject({ code: 'report.comment_required' });
  });

  it('publishes after acknowledgement and shows the values on the public page', async () => {
    let review = await isu.get(`/en/reports/${reportId}/review`);
    expect((await isu.post(`/en/reports/${reportId}/acknowledge`, { _version: versionOf(review.body) })).status).toBe(303);
    review = await isu.get(`/en/reports/${reportId}/review`);
    expect((await isu.post(`/en/reports/${reportId}/publish`, { _version: versionOf(review.body) })).status).toBe(303);
    const anon = new Agent(t.app);
    const page = await anon.get(`/en/reports/${reportId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sédhiou');
    expect(page.body).toContain('900,000');
    expect(page.body).toContain('Version 2');
    const ar = await anon.get(`/ar/reports/${reportId}`);
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('Sédhiou');
    const list = await anon.get('/en/reports?year=2023');
    expect(list.body).toContain(reportId);
    const audit = await t.database.query<{ action: string }>(`select action from audit_events where entity_id = $1 order by id`, [reportId]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['reporting.report.created', 'reporting.form.saved', 'reporting.report.submitted', 'reporting.report.returned', 'reporting.report.acknowledged', 'reporting.report.published']));
  });
});

describe('comparing versions', () => {
  it('shows the field-level changes between version 1 and 2', async () => {
    const anon = new Agent(t.app);
    const page = await anon.get(`/en/reports/${reportId}/compare?from=1&to=2`);
    // Version 1 was never published: the public sees only published versions.
    expect(page.status).toBe(404);
    const diff = await isu.get(`/en/reports/${reportId}/compare?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body).toContain('Sédhiou');
    expect(diff.body).toContain('1,250,000');
    expect(diff.body).toContain('900,000');
  });
});

describe('published page caching', () => {
  it('serves an ETag and 304 to anonymous readers, and changes when the State publishes more', async () => {
    const anon = new Agent(t.app);
    const first = await anon.get(`/en/reports/${reportId}`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"/);
    const again = await t.app.inject({ url: `/en/reports/${reportId}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const ar = await t.app.inject({ url: `/ar/reports/${reportId}`, headers: { 'if-none-match': etag } });
    expect(ar.statusCode).toBe(200);
  });
});

describe("the State's public page", () => {
  it('lists its published reports', async () => {
    const anon = new Agent(t.app);
    const page = await anon.get('/en/states/sn');
    expect(page.body).toContain(`/en/reports/${reportId}`);
    expect(page.body).toContain('annual report for 2023');
    const iq = await anon.get('/en/states/iq');
    expect(iq.body).not.toContain(`/en/reports/${reportId}`);
  });
});
