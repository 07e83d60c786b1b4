import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import type { ReportDocument } from '../../../src/areas/reporting/exports/document.ts';
import { readXlsx, writeXlsx } from '../../../src/platform/exports/xlsx.ts';
import { buildReport, type BuiltReport } from './fixtures.ts';
import { download, multipartBody, upload } from './helpers.ts';

let t: TestApp;
let sn: BuiltReport;
let prep: Agent;
let iqUser: Agent;
let isu: Agent;
const drafts: Record<string, string> = {};

async function createDraft(year: number): Promise<string> {
  const res = await prep.post('/en/reports', { kind: 'annual', year: String(year), startFrom: 'blank' });
  expect(res.status).toBe(303);
  return /reports\/([0-9a-f-]{36})\/edit/.exec(res.location!)![1]!;
}

async function formsOf(reportId: string) {
  return Object.fromEntries((await repo.listForms(t.database.db, reportId)).map((f) => [f.formId, f]));
}

async function importEvents(reportId: string) {
  return t.database.query<{ action: string; summary: { source: string; forms: string[] } }>(`select action, summary from audit_events where entity_id = $1 and action = 'reporting.report.imported'`, [reportId]);
}

/** Opens the import page (for its CSRF token) and posts the file. */
async function importFile(reportId: string, file: { filename: string; data: Buffer }, agent = prep, locale = 'en') {
  const page = await agent.get(`/${locale}/reports/${reportId}/import`);
  expect(page.status).toBe(200);
  return upload(t.app, agent, `/${locale}/reports/${reportId}/import`, file);
}

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_LIMIT: String(256 * 1024) });
  sn = await buildReport(t, { state: 'SN', publish: true, visibility: 'public' });
  const [iqRow, isuRow] = await Promise.all([createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ' }), createUser(t.database, { role: 'isu_staff' })]);
  prep = new Agent(t.app);
  iqUser = new Agent(t.app);
  isu = new Agent(t.app);
  await prep.signIn(sn.preparerEmail);
  await iqUser.signIn(iqRow.email);
  await isu.signIn(isuRow.email);
  for (const year of [2019, 2020, 2021, 2022, 2024]) drafts[year] = await createDraft(year);
}, 120_000);
afterAll(async () => t?.close());

describe('Import into a draft', () => {
  it('round-trips a JSON export: every form gets exactly the exported values, in progress, in one audited import', async () => {
    const doc = JSON.parse((await download(t.app, `/en/reports/${sn.reportId}/export.json`)).text) as ReportDocument;
    const res = await importFile(drafts[2024]!, { filename: 'senegal-2023.json', data: Buffer.from(JSON.stringify(doc)) });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/en/reports/${drafts[2024]}/import?imported=11`);
    const done = await prep.get(res.location!);
    expect(done.body).toContain('11 forms were filled in from the file.');
    const forms = await formsOf(drafts[2024]!);
    for (const [id, f] of Object.entries(doc.forms)) {
      expect(forms[id]!.values, id).toEqual(f.values);
      expect(forms[id]!.status, id).toBe('in_progress');
    }
    const events = await importEvents(drafts[2024]!);
    expect(events).toHaveLength(1);
    expect(events[0]!.summary.source).toBe('json');
    expect(events[0]!.summary.forms).toHaveLength(11);
  });

  it('round-trips an XLSX export made in another language (Arabic) to identical values', async () => {
    const xlsx = await download(t.app, `/ar/reports/${sn.reportId}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    const res = await importFile(drafts[2022]!, { filename: 'تقرير.xlsx', data: xlsx.bytes }, prep, 'ar');
    expect(res.status).toBe(303);
    const version = await repo.findVersion(t.database.db, sn.reportId, 1);
    const snapshot = version!.snapshot as { forms: Record<string, { values: unknown }> };
    const forms = await formsOf(drafts[2022]!);
    for (const id of Object.keys(snapshot.forms)) expect(forms[id]!.values, id).toEqual(snapshot.forms[id]!.values);
    expect((await importEvents(drafts[2022]!))[0]!.summary.source).toBe('xlsx');
  });

  it('lists every unreadable value row by row, in the user’s language, and imports nothing', async () => {
    const doc = JSON.parse((await download(t.app, `/en/reports/${sn.reportId}/export.json`)).text) as ReportDocument;
    const bad = structuredClone(doc);
    (bad.forms.C!.values.hazards!.areas as Record<string, unknown>[])[0]!.areaCount = 'lots';
    (bad.forms.J!.values.victims!.casualties as Record<string, unknown>).female_child = -3;
    (bad.forms.A!.values.measures!.list as Record<string, unknown>[])[0]!.adoptedOn = '2023-02-30';
    const before = await formsOf(drafts[2021]!);
    const res = await importFile(drafts[2021]!, { filename: 'bad.json', data: Buffer.from(JSON.stringify(bad)) }, prep, 'fr');
    expect(res.status).toBe(422);
    expect(res.body).toContain('3 réponses du fichier ne peuvent pas être lues. Rien n’a été importé.');
    expect(res.body).toContain('hazards.areas.0.areaCount');
    expect(res.body).toContain('victims.casualties.female_child');
    expect(res.body).toContain('measures.list.0.adoptedOn');
    expect(res.body).toContain('forms.C.values.hazards.areas.0.areaCount');
    expect(res.body).toMatch(/Formulaire C/);
    const after = await formsOf(drafts[2021]!);
    for (const id of Object.keys(after)) {
      expect(after[id]!.values, id).toEqual(before[id]!.values);
      expect(after[id]!.version, id).toBe(before[id]!.version);
      expect(after[id]!.status, id).toBe('not_started');
    }
    expect(await importEvents(drafts[2021]!)).toHaveLength(0);
  });

  it('points at the cell of an unreadable value in a workbook', async () => {
    const xlsx = await download(t.app, `/en/reports/${sn.reportId}/export.xlsx`);
    const sheets = await readXlsx(xlsx.bytes);
    const c = sheets.find((s) => s.name.startsWith('C - '))!;
    const col = c.rows[1]!.indexOf('hazards.areas.areaCount');
    c.rows[3]![col] = 'four';
    const edited = await writeXlsx(sheets.map((s) => ({ name: s.name, rows: s.rows })));
    const res = await importFile(drafts[2021]!, { filename: 'edited.xlsx', data: edited });
    expect(res.status).toBe(422);
    const letter = String.fromCharCode(65 + col);
    expect(res.body).toContain(`${c.name}!${letter}4`);
    expect(res.body).toContain('Enter a whole number, like 1250');
    expect(await importEvents(drafts[2021]!)).toHaveLength(0);
  });

  it('refuses files that lie about their type, and other unusable files, with a clear message', async () => {
    const json = Buffer.from((await download(t.app, `/en/reports/${sn.reportId}/export.json`)).text);
    const xlsx = (await download(t.app, `/en/reports/${sn.reportId}/export.xlsx`)).bytes;
    const cases: [string, Buffer, string][] = [
      ['report.xlsx', json, 'The file is called .xlsx but is not an Excel workbook'],
      ['report.json', xlsx, 'The file is called .json but does not contain valid JSON'],
      ['report.json', Buffer.from('{"forms": '), 'The file is called .json but does not contain valid JSON'],
      ['report.json', Buffer.from('[1,2,3]'), 'The JSON file is not a report exported from this platform'],
      ['report.json', Buffer.from(JSON.stringify({ formatVersion: '1999', forms: {} })), 'The file uses version 1999 of the reporting formats; this report uses version 2023'],
      ['report.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), 'The file is called .xlsx but is not an Excel workbook'],
      ['report.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'The workbook cannot be read.'],
      ['report.txt', json, 'The file must be a JSON file (.json) or an Excel workbook (.xlsx)'],
      ['report.json', Buffer.alloc(300 * 1024, 32), 'The file must be smaller than'],
      ['', Buffer.alloc(0), 'Choose a file to import'],
    ];
    for (const [filename, data, message] of cases) {
      const res = await importFile(drafts[2020]!, { filename, data });
      expect(res.status, filename).toBe(422);
      expect(res.body, `${filename}: ${message}`).toContain(message.replace(/'/g, '&#39;'));
    }
    expect(await importEvents(drafts[2020]!)).toHaveLength(0);
  });

  it('needs the CSRF token as the first field', async () => {
    const data = Buffer.from((await download(t.app, `/en/reports/${sn.reportId}/export.json`)).text);
    const target = `/en/reports/${drafts[2019]}/import`;
    await prep.get(target);
    expect((await upload(t.app, prep, target, { filename: 'r.json', data }, { csrf: null })).status).toBe(403);
    expect((await upload(t.app, prep, target, { filename: 'r.json', data }, { csrf: 'forged-token' })).status).toBe(403);
    // Token after the file: refused before the file is read.
    const { body, contentType } = multipartBody([
      { name: 'file', filename: 'r.json', type: 'application/json', data },
      { name: '_csrf', value: prep.lastCsrf! },
    ]);
    const cookie = [...prep.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const late = await t.app.inject({ method: 'POST', url: target, payload: body, headers: { 'content-type': contentType, cookie } });
    expect(late.statusCode).toBe(403);
    // A urlencoded post is not an upload.
    expect((await prep.post(target, { file: 'x' })).status).toBe(415);
    expect(await importEvents(drafts[2019]!)).toHaveLength(0);
  });

  it('answers a broken or over-full upload with an error page, never a 500', async () => {
    const target = `/en/reports/${drafts[2019]}/import`;
    await prep.get(target);
    const cookie = [...prep.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const garbage = await t.app.inject({ method: 'POST', url: target, payload: 'not multipart at all', headers: { 'content-type': 'multipart/form-data; boundary=xyz', cookie } });
    expect(garbage.statusCode).toBe(400);
    const data = Buffer.from('{"forms":{}}');
    const { body, contentType } = multipartBody([
      { name: '_csrf', value: prep.lastCsrf! },
      { name: 'file', filename: 'a.json', type: 'application/json', data },
      { name: 'file', filename: 'b.json', type: 'application/json', data },
    ]);
    const two = await t.app.inject({ method: 'POST', url: target, payload: body, headers: { 'content-type': contentType, cookie } });
    expect(two.statusCode).toBe(422);
    expect(two.body).toContain('Upload one file only');
    const cut = multipartBody([{ name: '_csrf', value: prep.lastCsrf! }, { name: 'file', filename: 'a.json', type: 'application/json', data: Buffer.alloc(5000, 65) }]);
    const truncated = await t.app.inject({ method: 'POST', url: target, payload: cut.body.subarray(0, cut.body.length - 3000), headers: { 'content-type': cut.contentType, cookie } });
    expect([400, 422]).toContain(truncated.statusCode);
    expect(await importEvents(drafts[2019]!)).toHaveLength(0);
  });

  it('is only for the State’s own editable reports', async () => {
    const anon = new Agent(t.app);
    const page = await anon.get(`/en/reports/${drafts[2019]}/import`);
    expect(page.status).toBe(303);
    expect(page.location).toContain('/en/login?returnTo=');
    expect((await iqUser.get(`/en/reports/${drafts[2019]}/import`)).status).toBe(403);
    expect((await isu.get(`/en/reports/${drafts[2019]}/import`)).status).toBe(403);
    expect((await prep.get(`/en/reports/${sn.reportId}/import`)).status).toBe(409);
    // Another State's user with a valid token of their own session.
    const data = Buffer.from((await download(t.app, `/en/reports/${sn.reportId}/export.json`)).text);
    await iqUser.get('/en/my');
    const res = await upload(t.app, iqUser, `/en/reports/${drafts[2019]}/import`, { filename: 'r.json', data });
    expect(res.status).toBe(403);
    expect(await importEvents(drafts[2019]!)).toHaveLength(0);
  });
});
