import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { CURRENT_FORMAT } from '../../../src/areas/reporting/formats.ts';
import { api, apiUser, COVER_VALUES, expectProblem, type ApiUser } from './support.ts';

let t: TestApp;
let preparer: ApiUser;
let preparer2: ApiUser;
let approver: ApiUser;
let isu: ApiUser;
let committee: ApiUser;
let otherState: ApiUser;
let reportId = '';

const arMessages = JSON.parse(readFileSync(new URL('../../../src/platform/forms/messages/ar.json', import.meta.url), 'utf8')) as Record<string, string>;

interface Draft {
  id: string;
  status: string;
  version: number;
  forms: Record<string, { version: number; status: string; values: Record<string, any> }>;
}
async function draft(token = preparer.token): Promise<Draft> {
  const res = await api(t.app, 'GET', `/api/v1/reports/${reportId}/draft`, { token });
  expect(res.status, res.body).toBe(200);
  return res.json<Draft>();
}

beforeAll(async () => {
  t = await createTestApp();
  preparer = await apiUser(t, { role: 'state_preparer', stateIso2: 'SN', name: 'Prep One' });
  preparer2 = await apiUser(t, { role: 'state_preparer', stateIso2: 'SN', name: 'Prep Two' });
  approver = await apiUser(t, { role: 'state_approver', stateIso2: 'SN', name: 'Approver' });
  isu = await apiUser(t, { role: 'isu_staff', name: 'ISU Officer' });
  committee = await apiUser(t, { role: 'committee_member', committeeId: 'victim-assistance' });
  otherState = await apiUser(t, { role: 'state_approver', stateIso2: 'IQ' });
});
afterAll(async () => t.close());

describe('an Article 7 report prepared, submitted and reviewed through the API', () => {
  it('creates the report for the State of the token', async () => {
    expectProblem(await api(t.app, 'POST', '/api/v1/reports', { body: { kind: 'annual', year: 2023 } }), 401, 'api.token_required');
    expectProblem(await api(t.app, 'POST', '/api/v1/reports', { token: isu.token, body: { kind: 'annual', year: 2023 } }), 403, 'forbidden');
    expectProblem(await api(t.app, 'POST', '/api/v1/reports', { token: committee.token, body: { kind: 'annual', year: 2023 } }), 403, 'forbidden');
    expectProblem(await api(t.app, 'POST', '/api/v1/reports', { token: preparer.token, body: { kind: 'annual', year: 2099 } }), 422, 'report.no_obligation');
    expectProblem(await api(t.app, 'POST', '/api/v1/reports', { token: preparer.token, body: { kind: 'annual', year: '2023' } }), 400, 'request.invalid');

    const res = await api(t.app, 'POST', '/api/v1/reports', { token: preparer.token, body: { kind: 'annual', year: 2023, startFromPrevious: true } });
    expect(res.status, res.body).toBe(201);
    const doc = res.json<Draft & { state: { iso2: string }; dueDate: string }>();
    reportId = doc.id;
    expect(res.headers.location).toBe(`/api/v1/reports/${reportId}/draft`);
    expect(doc).toMatchObject({ status: 'draft', state: { iso2: 'SN' }, dueDate: '2024-04-30' });
    expect(Object.keys(doc.forms).sort()).toEqual(CURRENT_FORMAT.forms.map((f) => f.id).sort());
    expect(doc.forms.C).toMatchObject({ status: 'not_started', version: 1, values: {} });

    expectProblem(await api(t.app, 'POST', '/api/v1/reports', { token: approver.token, body: { kind: 'annual', year: 2023 } }), 409, 'report.exists');
  });

  it('saves a form and returns the new version and the issues left', async () => {
    const before = await draft();
    const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/C`, {
      token: preparer.token,
      body: {
        version: before.forms.C!.version,
        values: {
          hazards: { areas: [{ region: 'Ziguinchor', kind: 'cha', areaCount: 12 }] },
          release: { byRegion: [{ region: 'Ziguinchor', clearedSqm: 45000.4, minesDestroyed: 37 }] },
          plan: { hasPlan: true, planSummary: 'Clearance of the remaining areas by 2026.' },
        },
      },
    });
    expect(res.status, res.body).toBe(200);
    const saved = res.json<{ version: number; status: string; values: any; issues: unknown[] }>();
    expect(saved.version).toBe(before.forms.C!.version + 1);
    expect(saved.status).toBe('in_progress');
    expect(saved.values.hazards.areas[0]).toMatchObject({ region: 'Ziguinchor', kind: 'cha', areaCount: 12, _id: expect.any(String) });
    expect(saved.values.release.byRegion[0].clearedSqm).toBe(45000);
    expect(saved.issues).toEqual([]);

    // The values read back can be sent back as they are.
    const again = await draft();
    expect(again.forms.C!.values).toEqual(saved.values);
    const resend = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/C`, { token: preparer.token, body: { version: saved.version, values: again.forms.C!.values, completed: true } });
    expect(resend.status, resend.body).toBe(200);
    expect(resend.json().status).toBe('complete');
    expect(resend.json().values.hazards.areas[0]._id).toBe(saved.values.hazards.areas[0]._id);
  });

  it('keeps a form in progress when it is marked completed with errors', async () => {
    const d = await draft();
    const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/cover`, { token: preparer.token, body: { version: d.forms.cover!.version, values: { general: { language: 'fr' } }, completed: true } });
    expect(res.status).toBe(200);
    const body = res.json<{ status: string; issues: { path: string; severity: string; code: string; message: string }[] }>();
    expect(body.status).toBe('in_progress');
    expect(body.issues).toContainEqual({ path: 'contacts.people', severity: 'error', code: 'forms.errors.rows_required', message: 'Add at least one row' });
  });

  it('answers a stale version with 409 and the current values', async () => {
    const d = await draft(preparer2.token);
    const v = d.forms.J!.version;
    const first = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/J`, { token: preparer.token, body: { version: v, values: { victims: { narrative: 'Women deminers make up a third of teams.' } } } });
    expect(first.status).toBe(200);
    const second = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/J`, {
      token: preparer2.token,
      body: { version: v, values: { victims: { narrative: 'Risk education sessions are held separately for women and men.' } } },
    });
    const p = expectProblem(second, 409, 'form.conflict');
    expect(p.details).toMatchObject({ formId: 'J', version: v + 1, values: { victims: { narrative: 'Women deminers make up a third of teams.' } }, changed: ['victims.narrative'] });
    // Nothing was overwritten.
    expect((await draft()).forms.J!.values.victims.narrative).toBe('Women deminers make up a third of teams.');
    const retry = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/J`, {
      token: preparer2.token,
      body: { version: p.details!.version, values: { victims: { narrative: 'Risk education sessions are held separately for women and men.' } }, completed: true },
    });
    expect(retry.status).toBe(200);
  });

  it('rejects invalid values with 422 and messages in Arabic when asked', async () => {
    const d = await draft();
    const res = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/C`, {
      token: preparer.token,
      lang: 'ar,en;q=0.5',
      body: {
        version: d.forms.C!.version,
        values: {
          hazards: { areas: [{ region: 'x'.repeat(201), kind: 'big', areaCount: 1.5, sizeSqm: '١٢', bogus: 1 }] },
          plan: { hasPlan: 'yes' },
          extra: {},
        },
      },
    });
    const p = expectProblem(res, 422, 'form.invalid');
    expect(p.title).not.toMatch(/[A-Za-z]{4}/);
    const byPath = Object.fromEntries(p.errors!.map((e) => [e.path, e.message]));
    expect(byPath['values.hazards.areas.0.areaCount']).toBe(arMessages['forms.errors.not_whole_number']);
    expect(byPath['values.hazards.areas.0.kind']).toBe(arMessages['forms.errors.invalid_option']);
    expect(byPath['values.hazards.areas.0.sizeSqm']).toBe(arMessages['forms.errors.not_number']);
    expect(byPath['values.hazards.areas.0.region']).toBe(t.deps.translator('ar').t('forms.errors.too_long', { max: 200 }));
    expect(byPath['values.hazards.areas.0.region']).toMatch(/^استخدم .*(200|٢٠٠)/);
    expect(byPath['values.plan.hasPlan']).toBe(arMessages['forms.errors.invalid_option']);
    // Unknown fields are rejected (not dropped), with Zod's Arabic message.
    expect(byPath['values.hazards.areas.0.bogus']).toMatch(/[\u0600-\u06FF]/);
    expect(byPath['values.extra']).toMatch(/[\u0600-\u06FF]/);
    expect(p.details!.errors).toEqual(p.errors);
    // Nothing was saved.
    expect((await draft()).forms.C!.version).toBe(d.forms.C!.version);

    const en = expectProblem(await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/C`, { token: preparer.token, body: { version: d.forms.C!.version, values: { hazards: { areas: [{ areaCount: -3 }] } } } }), 422, 'form.invalid');
    expect(en.errors).toEqual([{ path: 'values.hazards.areas.0.areaCount', message: 'Enter a number between 0 and 1,000,000,000,000' }]);
  });

  it('marks forms not applicable, and unchanged only when an earlier report gave them', async () => {
    let d = await draft();
    const un = expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/forms/A/unchanged`, { token: preparer.token, body: { version: d.forms.A!.version } }), 422, 'report.no_previous_content');
    expect(un.code).toBe('report.no_previous_content');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/forms/cover/not-applicable`, { token: preparer.token, body: { version: d.forms.cover!.version } }), 404, 'not_found');
    const stale = expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/forms/A/not-applicable`, { token: preparer.token, body: { version: d.forms.A!.version + 5 } }), 409, 'form.conflict');
    expect(stale.details!.version).toBe(d.forms.A!.version);
    for (const id of ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I']) {
      const res = await api(t.app, 'POST', `/api/v1/reports/${reportId}/forms/${id}/not-applicable`, { token: preparer.token, body: { version: d.forms[id]!.version } });
      expect(res.status, `${id}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ formId: id, status: 'not_applicable', version: d.forms[id]!.version + 1 });
    }
    d = await draft();
    const cover = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/cover`, { token: preparer.token, body: { version: d.forms.cover!.version, values: COVER_VALUES, completed: true } });
    expect(cover.json().status).toBe('complete');
  });

  it('checks the report with paths, and lets only the approver submit', async () => {
    const check = await api(t.app, 'GET', `/api/v1/reports/${reportId}/check`, { token: approver.token });
    expect(check.status).toBe(200);
    const c = check.json<{ canSubmit: boolean; unfinished: string[]; errors: unknown[]; warnings: { formId: string; path: string; explanationKey: string; message: string }[]; version: number }>();
    expect(c.unfinished).toEqual([]);
    expect(c.errors).toEqual([]);
    expect(c.canSubmit).toBe(true);
    expect(c.warnings).toContainEqual(expect.objectContaining({ formId: 'C', path: 'hazards.areas.0.sizeSqm', explanationKey: 'C:hazards.areas.0.sizeSqm' }));
    expect((await api(t.app, 'GET', `/api/v1/reports/${reportId}/check`, { token: preparer.token })).json().canSubmit).toBe(false);
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${reportId}/check`, { token: otherState.token }), 404);

    const submission = { version: c.version, visibility: 'public', declaration: true, explanations: {} as Record<string, string> };
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: preparer.token, body: submission }), 403, 'forbidden');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: otherState.token, body: submission }), 404, 'not_found');
    const noDecl = expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: approver.token, body: { ...submission, declaration: false } }), 422, 'report.declaration_required');
    expect(noDecl.errors![0]!.path).toBe('declaration');
    const noExpl = expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: approver.token, body: submission }), 422, 'report.explanations_required');
    expect(noExpl.errors).toContainEqual(expect.objectContaining({ path: 'explanations.C:hazards.areas.0.sizeSqm' }));
    submission.explanations = { 'C:hazards.areas.0.sizeSqm': 'The survey of this area is not finished.' };
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: approver.token, body: { ...submission, version: c.version + 1 } }), 409, 'report.stale');

    const res = await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: approver.token, body: submission });
    expect(res.status, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: reportId, status: 'submitted', currentVersionNo: 1 });
  });

  it('refuses changes once submitted', async () => {
    const d = await draft();
    expectProblem(await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/J`, { token: preparer.token, body: { version: d.forms.J!.version, values: {} } }), 409, 'report.not_editable');
    expectProblem(await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/J`, { token: otherState.token, body: { version: d.forms.J!.version, values: {} } }), 404, 'not_found');
  });

  it('lets the State and the ISU discuss the report, and the ISU return, acknowledge and publish it', async () => {
    const mine = await api(t.app, 'POST', `/api/v1/reports/${reportId}/comments`, { token: preparer.token, body: { formId: 'C', body: 'Sizes will follow.' } });
    expect(mine.status, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ formId: 'C', authorSide: 'state', body: 'Sizes will follow.' });
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/comments`, { token: preparer.token, body: { formId: 'Z', body: 'x' } }), 400, 'request.invalid');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/comments`, { token: preparer.token, body: { formId: null, body: '   ' } }), 422, 'report.comment_required');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/comments`, { token: committee.token, body: { body: 'Hello' } }), 403, 'forbidden');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/comments`, { token: otherState.token, body: { body: 'Hello' } }), 404, 'not_found');

    let version = (await draft(isu.token)).version;
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, { token: approver.token, body: { version } }), 403, 'forbidden');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/return`, { token: isu.token, body: { version, comments: [] } }), 400, 'request.invalid');
    const returned = await api(t.app, 'POST', `/api/v1/reports/${reportId}/return`, { token: isu.token, body: { version, comments: [{ formId: 'C', body: 'Please give the size of the Ziguinchor area.' }, { formId: null, body: 'Thank you.' }] } });
    expect(returned.status, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    version = returned.json().version;
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, { token: isu.token, body: { version } }), 409, 'report.wrong_status');

    const thread = await api(t.app, 'GET', `/api/v1/reports/${reportId}/comments`, { token: preparer.token });
    expect(thread.json().data.map((c: { authorSide: string; body: string }) => `${c.authorSide}: ${c.body}`)).toEqual([
      'state: Sizes will follow.',
      'isu: Please give the size of the Ziguinchor area.',
      'isu: Thank you.',
    ]);
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${reportId}/comments`, { token: committee.token }), 403, 'forbidden');

    // The State answers and submits a second version, with the reason of the correction.
    const d = await draft();
    const row = d.forms.C!.values.hazards.areas[0];
    const fix = await api(t.app, 'PUT', `/api/v1/reports/${reportId}/forms/C`, { token: preparer.token, body: { version: d.forms.C!.version, values: { ...d.forms.C!.values, hazards: { areas: [{ ...row, sizeSqm: 125000 }] } }, completed: true } });
    expect(fix.json().status).toBe('complete');
    const d2 = await draft();
    const noReason = expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: approver.token, body: { version: d2.version, visibility: 'public', declaration: true } }), 422, 'report.reason_required');
    expect(noReason.errors![0]!.path).toBe('reason');
    const v2 = await api(t.app, 'POST', `/api/v1/reports/${reportId}/submit`, { token: approver.token, body: { version: d2.version, visibility: 'public', declaration: true, reason: 'Size of the Ziguinchor area added.' } });
    expect(v2.json()).toMatchObject({ status: 'submitted', currentVersionNo: 2 });

    const ack = await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, { token: isu.token, body: { version: v2.json().version } });
    expect(ack.json().status).toBe('acknowledged');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/publish`, { token: isu.token, body: { version: v2.json().version } }), 409, 'report.stale');
    const pub = await api(t.app, 'POST', `/api/v1/reports/${reportId}/publish`, { token: isu.token, body: { version: ack.json().version } });
    expect(pub.json()).toMatchObject({ status: 'published', publishedVersionNo: 2 });

    // Now public, with the corrected values and both versions.
    const doc = await api(t.app, 'GET', `/api/v1/reports/${reportId}`);
    expect(doc.status).toBe(200);
    expect(doc.json()).toMatchObject({ versionNo: 2, reason: 'Size of the Ziguinchor area added.', versions: [{ versionNo: 2 }] });
    expect(doc.json().forms.C.values.hazards.areas[0].sizeSqm).toBe(125000);
    const internal = await api(t.app, 'GET', `/api/v1/reports/${reportId}?version=1`, { token: committee.token });
    expect(internal.json().forms.C.explanations).toEqual({ 'hazards.areas.0.sizeSqm': 'The survey of this area is not finished.' });
    expectProblem(await api(t.app, 'GET', `/api/v1/reports/${reportId}?version=1`), 404, 'not_found');

    // Another State may read it, but not act on it.
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, { token: otherState.token, body: { version: 1 } }), 403, 'forbidden');
    expectProblem(await api(t.app, 'POST', `/api/v1/reports/${reportId}/forms/A/not-applicable`, { token: otherState.token, body: { version: 1 } }), 403, 'forbidden');
  });
});
