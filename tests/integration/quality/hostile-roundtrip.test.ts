/**
 * Hostile text round-trips: a value posted to a text field that accepts it is read back from the
 * page (escaped in the HTML) and from the JSON API exactly as the platform documents it keeps text:
 *
 *   kept(text) = text with half surrogate pairs as U+FFFD, NFC, every line break as \n, bidi
 *   embeddings/overrides/isolates, zero-width space and BOM removed, control characters (C0 but
 *   tab and line feed, DEL, C1) removed, line breaks as spaces in one-line fields, trimmed.
 *
 * So text without those characters comes back identical (checked separately with "printable"
 * hostile text: SQL, HTML, CSV formulas, ICU syntax, digits of every script, RTL, emoji). Text
 * longer than the field's limit is refused with 422 and the stored value is left as it was.
 * Counts typed with Latin, Arabic-Indic, Eastern Arabic-Indic or full-width digits and any of the
 * accepted group separators are read as the same number; negative, fractional and other scripts'
 * numbers are refused and change nothing.
 * Fixed seed (HOSTILE_SEED), runs scaled by HOSTILE_RUNS, as in hostile-input.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';
import { api, createToken } from '../reporting-api/support.ts';
import { elements, parseHtml, textOf, type HtmlElement } from './html.ts';
import { scrapeForms, defaultBody } from './hostile/targets.ts';
import { describeValue } from './hostile/report.ts';
import { CURRENT_FORMAT } from '../../../src/areas/reporting/formats.ts';
import { DEFAULT_NARRATIVE_MAX, DEFAULT_TEXT_MAX } from '../../../src/platform/forms/values.ts';
import { BIDI, CONTROL, DIGITS, FORMULA, HTML, ICU, LINE_BREAKS, LONE_SURROGATES, NUL, PLAIN, SQL } from './hostile/values.ts';

const SEED = Number(process.env.HOSTILE_SEED ?? 20250611);
const SCALE = Number(process.env.HOSTILE_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

/* ---------- What the platform keeps of typed text ---------- */

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function kept(text: string, multiline: boolean): string {
  let s = text
    .replace(LONE, '\ufffd')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff]/g, '')
    .replace(/[\u0085\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
  if (!multiline) s = s.replace(/\n+/g, ' ');
  return s.trim();
}

/* ---------- Texts ---------- */

const anyAtom = fc.oneof(
  fc.constantFrom(...SQL, ...HTML, ...FORMULA, ...ICU, ...DIGITS, ...PLAIN),
  fc.constantFrom(...CONTROL, ...BIDI, ...LINE_BREAKS, ...LONE_SURROGATES, ...NUL),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
/** Anything, cleaned characters included. */
const anyText = fc.array(anyAtom, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
/** Text the platform keeps as it is: hostile for SQL, HTML, spreadsheets and ICU, but nothing it cleans. */
const printable = fc
  .array(fc.oneof(fc.constantFrom(...SQL, ...HTML, ...FORMULA.filter((f) => !/^[\t\r]/.test(f)), ...ICU, ...DIGITS, ...PLAIN), fc.string({ unit: 'grapheme-composite', maxLength: 10 })), { minLength: 1, maxLength: 5 })
  .map((p) => p.join(''))
  .filter((s) => s === kept(s, false));
/** Around a field's limit, counted like the limit (UTF-16 code units). */
const nearLimit = (max: number) => fc.tuple(fc.constantFrom(max - 1, max, max + 1), fc.constantFrom('x', 'é', '٣', '中', '😀')).map(([n, c]) => c.repeat(Math.max(1, Math.floor(n / c.length))) + (n % c.length ? 'x' : ''));

interface Sample {
  text: string;
  /** The text must come back identical. */
  exact: boolean;
}
function texts(max: number): fc.Arbitrary<Sample> {
  return fc.oneof(
    { arbitrary: anyText.map((text) => ({ text, exact: false })), weight: 5 },
    { arbitrary: printable.map((text) => ({ text, exact: true })), weight: 4 },
    { arbitrary: nearLimit(max).map((text) => ({ text, exact: true })), weight: 1 },
  );
}

/* ---------- The app ---------- */

let t: TestApp;
let preparer: Agent;
let isu: Agent;
let admin: Agent;
let prepToken = '';
let isuToken = '';
let reportId = '';
let editedUserId = '';
const failures: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const [p, i, a, u] = await Promise.all([
    createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Round-trip Preparer' }),
    createUser(t.database, { role: 'isu_staff', name: 'Round-trip ISU' }),
    createUser(t.database, { role: 'admin', name: 'Round-trip Admin' }),
    createUser(t.database, { role: 'state_preparer', stateIso2: 'SN', name: 'Edited User' }),
  ]);
  preparer = new Agent(t.app);
  isu = new Agent(t.app);
  admin = new Agent(t.app);
  for (const [agent, user] of [
    [preparer, p],
    [isu, i],
    [admin, a],
  ] as const)
    expect((await agent.signIn(user.email)).status).toBe(303);
  prepToken = await createToken(t, p.id);
  isuToken = await createToken(t, i.id);
  editedUserId = u.id;
  const created = await preparer.post('/en/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
  reportId = /reports\/([0-9a-f-]{36})/.exec(created.location ?? '')![1]!;
}, 60_000);
afterAll(async () => t?.close());

/* ---------- Reading pages ---------- */

function field(html: string, name: string): string | undefined {
  const root = parseHtml(html);
  const el = elements(root).find((e: HtmlElement) => e.attrs.name === name && (e.tag === 'input' || e.tag === 'textarea'));
  if (!el) return undefined;
  return el.tag === 'textarea' ? textOf(el).replace(/^\n/, '') : (el.attrs.value ?? '');
}

/** Posted markup must never come back as markup. */
function assertEscaped(html: string, text: string) {
  if (/[<>]/.test(text) && text.length > 3) expect(html.includes(text), 'the posted text appears unescaped in the page').toBe(false);
}

async function formPage(agent: Agent, url: string, action = url) {
  const res = await agent.get(url);
  expect(res.status, `GET ${url}`).toBe(200);
  const form = scrapeForms(res.body, url, 'preparer').find((f) => f.action.split('?')[0] === action);
  expect(form, `a form posting to ${action} on ${url}`).toBeDefined();
  return { html: res.body, body: defaultBody(form!) };
}

/**
 * The property for one text field: post `text`; accepted (303) exactly when what is kept fits;
 * then the page (and the API, where there is one) shows what is kept, and `exact` text unchanged.
 */
async function roundTrip(label: string, numRuns: number, max: number, opts: { multiline: boolean; required: boolean }, io: { post(text: string): Promise<{ status: number; body: string }>; read(): Promise<string[]> }) {
  let accepted = 0;
  const details = await fc.check(
    fc.asyncProperty(texts(max), async ({ text, exact }) => {
      const before = await io.read();
      const res = await io.post(text);
      const want = kept(text, opts.multiline);
      if (res.status >= 500) throw new Error(`answered ${res.status}`);
      if (want.length > max || (opts.required && want === '')) {
        if (res.status !== 422 && res.status !== 400) throw new Error(`expected a refusal (kept ${want.length} > ${max} or empty), got ${res.status}`);
        expect(await io.read(), 'a refused value changes nothing').toEqual(before);
        return;
      }
      if (res.status >= 300 && res.status !== 303) throw new Error(`expected the value to be accepted, got ${res.status}: ${res.body.slice(0, 300)}`);
      if (exact) expect(want, 'printable text is kept unchanged').toBe(text);
      const got = await io.read();
      expect(got.length, 'the value is found where it is read back').toBeGreaterThan(0);
      for (const g of got) expect(g, 'read back').toBe(want);
      accepted++;
    }),
    { seed: SEED, numRuns, endOnFailure: true },
  );
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    failures.push(`${label}: ${error.split('\n').slice(0, 6).join(' ')}\n    counterexample: ${describeValue(details.counterexample)} (HOSTILE_SEED=${SEED}, path ${details.counterexamplePath})`);
  } else if (accepted < numRuns / 3) failures.push(`${label}: only ${accepted} of ${numRuns} texts were accepted; the round trip proves little`);
}

/* ---------- The fields ---------- */

const A = { form: 'A', section: 'measures', table: 'list', title: 'title', description: 'description', narrative: 'narrative' };
/** A column's limit as form A's definition gives it. */
function limitOf(column: string): number {
  const table = CURRENT_FORMAT.forms.find((f) => f.id === A.form)!.sections.find((x) => x.id === A.section)!.fields.find((f) => f.id === A.table)!;
  const col = table.type === 'table' ? table.columns.find((c) => c.id === column) : undefined;
  if (!col || (col.type !== 'text' && col.type !== 'narrative')) throw new Error(`form A has no text column ${column}`);
  return col.maxLength ?? (col.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_NARRATIVE_MAX);
}
const formUrl = () => `/en/reports/${reportId}/forms/${A.form}`;

async function apiDraftValues(): Promise<Record<string, unknown>> {
  const res = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token: prepToken });
  expect(res.status).toBe(200);
  return res.json<{ forms: Record<string, { values: Record<string, Record<string, unknown>> }> }>().forms[A.form]!.values[A.section] ?? {};
}

/** Posts one field of form A's page, the rest as the page shows it. */
async function postFormA(name: string, text: string) {
  const { body } = await formPage(preparer, formUrl());
  // The first row of the table, kept by its id once it exists.
  body[`s.${A.section}.${A.table}.0.kind`] ??= 'law';
  body[name] = text;
  return preparer.post(formUrl(), body);
}

describe('hostile text round-trips', () => {
  it('keeps report form answers posted from the page (one-line, narrative, table cells), as the page and the API read them', async () => {
    const rowField = (col: string) => `s.${A.section}.${A.table}.0.${col}`;
    const readRow = async (col: string) => {
      const page = await preparer.get(formUrl());
      const row = ((await apiDraftValues())[A.table] as Record<string, unknown>[] | undefined)?.[0];
      return [field(page.body, rowField(col)) ?? '', String(row?.[col] ?? '')];
    };
    for (const [col, max, multiline] of [
      [A.title, limitOf(A.title), false],
      [A.description, limitOf(A.description), true],
    ] as const) {
      await roundTrip(`form A ${col} (page)`, runs(12), max, { multiline, required: false }, {
        post: async (text) => {
          const res = await postFormA(rowField(col), text);
          if (res.status === 303 || res.status >= 500) return res;
          assertEscaped(res.body, text);
          return res;
        },
        read: () => readRow(col),
      });
    }
    await roundTrip(`form A narrative (page)`, runs(12), 20_000, { multiline: true, required: false }, {
      post: (text) => postFormA(`s.${A.section}.${A.narrative}`, text),
      read: async () => {
        const page = await preparer.get(formUrl());
        assertEscaped(page.body, (await apiDraftValues())[A.narrative] as string);
        return [field(page.body, `s.${A.section}.${A.narrative}`) ?? '', String((await apiDraftValues())[A.narrative] ?? '')];
      },
    });
    expect(failures.splice(0)).toEqual([]);
  }, 120_000);

  it('keeps report form answers sent to the API (PUT), as the API and the page read them', async () => {
    await roundTrip('form A narrative (API)', runs(15), 20_000, { multiline: true, required: false }, {
      post: async (text) => {
        const draft = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token: prepToken });
        const form = draft.json<{ forms: Record<string, { version: number; values: Record<string, Record<string, unknown>> }> }>().forms[A.form]!;
        const values = { ...form.values, [A.section]: { ...(form.values[A.section] ?? {}), [A.narrative]: text } };
        const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/${A.form}`, { token: prepToken, body: { version: form.version, values } });
        return { status: res.status === 200 ? 303 : res.status, body: res.body };
      },
      read: async () => {
        const page = await preparer.get(formUrl());
        return [String((await apiDraftValues())[A.narrative] ?? ''), field(page.body, `s.${A.section}.${A.narrative}`) ?? ''];
      },
    });
    expect(failures.splice(0)).toEqual([]);
  }, 120_000);

  it('keeps comments posted from the page as the thread shows them', async () => {
    await roundTrip('comment (page)', runs(12), 5_000, { multiline: true, required: true }, {
      post: async (text) => {
        const { body } = await formPage(isu, formUrl(), `${formUrl()}/comments`);
        const res = await isu.post(`${formUrl()}/comments`, { ...body, body: text });
        if (res.status !== 303 && res.status < 500) assertEscaped(res.body, text);
        return res;
      },
      read: async () => {
        const page = await isu.get(formUrl());
        const bodies = elements(parseHtml(page.body)).filter((e) => e.tag === 'p' && (e.attrs.class ?? '').split(' ').includes('thread__body'));
        return bodies.length ? [textOf(bodies.at(-1)!).trim()] : [];
      },
    });
    expect(failures.splice(0)).toEqual([]);
  }, 120_000);

  it('keeps API comments as the thread reads them', async () => {
    let last = '';
    await roundTrip('comment (API)', runs(15), 5_000, { multiline: true, required: true }, {
      post: async (text) => {
        const res = await api(t.app, 'POST', `/api/v1/reports/${reportId}/comments`, { token: isuToken, body: { formId: A.form, body: text } });
        if (res.status === 201) last = res.json<{ id: string }>().id;
        return { status: res.status === 201 ? 303 : res.status, body: res.body };
      },
      read: async () => {
        const res = await api(t.app, 'GET', `/api/v1/reports/${reportId}/comments`, { token: isuToken });
        const found = res.json<{ data: { id: string; body: string }[] }>().data.find((c) => c.id === last);
        return found ? [found.body] : [];
      },
    });
    expect(failures.splice(0)).toEqual([]);
  }, 120_000);

  it('reads counts typed with the digits and separators of every script it accepts, and refuses the others', async () => {
    const url = `/en/reports/${reportId}/forms/J`;
    const name = 's.victims.casualties.female_child';
    const scripts: Record<string, number> = { latin: 0x30, arabicIndic: 0x660, easternArabicIndic: 0x6f0, fullwidth: 0xff10 };
    const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const read = async () => {
      const res = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token: prepToken });
      const v = res.json<{ forms: Record<string, { values: Record<string, Record<string, Record<string, unknown>>> }> }>().forms.J!.values.victims?.casualties?.female_child;
      return v ?? null;
    };
    const details = await fc.check(
      fc.asyncProperty(
        fc.oneof(
          fc
            .tuple(fc.oneof(fc.nat(999), fc.integer({ min: 0, max: 1_000_000_000_000 })), fc.constantFrom(...Object.values(scripts)), fc.constantFrom('', ',', '\u066c', '\u00a0', '\u202f', ' '))
            .map(([n, zero, sep]) => ({ typed: grouped(n, sep).replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d))), want: n as number | undefined })),
          fc.constantFrom('-1', '1.5', '٣٫٥', '1e3', '१२३', '1,2,3', '1000000000001', 'NaN', '0x10', '١٢٣abc').map((typed) => ({ typed, want: undefined as number | undefined })),
        ),
        async ({ typed, want }) => {
          const before = await read();
          const { body } = await formPage(preparer, url);
          const res = await preparer.post(url, { ...body, [name]: typed });
          if (want === undefined) {
            expect(res.status, `"${typed}" is refused`).toBe(422);
            expect(await read()).toEqual(before);
          } else {
            expect(res.status, `"${typed}" is read (${res.body.slice(0, 200)})`).toBe(303);
            expect(await read(), `"${typed}"`).toBe(want);
          }
        },
      ),
      { seed: SEED, numRuns: runs(20), endOnFailure: true },
    );
    if (details.failed) failures.push(`counts: ${String(details.errorInstance)}\n    counterexample: ${describeValue(details.counterexample)}`);
    expect(failures.splice(0)).toEqual([]);
  }, 120_000);

  it('keeps names and notes: the profile, a user edited by an administrator, a State membership note', async () => {
    for (const [name, max] of [
      ['name', 200],
      ['organisation', 200],
    ] as const) {
      await roundTrip(`profile ${name}`, runs(10), max, { multiline: false, required: name === 'name' }, {
        post: async (text) => {
          const { body } = await formPage(preparer, '/en/account/profile');
          return preparer.post('/en/account/profile', { ...body, [name]: text });
        },
        read: async () => {
          const page = await preparer.get('/en/account/profile');
          return [field(page.body, name) ?? ''];
        },
      });
    }
    const userUrl = `/en/admin/users/${editedUserId}`;
    await roundTrip('user name (administrator)', runs(10), 200, { multiline: false, required: true }, {
      post: async (text) => {
        const { body } = await formPage(admin, userUrl);
        return admin.post(userUrl, { ...body, name: text });
      },
      read: async () => [field((await admin.get(userUrl)).body, 'name') ?? ''],
    });
    const membership = '/en/admin/states/sn/membership';
    await roundTrip('membership note', runs(10), 1_000, { multiline: true, required: false }, {
      post: async (text) => {
        const { body } = await formPage(admin, membership);
        return admin.post(membership, { ...body, note: text });
      },
      read: async () => [field((await admin.get(membership)).body, 'note') ?? ''],
    });
    expect(failures.splice(0)).toEqual([]);
  }, 180_000);
});
