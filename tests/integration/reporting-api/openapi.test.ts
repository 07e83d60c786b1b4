import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { CURRENT_FORMAT } from '../../../src/areas/reporting/formats.ts';

let t: TestApp;
let doc: any;
let text = '';
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  text = res.body;
  doc = JSON.parse(text);
});
afterAll(async () => t.close());

/** Every `$ref` in the document, with where it was found. */
function refs(node: unknown, at = '#', out: { ref: string; at: string }[] = []) {
  if (Array.isArray(node)) node.forEach((v, i) => refs(v, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push({ ref: v, at });
      else refs(v, `${at}/${k}`, out);
    }
  }
  return out;
}

function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node == null ? undefined : node[key]), doc);
}

describe('OpenAPI document of the reporting API', () => {
  it('is OpenAPI 3.1.0 JSON whose references all resolve', () => {
    expect(doc.openapi).toBe('3.1.0');
    const dangling = refs(doc).filter((r) => resolve(r.ref) === undefined);
    expect(dangling).toEqual([]);
    // Reasonable size even with every form inlined.
    expect(text.length).toBeLessThan(3_000_000);
  });

  it('documents every reporting route with its method and authentication', () => {
    const expected: [string, string, 'optional' | 'required'][] = [
      ['/api/v1/reports', 'get', 'optional'],
      ['/api/v1/reports', 'post', 'required'],
      ['/api/v1/reports/{id}', 'get', 'optional'],
      ['/api/v1/reports/{id}/draft', 'get', 'required'],
      ['/api/v1/reports/{id}/forms/{formId}/unchanged', 'post', 'required'],
      ['/api/v1/reports/{id}/forms/{formId}/not-applicable', 'post', 'required'],
      ['/api/v1/reports/{id}/check', 'get', 'required'],
      ['/api/v1/reports/{id}/submit', 'post', 'required'],
      ['/api/v1/reports/{id}/comments', 'get', 'required'],
      ['/api/v1/reports/{id}/comments', 'post', 'required'],
      ['/api/v1/reports/{id}/acknowledge', 'post', 'required'],
      ['/api/v1/reports/{id}/publish', 'post', 'required'],
      ['/api/v1/reports/{id}/return', 'post', 'required'],
      ...CURRENT_FORMAT.forms.map((f) => [`/api/v1/reports/{id}/forms/${f.id}`, 'put', 'required'] as [string, string, 'required']),
    ];
    for (const [path, method, auth] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.tags).toContain('Reports');
      expect(op.security).toEqual(auth === 'required' ? [{ bearerAuth: [] }] : [{}, { bearerAuth: [] }]);
      expect(op.responses['404'].content['application/problem+json']).toBeDefined();
    }
    const ids = Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((o: any) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    const list = doc.paths['/api/v1/reports'].get;
    expect(list.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['state', 'year', 'status', 'limit', 'offset', 'page']));
    expect(list.parameters.find((p: any) => p.name === 'limit').schema.maximum).toBe(200);
  });

  it('shows the real shape of every form, generated from its definition', () => {
    const formC = doc.paths['/api/v1/reports/{id}/forms/C'].put;
    const body = formC.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['version', 'values']));
    const values = body.properties.values;
    expect(values.additionalProperties).toBe(false);
    expect(Object.keys(values.properties)).toEqual(expect.arrayContaining(['hazards', 'release']));
    const areas = values.properties.hazards.properties.areas.anyOf.find((s: any) => s.type === 'array');
    expect(areas.items.additionalProperties).toBe(false);
    expect(areas.items.properties.areaCount.anyOf[0].type).toBe('integer');
    expect(areas.items.properties.sizeSqm.anyOf[0].type).toBe('number');
    expect(areas.items.properties.kind.anyOf[0].enum).toBeDefined();
    expect(areas.items.properties._id).toBeDefined();
    // English labels from the catalogues describe the fields.
    expect(JSON.stringify(values)).not.toContain('reporting.f.C.');
    // The response returns row ids always.
    const out = formC.responses['200'].content['application/json'].schema.properties.values;
    expect(out.properties.hazards.properties.areas.anyOf.find((s: any) => s.type === 'array').items.required).toContain('_id');

    // Every form has its own operation with its own sections; people and money fields keep their shape.
    for (const def of CURRENT_FORMAT.forms) {
      const v = doc.paths[`/api/v1/reports/{id}/forms/${def.id}`].put.requestBody.content['application/json'].schema.properties.values;
      expect(Object.keys(v.properties).sort()).toEqual(def.sections.map((s) => s.id).sort());
    }
    const all = JSON.stringify(doc.paths);
    expect(all).toContain('"disability_female"');
    expect(all).toMatch(/"currency":\{[^}]*"pattern":"\^\[A-Z\]\{3\}\$"/);

    // The report document lists every form with its values.
    const reportDoc = doc.paths['/api/v1/reports/{id}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(reportDoc.properties.forms.properties).sort()).toEqual(CURRENT_FORMAT.forms.map((f) => f.id).sort());
    const draftDoc = doc.paths['/api/v1/reports/{id}/draft'].get.responses['200'].content['application/json'].schema;
    expect(draftDoc.properties.forms.properties.A.properties.version.type).toBe('integer');
  });
});
