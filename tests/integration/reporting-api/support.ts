/**
 * Helpers for the reporting API tests: personal API tokens inserted directly (the format the
 * accounts area issues: `apmbc_<prefix>_<secret>`, stored as prefix + SHA-256 of the whole token),
 * reports driven to a status through the real commands, and JSON requests.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { apiTokens, type Role } from '../../../src/areas/accounts/schema.ts';
import { loadPrincipal, type Principal } from '../../../src/areas/accounts/index.ts';
import { sha256Hex } from '../../../src/platform/auth/crypto.ts';
import type { Actor } from '../../../src/platform/audit/audit.ts';
import {
  acknowledgeReport,
  createReport,
  markFormNotApplicable,
  publishReport,
  saveForm,
  submitReport,
} from '../../../src/areas/reporting/reports-commands.ts';
import * as repo from '../../../src/areas/reporting/reports-repository.ts';
import { CURRENT_FORMAT } from '../../../src/areas/reporting/formats.ts';
import { createUser, type TestApp } from '../../support/app.ts';

export async function createToken(t: TestApp, userId: string): Promise<string> {
  const prefix = randomBytes(4).toString('hex');
  const token = `apmbc_${prefix}_${randomBytes(32).toString('hex')}`;
  await t.database.db.insert(apiTokens).values({ userId, name: 'tests', prefix, tokenHash: sha256Hex(token) });
  return token;
}

export interface ApiUser {
  id: string;
  token: string;
  principal: Principal;
  actor: Actor;
}

export async function apiUser(t: TestApp, u: { role: Role; stateIso2?: string; committeeId?: string; name?: string }): Promise<ApiUser> {
  const row = await createUser(t.database, u);
  const principal = (await loadPrincipal(t.database.db, row.id, { demoMode: false }))!;
  return { id: row.id, token: await createToken(t, row.id), principal, actor: { userId: row.id, label: row.email } };
}

export interface ApiResponse {
  status: number;
  headers: Record<string, unknown>;
  body: string;
  json<T = any>(): T;
}

/** A JSON request to the API, with a token and a language when given. */
export async function api(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  opts: { token?: string | undefined; body?: unknown; lang?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.lang) headers['accept-language'] = opts.lang;
  let payload: string | undefined;
  if (opts.raw !== undefined) payload = opts.raw;
  else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  return { status: res.statusCode, headers: res.headers, body: res.body, json: <T,>() => JSON.parse(res.body) as T };
}

/** Asserts an RFC 9457 problem with the given status (and code), and returns it. */
export function expectProblem(res: ApiResponse, status: number, code?: string) {
  expect(res.status, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const p = res.json<{ type: string; title: string; status: number; code: string; details?: Record<string, any>; errors?: { path: string; message: string }[] }>();
  expect(p.status).toBe(status);
  expect(typeof p.title).toBe('string');
  expect(p.title.length).toBeGreaterThan(0);
  expect(typeof p.code).toBe('string');
  if (code) expect(p.code).toBe(code);
  return p;
}

export const COVER_VALUES = {
  contacts: { people: [{ organisation: 'National Mine Action Authority', name: 'Focal Point' }] },
  general: { language: 'en' },
};

/**
 * A report of a State for a year, driven through the commands to `upTo`: the cover page complete,
 * every other form not applicable.
 */
export async function seedReport(
  t: TestApp,
  o: { preparer: ApiUser; approver: ApiUser; isu: ApiUser; year: number; visibility?: 'public' | 'restricted'; upTo: 'draft' | 'submitted' | 'acknowledged' | 'published' },
) {
  const deps = t.deps;
  const report = await createReport(deps, o.preparer.actor, o.preparer.principal, { stateIso2: o.preparer.principal.stateIso2!, kind: 'annual', year: o.year, startFromPrevious: false });
  if (o.upTo === 'draft') return report;
  const forms = await repo.listForms(t.database.db, report.id);
  for (const f of forms) {
    if (f.formId === 'cover') {
      const r = await saveForm(deps, o.preparer.actor, o.preparer.principal, { reportId: report.id, formId: 'cover', expectedVersion: f.version, body: COVER_VALUES, json: true, completed: true });
      expect(r.kind).toBe('saved');
    } else {
      await markFormNotApplicable(deps, o.preparer.actor, o.preparer.principal, { reportId: report.id, formId: f.formId, expectedVersion: f.version });
    }
  }
  expect(forms.length).toBe(CURRENT_FORMAT.forms.length);
  let row = await submitReport(deps, o.approver.actor, o.approver.principal, { reportId: report.id, expectedVersion: report.version, visibility: o.visibility ?? 'public', declaration: true, explanations: {} });
  if (o.upTo === 'submitted') return row;
  row = await acknowledgeReport(deps, o.isu.actor, o.isu.principal, report.id, row.version);
  if (o.upTo === 'acknowledged') return row;
  return publishReport(deps, o.isu.actor, o.isu.principal, report.id, row.version);
}
