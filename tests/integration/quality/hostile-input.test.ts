/**
 * Hostile input: property-based tests (fast-check) that post random and adversarial values to every
 * state-changing route of the app — found from app.routeList, so a route added later is swept
 * without editing this file — as every role (anonymous, Senegal's preparer and approver, another
 * State's preparer, a committee member, the ISU, an administrator), with:
 *   huge strings, control and bidi characters, bytes that are not UTF-8, deeply nested JSON, wrong
 *   types, SQL/HTML/CSV-formula/ICU metacharacters, digits of other scripts, NUL bytes, absurd
 *   numbers, tampered ids (not UUIDs, unknown UUIDs, another State's records), duplicated keys,
 *   wrong content types and bodies past the limit.
 * Expectations: never a 5xx (503 included); HTML answers never carry the posted markup unescaped.
 * Round trips (accepted text comes back as posted, escaped) are in hostile-roundtrip.test.ts, what
 * the sweep found in hostile-regressions.test.ts.
 *
 * A form route is posted the fields of the form a page shows for it (read as three roles,
 * hostile/targets.ts), mostly valid so the request gets past CSRF, policy and envelope to the
 * command; an API route the body of its OpenAPI schema. The sweep fails if no request reached the
 * handler of a route whose form a page shows (only refusals would prove nothing); routes no page
 * shows a form for (no example record to point at) are swept with made-up parameters and listed.
 *
 * The runs are reproducible: the seed is fixed (HOSTILE_SEED to change it), every failure names its
 * route, seed and counterexample path; HOSTILE_RUNS scales the number of runs, HOSTILE_ROUTE
 * restricts the sweep to routes containing that text.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiOperations,
  buildPath,
  defaultBody,
  docPathMatches,
  matchRoute,
  mutatingRoutes,
  WHO,
  PEERS,
  type Client,
  type FormField,
  type JsonSchema,
  type Res,
  type RouteDef,
  type ScrapedForm,
  type SweepApp,
  type Who,
  startSweepApp,
  scrapeForms,
} from './hostile/targets.ts';
import { apiSample, encodeForm, encodeJson, formSample, rawBody, type ParamContext, type RawBody } from './hostile/requests.ts';
import { describeValue } from './hostile/report.ts';

const SEED = Number(process.env.HOSTILE_SEED ?? 20250611);
const SCALE = Number(process.env.HOSTILE_RUNS ?? 1);
const ONLY = process.env.HOSTILE_ROUTE;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

/** Markup of the hostile values that must never come back unescaped. */
const REFLECTED = /<script>alert\(1\)|<img src=x onerror=|<svg onload=|<b>x<\/b>|<a href="\/\/evil\.example">/;

let s: SweepApp;
let routes: RouteDef[] = [];
let paramCtx: ParamContext;
let requests = 0;
const failures: string[] = [];
/** Routes where some request got past the CSRF check, the policy and the envelope: the handler ran. */
const reached = new Set<string>();

function record(route: RouteDef, res: Res) {
  // "Sign in first" sends to the sign-in page with a returnTo (signing out sends there without one).
  const signIn = (res.status === 302 || res.status === 303) && /\/login\?returnTo=/.test(res.location ?? '');
  if ((res.status < 400 && !signIn) || res.status === 409 || res.status === 422) reached.add(`${route.method} ${route.url}`);
}

function notReached(list: RouteDef[]): string[] {
  return list.map((r) => `${r.method} ${r.url}`).filter((k) => !reached.has(k));
}

beforeAll(async () => {
  s = await startSweepApp();
  routes = mutatingRoutes(s.t.app).filter((r) => !ONLY || r.url.includes(ONLY));
  paramCtx = { otherIds: [s.otherStateDraft.id, s.published.id, s.submitted.id, s.acknowledged.id, s.data.ids.adminUser, s.data.ids.apiToken, s.data.ids.outboxEmail] };
}, 180_000);
afterAll(async () => s?.close());

function seedFor(label: string): number {
  let h = SEED | 0;
  for (const ch of label) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** What is wrong with an answer, if anything. */
function verdict(res: Res): string | undefined {
  if (res.status >= 500) {
    const logged = s.takeErrors().map((l) => {
      try {
        const e = JSON.parse(l) as { err?: { type?: string; message?: string; stack?: string }; msg?: string };
        return `${e.err?.type ?? ''}: ${e.err?.message ?? e.msg ?? ''}\n${(e.err?.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
      } catch {
        return l.slice(0, 500);
      }
    });
    return `answered ${res.status}${logged.length ? `; the server logged: ${logged.join(' | ')}` : ''}`;
  }
  if (String(res.headers['content-type'] ?? '').startsWith('text/html') && REFLECTED.test(res.body)) return `reflected posted markup unescaped: …${res.body.slice(Math.max(0, res.body.search(REFLECTED) - 80), res.body.search(REFLECTED) + 80)}…`;
  return undefined;
}

class Unexpected extends Error {}

async function check(label: string, numRuns: number, prop: fc.IAsyncProperty<any>): Promise<void> {
  const seed = seedFor(label);
  const details = await fc.check(prop, { seed, numRuns, endOnFailure: true });
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    failures.push(`${label}\n    ${error}\n    counterexample: ${describeValue(details.counterexample)}\n    reproduce: HOSTILE_SEED=${SEED} HOSTILE_ROUTE='${label.split(' ')[1] ?? ''}' (seed ${seed}, path ${details.counterexamplePath})`);
  }
}

/* ---------- Form routes ---------- */

interface FormTarget {
  route: RouteDef;
  /** Concrete actions of this route, each with the forms showing it, by role. */
  actions: { path: string; forms: Map<Who, ScrapedForm> }[];
}

/** Parameters for a route no page showed a form for, chosen by what the route does. */
function fallbackParams(route: string): Record<string, string> {
  const report = /\/(acknowledge|return)$/.test(route) ? s.submitted : /\/publish$/.test(route) ? s.acknowledged : /\/correction$/.test(route) ? s.published : s.draft;
  const resolve = s.data.resolver({ iso2: 'sn' });
  const params: Record<string, string> = {};
  for (const m of route.matchAll(/:([A-Za-z0-9_]+)/g)) {
    const p = m[1]!;
    const prev = route.slice(0, m.index).split('/').filter((x) => x && !x.startsWith(':')).at(-1) ?? '';
    params[p] = p === 'locale' ? 'en' : p === 'id' && prev === 'reports' ? report.id : p === 'form' || p === 'formId' ? 'A' : p === 'attachment' ? (report.attachment ?? s.draft.attachment ?? '') : (resolve(p, prev, route) ?? 'x');
  }
  return params;
}

function formTargets(): { targets: FormTarget[]; unseen: string[] } {
  const targets: FormTarget[] = [];
  const unseen: string[] = [];
  for (const route of routes.filter((r) => r.url.startsWith('/:locale/'))) {
    const byPath = new Map<string, Map<Who, ScrapedForm>>();
    for (const f of s.forms) {
      const path = f.action.split('?')[0]!;
      if (!matchRoute(route.url, path)) continue;
      const m = byPath.get(path) ?? new Map<Who, ScrapedForm>();
      if (!m.has(f.who)) m.set(f.who, f);
      byPath.set(path, m);
    }
    if (!byPath.size) {
      unseen.push(`${route.method} ${route.url}`);
      byPath.set(buildPath(route.url, fallbackParams(route.url)), new Map());
    }
    // A few concrete actions per route (e.g. three of the eleven report forms) keep the run short.
    const actions = [...byPath].map(([path, forms]) => ({ path, forms }));
    const step = Math.max(1, Math.floor(actions.length / 3));
    targets.push({ route, actions: actions.filter((_, i) => i % step === 0).slice(0, 3) });
  }
  return { targets, unseen };
}

/** The fields of a form as another role would post them (the same form, that role's token). */
function fieldsOf(action: FormTarget['actions'][number]): FormField[] {
  const any = [...action.forms.values()][0];
  return any?.fields ?? [{ name: 'value', kind: 'text', value: 'x', options: [] }];
}

/** Reads the form's page again after a post went through (e.g. for the new `_version`). */
async function refresh(action: FormTarget['actions'][number], who: Who, client: Client) {
  const form = action.forms.get(who);
  if (!form) return;
  const res = await client.get(form.page);
  requests++;
  const again = scrapeForms(res.body, form.page, who).find((f) => f.action.split('?')[0] === action.path);
  if (again) action.forms.set(who, again);
  else action.forms.delete(who);
}

async function sweepFormRoute(target: FormTarget, numRuns: number) {
  const params = [...target.route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!).filter((p) => p !== 'locale');
  const seenBy = new Set(target.actions.flatMap((a) => [...a.forms.keys()].flatMap((w) => [w, ...PEERS[w]])));
  const weights: [Who, number][] = WHO.map((w) => [w, seenBy.has(w) ? 4 : 1]);
  const fields = fieldsOf(target.actions[0]!);
  const multipart = target.actions.some((a) => [...a.forms.values()].some((f) => f.enctype.startsWith('multipart/')));
  const fileField = fields.find((f) => f.kind === 'file')?.name;
  const label = `${target.route.method} ${target.route.url}`;
  await check(
    label,
    numRuns,
    fc.asyncProperty(fc.nat(target.actions.length - 1), formSample(fields, weights, params, paramCtx, multipart), async (ai, sample) => {
      const action = target.actions[ai]!;
      const client = s.clients.get(sample.who)!;
      const form = action.forms.get(sample.who) ?? [...action.forms.values()][0];
      const base = form ? defaultBody(form) : {};
      base._csrf = client.csrf;
      let path = action.path;
      if (sample.param) {
        const current = matchRoute(target.route.url, path) ?? {};
        path = buildPath(target.route.url, { ...current, [sample.param[0]]: sample.param[1] });
      }
      const { payload, contentType } = encodeForm(base, sample, fileField);
      const res = await client.send({ method: target.route.method, url: path, payload, contentType, headers: sample.headers });
      requests++;
      if (!sample.param) record(target.route, res);
      const problem = verdict(res);
      if (problem) throw new Unexpected(`${sample.who} ${target.route.method} ${path.slice(0, 200)} (${sample.encoding}): ${problem}`);
      if (res.status < 400 && !sample.param) await refresh(action, sample.who, client);
    }),
  );
}

/* ---------- API routes ---------- */

interface ApiTarget {
  route: RouteDef;
  /** The documented operations this route serves (one per report form for PUT /forms/:formId). */
  ops: { params: Record<string, string>; body: JsonSchema | undefined }[];
}

function apiTargets(): { targets: ApiTarget[]; undocumented: string[] } {
  const doc = s.t.deps.api.document({ title: 'sweep', version: '1' }) as Parameters<typeof apiOperations>[0];
  const ops = apiOperations(doc);
  const targets: ApiTarget[] = [];
  const undocumented: string[] = [];
  for (const route of routes.filter((r) => r.url.startsWith('/api/'))) {
    const matching = ops.filter((o) => o.method === route.method).flatMap((o) => {
      const literal = docPathMatches(route.url, o.docPath);
      return literal ? [{ literal, body: o.body }] : [];
    });
    if (!matching.length) undocumented.push(`${route.method} ${route.url}`);
    const base = fallbackParams(route.url);
    const list = (matching.length ? matching : [{ literal: {}, body: undefined }]).map((m) => ({ params: { ...base, ...m.literal }, body: m.body }));
    const step = Math.max(1, Math.floor(list.length / 3));
    targets.push({ route, ops: list.filter((_, i) => i % step === 0).slice(0, 3) });
  }
  return { targets, undocumented };
}

/** The current version of what a route changes (a form's or the report's), read from the draft as the ISU. */
async function currentVersion(route: string, params: Record<string, string>): Promise<number | undefined> {
  const id = params.id;
  if (!id) return undefined;
  const res = await s.clients.get('isu')!.send({ method: 'GET', url: `/api/v1/reports/${encodeURIComponent(id)}/draft` });
  requests++;
  if (res.status !== 200) return undefined;
  const draft = JSON.parse(res.body) as { version?: number; forms?: Record<string, { version: number }> };
  const formId = params.formId;
  return formId && /\/forms\//.test(route) ? draft.forms?.[formId]?.version : draft.version;
}

async function sweepApiRoute(target: ApiTarget, numRuns: number) {
  const params = [...target.route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const label = `${target.route.method} ${target.route.url}`;
  const versions = new Map<number, number | undefined>();
  for (let oi = 0; oi < target.ops.length; oi++) versions.set(oi, await currentVersion(target.route.url, target.ops[oi]!.params));
  // The roles the policy lets through (an empty body gets past it to the envelope check) are sent more often.
  const weights: [Who, number][] = [];
  for (const who of WHO) {
    const op = target.ops[0]!;
    const res = await s.clients.get(who)!.send({ method: target.route.method, url: buildPath(target.route.url, op.params), payload: '{}', contentType: 'application/json' });
    requests++;
    weights.push([who, [401, 403, 404].includes(res.status) ? 1 : 5]);
  }
  await check(
    label,
    numRuns,
    fc.asyncProperty(
      fc.nat(target.ops.length - 1).chain((oi) => apiSample(target.ops[oi]!.body, weights, params, paramCtx).map((sample) => ({ oi, sample }))),
      async ({ oi, sample }) => {
        const op = target.ops[oi]!;
        const client = s.clients.get(sample.who)!;
        const path = buildPath(target.route.url, sample.param ? { ...op.params, [sample.param[0]]: sample.param[1] } : op.params);
        const res = await client.send({ method: target.route.method, url: path, payload: encodeJson(sample.body, versions.get(oi)), contentType: 'application/json', headers: sample.headers });
        requests++;
        if (!sample.param) record(target.route, res);
        const problem = verdict(res);
        if (problem) throw new Unexpected(`${sample.who} ${target.route.method} ${path.slice(0, 200)}: ${problem}`);
        if (res.status < 400) versions.set(oi, await currentVersion(target.route.url, op.params));
      },
    ),
  );
}

/* ---------- Raw bodies ---------- */

async function sweepRawBodies(route: RouteDef, path: string, fields: Record<string, string>, numRuns: number) {
  const label = `${route.method} ${route.url} (raw bodies)`;
  const api = route.url.startsWith('/api/');
  const candidates: Who[] = api ? ['preparer', 'approver', 'isu', 'admin'] : ['preparer', 'isu', 'admin', 'anonymous'];
  await check(
    label,
    numRuns,
    fc.asyncProperty(fc.constantFrom(...candidates), rawBody(fields), async (who, raw) => {
      const client = s.clients.get(who)!;
      const body = api ? raw : withToken(raw, client.csrf);
      const res = await client.send({ method: route.method, url: path, payload: body.payload, ...(body.contentType !== undefined ? { contentType: body.contentType } : {}), ...(body.headers ? { headers: body.headers } : {}) });
      requests++;
      const problem = verdict(res);
      if (problem) throw new Unexpected(`${who} ${route.method} ${path} [${raw.name}]: ${problem}`);
    }),
  );
}

/** The raw bodies are built with a placeholder token: the client's own goes in when sending. */
const TOKEN_PLACEHOLDER = 'CSRFTOKENPLACEHOLDER0123456789';
function withToken(raw: RawBody, token: string): RawBody {
  const p = raw.payload;
  return { ...raw, payload: typeof p === 'string' ? p.split(TOKEN_PLACEHOLDER).join(token) : Buffer.from(p.toString('latin1').split(TOKEN_PLACEHOLDER).join(token), 'latin1') };
}

/* ---------- The tests ---------- */

describe('hostile input', () => {
  it('finds every state-changing route, and a form or a documented body for it', () => {
    const { targets, unseen } = formTargets();
    const api = apiTargets();
    // Every route is swept; these only had no page showing their form with the demo data.
    console.info(`hostile input: ${routes.length} routes (${targets.length} form, ${api.targets.length} API); ${s.forms.length} forms read from ${s.pagesRead} pages; no form shown for: ${unseen.join(', ') || 'none'}; API routes without a documented body (swept with any JSON): ${api.undocumented.join(', ') || 'none'}`);
    expect(routes.length).toBeGreaterThanOrEqual(ONLY ? 1 : 40);
    expect(targets.length + api.targets.length).toBe(routes.length);
  });

  it('never answers a 5xx to hostile form posts, as any role', async () => {
    const { targets } = formTargets();
    for (const target of targets) await sweepFormRoute(target, runs(14));
    expect(failures.splice(0)).toEqual([]);
    // The sweep must reach the handlers behind the policy, not only collect refusals: every route
    // whose form a page shows. (Routes no page showed a form for, e.g. with no example record to
    // point at, are swept with made-up parameters and listed.)
    const shown = targets.filter((x) => x.actions.some((a) => a.forms.size > 0)).map((x) => x.route);
    const unshown = targets.filter((x) => !x.actions.some((a) => a.forms.size > 0)).map((x) => x.route);
    console.info(`hostile input: routes with no form on any page whose handler no request reached: ${notReached(unshown).join(', ') || 'none'}`);
    // A one-time action (deleting a record) may be refused on every run but the first; a few misses are tolerated.
    expect(notReached(shown).length, `not reached: ${notReached(shown).join(', ')}`).toBeLessThanOrEqual(Math.max(2, Math.floor(shown.length / 10)));
  }, 300_000);

  it('never answers a 5xx to hostile API requests, as any token', async () => {
    const { targets } = apiTargets();
    for (const target of targets) await sweepApiRoute(target, runs(30));
    expect(failures.splice(0)).toEqual([]);
    expect(notReached(targets.map((x) => x.route)).length, `not reached: ${notReached(targets.map((x) => x.route)).join(', ')}`).toBeLessThanOrEqual(1);
  }, 300_000);

  it('never answers a 5xx to raw bodies: bytes that are not UTF-8, broken JSON, wrong content types, huge bodies', async () => {
    const { targets } = formTargets();
    for (const target of targets) {
      const action = target.actions[0]!;
      const form = [...action.forms.values()][0];
      const fields = form ? defaultBody(form) : { value: 'x' };
      fields._csrf = TOKEN_PLACEHOLDER;
      await sweepRawBodies(target.route, action.path, fields, runs(5));
    }
    for (const target of apiTargets().targets) await sweepRawBodies(target.route, buildPath(target.route.url, target.ops[0]!.params), { version: '1' }, runs(10));
    console.info(`hostile input: ${requests} requests`);
    expect(failures.splice(0)).toEqual([]);
  }, 300_000);
});
