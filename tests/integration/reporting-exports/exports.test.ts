import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import type { ReportDocument } from '../../../src/areas/reporting/exports/document.ts';
import { ARABIC_NARRATIVE, CHINESE_NARRATIVE, FORMULA, INJECTION, RUSSIAN_NARRATIVE, buildReport, type BuiltReport } from './fixtures.ts';
import { download, pdfFonts, pdfInfo, pdfText, squash, words } from './helpers.ts';

let t: TestApp;
let sn: BuiltReport; // public, published
let kh: BuiltReport; // restricted, published
let iq: BuiltReport; // submitted, not published
let anon: Agent;
let snUser: Agent;
let iqUser: Agent;
let isu: Agent;
let draftId = '';

beforeAll(async () => {
  t = await createTestApp();
  sn = await buildReport(t, { state: 'SN', publish: true, visibility: 'public' });
  kh = await buildReport(t, { state: 'KH', publish: true, visibility: 'restricted' });
  iq = await buildReport(t, { state: 'IQ', publish: false, visibility: 'public' });
  const isuRow = await createUser(t.database, { role: 'isu_staff' });
  anon = new Agent(t.app);
  snUser = new Agent(t.app);
  iqUser = new Agent(t.app);
  isu = new Agent(t.app);
  await snUser.signIn(sn.preparerEmail);
  await iqUser.signIn(iq.preparerEmail);
  await isu.signIn(isuRow.email);
  const created = await snUser.post('/en/reports', { kind: 'annual', year: '2024', startFrom: 'blank' });
  draftId = /reports\/([0-9a-f-]{36})\/edit/.exec(created.location!)![1]!;
}, 120_000);
afterAll(async () => t?.close());

const url = (id: string, what: string, locale = 'en') => `/${locale}/reports/${id}/${what}`;

describe('PDF export', () => {
  it('lays out the report in Arabic, right to left, with every script and only the npm fonts', async () => {
    const res = await download(t.app, url(sn.reportId, 'export.pdf', 'ar'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(pdfText(res.bytes));
    for (const w of [...words(ARABIC_NARRATIVE), ...words(CHINESE_NARRATIVE), ...words(RUSSIAN_NARRATIVE)]) expect(text, w).toContain(squash(w));
    // Arabic labels of the forms, the State's name and the version.
    for (const w of words('الاستمارة جيم: مواقع المناطق الملغومة')) expect(text).toContain(squash(w));
    const fonts = pdfFonts(res.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^(Amiri|NotoSansSC)-/);
    expect(fonts.some((f) => f.startsWith('Amiri'))).toBe(true);
    expect(fonts.some((f) => f.startsWith('NotoSansSC'))).toBe(true);
  });

  it('is correct in all six languages', async () => {
    const titles: Record<string, string> = {
      ar: 'الاستمارة ياء: مسائل أخرى ذات صلة',
      zh: '表J：其他相关事项',
      en: 'Form J: Other relevant matters',
      fr: 'Formulaire J',
      ru: 'Форма J: Другие соответствующие вопросы',
      es: 'Formulario J',
    };
    for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const res = await download(t.app, url(sn.reportId, 'export.pdf', locale));
      expect(res.status, locale).toBe(200);
      const text = squash(pdfText(res.bytes));
      for (const w of [...words(titles[locale]!), ...words(CHINESE_NARRATIVE), ...words(RUSSIAN_NARRATIVE), ...words(ARABIC_NARRATIVE)]) expect(text, `${locale}: ${w}`).toContain(squash(w));
    }
  });

  it('shows what the State typed as text: typst markup in a narrative is not executed', async () => {
    const res = await download(t.app, url(sn.reportId, 'export.pdf', 'en'));
    const raw = pdfText(res.bytes);
    expect(squash(raw)).toContain(squash(INJECTION));
    expect(raw).toContain('*bold*');
    expect(raw).toContain('$x^2$');
    expect(raw).toContain('back\\slash');
    // `#set page(width: 2cm)` did not change the pages: every page is A4.
    const sizes = pdfInfo(res.bytes).match(/Page\s+\d+ size:.*$/gm) ?? [];
    expect(sizes.length).toBeGreaterThan(5);
    for (const s of sizes) expect(s).toMatch(/(595\.\d* x 841\.\d*|841\.\d* x 595\.\d*) pts/);
  });

  it('shows the statuses: not applicable and unchanged since', async () => {
    // Submitted snapshot edited in place to carry the two statuses (as a later correction would).
    const version = await repo.findVersion(t.database.db, sn.reportId, 1);
    const snapshot = structuredClone(version!.snapshot) as { forms: Record<string, { status: string; unchangedSinceYear: number | null }> };
    snapshot.forms.E!.status = 'not_applicable';
    snapshot.forms.F!.status = 'unchanged';
    snapshot.forms.F!.unchangedSinceYear = 2019;
    await t.database.query(`update report_versions set snapshot = $1 where report_id = $2 and version_no = 1`, [JSON.stringify(snapshot), sn.reportId]);
    try {
      const text = pdfText((await download(t.app, url(sn.reportId, 'export.pdf'))).bytes);
      expect(text).toContain('Not applicable');
      expect(text).toContain('Unchanged since 2019');
    } finally {
      await t.database.query(`update report_versions set snapshot = $1 where report_id = $2 and version_no = 1`, [JSON.stringify(version!.snapshot), sn.reportId]);
    }
  });
});

describe('XLSX export', () => {
  it('has one sheet per form with labels, stable codes and the values, right to left in Arabic', async () => {
    const res = await download(t.app, url(sn.reportId, 'export.xlsx', 'ar'));
    expect(res.status).toBe(200);
    expect(res.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const sheets = await readExcelFile(res.bytes);
    const names = sheets.map((s) => s.sheet);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(31);
    expect(names.filter((n) => /^(cover|[A-J]) - /.test(n))).toHaveLength(11);
    const c = sheets.find((s) => s.sheet.startsWith('C - '))!;
    expect(c.sheet).toBe('C - مواقع المناطق الملغومة');
    const codes = c.data[1] as string[];
    expect(codes).toContain('hazards.areas.region');
    expect(codes).toContain('release.methodology');
    const col = (code: string) => codes.indexOf(code);
    expect(c.data[0]![col('hazards.areas.region')]).toContain('الإقليم');
    expect(c.data[2]![col('hazards.areas.region')]).toBe('Ziguinchor');
    expect(c.data[2]![col('hazards.areas.sizeSqm')]).toBe(900000);
    expect(c.data[3]![col('hazards.areas.region')]).toBe('Sédhiou');
    expect(c.data[2]![col('hazards.areas.contamination')]).toBe('conventional; improvised');
    expect(c.data[2]![col('release.methodology')]).toBe(CHINESE_NARRATIVE);
    const j = sheets.find((s) => s.sheet.startsWith('J - '))!;
    const jc = j.data[1] as string[];
    for (const cell of ['female_child', 'female_adult', 'female_unknown', 'male_child', 'male_adult', 'male_unknown', 'unknown_child', 'unknown_adult', 'unknown_unknown', 'disability_female', 'disability_male', 'disability_unknown']) {
      expect(jc).toContain(`victims.casualties.${cell}`);
    }
    expect(j.data[2]![jc.indexOf('victims.casualties.male_adult')]).toBe(4);
    expect(j.data[2]![jc.indexOf('received.assistance.amount.amount')]).toBe(250000.5);
    // Right-to-left sheets, and no formula anywhere.
    const files = unzipSync(res.bytes);
    const sheetXml = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheetXml.length).toBe(sheets.length);
    for (const f of sheetXml) {
      const xml = strFromU8(files[f]!);
      expect(xml, f).toContain('rightToLeft="1"');
      expect(xml, f).not.toMatch(/<f[ >]/);
    }
  });

  it('writes text that looks like a formula behind a single quote', async () => {
    const res = await download(t.app, url(sn.reportId, 'export.xlsx', 'en'));
    const sheets = await readExcelFile(res.bytes);
    const values = sheets.flatMap((s) => s.data.flat()).filter((v): v is string => typeof v === 'string');
    expect(values).toContain(`'${FORMULA}`);
    expect(values).toContain("'-5 units pending verification");
    expect(values).toContain("'@mention in notes");
    expect(values).toContain("'+20 mines used in training");
    expect(values.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    const en = unzipSync(res.bytes);
    expect(strFromU8(en['xl/worksheets/sheet2.xml']!)).not.toContain('rightToLeft="1"');
  });
});

describe('CSV export', () => {
  it('has one CSV per table and report.csv, with a BOM, codes, labels and formulas neutralised', async () => {
    const res = await download(t.app, url(sn.reportId, 'export.csv.zip', 'fr'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(res.bytes);
    const names = Object.keys(files).sort();
    expect(names).toContain('report.csv');
    expect(names).toContain('codes.csv');
    expect(names).toContain('C.hazards.areas.csv');
    expect(names).toContain('J.received.assistance.csv');
    expect(names.filter((n) => n !== 'report.csv' && n !== 'codes.csv')).toHaveLength(19);
    for (const n of names) expect(files[n]!.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const a = strFromU8(files['A.measures.list.csv']!); // TextDecoder drops the BOM
    const [codes, labels] = a.split('\r\n');
    expect(codes).toBe('_report,_state,_kind,_year,_version,measures.list._id,measures.list.kind,measures.list.title,measures.list.adoptedOn,measures.list.status,measures.list.description');
    expect(labels).toContain('Rapport');
    expect(a).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(a).not.toMatch(/(^|,|")=HYPERLINK/m);
    const report = strFromU8(files['report.csv']!);
    expect(report).toContain("'+20 mines used in training");
    expect(report).toContain(ARABIC_NARRATIVE);
    expect(strFromU8(files['C.hazards.areas.csv']!)).toContain("'@mention in notes");
  });
});

describe('JSON export', () => {
  it('serves the report document with the submitted content and links', async () => {
    const res = await download(t.app, url(sn.reportId, 'export.json'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = JSON.parse(res.text) as ReportDocument;
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['id', 'state', 'kind', 'year', 'period', 'version', 'formatVersion', 'language', 'visibility', 'submittedAt', 'publishedAt', 'forms', 'links']));
    expect(doc).toMatchObject({ id: sn.reportId, state: { iso2: 'SN' }, kind: 'annual', year: 2023, period: { start: '2023-01-01', end: '2023-12-31' }, version: 1, visibility: 'public' });
    expect(Object.keys(doc.forms)).toEqual(['cover', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    const version = await repo.findVersion(t.database.db, sn.reportId, 1);
    const snapshot = version!.snapshot as { forms: Record<string, { values: unknown }> };
    for (const id of Object.keys(doc.forms)) expect(doc.forms[id]!.values).toEqual(snapshot.forms[id]!.values);
    expect(doc.links.pdf).toMatch(new RegExp(`/en/reports/${sn.reportId}/export\\.pdf\\?version=1$`));
    expect(doc.links.html).toMatch(new RegExp(`/en/reports/${sn.reportId}\\?version=1$`));
  });
});

describe('Access to exports', () => {
  it('follows the report page: public published for all, restricted for signed-in users, submitted for the State, ISU and committees', async () => {
    for (const what of ['export.pdf', 'export.xlsx', 'export.csv.zip', 'export.json']) {
      expect((await download(t.app, url(sn.reportId, what))).status, what).toBe(200);
      const restricted = await download(t.app, url(kh.reportId, what));
      expect(restricted.status, what).toBe(303);
      expect(restricted.location).toContain('/en/login?returnTo=');
      expect((await download(t.app, url(iq.reportId, what))).status, what).toBe(404);
      expect((await download(t.app, url(draftId, what))).status, what).toBe(404);
    }
    expect((await download(t.app, url(kh.reportId, 'export.json'), iqUser)).status).toBe(200);
    expect((await download(t.app, url(iq.reportId, 'export.json'), iqUser)).status).toBe(200);
    expect((await download(t.app, url(iq.reportId, 'export.json'), snUser)).status).toBe(404);
    expect((await download(t.app, url(iq.reportId, 'export.pdf'), isu)).status).toBe(200);
    expect((await download(t.app, url(draftId, 'export.json'), snUser)).status).toBe(404);
    expect((await download(t.app, `${url(sn.reportId, 'export.json')}?version=2`)).status).toBe(404);
    expect((await download(t.app, `${url(sn.reportId, 'export.json')}?version=x`)).status).toBe(404);
    expect((await download(t.app, url('00000000-0000-4000-8000-000000000000', 'export.pdf'))).status).toBe(404);
  });

  it('marks public downloads cacheable and the others private', async () => {
    expect((await download(t.app, url(sn.reportId, 'export.json'))).headers['cache-control']).toBe('public, max-age=60');
    expect((await download(t.app, url(iq.reportId, 'export.json'), iqUser)).headers['cache-control']).toBe('private, no-store');
  });
});

describe('Bulk download', () => {
  it('contains the public published reports of the year only', async () => {
    const res = await download(t.app, '/en/reports/bulk/2023.zip');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(res.bytes);
    const jsons = Object.keys(files).filter((n) => n.startsWith('reports/'));
    expect(jsons).toEqual(['reports/apmbc-art7-SN-annual-2023-v1.json']);
    const doc = JSON.parse(strFromU8(files[jsons[0]!]!)) as ReportDocument;
    expect(doc.id).toBe(sn.reportId);
    const table = strFromU8(files['csv/format-2023/C.hazards.areas.csv']!);
    expect(table).toContain(sn.reportId);
    expect(table).not.toContain(kh.reportId);
    expect(table).not.toContain(iq.reportId);
    expect(strFromU8(files['csv/format-2023/report.csv']!).split('\r\n').filter(Boolean)).toHaveLength(3);
    expect((await download(t.app, '/en/reports/bulk/2010.zip')).status).toBe(200);
    expect((await download(t.app, '/en/reports/bulk/20x3.zip')).status).toBe(404);
  });
});
