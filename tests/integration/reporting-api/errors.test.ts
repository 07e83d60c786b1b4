import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { api, apiUser, expectProblem, seedReport, type ApiUser } from './support.ts';

let t: TestApp;
let preparer: ApiUser;
let approver: ApiUser;
let isu: ApiUser;
let reportId = '';
let formVersion = 0;

beforeAll(async () => {
  t = await createTestApp();
  preparer = await apiUser(t, { role: 'state_preparer', stateIso2: 'SN' });
  approver = await apiUser(t, { role: 'state_approver', stateIso2: 'SN' });
  isu = await apiUser(t, { role: 'isu_staff' });
  const report = await seedReport(t, { preparer, approver, isu, year: 2023, upTo: 'draft' });
  reportId = report.id;
  const draft = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token: preparer.token });
  formVersion = draft.json().forms.J.version;
});
afterAll(async () => t.close());

const formUrl = () => `/api/v1/reports/${reportId}/forms/J`;

describe('bad requests to the reporting API are problems, never 500', () => {
  it('refuses missing, malformed and unknown tokens', async () => {
    expectProblem(await api(t.app, 'PUT', formUrl(), { body: { version: formVersion, values: {} } }), 401, 'api.token_required');
    const res = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expectProblem(await api(t.app, 'GET', '/api/v1/reports', { token: `apmbc_00000000_${'0'.repeat(64)}` }), 401, 'api.token_invalid');
    expectProblem(await api(t.app, 'GET', '/api/v1/reports', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'api.token_invalid');
    // A session cookie is not a credential for the API.
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { headers: { cookie: 'sid=whatever' } }), 401, 'api.token_required');
  });

  it('answers unknown reports, forms and routes with 404', async () => {
    const token = preparer.token;
    expectProblem(await api(t.app, 'GET', '/api/v1/reports/not-a-uuid', { token }), 404, 'not_found');
    expectProblem(await api(t.app, 'GET', '/api/v1/reports/00000000-0000-4000-8000-000000000000/draft', { token }), 404, 'not_found');
    expectProblem(await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/Z`, { token, body: { version: 1, values: {} } }), 404, 'not_found');
    expectProblem(await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/${'x'.repeat(150)}`, { token, body: { version: 1, values: {} } }), 404, 'not_found');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/forms/Z/unchanged`, { token, body: { version: 1 } }), 404, 'not_found');
    expectProblem(await api(t.app, 'DELETE', `/api/v1/reports/${reportId}`, { token }), 404);
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${reportId}/nothing-here`, { token }), 404);
  });

  it('answers a malformed envelope with 400 and the paths', async () => {
    const token = preparer.token;
    const cases: [unknown, string][] = [
      [{ version: String(formVersion), values: {} }, 'version'],
      [{ values: {} }, 'version'],
      [{ version: 0, values: {} }, 'version'],
      [{ version: formVersion, values: {}, completed: 'yes' }, 'completed'],
      [{ version: formVersion, values: {}, surprise: true }, 'surprise'],
      [[1, 2, 3], ''],
      ['just a string', ''],
      [null, ''],
    ];
    for (const [body, path] of cases) {
      const p = expectProblem(await api(t.app, 'PUT', formUrl(), { token, body }), 400, 'request.invalid');
      expect(p.errors!.map((e) => e.path), JSON.stringify(body)).toContain(path);
    }
    for (const [url, body] of [
      [`/api/v1/reports/${reportId}/submit`, { version: 1, visibility: 'secret', declaration: true }],
      [`/api/v1/reports/${reportId}/submit`, { version: 1, visibility: 'public', declaration: 'on' }],
      [`/api/v1/reports/${reportId}/comments`, { body: 42 }],
      [`/api/v1/reports/${reportId}/comments`, { body: 'x'.repeat(5001) }],
      [`/api/v1/reports/${reportId}/forms/A/not-applicable`, { version: -1 }],
      ['/api/v1/reports', { kind: 'annual', year: 2023, state: 'IQ' }],
    ] as const) {
      expectProblem(await api(t.app, 'POST', url, { token: approver.token, body }), 400, 'request.invalid');
    }
  });

  it('answers values of the wrong type with 422 and changes nothing', async () => {
    const token = preparer.token;
    const cases: [unknown, string][] = [
      [[], 'values'],
      [{ victims: 'none' }, 'values.victims'],
      [{ victims: { casualties: { female_child: -1 } } }, 'values.victims.casualties.female_child'],
      [{ victims: { casualties: { female_child: 1, goats: 4 } } }, 'values.victims.casualties.goats'],
      [{ victims: { casualties: [1, 2] } }, 'values.victims.casualties'],
      [{ victims: { narrative: { $gt: '' } } }, 'values.victims.narrative'],
      [{ received: { nationalResources: { amount: '1000', currency: 'USD' } } }, 'values.received.nationalResources.amount'],
      [{ received: { nationalResources: { amount: 1e20, currency: 'USD' } } }, 'values.received.nationalResources.amount'],
      [{ received: { assistance: 'all' } }, 'values.received.assistance'],
      [{ received: { assistance: [{ _id: '../../etc', partner: 'x' }] } }, 'values.received.assistance.0._id'],
    ];
    for (const [values, path] of cases) {
      const p = expectProblem(await api(t.app, 'PUT', formUrl(), { token, body: { version: formVersion, values } }), 422, 'form.invalid');
      expect(p.errors!.map((e) => e.path), JSON.stringify(values)).toContain(path);
      for (const e of p.errors!) expect(e.message.length).toBeGreaterThan(0);
    }
    const draft = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token });
    expect(draft.json().forms.J.version).toBe(formVersion);
  });

  it('refuses bodies that are too large, not JSON, or poisoned', async () => {
    const token = preparer.token;
    const huge = JSON.stringify({ version: formVersion, values: { victims: { narrative: 'x'.repeat(2 * 1024 * 1024) } } });
    expectProblem(await api(t.app, 'PUT', formUrl(), { token, raw: huge }), 413, 'request.too_large');
    expectProblem(await api(t.app, 'PUT', formUrl(), { token, raw: '{"version": 1, "values": {' }), 400);
    expectProblem(await api(t.app, 'PUT', formUrl(), { token, raw: '' }), 400);
    expectProblem(await api(t.app, 'PUT', formUrl(), { token, raw: '<version>1</version>', headers: { 'content-type': 'application/xml' } }), 415, 'request.unsupported_media');
    expectProblem(await api(t.app, 'PUT', formUrl(), { token, raw: 'version=1', headers: { 'content-type': 'text/plain' } }), 400, 'request.invalid');
    expectProblem(await api(t.app, 'PUT', formUrl(), { token, raw: `{"version": ${formVersion}, "values": {}, "__proto__": {"admin": true}}` }), 400);
    // A form post to the API is read but is not a valid envelope.
    expectProblem(await api(t.app, 'PUT', formUrl(), { token, raw: 'version=1&values=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'request.invalid');
  });

  it('survives deeply nested JSON', async () => {
    const token = preparer.token;
    // Deep enough to overflow a recursive parser or validator, still under the body limit.
    const depth = 400_000;
    const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const inField = await api(t.app, 'PUT', formUrl(), { token, raw: `{"version": ${formVersion}, "values": {"victims": {"narrative": ${deepArray}}}}` });
    expect(expectProblem(inField, inField.status === 400 ? 400 : 422).status).not.toBe(500);
    const deepObject = `${'{"a":'.repeat(depth / 4)}1${'}'.repeat(depth / 4)}`;
    const asValues = await api(t.app, 'PUT', formUrl(), { token, raw: `{"version": ${formVersion}, "values": ${deepObject}}` });
    expect(expectProblem(asValues, asValues.status === 400 ? 400 : 422).status).not.toBe(500);
    expectProblem(await api(t.app, 'POST', '/api/v1/reports', { token, raw: deepArray }), 400);
    // Moderately deep values are read and rejected at the first wrong level.
    const shallow = await api(t.app, 'PUT', formUrl(), { token, raw: `{"version": ${formVersion}, "values": {"victims": {"narrative": ${'['.repeat(1000)}${']'.repeat(1000)}}}}` });
    const p = expectProblem(shallow, 422, 'form.invalid');
    expect(p.errors).toEqual([{ path: 'values.victims.narrative', message: expect.any(String) }]);
  });

  it('answers a stale form version with 409 form.conflict', async () => {
    const p = expectProblem(await api(t.app, 'PUT', formUrl(), { token: preparer.token, body: { version: formVersion + 7, values: {} } }), 409, 'form.conflict');
    expect(p.details).toMatchObject({ formId: 'J', version: formVersion, values: {} });
  });
});
