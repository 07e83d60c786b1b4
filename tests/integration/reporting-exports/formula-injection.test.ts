/**
 * Formula injection, end to end through the routes: answers a spreadsheet would run as a formula
 * (leading =, +, -, @, tab or carriage return; DDE; HYPERLINK) are typed into the report form page
 * and sent through the API, the report is submitted, acknowledged and published through the API,
 * and the public CSV and XLSX exports are read as a spreadsheet program would: every text cell that
 * starts with such a character is behind an apostrophe (text already starting with one gets one
 * more, so the escape can be undone), and no cell of the workbook is a formula. The JSON export and
 * the PDF keep the answers as typed.
 */
import { strFromU8, unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { COVER_VALUES, api, createToken } from '../reporting-api/support.ts';
import { download, pdfText, squash } from './helpers.ts';

/** What is typed, and what the platform keeps of it (text is trimmed, so a leading tab or CR goes). */
const TYPED = {
  hyperlink: '=HYPERLINK("http://evil.example","click")',
  plus: '+1+1',
  minus: '-2+3 mines',
  at: '@SUM(A1:A9)',
  dde: "=cmd|' /C calc'!A0",
  tab: '\t=1+2',
  cr: '\r=1+3',
  quoted: "'=already quoted",
  plain: 'Loi n° 99-57',
};
const KEPT: Record<keyof typeof TYPED, string> = { ...TYPED, tab: '=1+2', cr: '=1+3' };
const NARRATIVE = '@narrative\n=SUM(1,2) on the second line';
const J_VALUES = { victims: { narrative: '-minus first' }, other: { narrative: '\t+plus after a tab' } };
const FORMULA_START = /^[=+\-@\t\r]/;

let t: TestApp;
let reportId = '';

beforeAll(async () => {
  t = await createTestApp();
  const [p, a, i] = await Promise.all([
    createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' }),
    createUser(t.database, { role: 'state_approver', stateIso2: 'SN' }),
    createUser(t.database, { role: 'isu_staff' }),
  ]);
  const preparer = new Agent(t.app);
  expect((await preparer.signIn(p.email)).status).toBe(303);
  const [prepToken, approverToken, isuToken] = await Promise.all([createToken(t, p.id), createToken(t, a.id), createToken(t, i.id)]);

  // The report, created on the page.
  const created = await preparer.post('/en/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
  reportId = /reports\/([0-9a-f-]{36})/.exec(created.location ?? '')![1]!;

  // Form A typed into the page: one measure per hostile title, the descriptions shifted by one.
  const page = await preparer.get(`/en/reports/${reportId}/forms/A`);
  const version = /name="_version" value="(\d+)"/.exec(page.body)![1]!;
  const keys = Object.keys(TYPED) as (keyof typeof TYPED)[];
  const form: Record<string, string> = { _version: version, 's.measures.narrative': NARRATIVE };
  keys.forEach((k, i) => {
    form[`s.measures.list.${i}.kind`] = 'law';
    form[`s.measures.list.${i}.status`] = 'in_force';
    form[`s.measures.list.${i}.title`] = TYPED[k];
    form[`s.measures.list.${i}.description`] = TYPED[keys[(i + 1) % keys.length]!];
  });
  const saved = await preparer.post(`/en/reports/${reportId}/forms/A`, form);
  expect(saved.status, saved.body.slice(0, 500)).toBe(303);

  // Everything else through the API: form J's narratives, the cover, completion, submission, review.
  const draft = async () => (await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token: prepToken })).json<{ version: number; forms: Record<string, { version: number; values: Record<string, unknown> }> }>();
  let d = await draft();
  for (const [formId, values] of [
    ['cover', COVER_VALUES],
    ['A', d.forms.A!.values],
    ['J', J_VALUES],
  ] as const) {
    const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/${formId}`, { token: prepToken, body: { version: d.forms[formId]!.version, values, completed: true } });
    expect(res.status, res.body).toBe(200);
    expect(res.json<{ status: string }>().status, res.body).toBe('complete');
  }
  d = await draft();
  for (const formId of Object.keys(d.forms).filter((f) => !['cover', 'A', 'J'].includes(f))) {
    const res = await api(t.app, 'POST', `/api/v1/reports/${reportId}/forms/${formId}/not-applicable`, { token: prepToken, body: { version: d.forms[formId]!.version } });
    expect(res.status, res.body).toBe(200);
  }
  d = await draft();
  const check = (await api(t.app, 'GET', `/api/v1/reports/${reportId}/check`, { token: approverToken })).json<{ warnings: { explanationKey: string }[] }>();
  // Explanations of warnings are answers too.
  const explanations = Object.fromEntries(check.warnings.map((w) => [w.explanationKey, '=explained']));
  const submitted = await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: approverToken, body: { version: d.version, visibility: 'public', declaration: true, explanations } });
  expect(submitted.status, submitted.body).toBe(200);
  const acknowledged = await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, { token: isuToken, body: { version: submitted.json<{ version: number }>().version } });
  expect(acknowledged.status, acknowledged.body).toBe(200);
  const published = await api(t.app, 'POST', `/api/v1/reports/${reportId}/publish`, { token: isuToken, body: { version: acknowledged.json<{ version: number }>().version } });
  expect(published.status, published.body).toBe(200);
}, 120_000);
afterAll(async () => t?.close());

/** RFC 4180 cells of a CSV document (quoted cells may hold commas, quotes and line breaks). */
function csvCells(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rows.at(-1)!.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(cell);
      cell = '';
      rows.push([]);
      i++;
    } else cell += c;
  }
  if (cell || rows.at(-1)!.length) rows.at(-1)!.push(cell);
  return rows.filter((r) => r.length);
}

/** What a neutralised cell holds: the text behind one more apostrophe when it could be a formula. */
const escaped = (text: string) => (/^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('formula injection in exports', () => {
  it('writes every CSV cell that could be a formula behind an apostrophe, in every file and language', async () => {
    for (const locale of ['en', 'ar']) {
      const res = await download(t.app, `/${locale}/reports/${reportId}/export.csv.zip`);
      expect(res.status).toBe(200);
      const files = unzipSync(res.bytes);
      const cells = Object.entries(files).flatMap(([name, bytes]) => csvCells(strFromU8(bytes)).flatMap((row) => row.map((cell) => ({ name, cell }))));
      expect(cells.filter((c) => FORMULA_START.test(c.cell))).toEqual([]);
      const all = cells.map((c) => c.cell);
      for (const text of [...Object.values(KEPT), NARRATIVE, J_VALUES.victims.narrative, '+plus after a tab']) expect(all, `${locale}: ${JSON.stringify(text)}`).toContain(escaped(text));
      expect(all).toContain("''=already quoted");
    }
  });

  it('does the same in the CSV files of the year\'s bulk download', async () => {
    const res = await download(t.app, '/fr/reports/bulk/2023.zip');
    expect(res.status).toBe(200);
    const files = Object.entries(unzipSync(res.bytes)).filter(([name]) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(0);
    const all = files.flatMap(([, bytes]) => csvCells(strFromU8(bytes)).flat());
    expect(all.filter((c) => FORMULA_START.test(c))).toEqual([]);
    expect(all).toContain(escaped(KEPT.hyperlink));
  });

  it('writes every XLSX text cell that could be a formula behind an apostrophe, and no formula at all', async () => {
    for (const locale of ['en', 'ar']) {
      const res = await download(t.app, `/${locale}/reports/${reportId}/export.xlsx`);
      expect(res.status).toBe(200);
      const sheets = (await readExcelFile(res.bytes)) as unknown as { sheet: string; data: unknown[][] }[];
      const strings = sheets.flatMap((s) => s.data.flat()).filter((v): v is string => typeof v === 'string');
      expect(strings.filter((v) => FORMULA_START.test(v))).toEqual([]);
      for (const text of [...Object.values(KEPT), NARRATIVE, J_VALUES.victims.narrative]) expect(strings, `${locale}: ${JSON.stringify(text)}`).toContain(escaped(text));
      const files = unzipSync(res.bytes);
      for (const [name, bytes] of Object.entries(files)) if (/^xl\/worksheets\/.*\.xml$/.test(name)) expect(strFromU8(bytes), name).not.toMatch(/<f[ >]/);
    }
  });

  it('keeps the answers as typed in the JSON export and the PDF', async () => {
    const json = await download(t.app, `/en/reports/${reportId}/export.json`);
    expect(json.status).toBe(200);
    const doc = JSON.parse(json.text) as { forms: Record<string, { values: Record<string, Record<string, unknown>> }> };
    const titles = (doc.forms.A!.values.measures!.list as { title: string }[]).map((r) => r.title);
    expect(titles).toEqual(Object.values(KEPT));
    expect(doc.forms.A!.values.measures!.narrative).toBe(NARRATIVE);
    expect(doc.forms.J!.values.other!.narrative).toBe('+plus after a tab');
    const pdf = await download(t.app, `/en/reports/${reportId}/export.pdf`);
    expect(pdf.status).toBe(200);
    const text = squash(pdfText(pdf.bytes));
    for (const v of [KEPT.hyperlink, KEPT.dde, KEPT.at]) expect(text).toContain(squash(v));
  });
});
