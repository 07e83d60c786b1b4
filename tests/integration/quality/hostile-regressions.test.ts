/**
 * What the hostile-input sweep (hostile-input.test.ts) found, each reproduced with a single request
 * so the cause stays fixed even if the sweep's random choices change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { api, createToken } from '../reporting-api/support.ts';
import { mapDatabaseError } from '../../../src/platform/db/constraints.ts';
import { isAppError } from '../../../src/platform/errors.ts';
import { safeFilename } from '../../../src/platform/files/files.ts';
import { MAX_LISTED_ERRORS } from '../../../src/platform/http/forms.ts';

let t: TestApp;
let preparer: Agent;
let isu: Agent;
let prepToken = '';
let isuToken = '';
let reportId = '';

beforeAll(async () => {
  t = await createTestApp();
  const [p, i] = await Promise.all([createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Regression Preparer' }), createUser(t.database, { role: 'isu_staff', name: 'Regression ISU' })]);
  preparer = new Agent(t.app);
  isu = new Agent(t.app);
  expect((await preparer.signIn(p.email)).status).toBe(303);
  expect((await isu.signIn(i.email)).status).toBe(303);
  prepToken = await createToken(t, p.id);
  isuToken = await createToken(t, i.id);
  const created = await preparer.post('/en/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
  reportId = /reports\/([0-9a-f-]{36})/.exec(created.location ?? '')![1]!;
});
afterAll(async () => t?.close());

async function draft() {
  const res = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token: prepToken });
  expect(res.status).toBe(200);
  return res.json<{ version: number; forms: Record<string, { version: number; values: Record<string, Record<string, unknown>> }> }>();
}

/** Form A: a table whose rows have a one-line title and a narrative description, and a narrative. */
const A = { form: 'A', section: 'measures', table: 'list', text: 'title', rowNarrative: 'description', narrative: 'narrative' };

describe('hostile input regressions', () => {
  it('answers a body with 20 000 unknown keys at once, listing each key once and at most 100 of them', async () => {
    // Each error repeated Zod's message naming every key: 20 000 × 240 KB of errors, two minutes of
    // CPU, then "RangeError: Invalid string length" and a 500.
    const body: Record<string, unknown> = { version: 1 };
    for (let i = 0; i < 20_000; i++) body[`f${i}`] = i;
    const started = Date.now();
    const res = await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, { token: isuToken, body });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(400);
    const p = res.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(p.code).toBe('request.invalid');
    expect(p.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(p.errors[0]).toEqual({ path: 'f0', message: 'Unrecognized key: "f0"' });
    for (const e of p.errors) expect(e.message).toContain(`"${e.path}"`);
    expect(res.body.length).toBeLessThan(50_000);
  });

  it('lists unknown keys in form values the same way, in the language asked for', async () => {
    const d = await draft();
    const f = A;
    const values: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) values[`s${i}`] = {};
    const started = Date.now();
    const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/${f.form}`, { token: prepToken, body: { version: d.forms[f.form]!.version, values }, lang: 'fr' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(422);
    const p = res.json<{ errors: { path: string; message: string }[] }>();
    expect(p.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(p.errors[0]).toEqual({ path: 'values.s0', message: 'Clé non reconnue : "s0"' });
  });

  it('shortens an absurdly long unknown key in the error instead of echoing it', async () => {
    const key = 'k'.repeat(100_000);
    const res = await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, { token: isuToken, body: { version: 1, [key]: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.length).toBeLessThan(2_000);
  });

  it('keeps a name without its NUL and control characters instead of failing in the database', async () => {
    // The sweep's counterexample: an API token named "x", NUL, a C1 control, U+202A, NUL, NUL.
    await preparer.get('/en/account/api-tokens/new');
    const res = await preparer.post('/en/account/api-tokens/new', { name: 'x\u0000\u009e\u202a\u0000\u0000 token' });
    expect(res.status).toBe(200);
    const list = await preparer.get('/en/account');
    expect(list.body).toContain('x token');
    expect(list.body).not.toMatch(/[\u0000\u009e\u202a]/);
  });

  it('answers text PostgreSQL cannot store as invalid input (422), not a server error', async () => {
    for (const code of ['22021', '22P05']) {
      const e = mapDatabaseError({ message: 'invalid byte sequence for encoding "UTF8": 0x00', cause: { code } });
      expect(isAppError(e) && e.status).toBe(422);
    }
    // A value too large for an index: the input's fault too, told as "too large" (413).
    const big = mapDatabaseError({ message: 'index row size exceeds maximum', cause: { code: '54000' } });
    expect(isAppError(big) && big.status).toBe(413);
    // A comment with NUL (comments are stored as typed): refused, not a 500.
    const formId = A.form;
    await isu.get(`/en/reports/${reportId}/forms/${formId}`);
    const res = await isu.post(`/en/reports/${reportId}/forms/${formId}/comments`, { body: 'a\u0000b' });
    expect(res.status).toBeLessThan(500);
  });

  it('keeps one-line text on one line: CR, NEL and U+2028 become spaces, not line breaks', async () => {
    const d = await draft();
    const typed = 'one\rtwo\u0085three\u2028four';
    const values = { [A.section]: { [A.table]: [{ [A.text]: typed, [A.rowNarrative]: typed }], [A.narrative]: typed } };
    const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/${A.form}`, { token: prepToken, body: { version: d.forms[A.form]!.version, values } });
    expect(res.status, res.body).toBe(200);
    const saved = (await draft()).forms[A.form]!.values[A.section]!;
    const row = (saved[A.table] as Record<string, unknown>[])[0]!;
    expect(row[A.text]).toBe('one two three four');
    expect(row[A.rowNarrative]).toBe('one\ntwo\nthree\nfour');
    expect(saved[A.narrative]).toBe('one\ntwo\nthree\nfour');
  });

  it('stores half a surrogate pair as U+FFFD instead of refusing the whole form', async () => {
    const d = await draft();
    const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/${A.form}`, { token: prepToken, raw: `{"version":${d.forms[A.form]!.version},"values":{"${A.section}":{"${A.narrative}":"a\\ud800b\\udc00c"}}}` });
    expect(res.status, res.body).toBe(200);
    expect((await draft()).forms[A.form]!.values[A.section]![A.narrative]).toBe('a\ufffdb\ufffdc');
  });

  it('cleans API comments like every other text', async () => {
    const res = await api(t.app, 'POST', `/api/v1/reports/${reportId}/comments`, { token: isuToken, body: { formId: null, body: ' x\u0000y\u202e\r\nz ' } });
    expect(res.status, res.body).toBe(201);
    expect(res.json<{ body: string }>().body).toBe('xy\nz');
  });

  it('refuses an attachment description past 500 characters instead of cutting it short', async () => {
    const page = await preparer.get(`/en/reports/${reportId}/attachments`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const post = (description: string) => {
      const boundary = '----regression';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${description}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="annex.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`),
      ]);
      const cookie = [...preparer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return t.app.inject({ method: 'POST', url: `/en/reports/${reportId}/attachments`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
    };
    const long = await post('é'.repeat(501));
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('at most 500 characters');
    const emoji = '😀'.repeat(250);
    expect((await post(`${emoji}\u0000`)).statusCode).toBe(303);
    const list = await preparer.get(`/en/reports/${reportId}/attachments`);
    expect(list.body).toContain(emoji);
  });

  it('refuses JSON and other bodies posted to a page with 415, before reading them (lists nested 20 000 deep included)', async () => {
    // Such a list once reached String() (showing the typed e-mail again) and overflowed the stack.
    const deep = `${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`;
    const post = async (agent: Agent, url: string, fields: string, type = 'application/json') => {
      const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return t.app.inject({ method: 'POST', url, headers: { 'content-type': type, cookie }, payload: `{"_csrf":"${agent.lastCsrf}",${fields}}` });
    };
    const anonymous = new Agent(t.app);
    await anonymous.get('/en/login');
    const login = await post(anonymous, '/en/login', `"email":${deep},"password":"x"`);
    expect(login.statusCode).toBe(415);
    expect(login.body).toContain('This kind of content is not accepted here.');
    await preparer.get(`/en/reports/${reportId}/forms/${A.form}`);
    const before = await preparer.get(`/en/reports/${reportId}/forms/${A.form}`);
    for (const type of ['application/json', 'text/plain', 'application/xml']) {
      expect((await post(preparer, `/en/reports/${reportId}/forms/${A.form}`, `"_version":1,"s.${A.section}.${A.narrative}":${deep}`, type)).statusCode).toBe(415);
    }
    expect((await preparer.get(`/en/reports/${reportId}/forms/${A.form}`)).body).toBe(before.body);
  });

  it('cuts a long file name between characters, never inside one', () => {
    const name = safeFilename(`${'😀'.repeat(200)}.pdf`, 'pdf');
    expect(name).toBe(`${'😀'.repeat(150)}.pdf`);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
