import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

interface StateJson {
  iso2: string;
  iso3: string;
  names: Record<string, string>;
  region: string;
  signatureDate: string | null;
  consentType: string;
  consentDate: string;
  eifDate: string;
  withdrawalNotifiedDate: string | null;
  withdrawalEffectiveDate: string | null;
  suspensionNotifiedDate: string | null;
  membershipStatus: string;
  article5: { deadline: string; status: string; toVerify: boolean } | null;
}
interface ListJson {
  on: string | null;
  count: number;
  data: StateJson[];
}

describe('GET /api/v1/states', () => {
  it('lists every State that is or was a party, cacheable, with membership and Article 5 data', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T09:00:00Z'));
    const res = await t.app.inject('/api/v1/states');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json<ListJson>();
    expect(body.on).toBeNull();
    expect(body.count).toBe(166);
    expect(body.data).toHaveLength(166);
    const byIso = new Map(body.data.map((s) => [s.iso2, s]));
    expect(byIso.get('PS')).toMatchObject({
      iso3: 'PSE',
      names: { en: 'State of Palestine', ar: 'دولة فلسطين' },
      region: 'middle_east',
      signatureDate: null,
      consentType: 'accession',
      consentDate: '2017-12-29',
      eifDate: '2018-06-01',
      membershipStatus: 'party',
      article5: { deadline: '2028-06-01', status: 'original', toVerify: false },
    });
    expect(byIso.get('EE')).toMatchObject({ membershipStatus: 'withdrawn', withdrawalNotifiedDate: '2025-06-27', withdrawalEffectiveDate: '2025-12-27', article5: null });
    expect(byIso.get('UA')).toMatchObject({ membershipStatus: 'suspension_notified', suspensionNotifiedDate: '2025-07-18' });
    expect(Object.keys(byIso.get('JP')!.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });

  it('keeps the States that were parties on a date with ?on=', async () => {
    const nov2023 = (await t.app.inject('/api/v1/states?on=2023-11-20')).json<ListJson>();
    expect(nov2023.on).toBe('2023-11-20');
    expect(nov2023.count).toBe(164);
    expect((await t.app.inject('/api/v1/states?on=2026-03-01')).json<ListJson>().count).toBe(161);
    const isos = async (on: string) => (await t.app.inject(`/api/v1/states?on=${on}`)).json<ListJson>().data.map((s) => s.iso2);
    expect(await isos('2025-12-26')).toContain('EE');
    expect(await isos('2025-12-27')).not.toContain('EE');
    expect(await isos('1999-02-28')).toEqual([]);
    // The 40 instruments deposited by 16 September 1998 and the 5 more deposited later that month.
    expect(await isos('1999-03-01')).toHaveLength(45);
  });

  it('answers a bad date with a 400 problem', async () => {
    for (const on of ['2023-02-30', 'yesterday', '2023-1-1', '']) {
      const res = await t.app.inject(`/api/v1/states?on=${encodeURIComponent(on)}`);
      expect(res.statusCode, on).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 400, code: 'api.invalid_date' });
    }
    const twice = await t.app.inject('/api/v1/states?on=2023-11-20&on=2024-01-01');
    expect(twice.statusCode).toBe(400);
  });
});

describe('GET /api/v1/states/{iso2}', () => {
  it('gives one State in any letter case', async () => {
    const res = await t.app.inject('/api/v1/states/kh');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.json<StateJson>()).toMatchObject({ iso2: 'KH', eifDate: '2000-01-01', article5: { deadline: '2030-12-31', status: 'extended' } });
    expect((await t.app.inject('/api/v1/states/KH')).json<StateJson>().iso2).toBe('KH');
  });

  it('answers an unknown State with a 404 problem', async () => {
    for (const code of ['zz', 'us', 'abc', '1']) {
      const res = await t.app.inject(`/api/v1/states/${code}`);
      expect(res.statusCode, code).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, code: 'states.not_found' });
    }
  });
});

describe('OpenAPI', () => {
  it('documents both routes and the ?on= parameter', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, { get?: { operationId: string; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> } }> }>();
    const list = doc.paths['/api/v1/states']?.get;
    expect(list?.operationId).toBe('listStates');
    expect(list?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'on', in: 'query' })]));
    expect(list?.responses).toHaveProperty('200');
    expect(list?.responses).toHaveProperty('400');
    const one = doc.paths['/api/v1/states/{iso2}']?.get;
    expect(one?.operationId).toBe('getState');
    expect(one?.parameters).toEqual([expect.objectContaining({ name: 'iso2', in: 'path', required: true })]);
    expect(one?.responses).toHaveProperty('404');
  });
});
