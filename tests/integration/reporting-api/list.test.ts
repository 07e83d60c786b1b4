import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { startCorrection } from '../../../src/areas/reporting/reports-commands.ts';
import { api, apiUser, expectProblem, seedReport, type ApiUser } from './support.ts';

let t: TestApp;
const users: Record<string, { preparer: ApiUser; approver: ApiUser }> = {};
let isu: ApiUser;
let committee: ApiUser;
const ids: Record<string, string> = {};

interface Summary {
  id: string;
  state: { iso2: string; names: Record<string, string> };
  kind: string;
  year: number;
  status?: string;
  visibility: string;
  currentVersionNo?: number;
  publishedVersionNo: number | null;
  submittedAt: string | null;
  publishedAt: string | null;
  version?: number;
  links: Record<string, string>;
}
interface ListBody {
  total: number;
  limit: number;
  offset: number;
  data: Summary[];
}

const keyOf = (s: Summary) => `${s.state.iso2}${s.year}`;
async function list(query = '', token?: string) {
  const res = await api(t.app, 'GET', `/api/v1/reports${query}`, { token });
  expect(res.status, res.body).toBe(200);
  return res.json<ListBody>();
}

beforeAll(async () => {
  t = await createTestApp();
  isu = await apiUser(t, { role: 'isu_staff', name: 'ISU Officer' });
  committee = await apiUser(t, { role: 'committee_member', committeeId: 'victim-assistance' });
  for (const iso2 of ['SN', 'KH', 'CO', 'AF', 'IQ']) {
    users[iso2] = {
      preparer: await apiUser(t, { role: 'state_preparer', stateIso2: iso2 }),
      approver: await apiUser(t, { role: 'state_approver', stateIso2: iso2 }),
    };
  }
  const seed = async (iso2: string, year: number, upTo: 'draft' | 'submitted' | 'acknowledged' | 'published', visibility: 'public' | 'restricted' = 'public') => {
    const r = await seedReport(t, { ...users[iso2]!, isu, year, upTo, visibility });
    ids[`${iso2}${year}`] = r.id;
    return r;
  };
  await seed('SN', 2022, 'published');
  await seed('KH', 2022, 'published', 'restricted');
  await seed('CO', 2022, 'submitted');
  await seed('AF', 2022, 'acknowledged');
  await seed('SN', 2023, 'draft');
  await seed('IQ', 2023, 'draft');
  // Published, then a correction was started: the public still sees version 1, not the draft.
  const co21 = await seed('CO', 2021, 'published');
  await startCorrection(t.deps, users.CO!.preparer.actor, users.CO!.preparer.principal, co21.id, co21.version);
});
afterAll(async () => t.close());

describe('GET /api/v1/reports', () => {
  it('without a token lists only published public reports, without their working status', async () => {
    const res = await api(t.app, 'GET', '/api/v1/reports');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const body = res.json<ListBody>();
    expect(body.data.map(keyOf).sort()).toEqual(['CO2021', 'SN2022']);
    expect(body.total).toBe(2);
    for (const s of body.data) {
      expect(s.status).toBeUndefined();
      expect(s.currentVersionNo).toBeUndefined();
      expect(s.version).toBeUndefined();
      expect(s.publishedVersionNo).toBe(1);
      expect(s.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const sn = body.data.find((s) => s.state.iso2 === 'SN')!;
    expect(sn).toMatchObject({ kind: 'annual', year: 2022, visibility: 'public', state: { names: { en: 'Senegal', ar: 'السنغال' } } });
    expect(sn.links).toEqual({
      self: `/api/v1/reports/${sn.id}`,
      html: `/en/reports/${sn.id}`,
      pdf: `/en/reports/${sn.id}/export.pdf`,
      xlsx: `/en/reports/${sn.id}/export.xlsx`,
      csv: `/en/reports/${sn.id}/export.csv.zip`,
      json: `/en/reports/${sn.id}/export.json`,
    });
  });

  it('pages the public list in the database, with the total of every page', async () => {
    const first = await list('?limit=1');
    const second = await list('?limit=1&offset=1');
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.data, ...second.data].map(keyOf).sort()).toEqual(['CO2021', 'SN2022']);
    expect((await list('?limit=1&offset=2')).data).toEqual([]);
    expect((await list('?kind=initial')).total).toBe(0);
  });

  it('ignores every status filter but published without a token', async () => {
    expect((await list('?status=draft')).total).toBe(2);
    expect((await list('?status=published')).total).toBe(2);
  });

  it('shows a State its own reports in any status, and restricted published reports', async () => {
    const body = await list('', users.IQ!.preparer.token);
    expect(body.data.map(keyOf).sort()).toEqual(['CO2021', 'IQ2023', 'KH2022', 'SN2022']);
    const byKey = Object.fromEntries(body.data.map((s) => [keyOf(s), s]));
    expect(byKey.IQ2023!.status).toBe('draft');
    expect(byKey.IQ2023!.version).toBeGreaterThan(0);
    expect(byKey.KH2022!.status).toBeUndefined();
    expect(byKey.CO2021!.status).toBeUndefined();
    // A status it cannot see counts as published.
    expect((await list('?status=draft', users.IQ!.preparer.token)).data.map(keyOf)).toEqual(['IQ2023']);
    expect((await list('?status=published', users.IQ!.preparer.token)).data.map(keyOf).sort()).toEqual(['CO2021', 'KH2022', 'SN2022']);
    const sn = await list('', users.SN!.approver.token);
    expect(sn.data.map(keyOf).sort()).toEqual(['CO2021', 'KH2022', 'SN2022', 'SN2023']);
  });

  it('shows committee members the submitted reports, never drafts that were never submitted', async () => {
    const body = await list('', committee.token);
    expect(body.data.map(keyOf).sort()).toEqual(['AF2022', 'CO2021', 'CO2022', 'KH2022', 'SN2022']);
    const byKey = Object.fromEntries(body.data.map((s) => [keyOf(s), s]));
    expect(byKey.CO2022!.status).toBe('submitted');
    expect(byKey.CO2021!.status).toBe('draft');
    expect(byKey.CO2022!.version).toBeUndefined();
    expect((await list('?status=acknowledged', committee.token)).data.map(keyOf)).toEqual(['AF2022']);
  });

  it('shows the ISU every report, with filters and pages', async () => {
    const all = await list('', isu.token);
    expect(all.total).toBe(7);
    expect(all.data.map(keyOf)).toEqual(['IQ2023', 'SN2023', 'AF2022', 'CO2022', 'KH2022', 'SN2022', 'CO2021']);
    const page = await list('?limit=2&offset=2', isu.token);
    expect(page).toMatchObject({ total: 7, limit: 2, offset: 2 });
    expect(page.data.map(keyOf)).toEqual(['AF2022', 'CO2022']);
    const last = await list('?limit=2&page=4', isu.token);
    expect(last.offset).toBe(6);
    expect(last.data.map(keyOf)).toEqual(['CO2021']);
    expect((await list('?state=sn', isu.token)).data.map(keyOf)).toEqual(['SN2023', 'SN2022']);
    expect((await list('?year=2023&status=draft', isu.token)).total).toBe(2);
    expect((await list('?kind=initial', isu.token)).total).toBe(0);
    const res = await api(t.app, 'GET', '/api/v1/reports', { token: isu.token });
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('answers bad query parameters with a problem', async () => {
    for (const q of ['?limit=201', '?limit=0', '?limit=abc', '?offset=-1', '?state=SEN', '?year=20x', '?status=lost', '?state=SN&state=KH']) {
      const p = expectProblem(await api(t.app, 'GET', `/api/v1/reports${q}`), 400, 'request.invalid');
      expect(p.errors!.length, q).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/v1/reports/{id}', () => {
  interface Doc extends Summary {
    versionNo: number;
    versions: { versionNo: number }[];
    forms: Record<string, { status: string; values: Record<string, any>; explanations: Record<string, string> }>;
  }

  it('gives the public a published report with every form', async () => {
    const res = await api(t.app, 'GET', `/api/v1/reports/${ids.SN2022}`);
    expect(res.status).toBe(200);
    const doc = res.json<Doc>();
    expect(doc.versionNo).toBe(1);
    expect(doc.status).toBeUndefined();
    expect(doc.forms.cover!.status).toBe('complete');
    expect(doc.forms.cover!.values.contacts.people[0]).toMatchObject({ organisation: 'National Mine Action Authority', _id: expect.any(String) });
    expect(doc.forms.A!.status).toBe('not_applicable');
    expect(Object.keys(doc.forms)).toHaveLength(11);
  });

  it('shows the published version while a correction is being prepared', async () => {
    const doc = (await api(t.app, 'GET', `/api/v1/reports/${ids.CO2021}`)).json<Doc>();
    expect(doc.versionNo).toBe(1);
    expect(doc.status).toBeUndefined();
    const internal = (await api(t.app, 'GET', `/api/v1/reports/${ids.CO2021}`, { token: isu.token })).json<Doc>();
    expect(internal.status).toBe('draft');
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.CO2021}?version=2`, { token: isu.token }), 404, 'not_found');
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.CO2021}?version=x`), 400, 'request.invalid');
  });

  it('asks for a token for restricted reports, and hides drafts and unpublished reports', async () => {
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.KH2022}`), 401, 'api.token_required');
    expect((await api(t.app, 'GET', `/api/v1/reports/${ids.KH2022}`, { token: users.IQ!.preparer.token })).status).toBe(200);
    // Drafts and submitted reports of other States do not exist for outsiders.
    for (const key of ['SN2023', 'CO2022', 'AF2022']) {
      expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids[key]}`), 404, 'not_found');
      expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids[key]}`, { token: users.IQ!.preparer.token }), 404, 'not_found');
    }
    expect((await api(t.app, 'GET', `/api/v1/reports/${ids.CO2022}`, { token: committee.token })).status).toBe(200);
    // The State's own never-submitted report points to its draft.
    const p = expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.SN2023}`, { token: users.SN!.preparer.token }), 404);
    expect(p.details!.draft).toBe(`/api/v1/reports/${ids.SN2023}/draft`);
  });
});

describe('GET /api/v1/reports/{id}/draft', () => {
  it('gives the working copy to the State and the ISU only', async () => {
    for (const token of [users.SN!.preparer.token, isu.token]) {
      const res = await api(t.app, 'GET', `/api/v1/reports/${ids.SN2023}/draft`, { token });
      expect(res.status).toBe(200);
      const doc = res.json<{ status: string; version: number; forms: Record<string, { version: number; status: string }> }>();
      expect(doc.status).toBe('draft');
      expect(doc.forms.C).toMatchObject({ version: 1, status: 'not_started' });
    }
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.SN2023}/draft`), 401, 'api.token_required');
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.SN2023}/draft`, { token: users.IQ!.preparer.token }), 404, 'not_found');
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.SN2023}/draft`, { token: committee.token }), 404, 'not_found');
    // Committee members may read the submitted report, not its working copy.
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${ids.CO2022}/draft`, { token: committee.token }), 403, 'forbidden');
  });
});
