/** The public JSON API of the action plans, and its description in /api/openapi.json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface PlanJson {
  id: string;
  code: string;
  title: Record<string, string>;
  periodStart: number;
  periodEnd: number;
  adoptedOn: string | null;
  toVerify: boolean;
  toComplete: boolean;
  sectionCount?: number;
  actionCount?: number;
  links: { self: string; html: string };
  sections?: { id: string; number: string; title: Record<string, string>; actions: { id: string; number: number; title: Record<string, string>; themes: string[]; indicators: { id: string; measure: string | null }[]; links: { html: string } }[] }[];
}

describe('GET /api/v1/action-plans', () => {
  it('lists both plans with their counts and flags, without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/action-plans', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toContain('public');
    const body = res.json<{ count: number; data: PlanJson[] }>();
    expect(body.count).toBe(2);
    const [oslo, sraap] = body.data;
    expect(oslo).toMatchObject({ id: 'oslo-2019', code: 'OAP', periodStart: 2020, periodEnd: 2024, adoptedOn: '2019-11-29', sectionCount: 8, actionCount: 50, toVerify: true, toComplete: false });
    expect(oslo!.title.ar).toBe('خطة عمل أوسلو 2020-2024');
    expect(oslo!.links).toEqual({ self: '/api/v1/action-plans/oslo-2019', html: '/fr/plans/oslo-2019' });
    expect(sraap).toMatchObject({ id: 'siem-reap-angkor-2024', code: 'SRAAP', periodStart: 2025, periodEnd: 2029, adoptedOn: '2024-11-29', sectionCount: 8, actionCount: 10, toComplete: true });
  });
});

describe('GET /api/v1/action-plans/{plan}', () => {
  it('gives the sections, actions and indicators in the plan’s order, texts in six languages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/action-plans/oslo-2019' });
    expect(res.statusCode).toBe(200);
    const plan = res.json<PlanJson>();
    expect(plan.sections!.map((s) => s.number)).toEqual(['II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX']);
    const actions = plan.sections!.flatMap((s) => s.actions);
    expect(actions.map((a) => a.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const viii = plan.sections!.find((s) => s.number === 'VIII')!;
    expect(viii.actions.map((a) => a.id)).toEqual(['OAP-42', 'OAP-43', 'OAP-44', 'OAP-45', 'OAP-46', 'OAP-47']);
    const a45 = viii.actions.find((a) => a.id === 'OAP-45')!;
    expect(Object.keys(a45.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(a45.themes).toEqual(['cooperation', 'gender', 'to-verify']);
    expect(a45.indicators.map((i) => [i.id, i.measure])).toEqual([
      ['OAP-45.1', 'share'],
      ['OAP-45.2', 'count'],
    ]);
    expect(a45.links.html).toBe('/en/plans/oslo-2019/actions/OAP-45');
    // Every action has at least one indicator and a title in every language.
    for (const a of actions) {
      expect(a.indicators.length, a.id).toBeGreaterThan(0);
      for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) expect(a.title[l]!.length, `${a.id} ${l}`).toBeGreaterThan(5);
    }
  });

  it('answers 404 problem+json for an unknown or malformed plan', async () => {
    for (const url of ['/api/v1/action-plans/nope', '/api/v1/action-plans/OSLO', `/api/v1/action-plans/${'a'.repeat(150)}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ code: string }>().code).toBe('plans.not_found');
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes both routes with their response schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>; parameters?: { name: string; in: string }[] }>> }>();
    const list = doc.paths['/api/v1/action-plans']!.get!;
    expect(list.operationId).toBe('listActionPlans');
    expect(Object.keys(list.responses['200']!.content!['application/json']!.schema.properties!)).toEqual(['count', 'data']);
    const one = doc.paths['/api/v1/action-plans/{plan}']!.get!;
    expect(one.operationId).toBe('getActionPlan');
    expect(one.parameters).toEqual([expect.objectContaining({ name: 'plan', in: 'path' })]);
    expect(one.responses['200']!.content!['application/json']!.schema.properties).toHaveProperty('sections');
    expect(one.responses).toHaveProperty('404');
  });
});
